/**
 * The grammar's decisions that look past the next token's type, shared by Chevrotain's rules (as gates) and
 * the error-free reader (errorFreeParser.ts), so that the two parsers decide alike by construction. Each
 * takes the next tokens in order: past the end of the input, the reader passes undefined and the rules
 * Chevrotain's EOF token, and neither matches any type or word here.
 */
import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";
import { isUnitName } from "../units.js";

/** A unit after a number: a rate with a slash, `%`, or a word only if it spells a unit. */
export function startsUnit(next: IToken | undefined): boolean {
  const type = next?.tokenType;
  return type === T.SlashUnit || type === T.Percent || (type === T.Identifier && isUnitName(next!.image));
}

/** `any` before a reference, in a migration's destination: the word, not a host named `any`. */
export function startsAny(first: IToken | undefined, second: IToken | undefined): boolean {
  const next = second?.tokenType;
  return first?.tokenType === T.Identifier && first.image === "any" && (next === T.Identifier || next === T.Host);
}

/** In a block, `hypervisor NAME` names a profile unless `kind` or `{` follows, as `third` (then it declares one). */
export function hypervisorIsAttribute(third: IToken | undefined): boolean {
  const type = third?.tokenType;
  return type !== T.Kind && type !== T.LCurly;
}

/** Keywords that are also the names of numeric attributes, when a number follows them: `hosts 16`, `on 2 s`. */
export const numberAttributeKeywords: ReadonlySet<TokenType | undefined> = new Set([T.Hosts, T.On]);

/** A keyword of `numberAttributeKeywords` followed by a number: an attribute, not a declaration. */
export function namesNumberAttribute(first: IToken | undefined, second: IToken | undefined): boolean {
  return numberAttributeKeywords.has(first?.tokenType) && second?.tokenType === T.Number;
}

/** `datacentre {` inside `traffic`: paper 004's data-centre traffic generator, not an attribute. */
export function startsDatacentre(first: IToken | undefined, second: IToken | undefined): boolean {
  return first?.tokenType === T.Identifier && first.image === "datacentre" && second?.tokenType === T.LCurly;
}

/** `subnet NAME {` or `domain NAME {`: a group of a network block, not an attribute. */
export function startsGroup(first: IToken | undefined, second: IToken | undefined, third: IToken | undefined): boolean {
  return first?.tokenType === T.Identifier && (first.image === "subnet" || first.image === "domain") && second?.tokenType === T.Identifier && third?.tokenType === T.LCurly;
}

/** `sweep "address"` in the scenario block, not an attribute named `sweep`. */
export function startsSweep(first: IToken | undefined, second: IToken | undefined): boolean {
  return first?.tokenType === T.Identifier && first.image === "sweep" && second?.tokenType === T.StringLiteral;
}
