/**
 * The outline of a document: one entry per declaration, with a topology's switches, routers, hosts and
 * links as its children. Each entry spans its whole declaration and selects its name; entries whose name
 * the user has not written yet are still listed, so the outline follows the file while it is being typed.
 */
import type { Declaration, Member, Span } from "../syntax/ast.js";
import type { ParseResult } from "../syntax/parse.js";

export type OutlineKind = "import" | "scenario" | "hypervisor" | "topology" | "switch" | "router" | "host" | "link" | "vm" | "migrate" | "expect";

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

function entry(text: string, node: Declaration | Exclude<Member, { kind: "attribute" }>): OutlineEntry {
  const range = { start: node.start, end: Math.max(node.end, node.keyword.end) };
  const make = (name: string | undefined, selection: Span | undefined, detail?: string, children: readonly OutlineEntry[] = []): OutlineEntry => ({
    name: name || `${node.kind} (unnamed)`,
    kind: node.kind,
    detail,
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
      return make(node.name?.text, node.name, node.hypervisorKind ? `kind ${node.hypervisorKind.text}` : undefined);
    case "topology": {
      const children = (node.body?.members ?? []).flatMap((m) => (m.kind === "attribute" ? [] : [entry(text, m)]));
      return make(node.name?.text, node.name, node.generator?.text, children);
    }
    case "switch":
    case "router":
    case "host":
      return make(node.name?.text, node.name);
    case "link":
      return make(`${node.from?.text ?? "?"} -- ${node.to?.text ?? "?"}`, cover(node.from, node.to));
    case "vm":
      return make(node.name?.text, node.name, node.host ? `on ${node.host.text}` : undefined);
    case "migrate":
      return make(`migrate ${node.vm?.text ?? "?"} → ${node.target?.text ?? "?"}`, cover(node.vm, node.target), node.at ? `at ${source(text, node.at)}` : undefined);
    case "expect": {
      const condition = source(text, { start: node.keyword.end, end: range.end });
      return make(condition && `expect ${condition}`, node.subject);
    }
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
