/**
 * Go to definition, find references and rename, on the name table the checker builds.
 */
import type { Span } from "../syntax/ast.js";
import type { SymbolInfo, SymbolTable } from "../check/symbols.js";
import type { TextEdit } from "../check/diagnostics.js";
import { keywordTokens } from "../syntax/tokens.js";

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The symbol declared or referenced at `offset`, if any. */
export function symbolAt(symbols: SymbolTable, offset: number): SymbolInfo | undefined {
  for (const reference of symbols.references) if (contains(reference, offset)) return reference.symbol;
  return symbols.all().find((s) => contains(s.span, offset));
}

/** The spans of every use of `symbol`: its declaration first (when `includeDeclaration`), then references. */
export function referencesOf(symbols: SymbolTable, symbol: SymbolInfo, includeDeclaration: boolean): Span[] {
  const uses = symbols.references.filter((r) => r.symbol.name === symbol.name).map((r) => ({ start: r.start, end: r.end }));
  return includeDeclaration ? [symbol.span, ...uses] : uses;
}

const keywords = new Set(keywordTokens.map((t) => t.name.toLowerCase()));

/** Why `name` cannot be the new name of `symbol`, or undefined when it can. */
export function renameProblem(symbols: SymbolTable, symbol: SymbolInfo, name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `'${name}' is not a valid name: use letters, digits and '_', not starting with a digit`;
  if (keywords.has(name)) return `'${name}' is a keyword`;
  const existing = symbols.lookup(name);
  if (existing && existing.name !== symbol.name) return `'${name}' is already declared as a ${existing.kind}`;
  return undefined;
}

/** The edits that rename `symbol` to `name` everywhere in the document. */
export function renameEdits(symbols: SymbolTable, symbol: SymbolInfo, name: string): TextEdit[] {
  return referencesOf(symbols, symbol, true).map((span) => ({ ...span, newText: name }));
}
