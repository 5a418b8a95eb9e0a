/**
 * Declares every named thing of a file before anything is resolved: hypervisors, topologies with their
 * nodes (generated ones included), hosts, and VMs (numbered families included).
 */
import type { GeneratedTopology } from "@vmig/engine";
import type { Declaration, Span, TopologyDecl } from "../syntax/ast.js";
import type { SymbolInfo, SymbolTable } from "./symbols.js";
import { DiagnosticBag } from "./diagnostics.js";
import { generate } from "./generated.js";

/**
 * Declares the names of one declaration or block member (`node`) with `declare`, which returns the symbols it
 * declared; declareReuse.ts passes one that reuses what an earlier check declared for the same node.
 */
export type NodeDeclarer = (node: Span & { readonly doc?: string }, declare: () => readonly SymbolInfo[]) => void;

const declareNow: NodeDeclarer = (_node, declare) => declare();

/** Declares the names of `declarations`; returns the generated topologies, for lowering to reuse. */
export function declareAll(declarations: readonly Declaration[], table: SymbolTable, each: NodeDeclarer = declareNow): Map<TopologyDecl, GeneratedTopology> {
  const generated = new Map<TopologyDecl, GeneratedTopology>();
  for (const decl of declarations) {
    switch (decl.kind) {
      case "hypervisor":
        each(decl, () => listed(table.declare(decl.name, "hypervisor", decl, decl.doc)));
        break;
      case "host":
        each(decl, () => listed(table.declare(decl.name, "host", decl, decl.doc)));
        break;
      case "vm":
        each(decl, () => table.declareFamily(decl.name, "vm", decl, decl.doc));
        break;
      case "topology": {
        table.declare(decl.name, "topology", decl, decl.doc);
        for (const member of decl.body?.members ?? []) {
          if (member.kind === "switch" || member.kind === "router" || member.kind === "host") {
            each(member, () => listed(table.declare(member.name, member.kind, member, member.doc)));
          }
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

function listed(symbol: SymbolInfo | undefined): SymbolInfo[] {
  return symbol ? [symbol] : [];
}
