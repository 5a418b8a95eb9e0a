import { test } from "node:test";
import assert from "node:assert/strict";
import { optimalRates } from "../src/migration/optimal.js";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import type { Scenario } from "../src/scenario.js";
import { assertClose, RecordingSink, twoHosts } from "./fixtures.js";

const four = twoHosts(
  [1e9, 2e9, 5e8, 1e9].map((memoryBytes, i) => ({ name: `vm${i}`, memoryBytes, dirtyBytesPerSec: 1e6 })),
  { bandwidthBytesPerSec: 1e8 },
);
const runWith = (extra: Partial<Scenario>) => simulate({ ...four, ...extra }, new RecordingSink()).migrations;

test("sequential: each migration starts when the previous one ends, in start order", () => {
  const m = runWith({ schedule: { kind: "sequential" } });
  for (let i = 1; i < m.length; i++) assertClose(m[i]!.startSec, m[i - 1]!.endSec, 1e-12, `migration ${i}`);
  assertClose(m[0]!.rounds[0]!.durationSec, 10, 1e-9, "alone on the link");
});

test("batched: the second pair starts when both of the first pair have finished", () => {
  const m = runWith({ schedule: { kind: "batched", size: 2 } });
  assert.equal(m[0]!.startSec, 0);
  assert.equal(m[1]!.startSec, 0);
  const firstWave = Math.max(m[0]!.endSec, m[1]!.endSec);
  assertClose(m[2]!.startSec, firstWave, 1e-12, "third");
  assertClose(m[3]!.startSec, firstWave, 1e-12, "fourth");
});

test("equal allocation caps each of M concurrent migrations at R/M", () => {
  const m = runWith({ allocation: { kind: "equal" } });
  for (const x of m) {
    assert.equal(x.allocatedRateBytesPerSec, 2.5e7);
    assertClose(x.rounds[0]!.bytes / x.rounds[0]!.durationSec, 2.5e7, 1e-9, `${x.vm} round 0`);
  }
  const fair = runWith({});
  assert.ok(fair.every((x) => x.allocatedRateBytesPerSec === undefined));
  assert.ok(Math.max(...fair.map((x) => x.endSec)) < Math.max(...m.map((x) => x.endSec)), "fair reuses freed bandwidth");
});

test("optimal allocation reports paper 003's rates and uses them as caps", () => {
  const m = runWith({ allocation: { kind: "optimal", rounds: 3 } });
  const expected = optimalRates({ vms: four.vms.map((vm) => ({ memoryBytes: vm.memoryBytes, dirtyBytesPerSec: 1e6 })), totalBytesPerSec: 1e8, rounds: 3 });
  m.forEach((x, j) => {
    assertClose(x.allocatedRateBytesPerSec!, expected.ratesBytesPerSec[j]!, 1e-12, x.vm);
    assertClose(x.rounds[0]!.bytes / x.rounds[0]!.durationSec, expected.ratesBytesPerSec[j]!, 1e-9, `${x.vm} round 0 rate`);
  });
  assert.ok(m[1]!.allocatedRateBytesPerSec! > m[0]!.allocatedRateBytesPerSec!);
});

test("an infeasible optimal allocation is a SimulationError before the run", () => {
  const hot = { ...four, vms: four.vms.map((vm) => ({ ...vm, dirty: { kind: "constant" as const, bytesPerSec: 3e7 } })) };
  assert.throws(() => simulate({ ...hot, allocation: { kind: "optimal" } }, new RecordingSink()), SimulationError);
});

test("the same scenario gives byte-identical results with every new option", () => {
  const scenario: Scenario = {
    ...four,
    schedule: { kind: "batched", size: 3 },
    allocation: { kind: "optimal" },
    vms: four.vms.map((vm, i) => ({ ...vm, dirty: { kind: "wws", bytesPerSec: 2e7, wwsBytes: 1e8 * (i + 1) }, staticBytes: 1e7 })),
    migrations: four.migrations.map((m, i) => ({ ...m, mode: i % 2 === 0 ? "precopy" : "postcopy" })),
  };
  const a = JSON.stringify(simulate(scenario, new RecordingSink()));
  const b = JSON.stringify(simulate(scenario, new RecordingSink()));
  assert.equal(a, b);
});
