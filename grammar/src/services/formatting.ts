/**
 * The formatter: a token-based pretty printer that only ever changes the whitespace between tokens.
 *
 * The rules (docs/language.md, "Formatting"): indentation by brace depth; the user's line breaks are kept,
 * runs of blank lines collapse to one and blank lines right inside braces go; one space between tokens on
 * a line, none around the `.` of a dotted name, none before `%` and none in or before an index
 * (`vm[1..3]`, outside brackets `..` is spaced: `0 s .. 60 s`); two spaces between attributes (or
 * members) that share a line, unless a `{` or a comment comes first; trailing `//` comments on consecutive
 * lines of one level are aligned two spaces after the longest code; no trailing whitespace; exactly one
 * final line break. Comments stay where they are, and the inside of a block comment is kept verbatim.
 *
 * It never loses content: a file the lexer cannot fully tokenize is not formatted, and the result is
 * re-lexed and compared token by token with the input before any edit is returned.
 */
import type { IToken } from "chevrotain";
import type { Declaration, Member, Span } from "../syntax/ast.js";
import type { TextEdit } from "../check/diagnostics.js";
import { parse } from "../syntax/parse.js";
import * as T from "../syntax/tokens.js";
import { LineIndex } from "../lineIndex.js";
import { MAX_CHECKED_BYTES } from "../check/check.js";

export interface FormattingOptions {
  /** Width of one indentation level; 2 unless the editor says otherwise. */
  readonly tabSize?: number;
  /** Indent with spaces (the default) or with one tab per level. */
  readonly insertSpaces?: boolean;
}

/** The edits that format the whole document: none when it is already formatted or cannot be lexed. */
export function formatDocument(text: string, options: FormattingOptions = {}): TextEdit[] {
  const formatted = formatText(text, options);
  return formatted === undefined ? [] : minimalEdit(text, 0, text.length, formatted);
}

/** The edits that format the lines touched by `range`, leaving the rest of the document alone. */
export function formatRange(text: string, range: Span, options: FormattingOptions = {}): TextEdit[] {
  if (text.length > MAX_CHECKED_BYTES) return [];
  const layout = layOut(text, options);
  if (!layout) return [];
  const index = new LineIndex(text);
  const firstLine = index.position(range.start).line;
  // A range that ends at the start of a line does not touch that line.
  const endPosition = index.position(range.end);
  const lastLine = endPosition.character === 0 && range.end > range.start ? endPosition.line - 1 : endPosition.line;
  const chosen = layout.lines.filter((l) => {
    const line = index.position(l.tokens[0]!.startOffset).line;
    return line >= firstLine && line <= lastLine;
  });
  if (chosen.length === 0) return [];
  const start = index.offset(index.position(chosen[0]!.tokens[0]!.startOffset).line, 0);
  const last = chosen[chosen.length - 1]!;
  const end = lineEnd(text, tokenEnd(last.tokens[last.tokens.length - 1]!));
  const newText = chosen.map((l, i) => (i > 0 && l.blankBefore ? layout.eol : "") + l.text).join(layout.eol);
  return minimalEdit(text, start, end, newText);
}

/** The formatted text, or undefined when the text must not be formatted (the lexer rejected part of it). */
export function formatText(text: string, options: FormattingOptions = {}): string | undefined {
  if (text.length > MAX_CHECKED_BYTES) return undefined;
  const layout = layOut(text, options);
  if (!layout) return undefined;
  if (layout.lines.length === 0) return "";
  return layout.lines.map((l) => (l.blankBefore ? layout.eol : "") + l.text).join(layout.eol) + layout.eol;
}

/** The images of every token and comment, in order; the formatter must preserve this sequence. */
export function tokenImages(text: string): string[] | undefined {
  const tokens = lexAll(text);
  return tokens?.map((t) => (isLineComment(t) ? t.image.trimEnd() : t.image));
}

interface Line {
  readonly tokens: readonly IToken[];
  /** True when a blank line separates this line from the one before. */
  readonly blankBefore: boolean;
  /** The formatted line, indentation included. */
  text: string;
}

interface Layout {
  readonly lines: readonly Line[];
  readonly eol: string;
}

