/**
 * Re-parsing an edit inside one declaration's block: only the members the edit touched are lexed and parsed
 * again, so that an edit in a topology of thousands of hosts and links costs one line, not the block.
 *
 * The same reasoning as reparse.ts, one level down: in a file that parsed without error, each member of a
 * block starts where the parser stood inside the block, outside any nested one; the edited members (from the
 * one holding the edit's first character to the next one the edit did not reach, or to the closing brace)
 * are lexed from a token start and end with a line break. The parser may look a few tokens past them, so the
 * next members are parsed with them as witnesses and must come out exactly as before (offsets shifted). The
 * members are parsed in a block of their own: a block's members follow one grammar rule whatever declares
 * the block (parser.ts, `block` and `member`).
 */
import { createTokenInstance, type IToken, type TokenType } from "chevrotain";
import type { Block, Declaration } from "../syntax/ast.js";
import { parseTokens, type ParseResult } from "../syntax/parse.js";
import * as T from "../syntax/tokens.js";
import type { ChangedRange, ParsedText } from "./reparse.js";
import { shiftOffsets } from "./shift.js";
import { countStartingBefore, equalShifted, isBlank, lexedSlice, lineBreakBefore, splicedComments, WITNESSES } from "./splice.js";

/**
 * The parse of `text` with the members of `previous`'s declaration number `index` that `edit` touched parsed
 * again, or undefined (and `previous` untouched) when the edit is not inside that declaration's members or the
 * result could differ from a full parse.
 */
export function reparseMembers(text: string, previous: ParsedText, edit: ChangedRange, index: number): ParseResult | undefined {
  const old = previous.parsed;
  const declaration = old.file.declarations[index]!;
  const body = "body" in declaration ? declaration.body : undefined;
  if (old.errors.length > 0 || !body || !body.closed || body.members.length === 0 || !endsBefore(declaration, body.start)) return undefined;
  const members = body.members;
  const closingBrace = body.end - 1;
  if (edit.start < members[0]!.start || edit.oldEnd > closingBrace) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  const first = countStartingBefore(members, edit.start + 1) - 1;
  const after = Math.max(first + 1, countStartingBefore(members, edit.oldEnd));
  const regionStart = members[first]!.start;
  if (edit.start === regionStart && !isBlank(text.charCodeAt(regionStart - 1))) return undefined;
  const regionEnd = (after < members.length ? members[after]!.start : closingBrace) + delta;
  if (!lineBreakBefore(text, regionEnd)) return undefined;
  const witnesses = members.slice(after, after + WITNESSES);
  const witnessEnd = (after + WITNESSES < members.length ? members[after + WITNESSES]!.start : closingBrace) + delta;

  const lexed = lexedSlice(text, regionStart, witnessEnd);
  if (!lexed) return undefined;
  const parsed = parseTokens(text, [synthetic(T.Traffic, "traffic"), synthetic(T.LCurly, "{"), ...lexed.tokens, synthetic(T.RCurly, "}")], []);
  const block = parsed.declarations[0]?.kind === "traffic" ? parsed.declarations[0].body : undefined;
  if (parsed.errors.length > 0 || parsed.declarations.length !== 1 || !block || block.members.length < witnesses.length) return undefined;
  const regionMembers = block.members.slice(0, block.members.length - witnesses.length);
  const reparsedWitnesses = block.members.slice(regionMembers.length);
  if (!witnesses.every((w, i) => equalShifted(reparsedWitnesses[i], w, delta))) return undefined;

  const followingMembers = members.slice(after);
  for (const member of followingMembers) shiftOffsets(member, delta);
  const following = old.file.declarations.slice(index + 1);
  for (const d of following) shiftOffsets(d, delta);
  const newBody: Block = { ...body, end: body.end + delta, members: [...members.slice(0, first), ...regionMembers, ...followingMembers] };
  const edited = { ...declaration, end: declaration.end + delta, body: newBody } as Declaration;
  const regionComments = lexed.comments.filter((t) => t.startOffset < regionEnd);
  const comments = splicedComments(old.comments, regionStart, regionComments, regionEnd - delta, delta);
  return { file: { declarations: [...old.file.declarations.slice(0, index), edited, ...following] }, errors: [], comments };
}

/** True when every part of `declaration` other than its body ends before `offset` (nothing follows the body). */
function endsBefore(declaration: Declaration, offset: number): boolean {
  return Object.entries(declaration).every(([key, value]) => key === "body" || typeof value !== "object" || value === null || !("end" in value) || (value as { end: number }).end <= offset);
}

/** A token the parser sees but the text does not have: its offsets are NaN, so the tree drops it. */
function synthetic(type: TokenType, image: string): IToken {
  return createTokenInstance(type, image, NaN, NaN, NaN, NaN, NaN, NaN);
}
