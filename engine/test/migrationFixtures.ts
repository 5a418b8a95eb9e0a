/**
 * One VM migrating between two hosts, built from a dirty model and profile overrides, with the matching
 * analytic-predictor input; and a comparison of a simulated migration with its prediction.
 */
import assert from "node:assert/strict";
import { predictMigration, predictRounds, type PredictionInput } from "../src/migration/analytic.js";
import { defaultProfile } from "../src/migration/profiles.js";
import type { MigrationResult } from "../src/results.js";
import type { DirtyModel, HypervisorKind, HypervisorProfile, Scenario, Vm } from "../src/scenario.js";
import { simulate } from "../src/simulate.js";
import { assertClose, only, RecordingSink, twoHosts } from "./fixtures.js";

export interface OneVmOptions {
  readonly memoryBytes: number;
  readonly dirty: DirtyModel;
  readonly bandwidthBytesPerSec: number;
  /** Per link; the path has two links. */
  readonly linkLatencySec?: number;
  readonly kind?: HypervisorKind;
  readonly profile?: Partial<HypervisorProfile>;
  readonly vm?: Partial<Vm>;
  readonly mode?: "precopy" | "postcopy";
}

export function oneVm(options: OneVmOptions): { scenario: Scenario; input: PredictionInput } {
  const base = twoHosts([{ name: "vm", memoryBytes: options.memoryBytes, dirtyBytesPerSec: 0 }], {
    bandwidthBytesPerSec: options.bandwidthBytesPerSec,
    linkLatencySec: options.linkLatencySec ?? 0,
  });
  const profile: HypervisorProfile = { ...defaultProfile(options.kind ?? "xen"), ...options.profile };
  const vm: Vm = { ...base.vms[0]!, dirty: options.dirty, ...options.vm };
  const scenario: Scenario = {
    ...base,
    profiles: [profile],
    vms: [vm],
    migrations: [{ ...base.migrations[0]!, ...(options.mode === undefined ? {} : { mode: options.mode }) }],
  };
  const input: PredictionInput = {
    memoryBytes: options.memoryBytes,
    dirtyBytesPerSec: options.dirty.bytesPerSec,
    dirty: options.dirty,
    bandwidthBytesPerSec: options.bandwidthBytesPerSec,
    latencySec: 2 * (options.linkLatencySec ?? 0),
    profile,
    ...(vm.staticBytes === undefined ? {} : { staticBytes: vm.staticBytes }),
    ...(vm.disk === undefined ? {} : { disk: vm.disk }),
    ...(options.mode === undefined ? {} : { mode: options.mode }),
  };
  return { scenario, input };
}

export function run(scenario: Scenario): MigrationResult {
  return only(simulate(scenario, new RecordingSink()));
}

/** Asserts the simulation and the predictor agree within `relative` on every figure and every round. */
export function assertAgree(options: OneVmOptions, relative = 1e-3): MigrationResult {
  const { scenario, input } = oneVm(options);
  const simulated = run(scenario);
  const predicted = predictMigration(input);
  const rounds = predictRounds(input);
  assert.equal(simulated.stopReason, predicted.stopReason);
  assert.equal(simulated.stopRule ?? simulated.stopReason, predicted.stopRule);
  assert.equal(simulated.rounds.length, predicted.roundCount);
  assertClose(simulated.totalTimeSec, predicted.totalTimeSec, relative, "total time");
  assertClose(simulated.downtimeSec, predicted.downtimeSec, relative, "downtime");
  assertClose(simulated.bytesSent, predicted.bytesSent, relative, "bytes sent");
  if (predicted.remoteFaults !== undefined) {
    assertClose(simulated.remoteFaults!, predicted.remoteFaults, relative, "remote faults");
    assertClose(simulated.degradedSec!, predicted.degradedSec!, relative, "degraded time");
  }
  simulated.rounds.forEach((round, i) => {
    assert.equal(round.phase, rounds[i]!.phase, `round ${i} phase`);
    assert.equal(round.stage, rounds[i]!.stage, `round ${i} stage`);
    assertClose(round.bytes, rounds[i]!.bytes, relative, `round ${i} bytes`);
    assertClose(round.durationSec, rounds[i]!.durationSec, relative, `round ${i} duration`);
  });
  return simulated;
}