function layOut(text: string, options: FormattingOptions): Layout | undefined {
  const tokens = lexAll(text);
  if (!tokens) return undefined;
  const eol = lineBreakStyle(text, tokens);
  const tabSize = Math.max(1, Math.floor(options.tabSize ?? 2));
  const unit = options.insertSpaces === false ? "\t" : " ".repeat(tabSize);
  const lines = dropBlankLinesInsideBraces(splitLines(text, tokens));
  const memberStarts = memberStartOffsets(parse(text).file.declarations);
  const widths: number[] = [];
  const levels: number[] = [];
  let depth = 0;
  for (const line of lines) {
    const level = Math.max(0, depth - leadingClosers(line.tokens));
    // A trailing comment to align is appended later, once the widths of its neighbours are known.
    const printed = hasAlignedComment(line) ? line.tokens.length - 1 : line.tokens.length;
    let code = "";
    let brackets = 0;
    line.tokens.forEach((token, i) => {
      if (i > 0 && i < printed) code += separator(line.tokens[i - 1]!, token, memberStarts, brackets > 0);
      if (i < printed) code += image(token);
      if (token.tokenType === T.LCurly) depth++;
      else if (token.tokenType === T.RCurly) depth = Math.max(0, depth - 1);
      else if (token.tokenType === T.LBracket) brackets++;
      else if (token.tokenType === T.RBracket) brackets = Math.max(0, brackets - 1);
    });
    line.text = unit.repeat(level) + code;
    widths.push(level * tabSize + code.length);
    levels.push(level);
  }
  alignTrailingComments(lines, widths, levels);
  return { lines, eol };
}

