/**
 * Folding ranges over LSP: blocks, block comments and runs of line comments, as the grammar finds them.
 */
import { foldingRanges } from "@vmig/grammar";
import { FoldingRangeKind, type Connection, type FoldingRange, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";

export const foldingCapabilities = { foldingRangeProvider: true } as const;

export function register(connection: Connection, documents: TextDocuments<TextDocument>, _cache: AnalysisCache): void {
  connection.onFoldingRanges(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return foldingRanges(document.getText()).map(
      (r): FoldingRange => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind === "comment" ? FoldingRangeKind.Comment : FoldingRangeKind.Region }),
    );
  });
}
