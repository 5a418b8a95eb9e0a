/**
 * Helpers shared by the re-parses (reparse.ts, reparseMembers.ts): finding nodes and comments by offset,
 * lexing a slice of the text and moving tokens, and comparing re-parsed nodes with the ones they replace.
 */
import { createTokenInstance, type IToken } from "chevrotain";
import type { Span } from "../syntax/ast.js";
import { vmigLexer } from "../syntax/tokens.js";

/**
 * How many unchanged nodes (declarations or members) after an edited region are parsed again with it, as
 * witnesses that must come out as before: at least the parser's lookahead of 3 tokens.
 */
export const WITNESSES = 3;

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || isLineBreak(code);
}

/**
 * Whether the text right before `end` is blank space with a line break in it: then no token before `end` can
 * run on past it (strings and line comments end at a line break, an unclosed block comment does not lex).
 */
export function lineBreakBefore(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return false;
}

/** How many of `items` (in text order) start before `offset`, `startOf` giving where an item starts. */
function countBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle]!) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of `nodes` (in text order) start before `offset`. */
export function countStartingBefore(nodes: readonly Span[], offset: number): number {
  return countBefore(nodes, offset, (node) => node.start);
}

/** How many of `comments` (in text order) start before `offset`. */
function countCommentsBefore(comments: readonly IToken[], offset: number): number {
  return countBefore(comments, offset, (comment) => comment.startOffset);
}

/**
 * A copy of `token` moved by `delta` characters, made as Chevrotain makes the tokens it invents (no end, line
 * or column). It must not take the lexer's token shape: `delta` often comes from the AST, whose offsets V8
 * may hold as doubles, and one double stored in that shape makes every token the lexer makes afterwards
 * box its offset (lexing then runs several times slower).
 */
function rebased(token: IToken, delta: number): IToken {
  return createTokenInstance(token.tokenType, token.image, token.startOffset + delta, NaN, NaN, NaN, NaN, NaN);
}

/**
 * The tokens and comments of `text` from `start` to `end`, at their offsets in `text`, or undefined when that
 * slice does not lex without error (a re-parse then gives up).
 */
export function lexedSlice(text: string, start: number, end: number): { tokens: IToken[]; comments: IToken[] } | undefined {
  const lexed = vmigLexer.tokenize(text.slice(start, end));
  if (lexed.errors.length > 0) return undefined;
  return { tokens: lexed.tokens.map((t) => rebased(t, start)), comments: (lexed.groups.comments ?? []).map((t) => rebased(t, start)) };
}

/**
 * The comments of a text after an edit: the old ones before `regionStart`, the region's (already at their
 * offsets), and the old ones from `oldRegionEnd` on, moved by `delta`.
 */
export function splicedComments(old: readonly IToken[], regionStart: number, regionComments: readonly IToken[], oldRegionEnd: number, delta: number): IToken[] {
  return [
    ...old.slice(0, countCommentsBefore(old, regionStart)),
    ...regionComments,
    ...old.slice(countCommentsBefore(old, oldRegionEnd)).map((t) => rebased(t, delta)),
  ];
}

/**
 * Whether `fresh` is `old` with every `start` and `end` moved by `delta`. A declaration's `doc` is left out:
 * doc comments are attached after parsing.
 */
export function equalShifted(fresh: unknown, old: unknown, delta: number, key = ""): boolean {
  if ((key === "start" || key === "end") && typeof old === "number") return fresh === old + delta;
  if (typeof old !== "object" || old === null || typeof fresh !== "object" || fresh === null) return fresh === old;
  const keys = (node: object) => Object.keys(node).filter((k) => k !== "doc");
  const oldKeys = keys(old);
  if (oldKeys.length !== keys(fresh).length) return false;
  return oldKeys.every((k) => equalShifted((fresh as Record<string, unknown>)[k], (old as Record<string, unknown>)[k], delta, k));
}
