/**
 * The results webview's entry point: keeps the panel state, applies the extension's messages to it,
 * redraws at most once per animation frame, and saves the state at most twice a second while a run streams.
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
    selectLines: (choice) => {
      if (choice === state.lineChoice) return;
      state.lineChoice = choice;
      vscode.setState(state);
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
let savePending = false;

/** Copying the state for VS Code costs about as much as drawing a batch late in a large run. */
const streamingSaveMs = 500;

function scheduleRender(): void {
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(() => {
    framePending = false;
    view.render(state);
  });
}

/** Saves at once, or for a series batch, at the end of the current half second. */
function save(message: ToPanelMessage): void {
  if (message.type !== "series") {
    vscode.setState(state);
    return;
  }
  if (savePending) return;
  savePending = true;
  setTimeout(() => {
    savePending = false;
    vscode.setState(state);
  }, streamingSaveMs);
}

window.addEventListener("message", (event: MessageEvent<ToPanelMessage>) => {
  if (!applyMessage(state, event.data)) return;
  scheduleRender();
  if (worthSaving(event.data)) save(event.data);
});
scheduleRender();
vscode.postMessage({ type: "ready" });
