/**
 * The frames the parser's rules fill, each rule's empty one (`open`) and the AST node it becomes (`finish`).
 * Both parsers, Chevrotain's rules and the error-free reader (errorFreeParser.ts), use these, so a node is
 * the same whichever parser read it.
 *
 * Tokens that the parser invented while recovering from an error have no offsets; they are dropped here,
 * so the AST only holds what the user wrote. A frame may be partial (its rule failed): every field is
 * optional, and a node is built from whatever is there.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Frame } from "./actions.js";
import * as T from "./tokens.js";

/** A declaration or a block member with a leading keyword. Each rule's frame has only the fields it fills. */
export interface DeclarationFrame extends Frame {
  keyword?: IToken;
  name?: IToken;
  /** The string after the keyword: an import's path, a scenario's title. */
  string?: IToken;
  generator?: IToken;
  kind?: IToken;
  architecture?: IToken;
  category?: IToken;
  choice?: IToken;
  flowKind?: IToken;
  during?: IToken;
  any?: IToken;
  op?: IToken;
  declared?: A.DeclaredName;
  from?: A.Reference;
  to?: A.Reference;
  host?: A.Reference;
  vm?: A.Reference;
  target?: A.Reference;
  targets?: A.Reference;
  subject?: A.Reference;
  amount?: A.Value;
  since?: A.Value;
  until?: A.Value;
  at?: A.Value;
  value?: A.Value;
  body?: A.Block;
  modifiers?: IToken[];
}

/** The one node of a rule that is a choice between rules (`declaration`, `member`). */
export interface ChoiceFrame<N> extends Frame {
  node?: N;
}

/** The nodes of a rule that repeats one sub-rule (`file`, `reference`). */
export interface ListFrame<N> extends Frame {
  items: N[];
}

export interface BlockFrame extends Frame {
  members: A.Member[];
  close?: IToken;
}

export interface MemberFrame extends Frame {
  /** `sweep`, a reuse entry's OS string, an attribute's name. */
  first?: IToken;
  /** A sweep's address, a reuse entry's hypervisor version. */
  second?: IToken;
  value?: A.Value;
  values?: A.Value[];
}

export interface ValueFrame extends Frame {
  number?: IToken;
  unit?: IToken;
  string?: IToken;
  /** `on` or a hyphenated word, as a one-part reference. */
  word?: IToken;
  reference?: A.Reference;
}

/** A declared name or a reference part: a name and an optional bracketed index. */
export interface IndexedFrame extends Frame {
  name?: IToken;
  open?: IToken;
  star?: IToken;
  first?: IToken;
  last?: IToken;
  close?: IToken;
}

/** The token if the user wrote it: tokens invented in recovery, like the re-parse's, have no offsets. */
function real(token: IToken | undefined): IToken | undefined {
  return token !== undefined && !Number.isNaN(token.startOffset) ? token : undefined;
}

/** Offset just past a token (the lexer tracks start offsets only). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function name(token: IToken | undefined): A.Name | undefined {
  return real(token) ? { text: token!.image, start: token!.startOffset, end: tokenEnd(token!) } : undefined;
}

/** The end of a rule's span; a rule that ends on an invented token ends where it starts. */
function endOf(frame: Frame): number {
  return Number.isNaN(frame.end) ? frame.start : frame.end;
}

/** The keyword's span, or the whole frame's when the keyword was invented. */
function keywordSpan(frame: DeclarationFrame): A.Span {
  const keyword = real(frame.keyword);
  return keyword ? { start: keyword.startOffset, end: tokenEnd(keyword) } : { start: frame.start, end: endOf(frame) };
}

function stringValue(token: IToken | undefined): (A.Value & { kind: "string" }) | undefined {
  return real(token) ? { kind: "string", value: unquote(token!.image), start: token!.startOffset, end: tokenEnd(token!) } : undefined;
}

