/**
 * The results webview's entry point: keeps the panel state, applies the extension's messages to it, and
 * redraws at most once per animation frame.
 */
import "./styles.css";
import type { ToPanelMessage } from "../src/panelProtocol.js";
import { applyMessage, emptyState, restoreState, worthSaving, type PanelState } from "./panelState.js";
import { registerToolkit } from "./toolkit.js";
import { ResultsView } from "./view.js";
import { vscodeApi } from "./vscodeApi.js";

const vscode = vscodeApi<PanelState>();
registerToolkit();
const state = restoreState(vscode.getState()) ?? emptyState();
const view = new ResultsView(
  {
    stop: () => vscode.postMessage({ type: "stop" }),
    closeCompare: () => {
      state.baseline = undefined;
      vscode.setState(state);
      vscode.postMessage({ type: "closeCompare" });
      scheduleRender();
    },
    selectTab: (tab) => {
      if (tab === state.tab) return;
      state.tab = tab;
      vscode.setState(state);
      scheduleRender();
    },
  },
  state.tab,
);
let framePending = false;

function scheduleRender(): void {
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(() => {
    framePending = false;
    view.render(state);
  });
}

window.addEventListener("message", (event: MessageEvent<ToPanelMessage>) => {
  if (!applyMessage(state, event.data)) return;
  scheduleRender();
  if (worthSaving(event.data)) vscode.setState(state);
});
scheduleRender();
vscode.postMessage({ type: "ready" });
