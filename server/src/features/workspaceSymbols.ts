/**
 * Workspace symbols: the declared names of every open .vmig document (and of the files they import),
 * filtered by the query as a case-insensitive subsequence, the way editors match.
 */
import { SymbolKind, type Connection, type TextDocuments, type WorkspaceSymbol } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { SymbolKind as VmigSymbolKind } from "@vmig/grammar";
import type { AnalysisCache } from "../analysis.js";
import { toRange } from "../convert.js";

const kinds: Record<VmigSymbolKind, SymbolKind> = {
  hypervisor: SymbolKind.Interface,
  topology: SymbolKind.Namespace,
  switch: SymbolKind.Struct,
  router: SymbolKind.Struct,
  host: SymbolKind.Class,
  vm: SymbolKind.Variable,
};

/** True when the characters of `query` appear in `name` in order, ignoring case. */
export function matches(query: string, name: string): boolean {
  let i = 0;
  const q = query.toLowerCase();
  for (const c of name.toLowerCase()) if (c === q[i]) i++;
  return i === q.length;
}

/** Generated nodes are listed once per topology, not one by one. */
const MAX_RESULTS = 500;

export function registerWorkspaceSymbols(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  connection.onWorkspaceSymbol(({ query }) => {
    const seen = new Set<string>();
    const out: WorkspaceSymbol[] = [];
    for (const document of documents.all()) {
      const checked = cache.get(document);
      for (const symbol of checked.symbols.all()) {
        if (symbol.generatedBy || !matches(query, symbol.name)) continue;
        const uri = symbol.uri ?? document.uri;
        const key = `${uri}#${symbol.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const text = symbol.uri ? checked.importedFiles.get(symbol.uri) ?? "" : document.getText();
        const home = symbol.uri ? TextDocument.create(symbol.uri, "vmig", 0, text) : document;
        out.push({ name: symbol.name, kind: kinds[symbol.kind], location: { uri, range: toRange(home, symbol.span) } });
        if (out.length >= MAX_RESULTS) return out;
      }
    }
    return out;
  });
}
