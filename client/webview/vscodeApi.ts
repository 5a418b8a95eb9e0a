/**
 * The webview host's API, which VS Code injects as the global `acquireVsCodeApi` (callable once).
 */
import type { FromPanelMessage } from "../src/panelProtocol.js";

export interface VsCodeApi<State> {
  postMessage(message: FromPanelMessage): void;
  getState(): unknown;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export function vscodeApi<State>(): VsCodeApi<State> {
  return acquireVsCodeApi<State>();
}
