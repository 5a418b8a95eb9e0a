/**
 * What a simulation produces, and the sink it streams through.
 *
 * All quantities are SI (bytes, seconds, bytes per second). The CLI and the server translate these into
 * the snake_case JSON of docs/results-schema.md; nothing else renames them.
 */
export type RoundPhase = "precopy" | "stop-and-copy";

export type StopReason =
  | "below-threshold"
  | "max-rounds"
  | "max-sent"
  | "nothing-dirty";

export interface RoundResult {
  /** 0 for the full-memory copy; the stop-and-copy round has the last index. */
  readonly index: number;
  readonly phase: RoundPhase;
  readonly startSec: number;
  readonly durationSec: number;
  readonly bytes: number;
  /** Rate at which the VM dirtied memory during this round, in bytes per second. */
  readonly dirtyRateBytesPerSec: number;
}

export interface MigrationResult {
  readonly vm: string;
  readonly source: string;
  readonly target: string;
  readonly startSec: number;
  readonly endSec: number;
  readonly totalTimeSec: number;
  readonly downtimeSec: number;
  readonly bytesSent: number;
  readonly rounds: readonly RoundResult[];
  readonly stopReason: StopReason;
}

/** One point of a time series: simulated time in seconds and a value in the series' unit. */
export type SeriesPoint = readonly [timeSec: number, value: number];

/** Points appended to named series since the previous batch. */
export interface SeriesBatch {
  /** Series name, for example `remaining/web` (bytes left to copy for VM `web`). */
  readonly series: string;
  readonly unit: "bytes" | "bytes/s" | "ratio";
  readonly points: readonly SeriesPoint[];
}

export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  /** Simulated time at which the run ended, in seconds. */
  readonly endSec: number;
  readonly migrations: readonly MigrationResult[];
  /** True when the run stopped at the horizon or was cancelled before every migration finished. */
  readonly truncated: boolean;
  readonly cancelled: boolean;
}

/** Receives results while the simulation runs. Batches are flushed in simulated-time order. */
export interface SimulationSink {
  series(batches: readonly SeriesBatch[]): void;
  migrationDone(result: MigrationResult): void;
}

export interface SimulationOptions {
  /** Overrides `Scenario.seed`. */
  readonly seed?: number;
  /** Polled between events; returning true cancels the run, which then returns what it has. */
  readonly isCancelled?: () => boolean;
  /** Most series points buffered before the sink is called (default 256). */
  readonly batchSize?: number;
}
