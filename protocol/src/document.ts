/**
 * The results document: the JSON that `vmig run --json` prints and the server sends to the editor.
 *
 * Its schema is docs/results-schema.md; change both together. Field names are snake_case and carry their
 * unit (`_s` seconds, bytes otherwise), because other tools read this document.
 */
import type { MigrationResult, SimulationResult, StopReason, RoundPhase } from "@vmig/engine";

export interface RoundDocument {
  readonly index: number;
  readonly phase: RoundPhase;
  readonly start_s: number;
  readonly duration_s: number;
  readonly bytes: number;
  readonly dirty_rate_bytes_per_s: number;
}

export interface MigrationDocument {
  readonly vm: string;
  readonly source: string;
  readonly target: string;
  readonly start_s: number;
  readonly end_s: number;
  readonly total_time_s: number;
  readonly downtime_s: number;
  readonly bytes_sent: number;
  readonly stop_reason: StopReason;
  readonly rounds: readonly RoundDocument[];
}

export interface ResultsDocument {
  readonly schema: "vmig-results/1";
  readonly scenario: string;
  readonly seed: number;
  readonly end_s: number;
  readonly truncated: boolean;
  readonly cancelled: boolean;
  readonly migrations: readonly MigrationDocument[];
}

/** Translates one migration's engine result into its document form. */
export function toMigrationDocument(m: MigrationResult): MigrationDocument {
  return {
    vm: m.vm,
    source: m.source,
    target: m.target,
    start_s: m.startSec,
    end_s: m.endSec,
    total_time_s: m.totalTimeSec,
    downtime_s: m.downtimeSec,
    bytes_sent: m.bytesSent,
    stop_reason: m.stopReason,
    rounds: m.rounds.map((r) => ({
      index: r.index,
      phase: r.phase,
      start_s: r.startSec,
      duration_s: r.durationSec,
      bytes: r.bytes,
      dirty_rate_bytes_per_s: r.dirtyRateBytesPerSec,
    })),
  };
}

/** Translates a finished simulation into the results document. */
export function toResultsDocument(result: SimulationResult): ResultsDocument {
  return {
    schema: "vmig-results/1",
    scenario: result.scenario,
    seed: result.seed,
    end_s: result.endSec,
    truncated: result.truncated,
    cancelled: result.cancelled,
    migrations: result.migrations.map(toMigrationDocument),
  };
}
