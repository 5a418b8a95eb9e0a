// Validation of the migration models against closed forms and the papers' stated behaviour; see
// docs/validation.md for each claim, its source and the tolerance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClose } from "./fixtures.js";
import { assertAgree, oneVm, run } from "./migrationFixtures.js";

const GB = 1e9;

test("idle VM closed form: total = prepare + (L + M/R) + L + resume, downtime = L + resume (exact to 1e-9)", () => {
  const L = 0.0002;
  const m = assertAgree({ memoryBytes: 4 * GB, dirty: { kind: "constant", bytesPerSec: 0 }, bandwidthBytesPerSec: 1.25e8, linkLatencySec: L / 2, profile: { prepareSec: 0.3, resumeSec: 0.015 } });
  assertClose(m.totalTimeSec, 0.3 + (L + (4 * GB) / 1.25e8) + L + 0.015, 1e-9, "total");
  assertClose(m.downtimeSec, L + 0.015, 1e-9, "downtime");
  assert.equal(m.stopReason, "nothing-dirty");
});

test("paper 000 §2.1 / Xen: the three stop rules end at exact round counts", () => {
  // Threshold: D/R = 0.2 gives rounds 1e9 · 0.2^i; 0.2^6 · 1e9 = 64,000 < 204,800: 7 rounds.
  const threshold = run(oneVm({ memoryBytes: GB, dirty: { kind: "constant", bytesPerSec: 2e7 }, bandwidthBytesPerSec: 1e8 }).scenario);
  assert.deepEqual([threshold.stopReason, threshold.rounds.length], ["below-threshold", 7]);
  // 3x memory: D = R resends all memory each round; after 4 rounds 4 GB > 3 GB sent: 5 rounds.
  const sent = run(oneVm({ memoryBytes: GB, dirty: { kind: "constant", bytesPerSec: 1e8 }, bandwidthBytesPerSec: 1e8, linkLatencySec: 0.001 }).scenario);
  assert.deepEqual([sent.stopReason, sent.rounds.length], ["max-sent", 5]);
  // 30 rounds: D/R = 0.95 with the 3x rule relaxed.
  const rounds = run(oneVm({ memoryBytes: GB, dirty: { kind: "constant", bytesPerSec: 0.95e8 }, bandwidthBytesPerSec: 1e8, profile: { maxSentFactor: 100 } }).scenario);
  assert.deepEqual([rounds.stopReason, rounds.rounds.length], ["max-rounds", 30]);
});

test("Hines et al. (VEE 2009): post-copy's downtime is the state transfer, and each page crosses once", () => {
  const options = { memoryBytes: 2 * GB, dirty: { kind: "wws", bytesPerSec: 2e8, wwsBytes: 4e8 } as const, bandwidthBytesPerSec: 1.25e8, linkLatencySec: 0.0001, profile: { deviceStateBytes: 2e6 } };
  const pre = run(oneVm(options).scenario);
  const post = assertAgree({ ...options, mode: "postcopy" });
  assertClose(post.downtimeSec, 0.0002 + 2e6 / 1.25e8 + 0.015, 1e-9, "post-copy downtime");
  assert.equal(post.bytesSent, 2 * GB + 2e6);
  assert.ok(pre.bytesSent > post.bytesSent);
  assert.ok(pre.downtimeSec > 10 * post.downtimeSec);
  assert.ok(post.remoteFaults! > 0 && post.degradedSec! > 0);
});

test("paper 002 (content reuse): skipping S static bytes in round 0 saves S/R for an idle VM, nothing later", () => {
  const base = { memoryBytes: GB, dirty: { kind: "constant", bytesPerSec: 0 } as const, bandwidthBytesPerSec: 1e8 };
  const plain = run(oneVm(base).scenario);
  const reuse = assertAgree({ ...base, vm: { staticBytes: 3e8 } });
  assertClose(plain.totalTimeSec - reuse.totalTimeSec, 3e8 / 1e8, 1e-9, "time saved");
  assert.equal(plain.bytesSent - reuse.bytesSent, 3e8);
});
