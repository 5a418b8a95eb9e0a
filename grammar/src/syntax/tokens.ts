/**
 * The tokens of the .vmig language.
 *
 * Order matters: comments before the operators that start them, keywords before Identifier (each keyword
 * has `longer_alt: Identifier`, so `hostname` is an identifier, not `host` + `name`), and multi-character
 * operators before their one-character prefixes.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
/** A `///` comment documents the declaration that follows it; it is kept in the "comments" group. */
export const DocComment = createToken({ name: "DocComment", pattern: /\/\/\/[^\n\r]*/, group: "comments" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: "comments",
  line_breaks: true,
});

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
/** A word with hyphens, as a value: `mode xia-chunk`. Lexed before Identifier; `a--b` and `a->b` stay operators. */
export const HyphenatedWord = createToken({ name: "HyphenatedWord", pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)+/ });

function keyword(word: string, name: string): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier });
}

export const Scenario = keyword("scenario", "Scenario");
export const Topology = keyword("topology", "Topology");
export const Switch = keyword("switch", "Switch");
export const Router = keyword("router", "Router");
export const Hosts = keyword("hosts", "Hosts");
export const Host = keyword("host", "Host");
export const Link = keyword("link", "Link");
export const Hypervisor = keyword("hypervisor", "Hypervisor");
export const Kind = keyword("kind", "Kind");
export const Vm = keyword("vm", "Vm");
export const On = keyword("on", "On");
export const Migrate = keyword("migrate", "Migrate");
export const To = keyword("to", "To");
export const At = keyword("at", "At");
export const Expect = keyword("expect", "Expect");
export const Import = keyword("import", "Import");
export const Traffic = keyword("traffic", "Traffic");
export const Policy = keyword("policy", "Policy");
export const Background = keyword("background", "Background");
export const During = keyword("during", "During");
export const Together = keyword("together", "Together");
export const Sequential = keyword("sequential", "Sequential");
export const Postcopy = keyword("postcopy", "Postcopy");
export const Precopy = keyword("precopy", "Precopy");
/** `network ip { … }` or `network xia { … }`: paper 001's network architecture. */
export const Network = keyword("network", "Network");

/** A rate unit with a slash; other units are identifiers that the parser accepts after a number. */
export const SlashUnit = createToken({ name: "SlashUnit", pattern: /(?:[KMGT]i?B|B|pages)\/s/ });
export const Number = createToken({ name: "Number", pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/ });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\n\r]|\\.)*"/ });
/** An unterminated string: lexed so the parser can report it instead of the lexer dropping characters. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.)*/ });

export const LinkOperator = createToken({ name: "LinkOperator", pattern: /--/ });
export const Arrow = createToken({ name: "Arrow", pattern: /->/ });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /]/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const LessEqual = createToken({ name: "LessEqual", pattern: /<=/ });
export const GreaterEqual = createToken({ name: "GreaterEqual", pattern: />=/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const EqualEqual = createToken({ name: "EqualEqual", pattern: /==/ });
export const Percent = createToken({ name: "Percent", pattern: /%/ });
export const LCurly = createToken({ name: "LCurly", pattern: /{/ });
export const RCurly = createToken({ name: "RCurly", pattern: /}/ });
export const Dot = createToken({ name: "Dot", pattern: /\./ });
/** Separates the values of a `sweep`. */
export const Comma = createToken({ name: "Comma", pattern: /,/ });

/** Every keyword; a keyword may also name an attribute inside a block (`hypervisor xen30`). */
export const keywordTokens: readonly TokenType[] = [
  Scenario, Topology, Switch, Router, Hosts, Host, Link, Hypervisor, Kind, Vm, On, Migrate, To, At, Expect, Import,
  Traffic, Policy, Background, During, Together, Sequential, Postcopy, Precopy, Network,
];

export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  SlashUnit,
  // Longer keywords first, so that a keyword that is the prefix of another (`to`, `together`) is tried last.
  HyphenatedWord,
  ...[...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  Number,
  StringLiteral,
  UnterminatedString,
  LinkOperator,
  Arrow,
  DotDot,
  LBracket,
  RBracket,
  Star,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  EqualEqual,
  Percent,
  LCurly,
  RCurly,
  Dot,
  Comma,
];

/**
 * One lexer, built once: Chevrotain validates the token set when it is constructed. Tokens carry their start
 * offset only (nothing reads lines or columns from them; lineIndex.ts converts offsets), which makes each
 * token less than half the size. `ensureOptimizations` makes building the lexer fail, rather than lexing
 * silently slow down, if a token ever stops Chevrotain from dispatching on a token's first character.
 */
export const vmigLexer = new Lexer(allTokens as TokenType[], { positionTracking: "onlyOffset", ensureOptimizations: true });
