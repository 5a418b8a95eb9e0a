/**
 * Inlay hints (predicted time and downtime after each `migrate`) and the "Run scenario" code lens.
 */
import { inlayHints, runLensOffset } from "@vmig/grammar";
import { InlayHintKind, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";

/** The client-side command the lens runs; declared by the extension (package.json). */
export const RUN_COMMAND = "vmig.runScenario";

export function registerHintsAndLenses(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    return inlayHints(cache.get(document))
      .filter((h) => h.offset >= from && h.offset <= to)
      .map((h) => ({ position: document.positionAt(h.offset), label: h.label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: h.tooltip }));
  });

  connection.onCodeLens(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const offset = runLensOffset(cache.get(document));
    if (offset === undefined) return [];
    const position = document.positionAt(offset);
    return [{ range: { start: position, end: position }, command: { title: "▶ Run scenario", command: RUN_COMMAND, arguments: [textDocument.uri] } }];
  });
}
