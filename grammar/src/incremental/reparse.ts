/**
 * Re-parsing after an edit: the same result as `parse(text)`, paying only for the top-level declarations
 * the edit touched.
 *
 * The previous text is split at the starts of its top-level declarations. The edited region (from the start
 * of the declaration that holds the edit's first character to the start of the first declaration after it)
 * is lexed and parsed on its own; the declarations before it are reused as they are, the ones after it
 * have their offsets shifted by the edit's length change. This is equal to a full parse when:
 * - the text before the region is unchanged and the lexer started a token where the region starts (an edit
 *   at the region's very first character needs blank space before it, so that no earlier token can grow);
 * - the previous parse had no error outside the region (an error at the region's first token could be the
 *   previous declaration's), so each declaration outside it is exactly the run of tokens from its keyword to
 *   the next declaration's keyword (comments and blank space aside), and the parser stood at the top level,
 *   outside any block, at the region's first token and at the first declaration after it;
 * - the region lexes without error and, unless it runs to the end of the file, ends with a line break (and
 *   perhaps indentation), so
 *   no token of the region can run on into the unchanged text after it (strings and line comments end at a
 *   line break, and an unclosed block comment is a lexing error) and the lexer restarts after it exactly
 *   where it started before;
 * - the region parses without error, so the parser, handed the same tokens in the whole file, parses the
 *   same declarations and is back at the top level at the next, unchanged declaration. A region that parses
 *   with errors (a character that breaks the syntax while typing) is parsed again followed by the next
 *   WITNESSES declarations, which must come out exactly as before (offsets shifted) with every error inside
 *   the region: the parser then stood at the top level at the first of them, having looked at most a few
 *   tokens ahead (its lookahead, or error recovery's search for a token that may follow, which stops at the
 *   next declaration's keyword at the latest), and from there on the tokens are the unchanged ones. The
 *   region must also close every brace it opens, so that the whole file's nesting, which decides whether
 *   errors are recovered from (parse.ts), is the region's or the unchanged text's.
 * An edit inside the members of one declaration's block re-parses only those members (reparseMembers.ts).
 * Otherwise, and for edits before the first declaration, the whole text is parsed again. Doc comments are
 * attached again to the region's declarations and to the first one after it, whose `///` lines may sit at
 * the end of the region.
 */
import type { IToken } from "chevrotain";
import type { Declaration } from "../syntax/ast.js";
import { attachDocComments, braceDepths, MAX_RECOVERED_DEPTH, parse, parseTokens, type ParseResult, type SyntaxError } from "../syntax/parse.js";
import { shiftOffsets } from "./shift.js";
import { countStartingBefore, equalShifted, isBlank, lexedSlice, lineBreakBefore, splicedComments, WITNESSES } from "./splice.js";
import { reparseMembers } from "./reparseMembers.js";

/** A text and its parse, as kept from the previous version of a document. */
export interface ParsedText {
  readonly text: string;
  readonly parsed: ParseResult;
}

/**
 * The parse of `text`, reusing `previous` (the parse of an earlier version of the same document) where it
 * can. The declarations it reuses move into the result (their offsets are shifted in place, see shift.ts),
 * so `previous` must not be used afterwards.
 */
export function reparse(text: string, previous: ParsedText | undefined): ParseResult {
  if (!previous) return parse(text);
  if (previous.text === text) return previous.parsed;
  return reparseEdit(text, previous) ?? parse(text);
}

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface ChangedRange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The smallest range outside which the two texts are equal (common prefix and suffix removed). The common
 * parts are found by halving, comparing slices (which the engine compares at once) rather than characters
 * one by one: about the texts' length in characters in all, but in a few dozen comparisons.
 */
export function changedRange(oldText: string, newText: string): ChangedRange {
  const shorter = Math.min(oldText.length, newText.length);
  const start = commonLength(shorter, (from, to) => oldText.slice(from, to) === newText.slice(from, to));
  const { length: oldLength } = oldText;
  const { length: newLength } = newText;
  const suffix = commonLength(shorter - start, (from, to) => oldText.slice(oldLength - to, oldLength - from) === newText.slice(newLength - to, newLength - from));
  return { start, oldEnd: oldLength - suffix, newEnd: newLength - suffix };
}

