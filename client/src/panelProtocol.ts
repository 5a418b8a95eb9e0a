/**
 * The messages between the extension and the results webview.
 *
 * This module holds types only, so that both the extension (Node) and the webview bundle (browser) can
 * import it without pulling in either side's runtime.
 */
import type { MigrationDocument, RunDoneParams, SeriesParams } from "@vmig/protocol";
import type { SeriesStore } from "@vmig/report";

/** An earlier run the panel compares the current one with. */
export interface BaselineRun {
  readonly runId: string;
  readonly scenario: string;
  readonly seed: number;
  readonly migrations: readonly MigrationDocument[];
  /** Its bytes-left series (`remaining/<vm>`), already decimated to the panel's point budget. */
  readonly remaining: SeriesStore;
}

/**
 * Extension → webview. Run messages name their run, and the webview ignores messages of other runs.
 * `configure` carries the settings the page honours; `compare` sets the baseline of the run on show (a new
 * run clears it, and the extension sends it again while comparison stays on).
 */
export type ToPanelMessage =
  | { readonly type: "runStarted"; readonly runId: string; readonly scenario: string }
  | { readonly type: "series"; readonly params: SeriesParams }
  | { readonly type: "runDone"; readonly params: RunDoneParams }
  | { readonly type: "configure"; readonly maxPoints: number }
  | { readonly type: "compare"; readonly baseline: BaselineRun };

/**
 * Webview → extension: the page is listening (`ready`), the user pressed its Stop button (`stop`), or
 * closed the comparison (`closeCompare`).
 */
export type FromPanelMessage = { readonly type: "ready" } | { readonly type: "stop" } | { readonly type: "closeCompare" };
