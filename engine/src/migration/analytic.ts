/**
 * Closed-form prediction of one uncontended migration.
 *
 * The recurrence of paper 003 (Netalkar, ../shared/papers/003_73d1c9fca91e0d38.txt, equations 1–5, after
 * Cerroni & Esposito) with one rate R for every round, plus the path's one-way latency L, which every
 * transfer pays once (the flow model of ../network/flows.ts):
 *
 *   V_0 = V_mem,   T_i = L + W(V_i) / min(R, cap_i),   V_{i+1} = dirtied(T_i)
 *
 * where W is the bytes on the wire (compression), cap_i the round's rate cap and dirtied the VM's dirty model
 * (./dirtying.ts), iterated by the same state machine as the simulation (./rounds.ts: disk rounds, memory
 * rounds, stop rules, auto-converge, stop-and-copy, post-copy push). Then
 *
 *   total time = prepare + sum_{i=0..n} T_i + resume,   downtime = T_n + resume
 *
 * (post-copy: the push round comes after the resume and adds to the total, not to the downtime). With L = 0,
 * a constant rate D and no cap, V_i = V_mem (D/R)^i, paper 003's equation 5. The simulation of an
 * uncontended migration follows the same recurrence, so the two agree to rounding; the tests check it.
 * `predictMigration` allocates only its working state and result, so editors may call it on every keystroke.
 */
import type { DirtyModel, HypervisorProfile, VmDisk } from "../scenario.js";
import type { RoundPhase, StopReason, StopRule } from "../results.js";
import { expectedRemoteFaults } from "./postcopy.js";
import { RoundPlanner, type MigrationSpec } from "./rounds.js";
import { checkProfile, legacyStopReason } from "./stopConditions.js";

export interface PredictionInput {
  readonly memoryBytes: number;
  /** Constant dirty rate, used when `dirty` is absent. */
  readonly dirtyBytesPerSec: number;
  /** The VM's dirty model; overrides `dirtyBytesPerSec`. */
  readonly dirty?: DirtyModel;
  /** Bandwidth the migration gets in every round (the path's bottleneck when uncontended), in bytes/s. */
  readonly bandwidthBytesPerSec: number;
  /** One-way latency of the path, paid by every round's transfer, in seconds. */
  readonly latencySec: number;
  readonly profile: HypervisorProfile;
  readonly staticBytes?: number;
  readonly disk?: VmDisk;
  readonly mode?: "precopy" | "postcopy";
  /** Page size for post-copy's remote faults (default 4096), in bytes. */
  readonly pageBytes?: number;
  /** Rate cap from a rate allocation, in bytes/s. */
  readonly rateCapBytesPerSec?: number;
  /**
   * Time each round spends beyond latency + bytes / rate (a relayed stream's costs, ../architecture/streamCost.ts),
   * given its bytes on the wire; called once per round, in order.
   */
  readonly roundOverheadSec?: (wireBytes: number) => number;
}

export interface MigrationPrediction {
  /** From the start of preparation to the VM running on the destination with all its memory, in seconds. */
  readonly totalTimeSec: number;
  readonly downtimeSec: number;
  /** Bytes on the wire. */
  readonly bytesSent: number;
  /** Number of rounds, disk rounds, the stop-and-copy and a post-copy push included. */
  readonly roundCount: number;
  /** Bytes of the stop-and-copy round. */
  readonly finalRoundBytes: number;
  readonly stopReason: StopReason;
  readonly stopRule: StopRule;
  /** Post-copy only: the push's duration, and the expected remote faults during it. */
  readonly degradedSec?: number;
  readonly remoteFaults?: number;
}

export interface PredictedRound {
  readonly index: number;
  readonly phase: RoundPhase;
  /** Start of the round, in seconds after the migration started. */
  readonly startSec: number;
  readonly durationSec: number;
  readonly bytes: number;
  readonly stage?: "disk" | "push";
}

/** Predicts time, downtime, bytes and stop reason; throws RangeError on a profile that cannot terminate. */
export function predictMigration(input: PredictionInput): MigrationPrediction {
  return iterate(input, undefined);
}

