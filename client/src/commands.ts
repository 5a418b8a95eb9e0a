/**
 * The command palette's vmig commands (their titles and `when` clauses are in package.json):
 * Run, Stop, Re-run, Run with Seed…, Compare with Previous Run, Export Results… and Open Sample….
 */
import * as vscode from "vscode";
import { exportResults } from "./exportCommand.js";
import type { RunController } from "./runController.js";
import type { RunHistory } from "./runHistory.js";
import { openSample } from "./samples.js";
import { maxSeed, parseSeed, type Settings } from "./settings.js";

export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly controller: RunController;
  readonly history: RunHistory;
  readonly settings: () => Settings;
}

export function registerCommands(c: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("vmig.runScenario", async (target?: unknown) => {
      const document = await scenarioDocument(target);
      if (document !== undefined) await c.controller.run(document, c.settings().defaultSeed);
    }),
    vscode.commands.registerCommand("vmig.stopScenario", () => c.controller.stop()),
    vscode.commands.registerCommand("vmig.rerunScenario", async () => {
      const last = c.history.lastRun;
      if (last === undefined) {
        void vscode.window.showInformationMessage("vmig: nothing to re-run yet; run a scenario first.");
        return;
      }
      const document = await scenarioDocument(last.uri);
      if (document !== undefined) await c.controller.run(document, last.seed);
    }),
    vscode.commands.registerCommand("vmig.runScenarioWithSeed", async (target?: unknown) => {
      const document = await scenarioDocument(target);
      if (document === undefined) return;
      const suggested = c.history.lastRun?.seed ?? c.settings().defaultSeed;
      const text = await vscode.window.showInputBox({
        title: `vmig: run ${document.uri.path.split("/").pop() ?? "scenario"} with seed`,
        prompt: `A whole number from 0 to ${maxSeed}; it overrides the scenario's seed for this run.`,
        value: suggested === undefined ? "" : String(suggested),
        validateInput: (value) => {
          const parsed = parseSeed(value);
          return typeof parsed === "number" ? undefined : parsed;
        },
      });
      if (text === undefined) return;
      const seed = parseSeed(text);
      if (typeof seed === "number") await c.controller.run(document, seed);
    }),
    vscode.commands.registerCommand("vmig.compareWithPrevious", () => {
      if (!c.controller.compare()) {
        void vscode.window.showInformationMessage("vmig: comparing needs an earlier run with results; run a scenario twice first.");
      }
    }),
    vscode.commands.registerCommand("vmig.exportResults", () => exportResults(c.history.latest, c.settings().maxPoints)),
    vscode.commands.registerCommand("vmig.openSample", () => openSample(c.extensionUri)),
  ];
}

/**
 * The scenario to run: `target` when given (the editor title passes a `Uri`, the run code lens a URI
 * string), otherwise the active editor's document. Says why when there is none.
 */
export async function scenarioDocument(target: unknown): Promise<vscode.TextDocument | undefined> {
  let document: vscode.TextDocument | undefined;
  try {
    if (target instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(target);
    else if (typeof target === "string") document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target, true));
    else document = vscode.window.activeTextEditor?.document;
  } catch (error) {
    void vscode.window.showErrorMessage(`vmig: cannot open the scenario: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (document?.languageId !== "vmig") {
    void vscode.window.showErrorMessage("vmig: open a .vmig scenario to run it.");
    return undefined;
  }
  return document;
}
