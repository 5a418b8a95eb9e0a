/**
 * Parsing entry point: text in, `{ file, errors, comments }` out. It never throws.
 *
 * When the parser stops before the end of the file (a token that cannot start a declaration), the error is
 * recorded and parsing resumes at the next declaration keyword, so one stray word costs one error and every
 * declaration after it is still parsed.
 */
import type { ILexingError, IToken, TokenType } from "chevrotain";
import type { Declaration, Span, VmigFile } from "./ast.js";
import { parser as recoveringParser, parserWithoutRecovery } from "./parser.js";
import { tokenEnd } from "./nodes.js";
import { parseErrorFree } from "./errorFreeParser.js";
import * as T from "./tokens.js";

export interface SyntaxError extends Span {
  readonly message: string;
}

export interface ParseResult {
  readonly file: VmigFile;
  readonly errors: readonly SyntaxError[];
  /** Every comment token, for doc comments, folding and semantic highlighting. */
  readonly comments: readonly IToken[];
}

const declarationStarts: ReadonlySet<TokenType> = new Set([
  T.Import, T.Scenario, T.Topology, T.Hypervisor, T.Host, T.Hosts, T.Vm, T.Migrate, T.Expect, T.Traffic, T.Policy, T.Network,
]);

function tokenSpan(token: IToken, textLength: number): Span {
  if (Number.isNaN(token.startOffset)) return { start: textLength, end: textLength };
  return { start: token.startOffset, end: tokenEnd(token) };
}

export interface ParseOptions {
  /**
   * Parse with Chevrotain's rules alone, without the error-free reader in front of them
   * (errorFreeParser.ts); the result is the same, and the tests that hold the two equal use this.
   */
  readonly chevrotainOnly?: boolean;
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const lexed = T.vmigLexer.tokenize(text);
  const comments = lexed.groups.comments ?? [];
  const parsed = parseTokens(text, lexed.tokens, lexed.errors, options);
  attachDocComments(parsed.declarations, comments, text);
  return { file: { declarations: parsed.declarations }, errors: parsed.errors, comments };
}

/**
 * Parses lexed tokens into declarations and syntax errors; lexer errors come first. Doc comments are left
 * to the caller. `text` is the whole document the tokens' offsets point into.
 *
 * The error-free reader takes the declarations from the start for as long as they have no syntax error;
 * Chevrotain's parser takes the rest, from the first declaration the reader declined.
 */
export function parseTokens(text: string, tokens: IToken[], lexErrors: readonly ILexingError[], options: ParseOptions = {}): { declarations: Declaration[]; errors: SyntaxError[] } {
  const errors: SyntaxError[] = lexErrors.map((e) => ({
    start: e.offset,
    end: e.offset + e.length,
    message: `unexpected character${e.length > 1 ? "s" : ""} '${text.substr(e.offset, Math.min(e.length, 20))}'`,
  }));
  const declarations: Declaration[] = [];
  let from = 0;
  if (!options.chevrotainOnly) {
    const read = parseErrorFree(tokens, 0);
    for (const declaration of read.declarations) declarations.push(declaration);
    from = read.next;
    if (from === tokens.length) return { declarations, errors };
  }
  const parser = braceDepths(tokens).max > MAX_RECOVERED_DEPTH ? parserWithoutRecovery() : recoveringParser;
  while (from < tokens.length) {
    parser.input = from === 0 ? tokens : tokens.slice(from);
    let parsed;
    try {
      parsed = parser.file();
    } catch (e) {
      // Chevrotain's error recovery recurses; pathological input (thousands of unclosed blocks) can exhaust
      // the stack. The file then gets one error instead of a crash.
      const at = tokens[from];
      errors.push({ start: at?.startOffset ?? 0, end: at ? tokenEnd(at) : 0, message: `this file is too deeply broken to parse from here (${(e as Error).name}); fix the first errors above it` });
      break;
    }
    // Without recovery, a parse that met an error returns no tree. (No spread: a call with 200,000 arguments
    // overflows the stack.)
    if (parsed) for (const declaration of parsed) declarations.push(declaration);
    let stoppedAt: number | undefined;
    for (const e of parser.errors) {
      if (e.name === "NotAllInputParsedException") stoppedAt = tokens.indexOf(e.token, from);
      const span = tokenSpan(e.token, text.length);
      // Recovery often reports the same token twice (no member starts with it, then the block cannot close
      // at it): the first message says more.
      if (errors.length > 0 && errors[errors.length - 1]!.start === span.start) continue;
      errors.push({ ...span, message: e.message });
    }
    if (stoppedAt === undefined || stoppedAt < 0) break;
    from = stoppedAt + 1;
    while (from < tokens.length && !declarationStarts.has(tokens[from]!.tokenType)) from++;
  }
  // The shared parser would otherwise hold on to every token of this text until the next parse.
  parser.input = [];
  return { declarations, errors };
}

/** Real files nest three levels deep; beyond this, recovery is switched off (see parserWithoutRecovery). */
export const MAX_RECOVERED_DEPTH = 64;

/**
 * How deep `tokens` nest braces at most, and how many are still open after the last token (a closing brace
 * with none open is not counted).
 */
export function braceDepths(tokens: readonly IToken[]): { max: number; open: number } {
  let depth = 0;
  let max = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LCurly) max = Math.max(max, ++depth);
    else if (t.tokenType === T.RCurly && depth > 0) depth--;
  }
  return { max, open: depth };
}

/**
 * Gives each of `declarations` (consecutive declarations of the file, in order) the text of the `///` lines
 * right above it (only blank space between), and removes a `doc` that no longer has them.
 */
export function attachDocComments(declarations: readonly Declaration[], comments: readonly IToken[], text: string): void {
  const docs = comments.filter((c) => c.tokenType === T.DocComment);
  let d = docs.length - 1;
  for (let i = declarations.length - 1; i >= 0; i--) {
    const decl = declarations[i]!;
    while (d >= 0 && docs[d]!.startOffset >= decl.start) d--;
    const lines: string[] = [];
    let boundary = decl.start;
    while (d >= 0 && /^\s*$/.test(text.slice(tokenEnd(docs[d]!), boundary))) {
      lines.unshift(docs[d]!.image.slice(3).trim());
      boundary = docs[d]!.startOffset;
      d--;
    }
    if (lines.length > 0) (declarations[i] as { doc?: string }).doc = lines.join("\n");
    else delete (declarations[i] as { doc?: string }).doc;
  }
}