/** The rounds of the prediction, in order, the stop-and-copy last (or a post-copy push after it). */
export function predictRounds(input: PredictionInput): PredictedRound[] {
  const rounds: PredictedRound[] = [];
  iterate(input, (index, phase, startSec, durationSec, bytes, stage) =>
    rounds.push(stage === undefined ? { index, phase, startSec, durationSec, bytes } : { index, phase, startSec, durationSec, bytes, stage }),
  );
  return rounds;
}

type RoundVisitor = (
  index: number,
  phase: RoundPhase,
  startSec: number,
  durationSec: number,
  bytes: number,
  stage: "disk" | "push" | undefined,
) => void;

function iterate(input: PredictionInput, visit: RoundVisitor | undefined): MigrationPrediction {
  const { memoryBytes, bandwidthBytesPerSec, latencySec, profile } = input;
  checkProfile(profile);
  if (!(bandwidthBytesPerSec > 0)) throw new RangeError(`bandwidth must be positive, got ${bandwidthBytesPerSec}`);
  const dirty = input.dirty ?? { kind: "constant", bytesPerSec: input.dirtyBytesPerSec };
  // One object literal of a fixed shape (absent fields stay undefined), without spreads: this runs per call.
  const spec: MigrationSpec = {
    memoryBytes,
    dirty,
    profile,
    mode: input.mode ?? "precopy",
    staticBytes: input.staticBytes,
    disk: input.disk,
    rateCapBytesPerSec: input.rateCapBytesPerSec,
  };
  const planner = new RoundPlanner(spec);
  planner.start();

  let clock = profile.prepareSec;
  let downtime = 0;
  let finalBytes = 0;
  let pushSec: number | undefined;
  let pushBytes = 0;
  let rounds = 0;
  let rule: StopRule | undefined;
  // Without a visitor or per-round overhead, plain memory rounds run in the planner's own loop.
  const plainRounds = visit === undefined && input.roundOverheadSec === undefined && planner.plainMemoryRounds;
  while (!planner.done) {
    const stage = planner.stage;
    if (plainRounds && stage === "memory") {
      const firstIndex = planner.index;
      clock = planner.runPlainMemoryRounds(clock, latencySec, Math.min(bandwidthBytesPerSec, planner.rateCap));
      rounds += planner.index - firstIndex;
      continue;
    }
    const rate = Math.min(bandwidthBytesPerSec, planner.rateCap);
    const duration = latencySec + planner.wireBytes / rate + (input.roundOverheadSec?.(planner.wireBytes) ?? 0);
    if (visit !== undefined) {
      const phase: RoundPhase = stage === "final" ? "stop-and-copy" : "precopy";
      visit(planner.index, phase, clock, duration, planner.bytes, stage === "disk" || stage === "push" ? stage : undefined);
    }
    clock += duration;
    rounds++;
    if (stage === "final") {
      rule = planner.rule;
      finalBytes = planner.bytes;
      downtime = duration + profile.resumeSec;
      clock += profile.resumeSec;
    } else if (stage === "push") {
      pushSec = duration;
      pushBytes = planner.bytes;
    }
    const roundBytes = planner.bytes;
    planner.finish(duration);
    if (visit === undefined && stage === "memory") {
      // At a fixed point every round repeats this one until a counting rule fires (./rounds.ts). The other
      // skips need plain rounds without overhead, which run above.
      const repeats = planner.skipFixedPoint(roundBytes);
      clock += repeats * duration;
      rounds += repeats;
    }
  }
  const stopRule = rule ?? "max-rounds";
  const prediction: MigrationPrediction = {
    totalTimeSec: clock,
    downtimeSec: downtime,
    bytesSent: planner.sentWireBytes,
    roundCount: rounds,
    finalRoundBytes: finalBytes,
    stopReason: legacyStopReason(stopRule),
    stopRule,
  };
  if (pushSec === undefined) return prediction;
  const remoteFaults = expectedRemoteFaults(dirty, memoryBytes, pushBytes, pushSec, latencySec, input.pageBytes ?? 4096);
  return { ...prediction, degradedSec: pushSec, remoteFaults };
}
