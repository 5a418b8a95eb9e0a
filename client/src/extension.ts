/**
 * The extension's entry point: starts the language server, reads the settings, and wires the commands to
 * the run controller, the results panel and the status bar. Nothing here needs a trusted workspace: a
 * scenario executes no code, and files are written only where the user picks in a save dialog.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { registerCommands } from "./commands.js";
import { createLanguageClient } from "./languageClient.js";
import { ResultsPanel } from "./resultsPanel.js";
import { RunController } from "./runController.js";
import { RunHistory } from "./runHistory.js";
import { readSettings, type Settings } from "./settings.js";
import { RunStatusItem } from "./statusBar.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("vmig", { log: true });
  client = createLanguageClient(context, output);
  let settings = loadSettings(output);
  const status = new RunStatusItem();
  const history = new RunHistory();
  const panel = new ResultsPanel(
    context.extensionUri,
    { onStop: () => controller.stop(), onCloseCompare: () => controller.stopComparing() },
    () => settings.maxPoints,
  );
  const controller = new RunController(client, panel, history, (state) => status.set(state), () => settings.maxPoints);
  context.subscriptions.push(
    output,
    status,
    panel,
    controller,
    ...registerCommands({ extensionUri: context.extensionUri, controller, history, settings: () => settings }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("vmig")) return;
      const before = settings.maxPoints;
      settings = loadSettings(output);
      if (settings.maxPoints !== before) panel.configure();
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (settings.autoRunOnSave && document.languageId === "vmig") void controller.run(document, settings.defaultSeed);
    }),
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

/** Reads the `vmig.*` settings; invalid values fall back to their defaults, with a warning in the log. */
function loadSettings(output: vscode.LogOutputChannel): Settings {
  const configuration = vscode.workspace.getConfiguration("vmig");
  const { settings, problems } = readSettings((key) => configuration.get(key));
  for (const problem of problems) output.warn(problem);
  return settings;
}
