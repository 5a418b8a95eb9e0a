/**
 * The extension's entry point: starts the language server and wires the Run and Stop commands to the
 * results panel and the status bar.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { createLanguageClient } from "./languageClient.js";
import { ResultsPanel } from "./resultsPanel.js";
import { RunController } from "./runController.js";
import { RunStatusItem } from "./statusBar.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("vmig", { log: true });
  client = createLanguageClient(context, output);
  const status = new RunStatusItem();
  const panel = new ResultsPanel(context.extensionUri, () => controller.stop());
  const controller = new RunController(client, panel, (state) => status.set(state));
  context.subscriptions.push(
    output,
    status,
    panel,
    controller,
    vscode.commands.registerCommand("vmig.runScenario", (uri?: vscode.Uri) => runScenario(controller, uri)),
    vscode.commands.registerCommand("vmig.stopScenario", () => controller.stop()),
  );
  try {
    await client.start();
  } catch (error) {
    // Activation still succeeds, so the grammar and the commands' error messages keep working.
    output.error(`The vmig language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  // A client whose server never started cannot be stopped (the call throws).
  if (client?.isRunning() === true) await client.stop();
  client = undefined;
}

/** Runs the scenario of `uri` (the editor title button passes it) or of the active editor. */
async function runScenario(controller: RunController, uri: vscode.Uri | undefined): Promise<void> {
  const document =
    uri !== undefined
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
  if (document?.languageId !== "vmig") {
    void vscode.window.showErrorMessage("vmig: open a .vmig scenario to run it.");
    return;
  }
  await controller.run(document);
}
