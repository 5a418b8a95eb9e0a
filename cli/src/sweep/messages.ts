/**
 * Messages between the sweep's main thread and its worker threads (`sweepWorker.ts`). Each worker takes
 * one run at a time and answers with the run's index, so results can be written in run order.
 */
import type { StopReason } from "@vmig/engine";

/** `workerData` of every sweep worker. */
export interface SweepWorkerData {
  /** The swept file as given on the command line: diagnostics name it, imports resolve against it. */
  readonly file: string;
}

/** One run, sent to a worker. */
export interface RunRequest {
  readonly index: number;
  /** The file's text with this run's parameter values set. */
  readonly text: string;
  readonly seed?: number;
}

/** The columns of one finished migration. */
export interface MigrationRow {
  readonly vm: string;
  readonly source: string;
  readonly target: string;
  readonly start_s: number;
  readonly total_time_s: number;
  readonly downtime_s: number;
  readonly bytes_sent: number;
  readonly rounds: number;
  readonly stop_reason: StopReason;
}

/** What a worker answers for one run. */
export type RunReply =
  | {
      readonly index: number;
      readonly kind: "done";
      readonly seed: number;
      readonly migrations: readonly MigrationRow[];
      /** Each `expect` (and `sla`) of the run: the VM it is about and whether it held. */
      readonly expectations: readonly { readonly vm: string; readonly passed: boolean }[];
    }
  /** The edited text has errors; the diagnostics are formatted as `file:line:col: …`. */
  | { readonly index: number; readonly kind: "invalid"; readonly diagnostics: readonly string[] }
  /** The simulation threw. */
  | { readonly index: number; readonly kind: "failed"; readonly message: string };