function unquote(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** A reference part as written: `host[3]`, `vm[1..3]`, `host[*]`. */
function partText(part: A.ReferencePart): string {
  const s = part.selector;
  if (!s) return part.text;
  if (s.kind === "all") return `${part.text}[*]`;
  return s.last === undefined ? `${part.text}[${s.first}]` : `${part.text}[${s.first}..${s.last}]`;
}

/**
 * Each rule's empty frame. Both parsers (Chevrotain's rules and errorFreeParser.ts) open their frames here, so
 * a frame of a rule always has the same fields in the same order, whichever parser filled it.
 */
export const open = {
  file: (): ListFrame<A.Declaration> => ({ start: NaN, end: NaN, items: [] }),
  declaration: (): ChoiceFrame<A.Declaration> => ({ start: NaN, end: NaN, node: undefined }),
  importDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, string: undefined }),
  scenarioDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, string: undefined, body: undefined }),
  topologyDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, generator: undefined, body: undefined }),
  hypervisorDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, kind: undefined, body: undefined }),
  hostsDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, targets: undefined, body: undefined }),
  trafficDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, body: undefined }),
  policyDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, category: undefined, choice: undefined, body: undefined }),
  networkDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, architecture: undefined, body: undefined }),
  vmDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, declared: undefined, host: undefined, body: undefined }),
  migrateDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, vm: undefined, any: undefined, target: undefined, at: undefined, modifiers: [] }),
  expectDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, subject: undefined, op: undefined, value: undefined }),
  block: (): BlockFrame => ({ start: NaN, end: NaN, members: [], close: undefined }),
  member: (): ChoiceFrame<A.Member> => ({ start: NaN, end: NaN, node: undefined }),
  nodeDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, body: undefined }),
  hostDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, body: undefined }),
  linkDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, from: undefined, to: undefined, body: undefined }),
  backgroundDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, from: undefined, to: undefined, flowKind: undefined, amount: undefined, during: undefined, since: undefined, until: undefined, body: undefined }),
  datacentreDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, body: undefined }),
  groupDecl: (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, body: undefined }),
  sweepDecl: (): MemberFrame => ({ start: NaN, end: NaN, first: undefined, second: undefined, values: [] }),
  reuseEntry: (): MemberFrame => ({ start: NaN, end: NaN, first: undefined, second: undefined, value: undefined }),
  attribute: (): MemberFrame => ({ start: NaN, end: NaN, first: undefined, value: undefined }),
  value: (): ValueFrame => ({ start: NaN, end: NaN, number: undefined, unit: undefined, string: undefined, word: undefined, reference: undefined }),
  declaredName: (): IndexedFrame => ({ start: NaN, end: NaN, name: undefined, open: undefined, first: undefined, last: undefined, close: undefined }),
  reference: (): ListFrame<A.ReferencePart> => ({ start: NaN, end: NaN, items: [] }),
  referencePart: (): IndexedFrame => ({ start: NaN, end: NaN, name: undefined, open: undefined, star: undefined, first: undefined, last: undefined, close: undefined }),
};

