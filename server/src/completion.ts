/**
 * LSP completion on top of the grammar's context-aware candidates.
 */
import { complete, type Completion } from "@vmig/grammar";
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "./analysis.js";
import type { DiagnosticsSchedule } from "./diagnostics.js";

const kinds: Record<Completion["kind"], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  attribute: CompletionItemKind.Property,
  name: CompletionItemKind.Reference,
  unit: CompletionItemKind.Unit,
  value: CompletionItemKind.EnumMember,
};

export function toCompletionItem(c: Completion): CompletionItem {
  return {
    label: c.label,
    kind: kinds[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: "markdown", value: c.documentation } : undefined,
    insertText: c.snippet,
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : undefined,
  };
}

export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache, diagnostics: DiagnosticsSchedule): void {
  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    // The parse of this version (cheap after an edit) and the names of the latest check, never a new check.
    const { text, parsed } = cache.syntax(document);
    const items = complete(text, document.offsetAt(position), cache.names(document), parsed).map(toCompletionItem);
    diagnostics.postpone(document.uri);
    return items;
  });
}
