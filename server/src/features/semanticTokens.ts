/**
 * Semantic tokens over LSP: the grammar's classified tokens in the standard relative encoding. A token
 * that spans lines (a block comment) is sent as one token per line, as clients without multi-line token
 * support require.
 */
import { semanticTokenModifiers, semanticTokens, semanticTokenTypes } from "@vmig/grammar";
import { SemanticTokensBuilder, type Connection, type SemanticTokensLegend, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "../analysis.js";

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [...semanticTokenModifiers],
};

export const semanticTokensCapabilities = {
  semanticTokensProvider: { legend: semanticTokensLegend, full: true },
} as const;

export function register(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): void {
  connection.languages.semanticTokens.on(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return { data: [] };
    const text = document.getText();
    const builder = new SemanticTokensBuilder();
    for (const token of semanticTokens(text, cache.get(document))) {
      const type = semanticTokenTypes.indexOf(token.type);
      const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << semanticTokenModifiers.indexOf(m)), 0);
      const start = document.positionAt(token.start);
      const end = document.positionAt(token.end);
      for (let line = start.line; line <= end.line; line++) {
        const from = line === start.line ? start.character : 0;
        const to = line === end.line ? end.character : lineLength(document, line);
        if (to > from) builder.push(line, from, to - from, type, modifiers);
      }
    }
    return builder.build();
  });
}

/** The length of a line without its line break. */
function lineLength(document: TextDocument, line: number): number {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, "").length;
}
