/**
 * Messages between the server's main thread and a simulation worker thread.
 */
import type { MigrationDocument, ResultsDocument, SeriesChunk } from "@vmig/protocol";
import type { StreamExtras } from "./seriesCoalescer.js";

/** Main thread → worker, once, as `workerData`. */
export interface WorkerInput {
  readonly text: string;
  readonly uri: string;
  /** The files the document imports, already read by the main thread: [uri, text] pairs. */
  readonly imports: readonly (readonly [string, string])[];
  readonly seed?: number;
  /** One Int32: set to 1 (with Atomics.store) to cancel the run. */
  readonly cancelFlag: SharedArrayBuffer;
}

/** Worker → main thread. */
export type WorkerOutput =
  | ({ readonly type: "series"; readonly chunks: readonly SeriesChunk[]; readonly finished: readonly MigrationDocument[] } & StreamExtras)
  | { readonly type: "done"; readonly results: ResultsDocument; readonly note?: string }
  | { readonly type: "error"; readonly message: string };
