/**
 * Export Results…: writes the latest run's results as JSON, CSV or a standalone HTML report, to a file the
 * user picks. Nothing is written unless the user chooses a path.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { decimate, remainingPrefix, selectSeries, renderHtmlReport } from "@vmig/report";
import { resultsToCsv, resultsToJson } from "./exportFormats.js";
import type { RunRecord } from "./runHistory.js";

interface Format extends vscode.QuickPickItem {
  readonly extension: string;
  readonly filter: string;
  readonly render: (record: RunRecord, maxPoints: number) => string;
}

const formats: readonly Format[] = [
  { label: "JSON", description: "the results document (vmig-results/1)", extension: "json", filter: "JSON", render: (r) => resultsToJson(r.document) },
  { label: "CSV", description: "one row per migration", extension: "csv", filter: "CSV", render: (r) => resultsToCsv(r.document) },
  {
    label: "HTML report",
    description: "a standalone page with charts, no network access",
    extension: "html",
    filter: "HTML",
    render: (r, maxPoints) => {
      const remaining = selectSeries(r.remaining, remainingPrefix).map((s) => ({ label: s.label, points: decimate(s.points, maxPoints) }));
      return renderHtmlReport(r.document, remaining, r.scenario, [], r.network);
    },
  },
];

export async function exportResults(record: RunRecord | undefined, maxPoints: number): Promise<void> {
  if (record === undefined) {
    void vscode.window.showInformationMessage("vmig: no results to export yet; run a scenario first.");
    return;
  }
  const format = await vscode.window.showQuickPick(formats, { title: `vmig: export the results of ${record.scenario}`, placeHolder: "Format" });
  if (format === undefined) return;
  const target = await vscode.window.showSaveDialog({
    title: `Export ${format.label}`,
    defaultUri: defaultTarget(record, format.extension),
    filters: { [format.filter]: [format.extension] },
    saveLabel: "Export",
  });
  if (target === undefined) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(format.render(record, maxPoints)));
  } catch (error) {
    void vscode.window.showErrorMessage(`vmig: could not write ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const open = "Open";
  const choice = await vscode.window.showInformationMessage(`vmig: exported ${path.basename(target.path)}.`, open);
  if (choice === open) await vscode.commands.executeCommand("vscode.open", target);
}

/**
 * `<scenario>-results.<ext>` beside the scenario when it lies in a workspace folder, otherwise in the first
 * workspace folder (a bundled sample's folder is the extension's own), otherwise beside the scenario file.
 */
function defaultTarget(record: RunRecord, extension: string): vscode.Uri | undefined {
  const name = `${path.basename(record.scenario, ".vmig")}-results.${extension}`;
  const source = vscode.Uri.parse(record.uri);
  const beside = source.scheme === "file" ? vscode.Uri.joinPath(source, "..", name) : undefined;
  if (beside !== undefined && vscode.workspace.getWorkspaceFolder(source) !== undefined) return beside;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder === undefined ? beside : vscode.Uri.joinPath(folder.uri, name);
}
