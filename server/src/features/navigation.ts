/**
 * Go to definition, find references and rename over LSP.
 */
import { referencesOf, renameEdits, renameProblem, symbolAt } from "@vmig/grammar";
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";
import { toRange } from "../convert.js";

export function registerNavigation(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  const lookup = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const checked = cache.get(document);
    const symbol = symbolAt(checked.symbols, document.offsetAt(position));
    return symbol ? { document, checked, symbol } : undefined;
  };

  connection.onDefinition(({ textDocument, position }) => {
    const found = lookup(textDocument.uri, position);
    return found ? { uri: textDocument.uri, range: toRange(found.document, found.symbol.span) } : null;
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const found = lookup(textDocument.uri, position);
    if (!found) return [];
    return referencesOf(found.checked.symbols, found.symbol, context.includeDeclaration).map((span) => ({ uri: textDocument.uri, range: toRange(found.document, span) }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const found = lookup(textDocument.uri, position);
    if (!found) return null;
    const offset = found.document.offsetAt(position);
    const span = found.checked.symbols.references.find((r) => r.start <= offset && offset <= r.end) ?? found.symbol.span;
    return { range: toRange(found.document, span), placeholder: found.symbol.name };
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const found = lookup(textDocument.uri, position);
    if (!found) return null;
    const problem = renameProblem(found.checked.symbols, found.symbol, newName);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    const edits = renameEdits(found.checked.symbols, found.symbol, newName).map((e) => ({ range: toRange(found.document, e), newText: e.newText }));
    return { changes: { [textDocument.uri]: edits } };
  });
}
