/**
 * The status-bar item that shows whether a scenario runs, and how the last run ended.
 */
import * as vscode from "vscode";
import { presentRunState, type RunState } from "./runState.js";

export class RunStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("vmig.run", vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = "vmig run";
  }

  /** Shows a new state; the idle state hides the item. */
  set(state: RunState): void {
    const shown = presentRunState(state);
    if (shown === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.command = shown.command;
    this.item.backgroundColor = shown.error ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