/** Every token and comment in text order, or undefined when the lexer met characters it does not know. */
function lexAll(text: string): IToken[] | undefined {
  const lexed = T.vmigLexer.tokenize(text);
  if (lexed.errors.length > 0) return undefined;
  return [...lexed.tokens, ...(lexed.groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
}

/**
 * The line break to write: the first one between tokens decides, CRLF staying CRLF and anything else
 * becoming LF. Breaks inside block comments do not count, so a formatted text keeps its style.
 */
function lineBreakStyle(text: string, tokens: readonly IToken[]): string {
  let from = 0;
  for (const token of [...tokens, undefined]) {
    const found = /\r\n|\r|\n/.exec(text.slice(from, token?.startOffset ?? text.length));
    if (found) return found[0] === "\r\n" ? "\r\n" : "\n";
    if (token) from = tokenEnd(token);
  }
  return "\n";
}

/** Groups tokens into lines as the user broke them, noting blank lines (none before the first line). */
function splitLines(text: string, tokens: readonly IToken[]): Line[] {
  const lines: Line[] = [];
  let current: IToken[] = [];
  let blankBefore = false;
  let previousEnd = -1;
  for (const token of tokens) {
    const breaks = previousEnd < 0 ? 0 : lineBreaks(text.slice(previousEnd, token.startOffset));
    if (breaks > 0 && current.length > 0) {
      lines.push({ tokens: current, blankBefore, text: "" });
      current = [];
      blankBefore = breaks > 1;
    }
    current.push(token);
    previousEnd = tokenEnd(token);
  }
  if (current.length > 0) lines.push({ tokens: current, blankBefore, text: "" });
  return lines;
}

function lineBreaks(gap: string): number {
  return (gap.match(/\r\n|\r|\n/g) ?? []).length;
}

/** The space between two tokens on one line. */
function separator(left: IToken, right: IToken, memberStarts: ReadonlySet<number>, inBrackets: boolean): string {
  if (right.tokenType === T.Dot && (isWord(left) || left.tokenType === T.RBracket)) return "";
  if (left.tokenType === T.Dot && isWord(right)) return "";
  if (right.tokenType === T.Percent && left.tokenType === T.Number) return "";
  if (right.tokenType === T.Comma) return "";
  // An index is part of its name: `vm[1..3]`, `dc.host[*]`.
  if (right.tokenType === T.LBracket && isWord(left)) return "";
  if (left.tokenType === T.LBracket || right.tokenType === T.RBracket) return "";
  if (inBrackets && (left.tokenType === T.DotDot ? isIndexPart(right) : right.tokenType === T.DotDot && isIndexPart(left))) return "";
  if (memberStarts.has(right.startOffset) && left.tokenType !== T.LCurly && !isComment(left)) return "  ";
  return " ";
}

function isIndexPart(token: IToken): boolean {
  return token.tokenType === T.Number || token.tokenType === T.Identifier || token.tokenType === T.Star;
}

function isWord(token: IToken): boolean {
  return token.tokenType === T.Identifier || T.keywordTokens.includes(token.tokenType);
}

/** A token as printed: line comments lose their trailing whitespace, everything else is verbatim. */
function image(token: IToken): string {
  return isLineComment(token) ? token.image.trimEnd() : token.image;
}

function isComment(token: IToken): boolean {
  return isLineComment(token) || token.tokenType === T.BlockComment;
}

function isLineComment(token: IToken): boolean {
  return token.tokenType === T.LineComment || token.tokenType === T.DocComment;
}

/**
 * True when the line ends with a `//` comment that follows code and lines up with its neighbours. A line
 * holding a block comment that spans lines is left out: its width is not its length.
 */
function hasAlignedComment(line: Line): boolean {
  const tokens = line.tokens;
  if (tokens.length < 2 || !isLineComment(tokens[tokens.length - 1]!)) return false;
  return !tokens.some((t) => t.tokenType === T.BlockComment && /[\r\n]/.test(t.image));
}

function leadingClosers(tokens: readonly IToken[]): number {
  let count = 0;
  while (count < tokens.length && tokens[count]!.tokenType === T.RCurly) count++;
  return count;
}

/**
 * Appends the trailing comments: on consecutive lines of one indentation level that each end with one, the
 * comments line up two spaces after the longest code; a lone trailing comment gets two spaces.
 */
function alignTrailingComments(lines: Line[], widths: readonly number[], levels: readonly number[]): void {
  let i = 0;
  while (i < lines.length) {
    if (!hasAlignedComment(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && hasAlignedComment(lines[j + 1]!) && !lines[j + 1]!.blankBefore && levels[j + 1] === levels[i]) j++;
    const column = widths.slice(i, j + 1).reduce((a, b) => Math.max(a, b), 0) + 2;
    for (let k = i; k <= j; k++) {
      const tokens = lines[k]!.tokens;
      lines[k]!.text += " ".repeat(column - widths[k]!) + image(tokens[tokens.length - 1]!);
    }
    i = j + 1;
  }
}

/** Blank lines go right after a line ending in `{` (trailing comments aside) and right before a `}` line. */
function dropBlankLinesInsideBraces(lines: readonly Line[]): Line[] {
  return lines.map((line, i) => {
    if (!line.blankBefore) return line;
    const previous = lines[i - 1]!.tokens.filter((t) => !isLineComment(t));
    const opens = previous[previous.length - 1]?.tokenType === T.LCurly;
    const closes = line.tokens[0]!.tokenType === T.RCurly;
    return opens || closes ? { ...line, blankBefore: false } : line;
  });
}

/** Offsets where a declaration or a block member starts: members sharing a line are set two spaces apart. */
function memberStartOffsets(declarations: readonly Declaration[]): Set<number> {
  const starts = new Set<number>();
  const visit = (node: Declaration | Member): void => {
    starts.add(node.start);
    if ("body" in node && node.body) for (const member of node.body.members) visit(member);
  };
  for (const declaration of declarations) visit(declaration);
  return starts;
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** The offset of the end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const next = text.slice(offset).search(/[\r\n]/);
  return next < 0 ? text.length : offset + next;
}

/**
 * One edit turning `text[start, end)` into `newText`, trimmed to the part that differs; no edit when nothing
 * does. The result is re-lexed first: if its tokens differ from the input's, nothing is returned.
 */
function minimalEdit(text: string, start: number, end: number, newText: string): TextEdit[] {
  const result = text.slice(0, start) + newText + text.slice(end);
  if (result === text || !sameImages(tokenImages(text), tokenImages(result))) return [];
  let prefix = 0;
  const limit = Math.min(end - start, newText.length);
  while (prefix < limit && text.charCodeAt(start + prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && text.charCodeAt(end - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return [{ start: start + prefix, end: end - suffix, newText: newText.slice(prefix, newText.length - suffix) }];
}

function sameImages(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((image, i) => image === b[i]);
}
