/**
 * The custom LSP messages between the vmig extension (client) and the vmig language server.
 *
 * Declared once here and imported by both sides, so a renamed method or a changed payload is a compile
 * error rather than a silent mismatch. Each message says who sends it to whom.
 */
import { NotificationType, ProtocolRequestType, type WorkDoneProgressParams } from "vscode-languageserver-protocol";
import type { EventDocument, LinkLoadDocument, MigrationDocument, ResultsDocument, TopologyDocument } from "./document.js";

/** One series' new points since the previous batch; `points` is a flat [t0, v0, t1, v1, ...] array. */
export interface SeriesChunk {
  readonly series: string;
  readonly unit: "bytes" | "bytes/s" | "ratio";
  readonly points: readonly number[];
}

export interface RunScenarioParams extends WorkDoneProgressParams {
  /** URI of the .vmig document to run, as the client knows it (its current, possibly unsaved, text). */
  readonly uri: string;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Client-chosen id echoed in every notification of this run. */
  readonly runId: string;
}

export interface RunScenarioResult {
  readonly runId: string;
  /** The results, absent when the scenario could not be run (see `error`). */
  readonly results?: ResultsDocument;
  /** Why the run failed: a scenario with errors, or an engine failure. */
  readonly error?: string;
}

/**
 * Client → server: run a scenario. The server reports LSP work-done progress on the request's
 * `workDoneToken`, streams `SeriesNotification`s while it runs, sends `RunDoneNotification` at the end, and
 * then answers. Cancelling the request (`$/cancelRequest`) stops the run; the answer then carries the
 * results so far with `cancelled: true`.
 */
export namespace RunScenarioRequest {
  export const method = "vmig/runScenario";
  export const type = new ProtocolRequestType<RunScenarioParams, RunScenarioResult, never, void, void>(method);
}

export interface SeriesParams {
  readonly runId: string;
  readonly chunks: readonly SeriesChunk[];
  /** Migrations that finished since the previous notification. */
  readonly finished: readonly MigrationDocument[];
  /** The network being simulated: in the run's first notification only. */
  readonly topology?: TopologyDocument;
  /** Events since the previous notification, in time order. */
  readonly events?: readonly EventDocument[];
  /**
   * The latest link-utilisation frame since the previous notification (the server drops older ones); its
   * ratios are mean loads since the run's previous frame (docs/protocol.md).
   */
  readonly link_loads?: readonly LinkLoadDocument[];
}

/** Server → client: a batch of new series points and finished migrations of a running scenario. */
export namespace SeriesNotification {
  export const method = "vmig/series";
  export const type = new NotificationType<SeriesParams>(method);
}

export interface RunDoneParams {
  readonly runId: string;
  readonly results?: ResultsDocument;
  readonly error?: string;
  /** What the results leave out, for the user: e.g. that only the first of a scenario's repetitions ran. */
  readonly note?: string;
}

/** Server → client: the run ended (finished, cancelled or failed). Sent before the request is answered. */
export namespace RunDoneNotification {
  export const method = "vmig/runDone";
  export const type = new NotificationType<RunDoneParams>(method);
}
