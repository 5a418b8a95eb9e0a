/**
 * Reuse of the lowered network from one check of a document to the next.
 *
 * Lowering the hypervisors, topologies, hosts and host sets is the largest part of checking a large file (a
 * topology of thousands of hosts and links), and most edits do not touch it. What that stage adds to the
 * scenario (nodes, links, profiles, hosts and their indices) depends only on the text of those declarations
 * and on the names they resolve, so it is kept and used again when:
 * - every declaration of the stage is in the checked file (no import) and has the same text at the same
 *   offset as before (so the spans it holds, a link's declaration for a quick fix, are still right);
 * - the names declared in the whole file, with their kinds and families, are the same, in the same order
 *   (so each reference resolves to the same name, and to the same unknown-name hint);
 * - the stage reported nothing, so there is no diagnostic to repeat.
 * The references the stage recorded are then recorded again, resolved in the new symbol table. The result is
 * the same as lowering the stage again; grammar/test/incremental.test.ts compares the two.
 */
import type { Declaration } from "../syntax/ast.js";
import type { HypervisorProfile, Host, Link, NetworkNode } from "@vmig/engine";
import type { LinkDecl } from "../syntax/ast.js";
import type { ScenarioBuilder, SourcedDeclaration } from "./lower.js";
import type { SymbolTable } from "./symbols.js";
import type { AttributeContext } from "./attributes.js";
import type { DiagnosticBag } from "./diagnostics.js";

/** The declarations lowered in the network stage, in the order `lower` takes their kinds. */
export const networkStageKinds: readonly Declaration["kind"][] = ["hypervisor", "topology", "host", "hosts"];

/** What the network stage added to the scenario under construction. */
interface NetworkState {
  readonly nodes: readonly NetworkNode[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly links: readonly Link[];
  readonly linkDeclarations: readonly (LinkDecl | undefined)[];
  readonly profiles: readonly HypervisorProfile[];
  readonly profileIndex: ReadonlyMap<string, number>;
  readonly hosts: readonly Host[];
  readonly hostIndex: ReadonlyMap<string, number>;
}

interface KeptStage {
  /** The stage's declarations: where each started and its text. */
  readonly declarations: readonly { readonly start: number; readonly text: string }[];
  readonly names: string;
  /** The references the stage recorded, by the name they resolved to. */
  readonly references: readonly { readonly start: number; readonly end: number; readonly name: string }[];
  readonly state: NetworkState;
}

/** Where the stage started: how many diagnostics and references there were. */
export interface StageMark {
  readonly diagnostics: number;
  readonly references: number;
}

export class NetworkStageCache {
  private kept?: KeptStage;

  /**
   * Adds the kept stage to `builder` and records its references in the context's symbols when it is still
   * valid for `declarations` of `text`; returns whether it did (otherwise the stage must be lowered).
   */
  restore(builder: ScenarioBuilder, declarations: readonly SourcedDeclaration[], text: string, context: AttributeContext, names: string): boolean {
    const kept = this.kept;
    if (!kept) return false;
    const { symbols } = context;
    const stage = stageDeclarations(declarations, context.diagnostics);
    if (!stage || stage.length !== kept.declarations.length) return false;
    for (let i = 0; i < stage.length; i++) {
      const { start, end } = stage[i]!;
      if (start !== kept.declarations[i]!.start || !text.startsWith(kept.declarations[i]!.text, start) || end - start !== kept.declarations[i]!.text.length) return false;
    }
    if (names !== kept.names) return false;
    for (const { start, end, name } of kept.references) {
      const symbol = symbols.lookup(name);
      if (!symbol) return false;
      symbols.references.push({ start, end, symbol });
    }
    const { state } = kept;
    for (const node of state.nodes) builder.nodes.push(node);
    for (const link of state.links) builder.links.push(link);
    for (const decl of state.linkDeclarations) builder.linkDeclarations.push(decl);
    for (const profile of state.profiles) builder.profiles.push(profile);
    for (const host of state.hosts) builder.hosts.push(host);
    for (const [name, index] of state.nodeIndex) builder.nodeIndex.set(name, index);
    for (const [name, index] of state.profileIndex) builder.profileIndex.set(name, index);
    for (const [name, index] of state.hostIndex) builder.hostIndex.set(name, index);
    return true;
  }

  /** Keeps what the stage that started at `mark` added, if it can be reused (see the file's comment). */
  keep(builder: ScenarioBuilder, declarations: readonly SourcedDeclaration[], text: string, context: AttributeContext, names: string, mark: StageMark): void {
    this.kept = undefined;
    const { symbols } = context;
    const stage = stageDeclarations(declarations, context.diagnostics);
    if (!stage || context.diagnostics.items.length !== mark.diagnostics) return;
    const references = symbols.references.slice(mark.references);
    if (references.some((r) => r.uri !== undefined || symbols.lookup(r.symbol.name) !== r.symbol)) return;
    this.kept = {
      declarations: stage.map((d) => ({ start: d.start, text: text.slice(d.start, d.end) })),
      names,
      references: references.map((r) => ({ start: r.start, end: r.end, name: r.symbol.name })),
      state: {
        nodes: builder.nodes.slice(),
        nodeIndex: new Map(builder.nodeIndex),
        links: builder.links.slice(),
        linkDeclarations: builder.linkDeclarations.slice(),
        profiles: builder.profiles.slice(),
        profileIndex: new Map(builder.profileIndex),
        hosts: builder.hosts.slice(),
        hostIndex: new Map(builder.hostIndex),
      },
    };
  }
}

/** The stage's declarations, or undefined when one of them is imported (its diagnostics go elsewhere). */
function stageDeclarations(declarations: readonly SourcedDeclaration[], diagnostics: DiagnosticBag): Declaration[] | undefined {
  const stage: Declaration[] = [];
  for (const item of declarations) {
    if (!networkStageKinds.includes(item.declaration.kind)) continue;
    if (item.uri !== undefined || item.diagnostics !== diagnostics) return undefined;
    stage.push(item.declaration);
  }
  return stage;
}

/** Every declared name with its kind and family, in declaration order: what resolving a reference reads. */
export function declaredNames(symbols: SymbolTable): string {
  let names = "";
  for (const symbol of symbols.all()) names += `${symbol.name}\u0000${symbol.kind}\u0000${symbol.family ?? ""}\u0001`;
  return names;
}