export const finish = {
  importDecl: (f: DeclarationFrame): A.ImportDecl => ({ kind: "import", start: f.start, end: endOf(f), keyword: keywordSpan(f), path: stringValue(f.string) }),

  scenarioDecl: (f: DeclarationFrame): A.ScenarioDecl => ({ kind: "scenario", start: f.start, end: endOf(f), keyword: keywordSpan(f), title: stringValue(f.string), body: f.body }),

  topologyDecl: (f: DeclarationFrame): A.TopologyDecl => ({
    kind: "topology",
    start: f.start,
    end: endOf(f),
    keyword: keywordSpan(f),
    name: name(f.name),
    generator: name(f.generator),
    body: f.body,
  }),

  hypervisorDecl: (f: DeclarationFrame): A.HypervisorDecl => ({
    kind: "hypervisor",
    start: f.start,
    end: endOf(f),
    keyword: keywordSpan(f),
    name: name(f.name),
    hypervisorKind: name(f.kind),
    body: f.body,
  }),

  nodeDecl: (f: DeclarationFrame): A.NodeDecl => ({
    kind: real(f.keyword)?.tokenType === T.Router ? "router" : "switch",
    start: f.start,
    end: endOf(f),
    keyword: keywordSpan(f),
    name: name(f.name),
    body: f.body,
  }),

  hostDecl: (f: DeclarationFrame): A.HostDecl => ({ kind: "host", start: f.start, end: endOf(f), keyword: keywordSpan(f), name: name(f.name), body: f.body }),

  linkDecl: (f: DeclarationFrame): A.LinkDecl => ({ kind: "link", start: f.start, end: endOf(f), keyword: keywordSpan(f), from: f.from, to: f.to, body: f.body }),

  vmDecl: (f: DeclarationFrame): A.VmDecl => ({ kind: "vm", start: f.start, end: endOf(f), keyword: keywordSpan(f), name: f.declared, host: f.host, body: f.body }),

  migrateDecl: (f: DeclarationFrame): A.MigrateDecl => {
    const start = f.start;
    const end = endOf(f);
    const keyword = keywordSpan(f);
    const modifiers = (f.modifiers ?? []).flatMap((t) => name(t) ?? []);
    // `any` is a key only when written, between the target and the time.
    const any = name(f.any);
    if (any) return { kind: "migrate", start, end, keyword, vm: f.vm, target: f.target, any, at: f.at, modifiers };
    return { kind: "migrate", start, end, keyword, vm: f.vm, target: f.target, at: f.at, modifiers };
  },

  hostsDecl: (f: DeclarationFrame): A.HostsDecl => ({ kind: "hosts", start: f.start, end: endOf(f), keyword: keywordSpan(f), targets: f.targets, body: f.body }),

  trafficDecl: (f: DeclarationFrame): A.TrafficDecl => ({ kind: "traffic", start: f.start, end: endOf(f), keyword: keywordSpan(f), body: f.body }),

  backgroundDecl: (f: DeclarationFrame): A.BackgroundDecl => ({
    kind: "background",
    start: f.start,
    end: endOf(f),
    keyword: keywordSpan(f),
    from: f.from,
    to: f.to,
    flowKind: name(f.flowKind),
    amount: f.amount,
    during: real(f.during) ? { from: f.since, until: f.until } : undefined,
    body: f.body,
  }),

  datacentreDecl: (f: DeclarationFrame): A.DatacentreDecl => ({ kind: "datacentre", start: f.start, end: endOf(f), keyword: keywordSpan(f), body: f.body }),

  policyDecl: (f: DeclarationFrame): A.PolicyDecl => ({
    kind: "policy",
    start: f.start,
    end: endOf(f),
    keyword: keywordSpan(f),
    category: name(f.category),
    choice: name(f.choice),
    body: f.body,
  }),

  networkDecl: (f: DeclarationFrame): A.NetworkDecl => ({ kind: "network", start: f.start, end: endOf(f), keyword: keywordSpan(f), architecture: name(f.architecture), body: f.body }),

  groupDecl: (f: DeclarationFrame): A.GroupDecl => ({
    kind: real(f.keyword)?.image === "domain" ? "domain" : "subnet",
    start: f.start,
    end: endOf(f),
    keyword: keywordSpan(f),
    name: name(f.name),
    body: f.body,
  }),

  expectDecl: (f: DeclarationFrame): A.ExpectDecl => {
    const op = real(f.op);
    return {
      kind: "expect",
      start: f.start,
    end: endOf(f),
      keyword: keywordSpan(f),
      subject: f.subject,
      op: op ? { text: op.image as A.Comparator, start: op.startOffset, end: tokenEnd(op) } : undefined,
      value: f.value,
    };
  },

  block: (f: BlockFrame): A.Block => ({ start: f.start, end: endOf(f), members: f.members, closed: real(f.close) !== undefined }),

  sweepDecl: (f: MemberFrame): A.SweepDecl => ({
    kind: "sweep",
    start: f.start,
    end: endOf(f),
    keyword: { start: f.start, end: f.start + (real(f.first)?.image.length ?? 1) },
    address: stringValue(f.second),
    values: f.values ?? [],
  }),

  reuseEntry: (f: MemberFrame): A.ReuseEntry => ({
    kind: "reuse-entry",
    start: f.start,
    end: endOf(f),
    keyword: { start: f.start, end: f.start + (real(f.first)?.image.length ?? 1) },
    os: stringValue(f.first),
    hypervisorVersion: stringValue(f.second),
    size: f.value,
  }),

  attribute: (f: MemberFrame): A.Attribute | undefined => {
    const attributeName = name(f.first);
    return attributeName && { kind: "attribute", start: f.start, end: endOf(f), name: attributeName, value: f.value };
  },

  value: (f: ValueFrame): A.Value | undefined => {
    const number = real(f.number);
    if (number) {
      const unit = name(f.unit);
      return { kind: "number", value: Number(number.image), unit, start: number.startOffset, end: unit?.end ?? tokenEnd(number) };
    }
    const string = stringValue(f.string);
    if (string) return string;
    const word = name(f.word);
    if (word) return { kind: "reference", reference: { parts: [word], text: word.text, start: word.start, end: word.end }, start: word.start, end: word.end };
    return f.reference && { kind: "reference", reference: f.reference, start: f.start, end: endOf(f) };
  },

  declaredName: (f: IndexedFrame): A.DeclaredName | undefined => {
    const base = name(f.name);
    const first = real(f.first);
    const close = real(f.close);
    if (!base || !first || !close) return base;
    const last = real(f.last) ?? first;
    return { text: base.text, start: base.start, end: base.end, range: { first: Number(first.image), last: Number(last.image), start: f.open!.startOffset, end: tokenEnd(close) } };
  },

  reference: (f: ListFrame<A.ReferencePart>): A.Reference | undefined => {
    const parts = f.items;
    if (parts.length === 0) return undefined;
    const last = parts[parts.length - 1]!;
    const text = parts.length === 1 ? partText(last) : parts.map(partText).join(".");
    return { parts, text, start: parts[0]!.start, end: last.selector?.end ?? last.end };
  },

  referencePart: (f: IndexedFrame): A.ReferencePart | undefined => {
    const base = name(f.name);
    const opening = real(f.open);
    const close = real(f.close);
    if (!base || !opening || !close) return base;
    const start = opening.startOffset;
    const end = tokenEnd(close);
    if (real(f.star)) return { text: base.text, start: base.start, end: base.end, selector: { kind: "all", start, end } };
    const first = real(f.first);
    if (!first) return base;
    const last = real(f.last);
    const selector: A.Selector = last ? { kind: "index", first: Number(first.image), last: Number(last.image), start, end } : { kind: "index", first: Number(first.image), start, end };
    return { text: base.text, start: base.start, end: base.end, selector };
  },
};
