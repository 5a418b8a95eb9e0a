/**
 * Closed-form prediction of one uncontended pre-copy migration.
 *
 * The recurrence of paper 003 (Netalkar, ../shared/papers/003_73d1c9fca91e0d38.txt, equations 1–5, after
 * Cerroni & Esposito) with one rate R for every round, plus the path's one-way latency L, which every
 * transfer pays once (the flow model of ../network/flows.ts):
 *
 *   V_0 = V_mem,   T_i = L + V_i / R,   V_{i+1} = min(D · T_i, V_mem)
 *
 * iterated until the Xen stop rules (./stopConditions.ts) pick the stop-and-copy round n. Then
 *
 *   total time = prepare + sum_{i=0..n} T_i + resume,   downtime = T_n + resume.
 *
 * With L = 0 and no cap this is V_i = V_mem (D/R)^i, paper 003's equation 5. The simulation of an
 * uncontended migration follows the same recurrence, so the two agree to rounding; the tests check it.
 * `predictMigration` allocates nothing but its result, so editors may call it on every keystroke.
 */
import type { HypervisorProfile } from "../scenario.js";
import type { RoundPhase, StopReason } from "../results.js";
import { dirtiedBytes } from "./dirtying.js";
import { checkProfile, stopBeforeFirstRound, stopReasonAfterRound } from "./stopConditions.js";

export interface PredictionInput {
  readonly memoryBytes: number;
  readonly dirtyBytesPerSec: number;
  /** Bandwidth the migration gets in every round (the path's bottleneck when uncontended), in bytes/s. */
  readonly bandwidthBytesPerSec: number;
  /** One-way latency of the path, paid by every round's transfer, in seconds. */
  readonly latencySec: number;
  readonly profile: HypervisorProfile;
}

export interface MigrationPrediction {
  /** From the start of preparation to the VM running on the destination, in seconds. */
  readonly totalTimeSec: number;
  readonly downtimeSec: number;
  readonly bytesSent: number;
  /** Number of rounds, the stop-and-copy included. */
  readonly roundCount: number;
  /** Bytes of the stop-and-copy round. */
  readonly finalRoundBytes: number;
  readonly stopReason: StopReason;
}

export interface PredictedRound {
  readonly index: number;
  readonly phase: RoundPhase;
  /** Start of the round, in seconds after the migration started. */
  readonly startSec: number;
  readonly durationSec: number;
  readonly bytes: number;
}

/** Predicts time, downtime, bytes and stop reason; throws RangeError on a profile that cannot terminate. */
export function predictMigration(input: PredictionInput): MigrationPrediction {
  return iterate(input, undefined);
}

/** The rounds of the prediction, in order, the stop-and-copy last. */
export function predictRounds(input: PredictionInput): PredictedRound[] {
  const rounds: PredictedRound[] = [];
  iterate(input, (index, phase, startSec, durationSec, bytes) =>
    rounds.push({ index, phase, startSec, durationSec, bytes }),
  );
  return rounds;
}

type RoundVisitor = (index: number, phase: RoundPhase, startSec: number, durationSec: number, bytes: number) => void;

function iterate(input: PredictionInput, visit: RoundVisitor | undefined): MigrationPrediction {
  const { memoryBytes, dirtyBytesPerSec, bandwidthBytesPerSec, latencySec, profile } = input;
  checkProfile(profile);
  if (!(bandwidthBytesPerSec > 0)) throw new RangeError(`bandwidth must be positive, got ${bandwidthBytesPerSec}`);

  let clock = profile.prepareSec;
  let sent = 0;
  let bytes = memoryBytes;
  let index = 0;
  let reason = stopBeforeFirstRound(profile);
  while (reason === undefined) {
    const duration = latencySec + bytes / bandwidthBytesPerSec;
    if (visit !== undefined) visit(index, "precopy", clock, duration, bytes);
    clock += duration;
    sent += bytes;
    bytes = dirtiedBytes(dirtyBytesPerSec, duration, memoryBytes);
    index++;
    reason = stopReasonAfterRound(profile, index, bytes, sent, memoryBytes);
  }
  const finalDuration = latencySec + bytes / bandwidthBytesPerSec;
  if (visit !== undefined) visit(index, "stop-and-copy", clock, finalDuration, bytes);
  return {
    totalTimeSec: clock + finalDuration + profile.resumeSec,
    downtimeSec: finalDuration + profile.resumeSec,
    bytesSent: sent + bytes,
    roundCount: index + 1,
    finalRoundBytes: bytes,
    stopReason: reason,
  };
}
