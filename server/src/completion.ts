/**
 * LSP completion on top of the grammar's context-aware candidates.
 *
 * A list is sent without its items' documentation, which the editor asks for item by item as the user
 * moves through the list (`completionItem/resolve`): after `migrate ` in a file of 2,000 VMs, each with a
 * doc comment, that is a third of the message. Each item carries the number of its list and its place in
 * it; the server keeps the documentation of the latest list only, and an item of an older one resolves to
 * itself.
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

/** Where an item's documentation waits: its list's number and its place in that list. */
interface ItemData {
  readonly list: number;
  readonly index: number;
}

export function toCompletionItem(c: Completion, data?: ItemData): CompletionItem {
  return {
    label: c.label,
    kind: kinds[c.kind],
    detail: c.detail,
    insertText: c.snippet,
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : undefined,
    data,
  };
}

export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache, diagnostics: DiagnosticsSchedule): void {
  let latest: { readonly list: number; readonly documentation: readonly (string | undefined)[] } = { list: 0, documentation: [] };

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    // The parse of this version (cheap after an edit) and the names of the latest check, never a new check.
    const { text, parsed } = cache.syntax(document);
    const completions = complete(text, document.offsetAt(position), cache.names(document), parsed);
    latest = { list: latest.list + 1, documentation: completions.map((c) => c.documentation) };
    const items = completions.map((c, index) => toCompletionItem(c, c.documentation ? { list: latest.list, index } : undefined));
    diagnostics.postpone(document.uri);
    return items;
  });

  connection.onCompletionResolve((item) => {
    const data = item.data as ItemData | undefined;
    const documentation = data?.list === latest.list ? latest.documentation[data.index] : undefined;
    return documentation ? { ...item, documentation: { kind: "markdown", value: documentation } } : item;
  });
}
