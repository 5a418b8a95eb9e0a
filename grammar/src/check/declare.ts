/**
 * Declares every named thing of a file before anything is resolved: hypervisors, topologies with their
 * nodes (generated ones included), hosts, and VMs (numbered families included).
 */
import type { GeneratedTopology } from "@vmig/engine";
import type { Declaration, DeclaredName, Span, TopologyDecl } from "../syntax/ast.js";
import type { SymbolInfo, SymbolTable } from "./symbols.js";
import type { SymbolKind } from "./schema.js";
import { DiagnosticBag } from "./diagnostics.js";
import { generate } from "./generated.js";

/** Reuse of what an earlier check declared for a declaration or block member (declareReuse.ts). */
export interface DeclaredNames {
  /** Declares again what was declared for `node`, when it may; returns whether it did. */
  redeclare(node: DeclaringNode): boolean;
  /** Records the `symbols` declaring `node` declared, and whether it `reported` a problem. */
  declared(node: DeclaringNode, symbols: readonly SymbolInfo[], reported: boolean): void;
}

/** A declaration or block member that declares a name. */
export type DeclaringNode = Span & { readonly doc?: string };

/** Declares the names of `declarations`; returns the generated topologies, for lowering to reuse. */
export function declareAll(declarations: readonly Declaration[], table: SymbolTable, reuse?: DeclaredNames): Map<TopologyDecl, GeneratedTopology> {
  const generated = new Map<TopologyDecl, GeneratedTopology>();
  for (const decl of declarations) {
    switch (decl.kind) {
      case "hypervisor":
      case "host":
      case "vm":
        declareNode(table, decl, decl.name, decl.kind, reuse);
        break;
      case "topology": {
        table.declare(decl.name, "topology", decl, decl.doc);
        for (const member of decl.body?.members ?? []) {
          if (member.kind === "switch" || member.kind === "router" || member.kind === "host") declareNode(table, member, member.name, member.kind, reuse);
        }
        // Attribute problems are reported when the topology is lowered; generating must not report them twice.
        const topology = generate(decl, { diagnostics: new DiagnosticBag(), symbols: table });
        if (topology && decl.name) {
          generated.set(decl, topology);
          for (const node of topology.nodes) table.declareGenerated(node.name, node.kind, decl.name, decl);
        }
        break;
      }
      default:
        break;
    }
  }
  return generated;
}

/** Declares `name`, declared by `node` (a VM's may be a family), or what `reuse` kept of it. */
function declareNode(table: SymbolTable, node: DeclaringNode, name: DeclaredName | undefined, kind: SymbolKind, reuse: DeclaredNames | undefined): void {
  if (reuse?.redeclare(node)) return;
  const reported = table.diagnostics.items.length;
  const symbols = kind === "vm" ? table.declareFamily(name, kind, node, node.doc) : listed(table.declare(name, kind, node, node.doc));
  reuse?.declared(node, symbols, table.diagnostics.items.length !== reported);
}

function listed(symbol: SymbolInfo | undefined): SymbolInfo[] {
  return symbol ? [symbol] : [];
}
