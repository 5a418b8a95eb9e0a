/**
 * Hover over LSP: names with their documentation, attributes, quantities in SI, migration forecasts.
 */
import { hover } from "@vmig/grammar";
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";
import { toRange } from "../convert.js";

export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const result = hover(cache.get(document), document.offsetAt(position));
    return result ? { contents: { kind: "markdown", value: result.contents }, range: toRange(document, result) } : null;
  });
}
