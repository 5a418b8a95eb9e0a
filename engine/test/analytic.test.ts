import { test } from "node:test";
import assert from "node:assert/strict";
import { predictMigration, predictRounds } from "../src/migration/analytic.js";
import { defaultProfile } from "../src/migration/profiles.js";
import { simulate } from "../src/simulate.js";
import type { HypervisorProfile } from "../src/scenario.js";
import { assertClose, only, RecordingSink, twoHosts } from "./fixtures.js";

const cases: { name: string; memory: number; dirty: number; bandwidth: number; linkLatency: number; profile: Partial<HypervisorProfile> }[] = [
  { name: "converging", memory: 2 ** 30, dirty: 3e7, bandwidth: 1.25e8, linkLatency: 0.0025, profile: { prepareSec: 0.1, resumeSec: 0.02 } },
  { name: "slow link", memory: 4e9, dirty: 1.024e7, bandwidth: 6.25e7, linkLatency: 0.01, profile: {} },
  { name: "hot", memory: 1e9, dirty: 2e8, bandwidth: 1.25e8, linkLatency: 0.001, profile: {} },
  { name: "capped rounds", memory: 1e9, dirty: 1.1e8, bandwidth: 1.25e8, linkLatency: 0.05, profile: { maxSentFactor: 50 } },
  { name: "kvm threshold", memory: 8e9, dirty: 5e7, bandwidth: 1.25e8, linkLatency: 0.0001, profile: defaultProfile("kvm") },
];

for (const c of cases) {
  test(`simulation and analytic prediction agree within 0.1 %: ${c.name}`, () => {
    const scenario = twoHosts([{ name: "vm", memoryBytes: c.memory, dirtyBytesPerSec: c.dirty }], {
      bandwidthBytesPerSec: c.bandwidth,
      linkLatencySec: c.linkLatency,
      profile: c.profile,
    });
    const simulated = only(simulate(scenario, new RecordingSink()));
    const input = {
      memoryBytes: c.memory,
      dirtyBytesPerSec: c.dirty,
      bandwidthBytesPerSec: c.bandwidth,
      latencySec: 2 * c.linkLatency,
      profile: scenario.profiles[0]!,
    };
    const predicted = predictMigration(input);
    const rounds = predictRounds(input);
    assert.equal(simulated.stopReason, predicted.stopReason);
    assert.equal(simulated.rounds.length, predicted.roundCount);
    assert.equal(rounds.length, predicted.roundCount);
    assertClose(simulated.totalTimeSec, predicted.totalTimeSec, 1e-3, "total time");
    assertClose(simulated.downtimeSec, predicted.downtimeSec, 1e-3, "downtime");
    assertClose(simulated.bytesSent, predicted.bytesSent, 1e-3, "bytes sent");
    simulated.rounds.forEach((round, i) => {
      assert.equal(round.phase, rounds[i]!.phase);
      assertClose(round.bytes, rounds[i]!.bytes, 1e-3, `round ${i} bytes`);
      assertClose(round.durationSec, rounds[i]!.durationSec, 1e-3, `round ${i} duration`);
    });
  });
}

test("the prediction follows the recurrence written out by hand", () => {
  // M = 1e9, R = 1e8, L = 0.01, D = 1e7: T_0 = 10.01, V_1 = 1.001e8, T_1 = 1.011, V_2 = 1.011e7, ...
  const profile = { ...defaultProfile("xen"), resumeSec: 0, prepareSec: 0 };
  const rounds = predictRounds({ memoryBytes: 1e9, dirtyBytesPerSec: 1e7, bandwidthBytesPerSec: 1e8, latencySec: 0.01, profile });
  let bytes = 1e9;
  for (const round of rounds) {
    assertClose(round.bytes, bytes, 1e-12, `round ${round.index} bytes`);
    assertClose(round.durationSec, 0.01 + bytes / 1e8, 1e-12, `round ${round.index} duration`);
    bytes = 1e7 * (0.01 + bytes / 1e8);
  }
  assert.equal(rounds.at(-1)!.phase, "stop-and-copy");
  assert.ok(rounds.at(-1)!.bytes < profile.stopBelowBytes);
  assert.ok(rounds.at(-2)!.bytes >= profile.stopBelowBytes);
});

test("a profile that cannot terminate, or a zero bandwidth, is refused", () => {
  const input = { memoryBytes: 1e9, dirtyBytesPerSec: 1e7, bandwidthBytesPerSec: 1e8, latencySec: 0, profile: defaultProfile("xen") };
  assert.throws(() => predictMigration({ ...input, profile: { ...input.profile, maxRounds: 0 } }), RangeError);
  assert.throws(() => predictMigration({ ...input, profile: { ...input.profile, maxRounds: Infinity } }), RangeError);
  assert.throws(() => predictMigration({ ...input, bandwidthBytesPerSec: 0 }), RangeError);
});
