/**
 * Names: every declaration's name goes into one table, and every reference is resolved against it.
 *
 * The table records where each name is declared and every place it is used, which is what go to
 * definition, find references and rename need later.
 */
import type { Declaration, Name, Reference, Span } from "../syntax/ast.js";
import type { SymbolKind } from "./schema.js";
import type { DiagnosticBag } from "./diagnostics.js";

export interface SymbolInfo {
  readonly name: string;
  readonly kind: SymbolKind;
  /** The span of the declared name. */
  readonly span: Span;
  /** The whole declaration. */
  readonly declaration: Span;
  readonly doc?: string;
}

export interface ReferenceSite extends Span {
  readonly symbol: SymbolInfo;
}

export class SymbolTable {
  private readonly byName = new Map<string, SymbolInfo>();
  readonly references: ReferenceSite[] = [];

  constructor(private readonly diagnostics: DiagnosticBag) {}

  /** Declares `name`; a second declaration of the same name is reported and ignored. */
  declare(name: Name | undefined, kind: SymbolKind, declaration: Span, doc?: string): SymbolInfo | undefined {
    if (!name) return undefined;
    const existing = this.byName.get(name.text);
    if (existing) {
      this.diagnostics.error(name, "duplicate-name", `'${name.text}' is already declared as a ${existing.kind}`);
      return undefined;
    }
    const info: SymbolInfo = { name: name.text, kind, span: { start: name.start, end: name.end }, declaration, doc };
    this.byName.set(name.text, info);
    return info;
  }

  lookup(name: string): SymbolInfo | undefined {
    return this.byName.get(name);
  }

  /** Every symbol, in declaration order. */
  all(): SymbolInfo[] {
    return [...this.byName.values()];
  }

  /**
   * Resolves a one-part reference to a symbol of one of `kinds`, reporting unknown names (with the closest
   * known name as a hint) and names of the wrong kind.
   */
  resolve(reference: Reference | undefined, kinds: readonly SymbolKind[], role: string): SymbolInfo | undefined {
    if (!reference) return undefined;
    const head = reference.parts[0]!;
    if (reference.parts.length > 1) {
      this.diagnostics.error(reference, "wrong-value", `expected the name of ${role}, not a dotted name '${reference.text}'`);
      return undefined;
    }
    return this.resolveName(head, kinds, role);
  }

  /** Resolves one name (see `resolve`). */
  resolveName(name: Name, kinds: readonly SymbolKind[], role: string): SymbolInfo | undefined {
    const symbol = this.byName.get(name.text);
    if (!symbol) {
      const hint = this.closest(name.text, kinds);
      const fixes = hint ? [{ title: `Change to '${hint}'`, edits: [{ start: name.start, end: name.end, newText: hint }], preferred: true }] : undefined;
      this.diagnostics.error(name, "unknown-name", `unknown ${kinds.join(" or ")} '${name.text}'${hint ? `; did you mean '${hint}'?` : ""}`, fixes);
      return undefined;
    }
    this.references.push({ start: name.start, end: name.end, symbol });
    if (!kinds.includes(symbol.kind)) {
      this.diagnostics.error(name, "wrong-kind", `'${name.text}' is a ${symbol.kind}, but ${role} must be a ${kinds.join(" or ")}`);
      return undefined;
    }
    return symbol;
  }

  /** The declared name of one of `kinds` nearest to `text` by edit distance, if it is near enough. */
  closest(text: string, kinds: readonly SymbolKind[]): string | undefined {
    let best: string | undefined;
    // Near enough: at most a third of the name wrong, and never the whole name.
    let bestDistance = Math.min(text.length, Math.max(1, Math.floor(text.length / 3)) + 1);
    for (const symbol of this.byName.values()) {
      if (!kinds.includes(symbol.kind)) continue;
      const d = editDistance(text, symbol.name);
      if (d < bestDistance) {
        best = symbol.name;
        bestDistance = d;
      }
    }
    return best;
  }
}

/** Edit distance between two short strings, counting a swap of neighbours as one edit (OSA distance). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Declares every named thing of a file: hypervisors, topologies with their nodes, hosts and VMs. */
export function declareAll(declarations: readonly Declaration[], table: SymbolTable): void {
  for (const decl of declarations) {
    switch (decl.kind) {
      case "hypervisor":
        table.declare(decl.name, "hypervisor", decl, decl.doc);
        break;
      case "host":
        table.declare(decl.name, "host", decl, decl.doc);
        break;
      case "vm":
        table.declare(decl.name, "vm", decl, decl.doc);
        break;
      case "topology":
        table.declare(decl.name, "topology", decl, decl.doc);
        for (const member of decl.body?.members ?? []) {
          if (member.kind === "switch" || member.kind === "router" || member.kind === "host") {
            table.declare(member.name, member.kind, member, member.doc);
          }
        }
        break;
      default:
        break;
    }
  }
}
