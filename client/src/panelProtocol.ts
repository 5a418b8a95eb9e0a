/**
 * The messages between the extension and the results webview.
 *
 * This module holds types only, so that both the extension (Node) and the webview bundle (browser) can
 * import it without pulling in either side's runtime.
 */
import type { RunDoneParams, SeriesParams } from "@vmig/protocol";

/** Extension → webview. Every message names its run, and the webview ignores messages of other runs. */
export type ToPanelMessage =
  | { readonly type: "runStarted"; readonly runId: string; readonly scenario: string }
  | { readonly type: "series"; readonly params: SeriesParams }
  | { readonly type: "runDone"; readonly params: RunDoneParams };

/** Webview → extension: the page is listening (`ready`), or the user pressed its Stop button (`stop`). */
export type FromPanelMessage = { readonly type: "ready" } | { readonly type: "stop" };
