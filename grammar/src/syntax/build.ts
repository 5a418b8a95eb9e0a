/**
 * Turns Chevrotain's concrete syntax tree into the AST of ast.ts, one visitor method per parser rule.
 *
 * Tokens that the parser invented while recovering from an error have no offsets; they are dropped here,
 * so the AST only holds what the user wrote.
 */
import type { CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import { parser } from "./parser.js";

type Ctx = Record<string, (CstNode | IToken)[] | undefined>;

function real(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && !Number.isNaN(token.startOffset);
}

function tok(ctx: Ctx, key: string, index = 0): IToken | undefined {
  const t = ctx[key]?.[index] as IToken | undefined;
  return real(t) ? t : undefined;
}

function node(ctx: Ctx, key: string, index = 0): CstNode | undefined {
  return ctx[key]?.[index] as CstNode | undefined;
}

/** Offset just past a token (the lexer tracks start offsets only). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function name(token: IToken | undefined): A.Name | undefined {
  return real(token) ? { text: token.image, start: token.startOffset, end: tokenEnd(token) } : undefined;
}

function spanOf(cst: CstNode): A.Span {
  const loc = cst.location!;
  const end = loc.endOffset;
  return { start: loc.startOffset, end: end === undefined || Number.isNaN(end) ? loc.startOffset : end + 1 };
}

/** A reference part as written: `host[3]`, `vm[1..3]`, `host[*]`. */
export function partText(part: A.ReferencePart): string {
  const s = part.selector;
  if (!s) return part.text;
  if (s.kind === "all") return `${part.text}[*]`;
  return s.last === undefined ? `${part.text}[${s.first}]` : `${part.text}[${s.first}..${s.last}]`;
}

function unquote(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/g, "$1");
}

const BaseVisitor = parser.getBaseCstVisitorConstructor();

class AstBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  file(ctx: Ctx): A.Declaration[] {
    return (ctx.declaration ?? []).flatMap((d) => {
      const decl = this.sub(d as CstNode) as A.Declaration | undefined;
      return decl ? [decl] : [];
    });
  }

  declaration(ctx: Ctx): A.Declaration | undefined {
    const child = Object.values(ctx)[0]?.[0] as CstNode | undefined;
    return child ? (this.sub(child) as A.Declaration) : undefined;
  }

  importDecl(ctx: Ctx, cst: CstNode): A.ImportDecl {
    return { kind: "import", ...this.base(ctx, "Import", cst), path: this.stringValue(tok(ctx, "StringLiteral")) };
  }

  scenarioDecl(ctx: Ctx, cst: CstNode): A.ScenarioDecl {
    return {
      kind: "scenario",
      ...this.base(ctx, "Scenario", cst),
      title: this.stringValue(tok(ctx, "StringLiteral")),
      body: this.optionalBlock(ctx),
    };
  }

  topologyDecl(ctx: Ctx, cst: CstNode): A.TopologyDecl {
    return {
      kind: "topology",
      ...this.base(ctx, "Topology", cst),
      name: name(tok(ctx, "name")),
      generator: name(tok(ctx, "generator")),
      body: this.optionalBlock(ctx),
    };
  }

  hypervisorDecl(ctx: Ctx, cst: CstNode): A.HypervisorDecl {
    return {
      kind: "hypervisor",
      ...this.base(ctx, "Hypervisor", cst),
      name: name(tok(ctx, "name")),
      hypervisorKind: name(tok(ctx, "kind")),
      body: this.optionalBlock(ctx),
    };
  }

  nodeDecl(ctx: Ctx, cst: CstNode): A.NodeDecl {
    const keyword = tok(ctx, "Switch") ?? tok(ctx, "Router");
    return {
      kind: keyword?.tokenType.name === "Router" ? "router" : "switch",
      ...this.base(ctx, keyword?.tokenType.name ?? "Switch", cst),
      name: name(tok(ctx, "name")),
      body: this.optionalBlock(ctx),
    };
  }

  hostDecl(ctx: Ctx, cst: CstNode): A.HostDecl {
    return { kind: "host", ...this.base(ctx, "Host", cst), name: name(tok(ctx, "name")), body: this.optionalBlock(ctx) };
  }

  linkDecl(ctx: Ctx, cst: CstNode): A.LinkDecl {
    return {
      kind: "link",
      ...this.base(ctx, "Link", cst),
      from: this.optionalReference(ctx, "from"),
      to: this.optionalReference(ctx, "to"),
      body: this.optionalBlock(ctx),
    };
  }

  vmDecl(ctx: Ctx, cst: CstNode): A.VmDecl {
    const declared = node(ctx, "name");
    return {
      kind: "vm",
      ...this.base(ctx, "Vm", cst),
      name: declared ? (this.sub(declared) as A.DeclaredName | undefined) : undefined,
      host: this.optionalReference(ctx, "host"),
      body: this.optionalBlock(ctx),
    };
  }

  migrateDecl(ctx: Ctx, cst: CstNode): A.MigrateDecl {
    const at = node(ctx, "at");
    return {
      kind: "migrate",
      ...this.base(ctx, "Migrate", cst),
      vm: this.optionalReference(ctx, "vm"),
      target: this.optionalReference(ctx, "target"),
      ...(tok(ctx, "any") ? { any: name(tok(ctx, "any"))! } : {}),
      at: at ? (this.sub(at) as A.Value | undefined) : undefined,
      modifiers: (ctx.modifier ?? []).flatMap((t) => {
        const modifier = name(t as IToken);
        return modifier ? [modifier] : [];
      }),
    };
  }

  hostsDecl(ctx: Ctx, cst: CstNode): A.HostsDecl {
    return { kind: "hosts", ...this.base(ctx, "Hosts", cst), targets: this.optionalReference(ctx, "targets"), body: this.optionalBlock(ctx) };
  }

  trafficDecl(ctx: Ctx, cst: CstNode): A.TrafficDecl {
    return { kind: "traffic", ...this.base(ctx, "Traffic", cst), body: this.optionalBlock(ctx) };
  }

  backgroundDecl(ctx: Ctx, cst: CstNode): A.BackgroundDecl {
    const values = (key: string) => {
      const n = node(ctx, key);
      return n ? (this.sub(n) as A.Value | undefined) : undefined;
    };
    return {
      kind: "background",
      ...this.base(ctx, "Background", cst),
      from: this.optionalReference(ctx, "from"),
      to: this.optionalReference(ctx, "to"),
      flowKind: name(tok(ctx, "flowKind")),
      amount: values("amount"),
      during: tok(ctx, "During") ? { from: values("since"), until: values("until") } : undefined,
      body: this.optionalBlock(ctx),
    };
  }

  datacentreDecl(ctx: Ctx, cst: CstNode): A.DatacentreDecl {
    return { kind: "datacentre", ...this.base(ctx, "keyword", cst), body: this.optionalBlock(ctx) };
  }

  policyDecl(ctx: Ctx, cst: CstNode): A.PolicyDecl {
    return {
      kind: "policy",
      ...this.base(ctx, "Policy", cst),
      category: name(tok(ctx, "category")),
      choice: name(tok(ctx, "choice")),
      body: this.optionalBlock(ctx),
    };
  }

  networkDecl(ctx: Ctx, cst: CstNode): A.NetworkDecl {
    return { kind: "network", ...this.base(ctx, "Network", cst), architecture: name(tok(ctx, "architecture")), body: this.optionalBlock(ctx) };
  }

  groupDecl(ctx: Ctx, cst: CstNode): A.GroupDecl {
    const word = tok(ctx, "groupKind");
    const span = spanOf(cst);
    return {
      kind: word?.image === "domain" ? "domain" : "subnet",
      ...span,
      keyword: word ? { start: word.startOffset, end: tokenEnd(word) } : span,
      name: name(tok(ctx, "name")),
      body: this.optionalBlock(ctx),
    };
  }

  declaredName(ctx: Ctx): A.DeclaredName | undefined {
    const base = name(tok(ctx, "Identifier"));
    if (!base) return undefined;
    const first = tok(ctx, "first");
    const close = tok(ctx, "RBracket");
    if (!first || !close) return base;
    const last = tok(ctx, "last") ?? first;
    const range = { first: Number(first.image), last: Number(last.image), start: tok(ctx, "LBracket")!.startOffset, end: tokenEnd(close) };
    return { ...base, range };
  }

  expectDecl(ctx: Ctx, cst: CstNode): A.ExpectDecl {
    const op = tok(ctx, "op");
    const value = node(ctx, "value");
    return {
      kind: "expect",
      ...this.base(ctx, "Expect", cst),
      subject: this.optionalReference(ctx, "subject"),
      op: op ? { text: op.image as A.Comparator, start: op.startOffset, end: tokenEnd(op) } : undefined,
      value: value ? (this.sub(value) as A.Value | undefined) : undefined,
    };
  }

  block(ctx: Ctx, cst: CstNode): A.Block {
    const members = (ctx.member ?? []).flatMap((m) => {
      const member = this.sub(m as CstNode) as A.Member | undefined;
      return member ? [member] : [];
    });
    return { ...spanOf(cst), members, closed: tok(ctx, "RCurly") !== undefined };
  }

  member(ctx: Ctx): A.Member | undefined {
    const child = Object.values(ctx)[0]?.[0] as CstNode | undefined;
    return child ? (this.sub(child) as A.Member) : undefined;
  }

  sweepDecl(ctx: Ctx, cst: CstNode): A.SweepDecl {
    const keyword = tok(ctx, "keyword");
    const start = cst.location!.startOffset;
    return {
      kind: "sweep",
      ...spanOf(cst),
      keyword: { start, end: start + (keyword?.image.length ?? 1) },
      address: this.stringValue(tok(ctx, "address")),
      values: (ctx.value ?? []).flatMap((value) => {
        const built = this.sub(value as CstNode) as A.Value | undefined;
        return built ? [built] : [];
      }),
    };
  }

  reuseEntry(ctx: Ctx, cst: CstNode): A.ReuseEntry {
    const size = node(ctx, "size");
    return {
      kind: "reuse-entry",
      ...spanOf(cst),
      keyword: { start: cst.location!.startOffset, end: cst.location!.startOffset + (tok(ctx, "os")?.image.length ?? 1) },
      os: this.stringValue(tok(ctx, "os")),
      hypervisorVersion: this.stringValue(tok(ctx, "hypervisorVersion")),
      size: size ? (this.sub(size) as A.Value | undefined) : undefined,
    };
  }

  attribute(ctx: Ctx, cst: CstNode): A.Attribute | undefined {
    const attributeName = name(tok(ctx, "name"));
    if (!attributeName) return undefined;
    const value = node(ctx, "value");
    return { kind: "attribute", ...spanOf(cst), name: attributeName, value: value ? (this.sub(value) as A.Value | undefined) : undefined };
  }

  value(ctx: Ctx, cst: CstNode): A.Value | undefined {
    const number = tok(ctx, "Number");
    if (number) {
      const unitNode = node(ctx, "unit");
      const unit = unitNode ? (this.sub(unitNode) as A.Name | undefined) : undefined;
      return { kind: "number", value: Number(number.image), unit, start: number.startOffset, end: unit?.end ?? tokenEnd(number) };
    }
    const string = this.stringValue(tok(ctx, "StringLiteral"));
    if (string) return string;
    const on = name(tok(ctx, "On") ?? tok(ctx, "HyphenatedWord"));
    if (on) return { kind: "reference", reference: { parts: [on], text: on.text, start: on.start, end: on.end }, start: on.start, end: on.end };
    const reference = this.optionalReference(ctx, "reference");
    return reference ? { kind: "reference", reference, ...spanOf(cst) } : undefined;
  }

  unit(ctx: Ctx): A.Name | undefined {
    return name(tok(ctx, "Identifier") ?? tok(ctx, "SlashUnit") ?? tok(ctx, "Percent"));
  }

  reference(ctx: Ctx): A.Reference | undefined {
    const parts = (ctx.referencePart ?? []).flatMap((p) => {
      const part = this.sub(p as CstNode) as A.ReferencePart | undefined;
      return part ? [part] : [];
    });
    if (parts.length === 0) return undefined;
    return {
      parts,
      text: parts.map(partText).join("."),
      start: parts[0]!.start,
      end: parts[parts.length - 1]!.selector?.end ?? parts[parts.length - 1]!.end,
    };
  }

  referencePart(ctx: Ctx): A.ReferencePart | undefined {
    const base = name(tok(ctx, "Identifier") ?? tok(ctx, "Host"));
    const open = tok(ctx, "LBracket");
    const close = tok(ctx, "RBracket");
    if (!base || !open || !close) return base;
    const first = tok(ctx, "first");
    const span = { start: open.startOffset, end: tokenEnd(close) };
    if (tok(ctx, "Star")) return { ...base, selector: { kind: "all", ...span } };
    if (!first) return base;
    const last = tok(ctx, "last");
    return { ...base, selector: { kind: "index", first: Number(first.image), ...(last ? { last: Number(last.image) } : {}), ...span } };
  }

  /** Visits a child node, handing it its own CST node so that rules can read their location. */
  private sub(cst: CstNode): unknown {
    return this.visit(cst, cst);
  }

  private base(ctx: Ctx, keywordToken: string, cst: CstNode): A.Span & { keyword: A.Span } {
    const keyword = tok(ctx, keywordToken);
    const span = spanOf(cst);
    return { ...span, keyword: keyword ? { start: keyword.startOffset, end: tokenEnd(keyword) } : span };
  }

  private optionalBlock(ctx: Ctx): A.Block | undefined {
    const block = node(ctx, "block");
    return block ? (this.sub(block) as A.Block) : undefined;
  }

  private optionalReference(ctx: Ctx, key: string): A.Reference | undefined {
    const ref = node(ctx, key);
    return ref ? (this.sub(ref) as A.Reference | undefined) : undefined;
  }

  private stringValue(token: IToken | undefined): (A.Value & { kind: "string" }) | undefined {
    return token ? { kind: "string", value: unquote(token.image), start: token.startOffset, end: tokenEnd(token) } : undefined;
  }
}

const astBuilder = new AstBuilder();

/** Builds the declarations of a `file` CST node. */
export function buildDeclarations(cst: CstNode): A.Declaration[] {
  return astBuilder.visit(cst, cst) as A.Declaration[];
}
