/**
 * Syntax error messages in the words of the language rather than of Chevrotain's token classes.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { EOF, tokenMatcher } from "chevrotain";
import { Identifier, keywordTokens, Number as NumberToken } from "./tokens.js";

const labels: Record<string, string> = {
  Identifier: "a name",
  Number: "a number",
  StringLiteral: "a string",
  UnterminatedString: "an unterminated string",
  SlashUnit: "a unit",
  LinkOperator: "'--'",
  LessEqual: "'<='",
  GreaterEqual: "'>='",
  Less: "'<'",
  Greater: "'>'",
  EqualEqual: "'=='",
  Percent: "'%'",
  LCurly: "'{'",
  RCurly: "'}'",
  Dot: "'.'",
  HyphenatedWord: "a hyphenated word",
  Arrow: "'->'",
  DotDot: "'..'",
  LBracket: "'['",
  RBracket: "']'",
  Star: "'*'",
  Comma: "','",
};

/** How a token type is named in a message: `'}'`, `a name`, or a keyword in quotes. */
export function describeType(type: TokenType): string {
  if (type === EOF) return "end of file";
  return labels[type.name] ?? `'${type.name.toLowerCase()}'`;
}

/** How a found token is named in a message. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "end of file";
  if (token.tokenType.name === "UnterminatedString") return "an unterminated string (missing closing '\"')";
  return `'${token.image.length > 40 ? token.image.slice(0, 40) + "…" : token.image}'`;
}

/** The token types at position `at` of `paths`, named and listed: `'{', a name or a string`. */
function describeAlternatives(paths: TokenType[][][], at = 0): string {
  const names = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[at]) names.add(describeType(path[at]));
  const list = [...names];
  if (list.length <= 1) return list[0] ?? "something else";
  return `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
}

/**
 * How many of the found tokens `actual` match the start of at least one of the expected `paths` (which the
 * parser looked ahead along), and those paths: when the first token fits, the error lies after it.
 */
function longestFit(paths: TokenType[][][], actual: IToken[]): { fit: number; paths: TokenType[][][] } {
  let fit = 0;
  let fitting = paths;
  for (let at = 0; at < actual.length; at++) {
    const next = paths.map((alt) => alt.filter((path) => path.length > at + 1 && path.slice(0, at + 1).every((type, i) => tokenMatcher(actual[i]!, type))));
    if (next.every((alt) => alt.length === 0)) break;
    fit = at + 1;
    fitting = next;
  }
  return { fit, paths: fitting };
}

/** Whether `token` is a word written against the number before it, with no space (`2x000`). */
function wordAgainstNumber(token: IToken, previous: IToken | undefined): previous is IToken {
  return previous !== undefined && tokenMatcher(previous, NumberToken) && tokenMatcher(token, Identifier) && previous.startOffset + previous.image.length === token.startOffset;
}

const keywordNames = new Set(keywordTokens.map((t) => t.name));

const declarationWords = "scenario, topology, hypervisor, host, vm, migrate, expect or import";

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected.name === "Identifier" && keywordNames.has(actual.tokenType.name)) {
      return `expected a name, but '${actual.image}' is a keyword and cannot be one`;
    }
    if (expected === EOF) return `unexpected ${describeToken(actual)}: expected a declaration (${declarationWords})`;
    return `expected ${describeType(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}: expected a declaration (${declarationWords})`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous }) {
    const found = actual[0]!;
    if (wordAgainstNumber(found, previous)) {
      return `unexpected ${describeToken(found)} right after the number '${previous.image}': '${previous.image}${found.image}' is not a number`;
    }
    // A first token that can start a member (a name) with a wrong one after it: say what should follow it.
    const { fit, paths } = longestFit(expectedPathsPerAlt, actual);
    if (fit > 0 && fit < actual.length) {
      const after = actual.slice(0, fit).map(describeToken).join(" ");
      return `after ${after}, expected ${describeAlternatives(paths, fit)} but found ${describeToken(actual[fit]!)}`;
    }
    return `unexpected ${describeToken(found)}: expected ${describeAlternatives(expectedPathsPerAlt)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    return `unexpected ${describeToken(actual[0]!)}: expected ${describeAlternatives([expectedIterationPaths])}`;
  },
};
