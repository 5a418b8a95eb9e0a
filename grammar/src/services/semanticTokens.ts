/**
 * Semantic highlighting: every token of a document classified with what the checker knows about it.
 *
 * Lexical classes come from the tokens (keywords, numbers, strings, comments, operators); the rest comes
 * from the tree and the name table: attribute names are properties, units are types, declared names and
 * their references take a type after the kind of what they name (a VM is a variable, a host a class), and a
 * name's declaration carries the `declaration` modifier. Names the checker could not resolve are left to
 * the TextMate grammar.
 */
import type { IToken } from "chevrotain";
import type { CheckResult } from "../check/check.js";
import type { SymbolKind } from "../check/schema.js";
import type { Declaration, Member, Span, Value } from "../syntax/ast.js";
import * as T from "../syntax/tokens.js";
import { MAX_CHECKED_BYTES } from "../check/check.js";

/** The token types, in legend order. */
export const semanticTokenTypes = [
  "keyword", "type", "number", "string", "comment", "operator", "property", "enumMember",
  "variable", "class", "interface", "namespace", "struct",
] as const;

/** The token modifiers, in legend order. */
export const semanticTokenModifiers = ["declaration", "documentation"] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];

export interface SemanticToken extends Span {
  readonly type: SemanticTokenType;
  readonly modifiers: readonly SemanticTokenModifier[];
}

/** How each kind of declared name is highlighted. */
export const symbolTokenTypes: Readonly<Record<SymbolKind, SemanticTokenType>> = {
  vm: "variable",
  host: "class",
  hypervisor: "interface",
  topology: "namespace",
  switch: "struct",
  router: "struct",
};

/** The semantic tokens of `text`, whose check is `result`, sorted by offset and never overlapping. */
export function semanticTokens(text: string, result: CheckResult): SemanticToken[] {
  if (text.length > MAX_CHECKED_BYTES) return [];
  const lexed = T.vmigLexer.tokenize(text);
  const roles = new Map<number, SemanticToken>();
  const mark = (span: Span | undefined, type: SemanticTokenType, modifiers: readonly SemanticTokenModifier[] = []): void => {
    if (span && span.end > span.start) roles.set(span.start, { start: span.start, end: span.end, type, modifiers });
  };
  const visit = (node: Declaration | Member): void => {
    switch (node.kind) {
      case "attribute":
        mark(node.name, "property");
        markValue(node.value, mark);
        return;
      case "hypervisor":
        mark(node.name, symbolTokenTypes.hypervisor, ["declaration"]);
        mark(node.hypervisorKind, "enumMember");
        break;
      case "topology":
      case "switch":
      case "router":
      case "host":
      case "vm":
        mark(node.name, symbolTokenTypes[node.kind], ["declaration"]);
        break;
      case "migrate":
        // `to any HOSTS`: a word of the language here, though not a reserved keyword.
        mark(node.any, "keyword");
        markValue(node.at, mark);
        break;
      case "expect":
        for (const part of node.subject?.parts.slice(1) ?? []) mark(part, "property");
        markValue(node.value, mark);
        break;
      case "background":
        mark(node.flowKind, "enumMember");
        for (const value of [node.amount, node.during?.from, node.during?.until]) markValue(value, mark);
        break;
      case "policy":
        mark(node.category, "property");
        mark(node.choice, "enumMember");
        break;
      case "datacentre":
        mark(node.keyword, "keyword");
        break;
      case "reuse-entry":
        markValue(node.size, mark);
        return;
      default:
        break;
    }
    if ("body" in node && node.body) for (const member of node.body.members) visit(member);
  };
  for (const declaration of result.parsed.file.declarations) visit(declaration);
  // A reference may span several tokens (`web[2]`, `dc.host[3]`): each name in it takes the symbol's type.
  const names = lexed.tokens.filter((t) => t.tokenType === T.Identifier);
  for (const reference of result.symbols.references) {
    if (reference.uri !== undefined) continue;
    for (const name of tokensIn(names, reference)) mark({ start: name.startOffset, end: name.startOffset + name.image.length }, symbolTokenTypes[reference.symbol.kind]);
  }

  const tokens: SemanticToken[] = [];
  for (const token of [...lexed.tokens, ...(lexed.groups.comments ?? [])]) {
    const span = { start: token.startOffset, end: token.startOffset + token.image.length };
    const role = roles.get(span.start);
    if (role && role.end === span.end) tokens.push(role);
    else {
      const type = lexicalType(token);
      if (type) tokens.push({ ...span, type, modifiers: token.tokenType === T.DocComment ? ["documentation"] : [] });
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** The tokens of `sorted` (ordered by offset) that lie inside `span`. */
function tokensIn(sorted: readonly IToken[], span: Span): IToken[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.startOffset < span.start) low = mid + 1;
    else high = mid;
  }
  const found: IToken[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startOffset + sorted[i]!.image.length <= span.end; i++) found.push(sorted[i]!);
  return found;
}

/** Numbers and units of a value: the unit is a type. */
function markValue(value: Value | undefined, mark: (span: Span | undefined, type: SemanticTokenType) => void): void {
  if (value?.kind === "number") mark(value.unit, "type");
}

/** The class of a token that the tree says nothing about. */
function lexicalType(token: IToken): SemanticTokenType | undefined {
  const type = token.tokenType;
  if (type === T.LineComment || type === T.DocComment || type === T.BlockComment) return "comment";
  if (type === T.Number) return "number";
  if (type === T.StringLiteral || type === T.UnterminatedString) return "string";
  if (type === T.SlashUnit || type === T.Percent) return "type";
  if (T.keywordTokens.includes(type)) return "keyword";
  if (operators.has(type)) return "operator";
  return undefined;
}

const operators = new Set([T.LinkOperator, T.Arrow, T.DotDot, T.Less, T.LessEqual, T.Greater, T.GreaterEqual, T.EqualEqual]);
