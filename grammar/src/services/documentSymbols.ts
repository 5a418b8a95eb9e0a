/**
 * The outline of a document: one entry per declaration, with the declarations inside a block (a topology's
 * switches, routers, hosts and links, a traffic block's flows) as its children. Each entry spans its whole declaration and selects its name; entries whose name
 * the user has not written yet are still listed, so the outline follows the file while it is being typed.
 */
import type { Attribute, Declaration, Member, ReuseEntry, Span, SweepDecl } from "../syntax/ast.js";
import type { ParseResult } from "../syntax/parse.js";

/** Every declaration and block member except attributes. */
type Outlined = Exclude<Declaration | Member, Attribute | ReuseEntry | SweepDecl>;

export type OutlineKind = Outlined["kind"];

export interface OutlineEntry {
  readonly name: string;
  readonly kind: OutlineKind;
  /** A short description shown next to the name (a hypervisor's kind, a VM's host, a migration's time). */
  readonly detail?: string;
  /** The whole declaration. */
  readonly range: Span;
  /** The name, or the keyword when there is no name; always inside `range`. */
  readonly selection: Span;
  readonly children: readonly OutlineEntry[];
}

export function documentSymbols(text: string, parsed: ParseResult): OutlineEntry[] {
  return parsed.file.declarations.map((d) => entry(text, d));
}

function entry(text: string, node: Outlined): OutlineEntry {
  const range = { start: node.start, end: Math.max(node.end, node.keyword.end) };
  const members = "body" in node ? (node.body?.members ?? []) : [];
  const children = members.flatMap((m) => (m.kind === "attribute" || m.kind === "reuse-entry" || m.kind === "sweep" ? [] : [entry(text, m)]));
  const make = (name: string | undefined, selection: Span | undefined, detail?: string): OutlineEntry => ({
    name: name || `${node.kind} (unnamed)`,
    kind: node.kind,
    detail: detail || undefined,
    range,
    selection: spanOf(selection && selection.start >= range.start && selection.end <= range.end ? selection : node.keyword),
    children,
  });
  switch (node.kind) {
    case "import":
      return make(node.path?.value, node.path);
    case "scenario":
      return make(node.title?.value, node.title);
    case "hypervisor":
      return make(node.name?.text, node.name, node.hypervisorKind && `kind ${node.hypervisorKind.text}`);
    case "topology":
      return make(node.name?.text, node.name, node.generator?.text);
    case "switch":
    case "router":
    case "host":
      return make(node.name?.text, node.name);
    case "hosts":
      return make(node.targets?.text, node.targets);
    case "link":
      return make(`${node.from?.text ?? "?"} -- ${node.to?.text ?? "?"}`, cover(node.from, node.to));
    case "vm": {
      // A numbered family shows its range: `web[1..3]`.
      const name = node.name && { start: node.name.start, end: Math.max(node.name.end, node.name.range?.end ?? 0) };
      return make(name && source(text, name), name, node.host && `on ${node.host.text}`);
    }
    case "migrate": {
      const detail = [node.at && `at ${source(text, node.at)}`, ...node.modifiers.map((m) => m.text)].filter(Boolean).join(" ");
      return make(`migrate ${node.vm?.text ?? "?"} → ${node.target?.text ?? "?"}`, cover(node.vm, node.target), detail);
    }
    case "expect": {
      const condition = source(text, { start: node.keyword.end, end: range.end });
      return make(condition && `expect ${condition}`, node.subject);
    }
    case "traffic":
      return make("traffic", node.keyword);
    case "datacentre":
      return make("datacentre", node.keyword, "traffic generator");
    case "background":
      return make(`${node.from?.text ?? "?"} -> ${node.to?.text ?? "?"}`, cover(node.from, node.to), [node.flowKind?.text, node.amount && source(text, node.amount)].filter(Boolean).join(" "));
    case "policy":
      return make([node.category?.text, node.choice?.text].filter(Boolean).join(" "), cover(node.category, node.choice));
    case "network":
      return make(`network ${node.architecture?.text ?? "?"}`, node.architecture);
    case "subnet":
    case "domain":
      return make(node.name?.text, node.name, node.kind);
  }
}

/** Just the offsets of a span (AST nodes carry more). */
function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** The span from the first to the last of two optional spans. */
function cover(a: Span | undefined, b: Span | undefined): Span | undefined {
  if (!a || !b) return a ?? b;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The source of a span with its whitespace runs collapsed to single spaces. */
function source(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
}
