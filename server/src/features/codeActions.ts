/**
 * Quick fixes: the checker attaches fixes to the diagnostics it can mend (a misspelt name, a missing unit);
 * this offers them for the diagnostics under the cursor.
 */
import { CodeActionKind, type CodeAction, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";
import { toLspDiagnostic, toRange } from "../convert.js";

export function registerCodeActions(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  connection.onCodeAction(({ textDocument, range }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    const actions: CodeAction[] = [];
    for (const diagnostic of cache.get(document).diagnostics) {
      if (!diagnostic.fixes || diagnostic.end < from || diagnostic.start > to) continue;
      for (const fix of diagnostic.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toLspDiagnostic(document, diagnostic)],
          isPreferred: fix.preferred,
          edit: { changes: { [textDocument.uri]: fix.edits.map((e) => ({ range: toRange(document, e), newText: e.newText })) } },
        });
      }
    }
    return actions;
  });
}
