import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClose } from "./fixtures.js";
import { assertAgree, oneVm, run } from "./migrationFixtures.js";

const GiB = 2 ** 30;

test("post-copy: downtime is the device state plus resume; memory is pushed once afterwards", () => {
  const options = {
    memoryBytes: GiB,
    dirty: { kind: "constant", bytesPerSec: 1e8 } as const,
    bandwidthBytesPerSec: 1e8,
    profile: { deviceStateBytes: 1e6 },
    mode: "postcopy" as const,
  };
  const post = assertAgree(options);
  assert.equal(post.stopRule, "postcopy");
  assert.deepEqual(post.rounds.map((r) => [r.phase, r.stage, r.bytes]), [["stop-and-copy", undefined, 1e6], ["precopy", "push", GiB]]);
  assertClose(post.downtimeSec, 1e6 / 1e8 + 0.015, 1e-9, "downtime");
  assertClose(post.degradedSec!, GiB / 1e8, 1e-9, "degraded: the push");
  assertClose(post.totalTimeSec, 1e6 / 1e8 + 0.015 + GiB / 1e8, 1e-9, "total");
  assert.equal(post.bytesSent, GiB + 1e6);
  // D = R, no latency: u(t) = R t over the push of τ = M/R, so F = (1/τ) ∫ R t dt = M / 2.
  assertClose(post.remoteFaults!, GiB / 2 / 4096, 1e-9, "remote faults");
  const pre = run(oneVm({ ...options, mode: "precopy" }).scenario);
  assert.ok(pre.downtimeSec > 100 * post.downtimeSec);
  assert.ok(pre.bytesSent > 4 * post.bytesSent);
  assert.equal(pre.remoteFaults, undefined);
});

test("post-copy of an idle VM has no remote faults; a working set bounds them", () => {
  const idle = run(oneVm({ memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 0 }, bandwidthBytesPerSec: 1e8, mode: "postcopy" }).scenario);
  assert.equal(idle.remoteFaults, 0);
  const wws = assertAgree({ memoryBytes: GiB, dirty: { kind: "wws", bytesPerSec: 1e9, wwsBytes: 5e7 }, bandwidthBytesPerSec: 1e8, linkLatencySec: 0.001, mode: "postcopy" });
  assert.ok(wws.remoteFaults! < 5e7 / 4096);
  assert.ok(wws.remoteFaults! > 0.9 * (5e7 / 4096), "a hot working set faults almost entirely");
});

test("block migration: disk rounds first, leftover blocks carried into memory round 0", () => {
  // Disk 1e10 B written at 1e7 B/s over 1e8 B/s: disk rounds of 1e10 · 0.1^k; the sixth would carry 1e5 B,
  // under Xen's 204,800-byte threshold, so memory round 0 carries it with the memory.
  const m = assertAgree({
    memoryBytes: GiB,
    dirty: { kind: "constant", bytesPerSec: 2e7 },
    bandwidthBytesPerSec: 1e8,
    // Xen's xl has no block migration; this profile is Xen's loop with it turned on.
    profile: { blockMigration: true },
    vm: { disk: { bytes: 1e10, local: true, writeBytesPerSec: 1e7 } },
  });
  const disk = m.rounds.filter((r) => r.stage === "disk");
  assert.equal(disk.length, 5);
  disk.forEach((r, k) => assertClose(r.bytes, 1e10 * 0.1 ** k, 1e-9, `disk round ${k}`));
  assertClose(m.rounds[5]!.bytes, GiB + 1e5, 1e-9, "memory round 0");
  // Later memory rounds carry memory and disk writes: 3e7 B/s over the previous round.
  assertClose(m.rounds[6]!.bytes, 3e7 * m.rounds[5]!.durationSec, 1e-9, "memory round 1");
  const shared = run(oneVm({ memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 2e7 }, bandwidthBytesPerSec: 1e8, vm: { disk: { bytes: 1e10, local: false, writeBytesPerSec: 1e7 } } }).scenario);
  assert.ok(shared.rounds.every((r) => r.stage === undefined), "shared storage copies no disk");
});

test("compression scales the bytes on the wire; its CPU cost can bound the rate", () => {
  const base = { memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 0 } as const, bandwidthBytesPerSec: 1e8 };
  const cheap = assertAgree({ ...base, profile: { resumeSec: 0, compression: { ratio: 0.5, cpuSecPerByte: 1e-10 } } });
  assertClose(cheap.totalTimeSec, GiB / 2 / 1e8, 1e-9, "half the bytes, link-bound");
  assert.equal(cheap.bytesSent, GiB / 2);
  assert.equal(cheap.rounds[0]!.wireBytes, GiB / 2);
  assert.equal(cheap.rounds[0]!.bytes, GiB);
  // 1e-8 s per byte: at most 1e8 memory bytes/s = 5e7 wire bytes/s, below the link.
  const costly = assertAgree({ ...base, profile: { resumeSec: 0, compression: { ratio: 0.5, cpuSecPerByte: 1e-8 } } });
  assertClose(costly.totalTimeSec, GiB * 1e-8, 1e-9, "CPU-bound");
});

test("content reuse (paper 002): static bytes are skipped in round 0 only", () => {
  const L = 0.002;
  const m = assertAgree({
    memoryBytes: GiB,
    dirty: { kind: "constant", bytesPerSec: 0 },
    bandwidthBytesPerSec: 1e8,
    linkLatencySec: L / 2,
    profile: { resumeSec: 0.02 },
    vm: { staticBytes: GiB / 4 },
  });
  assert.equal(m.rounds[0]!.bytes, (3 * GiB) / 4);
  assertClose(m.totalTimeSec, L + (0.75 * GiB) / 1e8 + L + 0.02, 1e-9, "total");
});

test("device state rides with the stop-and-copy and adds to the downtime", () => {
  const m = assertAgree({ memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 0 }, bandwidthBytesPerSec: 1e8, profile: { deviceStateBytes: 5e6, resumeSec: 0.01 } });
  assert.equal(m.rounds.at(-1)!.bytes, 5e6);
  assertClose(m.downtimeSec, 0.05 + 0.01, 1e-9, "downtime");
});
