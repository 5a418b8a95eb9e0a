/**
 * Syntax error messages in the words of the language rather than of Chevrotain's token classes.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { EOF } from "chevrotain";
import { keywordTokens } from "./tokens.js";

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

function describeAlternatives(paths: TokenType[][][]): string {
  const firsts = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) firsts.add(describeType(path[0]));
  const list = [...firsts];
  if (list.length <= 1) return list[0] ?? "something else";
  return `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
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
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    return `unexpected ${describeToken(actual[0]!)}: expected ${describeAlternatives(expectedPathsPerAlt)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    return `unexpected ${describeToken(actual[0]!)}: expected ${describeAlternatives([expectedIterationPaths])}`;
  },
};
