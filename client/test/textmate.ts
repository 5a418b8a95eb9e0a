/**
 * A small TextMate tokenizer for one line at a time, enough to check vmig.tmLanguage.json in unit tests:
 * `match` rules with `captures`, `begin`/`end` rules with inner `patterns`, and `#repository` includes.
 * JavaScript regular expressions stand in for Oniguruma; the grammar keeps to their common subset.
 */

export interface Rule {
  readonly include?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly name?: string;
  readonly captures?: Captures;
  readonly beginCaptures?: Captures;
  readonly endCaptures?: Captures;
  readonly patterns?: readonly Rule[];
}

export interface Grammar {
  readonly scopeName: string;
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, Rule>>;
}

type Captures = Readonly<Record<string, { readonly name?: string }>>;

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Splits `line` into tokens, each with the scopes the grammar gives it (outermost first). */
export function tokenizeLine(grammar: Grammar, line: string): Token[] {
  const tokens: Token[] = [];
  scan(grammar, expand(grammar, grammar.patterns), line, 0, line.length, [], tokens);
  return tokens.filter((t) => t.text.length > 0);
}

/** The scopes of the first token whose text is `text`; fails loudly when there is none. */
export function scopesOf(tokens: readonly Token[], text: string): readonly string[] {
  const token = tokens.find((t) => t.text === text);
  if (token === undefined) throw new Error(`no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

/** Tokenizes [from, to) with `rules` and returns where it stopped (always `to`). */
function scan(
  grammar: Grammar,
  rules: readonly Rule[],
  line: string,
  from: number,
  to: number,
  scopes: readonly string[],
  out: Token[],
  end?: { regex: RegExp; captures: Captures | undefined },
): number {
  let pos = from;
  while (pos <= to) {
    let best: { rule: Rule | undefined; match: RegExpExecArray } | undefined;
    if (end !== undefined) {
      const m = execAt(end.regex, line, pos);
      if (m !== null) best = { rule: undefined, match: m };
    }
    for (const rule of rules) {
      const m = execAt(regex(rule.match ?? rule.begin!), line, pos);
      if (m !== null && (best === undefined || m.index < best.match.index)) best = { rule, match: m };
    }
    if (best === undefined || best.match.index >= to) {
      out.push({ text: line.slice(pos, to), scopes });
      return to;
    }
    const { rule, match } = best;
    out.push({ text: line.slice(pos, match.index), scopes });
    const matchEnd = match.index + match[0].length;
    if (rule === undefined) {
      emitCaptures(match, end!.captures, scopes, out);
      return matchEnd;
    }
    const inner = [...scopes, ...named(rule.name, match)];
    if (rule.match !== undefined) {
      emitCaptures(match, rule.captures, inner, out);
      pos = matchEnd;
      if (match[0].length === 0) pos += 1;
      continue;
    }
    emitCaptures(match, rule.beginCaptures, inner, out);
    const endRegex = { regex: regex(rule.end!), captures: rule.endCaptures };
    pos = scan(grammar, expand(grammar, rule.patterns ?? []), line, matchEnd, to, inner, out, endRegex);
    if (pos === matchEnd && match[0].length === 0) pos += 1;
  }
  return to;
}

/** Emits a match as tokens, splitting out the top-level capture groups that have a scope. */
function emitCaptures(match: RegExpExecArray, captures: Captures | undefined, scopes: readonly string[], out: Token[]): void {
  const indices = match.indices!;
  const whole = captures?.["0"]?.name;
  const base = whole === undefined ? scopes : [...scopes, ...named(whole, match)];
  let pos = match.index;
  for (let group = 1; group < indices.length; group++) {
    const span = indices[group];
    const name = captures?.[String(group)]?.name;
    if (span === undefined || name === undefined || span[0] < pos) continue;
    out.push({ text: match.input.slice(pos, span[0]), scopes: base });
    out.push({ text: match.input.slice(span[0], span[1]), scopes: [...base, ...named(name, match)] });
    pos = span[1];
  }
  out.push({ text: match.input.slice(pos, match.index + match[0].length), scopes: base });
}

/** A rule's scope names, with `$n` replaced by capture group n. */
function named(name: string | undefined, match: RegExpExecArray): string[] {
  if (name === undefined) return [];
  return name.replace(/\$(\d+)/g, (_, n: string) => match[Number(n)] ?? "").split(" ");
}

function expand(grammar: Grammar, rules: readonly Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include === undefined) return rule.match === undefined && rule.begin === undefined ? expand(grammar, rule.patterns ?? []) : [rule];
    const target = grammar.repository[rule.include.replace(/^#/, "")];
    if (target === undefined) throw new Error(`unknown include ${rule.include}`);
    return expand(grammar, [target]);
  });
}

const compiled = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) {
    re = new RegExp(source, "dgm");
    compiled.set(source, re);
  }
  return re;
}

function execAt(re: RegExp, line: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(line);
}
