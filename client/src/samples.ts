/**
 * Open Sample…: a quick pick of the scenarios bundled with the extension (`samples/*.vmig`), each described
 * by its leading doc comment; the chosen one opens in an editor, ready to run.
 */
import * as vscode from "vscode";
import { sampleSummary } from "./sampleSummary.js";

export async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const folder = vscode.Uri.joinPath(extensionUri, "samples");
  let names: string[];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder))
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith(".vmig"))
      .map(([name]) => name)
      .sort();
  } catch {
    names = [];
  }
  if (names.length === 0) {
    void vscode.window.showErrorMessage("vmig: this installation has no bundled samples.");
    return;
  }
  const decoder = new TextDecoder();
  const items = await Promise.all(
    names.map(async (name) => {
      const uri = vscode.Uri.joinPath(folder, name);
      const summary = sampleSummary(decoder.decode(await vscode.workspace.fs.readFile(uri)));
      return { label: name.replace(/\.vmig$/, ""), detail: summary, uri };
    }),
  );
  const choice = await vscode.window.showQuickPick(items, {
    title: "vmig: open a sample scenario",
    placeHolder: "Run it with “vmig: Run Scenario” once it is open",
    matchOnDetail: true,
  });
  if (choice === undefined) return;
  // Where the active text editor is, or in the first column: never in the results panel's column, where the next run
  // would cover it with the panel.
  const column = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(choice.uri), { preview: false, viewColumn: column });
}
