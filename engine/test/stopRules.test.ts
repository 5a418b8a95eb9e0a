import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import type { Scenario } from "../src/scenario.js";
import { assertClose, RecordingSink } from "./fixtures.js";
import { assertAgree, oneVm, run } from "./migrationFixtures.js";

const GiB = 2 ** 30;
const MiB = 2 ** 20;

test("Xen's fourth rule: a VM dirtying faster than the link stops after round 0 instead of on max-sent", () => {
  const base = { memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 1.2e8 } as const, bandwidthBytesPerSec: 1e8, linkLatencySec: 0.001 };
  const without = run(oneVm(base).scenario);
  assert.equal(without.stopReason, "max-sent");
  assert.equal(without.rounds.length, 5);
  const withRule = assertAgree({ ...base, profile: { stopWhenDirtyExceedsRate: true } });
  assert.equal(withRule.stopRule, "dirty-exceeds-rate");
  assert.equal(withRule.stopReason, "max-rounds");
  assert.deepEqual(withRule.rounds.map((r) => [r.phase, r.bytes]), [["precopy", GiB], ["stop-and-copy", GiB]]);
});

test("Xen's fourth rule leaves a converging migration alone", () => {
  const m = run(oneVm({ memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 2e7 }, bandwidthBytesPerSec: 1e8, profile: { stopWhenDirtyExceedsRate: true } }).scenario);
  assert.equal(m.stopReason, "below-threshold");
  assert.equal(m.rounds.length, 7);
});

test("KVM: switch over once the next round fits 300 ms at the measured, capped bandwidth", () => {
  // b = 128 MiB/s (the cap, below the 10 Gb/s link), D = b/2, no latency: V_i = M/2^i, T_i = V_i/b. The
  // rule V_{i+1} <= 0.3 b first holds for i + 1 = 7 (4 GiB / 128 = 32 MiB <= 38.4 MiB). The stop-and-copy is
  // not rate-limited (QEMU's ram_save_complete), so it runs at 1.25e9 B/s.
  const b = 128 * MiB;
  const m = assertAgree({ memoryBytes: 4 * GiB, dirty: { kind: "constant", bytesPerSec: b / 2 }, bandwidthBytesPerSec: 1.25e9, kind: "kvm" });
  assert.equal(m.stopRule, "downtime-limit");
  assert.equal(m.stopReason, "below-threshold");
  assert.equal(m.rounds.length, 8);
  assertClose(m.rounds[7]!.bytes, 32 * MiB, 1e-9, "final round");
  assertClose(m.downtimeSec, (32 * MiB) / 1.25e9 + 0.015, 1e-9, "downtime");
  assertClose(m.totalTimeSec, 32 * (1 - 0.5 ** 7) * 2 + (32 * MiB) / 1.25e9 + 0.015, 1e-9, "total");
  m.rounds.slice(0, 7).forEach((r) => assertClose(r.bytes / r.durationSec, b, 1e-9, "live rounds run at the cap"));
});

test("KVM: a longer downtime limit switches over earlier; without a cap the link rate is measured", () => {
  const base = { memoryBytes: 4 * GiB, dirty: { kind: "constant", bytesPerSec: 64 * MiB } as const, bandwidthBytesPerSec: 1.25e9, kind: "kvm" as const };
  const strict = run(oneVm(base).scenario);
  const loose = run(oneVm({ ...base, profile: { downtimeLimitSec: 2 } }).scenario);
  assert.ok(loose.rounds.length < strict.rounds.length);
  const uncapped = assertAgree({ ...base, profile: { maxBandwidthBytesPerSec: undefined } });
  assertClose(uncapped.rounds[0]!.durationSec, (4 * GiB) / 1.25e9, 1e-9, "round 0 at the link rate");
});

test("KVM under contention: the threshold follows the bandwidth each round actually measured", () => {
  const { scenario } = oneVm({ memoryBytes: 4 * GiB, dirty: { kind: "constant", bytesPerSec: 3e7 }, bandwidthBytesPerSec: 1.25e8, kind: "kvm", linkLatencySec: 0.0001 });
  const two: Scenario = {
    ...scenario,
    vms: [scenario.vms[0]!, { ...scenario.vms[0]!, name: "other", dirty: { kind: "constant", bytesPerSec: 0 } }],
    migrations: [scenario.migrations[0]!, { vm: 1, target: 1, startSec: 5 }],
  };
  const m = simulate(two, new RecordingSink()).migrations[0]!;
  const live = m.rounds.filter((r) => r.phase === "precopy");
  const last = m.rounds.at(-1)!;
  const measured = (r: { bytes: number; durationSec: number }) => r.bytes / r.durationSec;
  assert.ok(last.bytes <= 0.3 * measured(live.at(-1)!) * (1 + 1e-12), "the final round fits the limit");
  for (let i = 0; i + 1 < live.length; i++) {
    assert.ok(live[i + 1]!.bytes > 0.3 * measured(live[i]!), `round ${i + 1} did not fit yet`);
  }
  assert.ok(measured(live[1]!) < 1.2e8, "round 1 shared the link");
});

test("auto-converge: throttle 20 % after two hot rounds, then +10 % every two, until the VM converges", () => {
  // D = 2b with b = 128 MiB/s: dirtied/sent = 2(1 − t) > 0.5 while t < 0.75. Rounds 0–1 unthrottled, 2–3 at
  // 20 %, 4–5 at 30 %, ..., 12–13 at 70 %; round 14 at 80 % dirties 0.4 per byte sent, so no more steps.
  const b = 128 * MiB;
  const m = assertAgree({ memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 2 * b }, bandwidthBytesPerSec: 1.25e9, kind: "kvm", profile: { autoConverge: {} } });
  const throttles = m.rounds.filter((r) => r.phase === "precopy").map((r) => r.throttle ?? 0);
  const expected = [0, 0, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5, 0.6, 0.6, 0.7, 0.7];
  assert.deepEqual(throttles.slice(0, expected.length), expected);
  assert.ok(throttles.slice(expected.length).every((t) => t === 0.8));
  assert.equal(m.stopRule, "downtime-limit");
  m.rounds.filter((r) => r.phase === "precopy").forEach((r) => assertClose(r.dirtyRateBytesPerSec, 2 * b * (1 - (r.throttle ?? 0)), 1e-12, "throttled rate"));
  const off = run(oneVm({ memoryBytes: GiB, dirty: { kind: "constant", bytesPerSec: 2 * b }, bandwidthBytesPerSec: 1.25e9, kind: "kvm" }).scenario);
  assert.equal(off.stopReason, "max-rounds", "without auto-converge QEMU never converges; vmig's bound stops it");
});