/**
 * The largest `n <= limit` for which `same(0, n)`, by halving: `same(from, to)` compares the characters
 * [from, to) (counted from the start or the end) and is only asked about ranges past what is known equal.
 */
function commonLength(limit: number, same: (from: number, to: number) => boolean): number {
  let known = 0;
  let bound = limit;
  while (known < bound) {
    const middle = known + Math.ceil((bound - known) / 2);
    if (same(known, middle)) known = middle;
    else bound = middle - 1;
  }
  return known;
}

/**
 * The re-parse of the edited declarations spliced between the reused ones, or undefined (and `previous`
 * untouched) when it could differ from a full parse.
 */
export function reparseEdit(text: string, previous: ParsedText): ParseResult | undefined {
  const old = previous.parsed;
  const declarations = old.file.declarations;
  if (declarations.length === 0) return undefined;
  const edit = changedRange(previous.text, text);
  const delta = edit.newEnd - edit.oldEnd;
  const first = countStartingBefore(declarations, edit.start + 1) - 1;
  if (first < 0) return undefined;
  const after = Math.max(first + 1, countStartingBefore(declarations, edit.oldEnd));
  if (after === first + 1) {
    const withinBlock = reparseMembers(text, previous, edit, first);
    if (withinBlock) return withinBlock;
  }
  const regionStart = declarations[first]!.start;
  // A token that ends right where the region starts could grow into an edit made there (`5` + `.5vm`).
  if (edit.start === regionStart && regionStart > 0 && !isBlank(text.charCodeAt(regionStart - 1))) return undefined;
  const oldRegionEnd = after < declarations.length ? declarations[after]!.start : previous.text.length;
  if (!old.errors.every((e) => e.start > regionStart && (e.start < oldRegionEnd || oldRegionEnd === previous.text.length))) return undefined;
  const regionEnd = oldRegionEnd + delta;
  if (after < declarations.length && !lineBreakBefore(text, regionEnd)) return undefined;

  const lexed = lexedSlice(text, regionStart, regionEnd);
  if (!lexed) return undefined;
  const following = declarations.slice(after);
  const parsedRegion = parseTokens(text, lexed.tokens, []);
  const region = parsedRegion.errors.length === 0 ? parsedRegion : witnessedRegion(text, lexed.tokens, parsedRegion, following, regionEnd, delta);
  if (!region) return undefined;

  for (const declaration of following) shiftOffsets(declaration, delta);
  const comments = splicedComments(old.comments, regionStart, lexed.comments, oldRegionEnd, delta);
  attachDocComments([...region.declarations, ...following.slice(0, 1)], comments, text);
  return {
    file: { declarations: [...declarations.slice(0, first), ...region.declarations, ...following] },
    errors: region.errors,
    comments,
  };
}

/**
 * The declarations and errors of a region that parsed with errors (`parsed`, from its `tokens`), or
 * undefined when a full parse could differ (see the file's comment). `following` are the previous parse's
 * declarations after the region, not yet moved by `delta`.
 */
function witnessedRegion(
  text: string,
  tokens: readonly IToken[],
  parsed: { declarations: Declaration[]; errors: SyntaxError[] },
  following: readonly Declaration[],
  regionEnd: number,
  delta: number,
): { declarations: Declaration[]; errors: SyntaxError[] } | undefined {
  const nesting = braceDepths(tokens);
  if (nesting.open > 0 || nesting.max > MAX_RECOVERED_DEPTH) return undefined;
  // A region that runs to the end of the file is parsed from the top level to the end, as a full parse would.
  if (following.length === 0) return parsed;
  const witnesses = following.slice(0, WITNESSES);
  const witnessEnd = following.length > WITNESSES ? following[WITNESSES]!.start + delta : text.length;
  if (witnessEnd < text.length && !lineBreakBefore(text, witnessEnd)) return undefined;
  const lexed = lexedSlice(text, regionEnd, witnessEnd);
  if (!lexed) return undefined;
  const witnessed = parseTokens(text, [...tokens, ...lexed.tokens], []);
  const count = witnessed.declarations.length - witnesses.length;
  if (count < 0 || witnessed.errors.some((e) => !(e.start < regionEnd))) return undefined;
  if (!witnesses.every((w, i) => equalShifted(witnessed.declarations[count + i], w, delta))) return undefined;
  return { declarations: witnessed.declarations.slice(0, count), errors: witnessed.errors };
}
