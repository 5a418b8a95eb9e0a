/**
 * Declares every named thing of a file before anything is resolved: hypervisors, topologies with their
 * nodes (generated ones included), hosts, and VMs (numbered families included).
 */
import type { GeneratedTopology } from "@vmig/engine";
import type { Declaration, TopologyDecl } from "../syntax/ast.js";
import type { SymbolTable } from "./symbols.js";
import { DiagnosticBag } from "./diagnostics.js";
import { generate } from "./generated.js";

/** Declares the names of `declarations`; returns the generated topologies, for lowering to reuse. */
export function declareAll(declarations: readonly Declaration[], table: SymbolTable): Map<TopologyDecl, GeneratedTopology> {
  const generated = new Map<TopologyDecl, GeneratedTopology>();
  for (const decl of declarations) {
    switch (decl.kind) {
      case "hypervisor":
        table.declare(decl.name, "hypervisor", decl, decl.doc);
        break;
      case "host":
        table.declare(decl.name, "host", decl, decl.doc);
        break;
      case "vm":
        table.declareFamily(decl.name, "vm", decl, decl.doc);
        break;
      case "topology": {
        table.declare(decl.name, "topology", decl, decl.doc);
        for (const member of decl.body?.members ?? []) {
          if (member.kind === "switch" || member.kind === "router" || member.kind === "host") {
            table.declare(member.name, member.kind, member, member.doc);
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
