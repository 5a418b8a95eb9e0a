/**
 * Document and range formatting over LSP: the grammar's formatter, with the editor's indentation options.
 */
import { formatDocument, formatRange, type FormattingOptions, type TextEdit } from "@vmig/grammar";
import type { Connection, TextDocuments, FormattingOptions as LspFormattingOptions, TextEdit as LspTextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";
import { toRange } from "../convert.js";

export const formattingCapabilities = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
} as const;

export function register(connection: Connection, documents: TextDocuments<TextDocument>, _cache: AnalysisCache): void {
  connection.onDocumentFormatting(({ textDocument, options }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return toLspEdits(document, formatDocument(document.getText(), grammarOptions(options)));
  });
  connection.onDocumentRangeFormatting(({ textDocument, range, options }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const span = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
    return toLspEdits(document, formatRange(document.getText(), span, grammarOptions(options)));
  });
}

function grammarOptions(options: LspFormattingOptions): FormattingOptions {
  return { tabSize: options.tabSize, insertSpaces: options.insertSpaces };
}

function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e), newText: e.newText }));
}
