/**
 * Go to definition, find references and rename over LSP, across imported files.
 */
import { referencesOf, renameEdits, renameProblem, symbolAt, type CheckResult, type Place } from "@vmig/grammar";
import { ResponseError, ErrorCodes, type Connection, type TextDocuments, type TextEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";
import { toRange } from "../convert.js";

/** Turns a place into an LSP location, reading the imported file's text when the place is in one. */
function locate(document: TextDocument, checked: CheckResult, place: Place) {
  if (!place.uri) return { uri: document.uri, range: toRange(document, place) };
  const text = checked.importedFiles.get(place.uri) ?? "";
  return { uri: place.uri, range: toRange(TextDocument.create(place.uri, "vmig", 0, text), place) };
}

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
    return found ? locate(found.document, found.checked, { ...found.symbol.span, ...(found.symbol.uri ? { uri: found.symbol.uri } : {}) }) : null;
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const found = lookup(textDocument.uri, position);
    if (!found) return [];
    return referencesOf(found.checked.symbols, found.symbol, context.includeDeclaration).map((place) => locate(found.document, found.checked, place));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const found = lookup(textDocument.uri, position);
    if (!found) return null;
    const problem = renameProblem(found.checked.symbols, found.symbol, found.symbol.family ?? found.symbol.name);
    if (problem && found.symbol.generatedBy) throw new ResponseError(ErrorCodes.InvalidRequest, problem);
    const offset = found.document.offsetAt(position);
    const site = found.checked.symbols.references.find((r) => !r.uri && r.start <= offset && offset <= r.end) ?? found.symbol.span;
    const name = found.symbol.family ?? found.symbol.name;
    return { range: toRange(found.document, { start: site.start, end: site.start + name.length }), placeholder: name };
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const found = lookup(textDocument.uri, position);
    if (!found) return null;
    const problem = renameProblem(found.checked.symbols, found.symbol, newName);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    const changes: Record<string, TextEdit[]> = {};
    for (const edit of renameEdits(found.checked.symbols, found.symbol, newName)) {
      const location = locate(found.document, found.checked, edit);
      (changes[location.uri] ??= []).push({ range: location.range, newText: edit.newText });
    }
    return { changes };
  });
}
