/**
 * The outline over LSP: the grammar's declaration tree as hierarchical document symbols.
 */
import { documentSymbols, type OutlineEntry, type OutlineKind } from "@vmig/grammar";
import { SymbolKind, type Connection, type DocumentSymbol, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";
import { toRange } from "../convert.js";

export const documentSymbolsCapabilities = { documentSymbolProvider: true } as const;

/** The icon of each entry; names declared in the language match their semantic token types. */
const kinds: Record<OutlineKind, SymbolKind> = {
  import: SymbolKind.File,
  scenario: SymbolKind.Module,
  hypervisor: SymbolKind.Interface,
  topology: SymbolKind.Namespace,
  switch: SymbolKind.Struct,
  router: SymbolKind.Struct,
  host: SymbolKind.Class,
  hosts: SymbolKind.Class,
  link: SymbolKind.Field,
  vm: SymbolKind.Variable,
  migrate: SymbolKind.Event,
  expect: SymbolKind.Boolean,
  traffic: SymbolKind.Namespace,
  background: SymbolKind.Event,
  datacentre: SymbolKind.Event,
  policy: SymbolKind.Property,
  network: SymbolKind.Namespace,
  subnet: SymbolKind.Namespace,
  domain: SymbolKind.Namespace,
};

export function register(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  connection.onDocumentSymbol(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return documentSymbols(document.getText(), cache.get(document).parsed).map((e) => toDocumentSymbol(document, e));
  });
}

function toDocumentSymbol(document: TextDocument, entry: OutlineEntry): DocumentSymbol {
  return {
    name: entry.name,
    kind: kinds[entry.kind],
    detail: entry.detail,
    range: toRange(document, entry.range),
    selectionRange: toRange(document, entry.selection),
    children: entry.children.map((c) => toDocumentSymbol(document, c)),
  };
}
