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
 *   (so each reference resolves to the same name, and to the same unknown-name hint): the same version of
 *   the names (declareReuse.ts);
 * - the stage reported nothing, so there is no diagnostic to repeat.
 * The references the stage recorded are then recorded again, resolved in the new symbol table. The arrays
 * and maps the stage filled are shared by the checks that reuse them: nothing adds to them after the stage.
 * The result is the same as lowering the stage again; grammar/test/incremental.test.ts compares the two.
 */
import type { Declaration } from "../syntax/ast.js";
import type { HypervisorProfile, Host, Link, NetworkNode } from "@vmig/engine";
import type { LinkDecl } from "../syntax/ast.js";
import type { LoweringReuse, ScenarioBuilder, SourcedDeclaration } from "./lower.js";
import type { ReferenceSite } from "./symbols.js";
import type { AttributeContext } from "./attributes.js";
import { pushAll, replayable, replayedReferences } from "./declarationReuse.js";

/** The declarations lowered in the network stage, in the order `lower` takes their kinds. */
export const networkStageKinds: readonly Declaration["kind"][] = ["hypervisor", "topology", "host", "hosts"];

/** What the network stage added to the scenario under construction (the builder's own arrays and maps). */
export interface NetworkState {
  nodes: NetworkNode[];
  nodeIndex: Map<string, number>;
  links: Link[];
  linkDeclarations: (LinkDecl | undefined)[];
  profiles: HypervisorProfile[];
  profileIndex: Map<string, number>;
  hosts: Host[];
  hostIndex: Map<string, number>;
}

interface KeptStage {
  /** The stage's declarations: where each started and its text. */
  readonly declarations: readonly { readonly start: number; readonly text: string }[];
  readonly names: number;
  /** The references the stage recorded. */
  readonly references: readonly ReferenceSite[];
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
   * valid for the declarations of `reuse.source`; returns whether it did (otherwise the stage must be lowered).
   */
  restore(builder: ScenarioBuilder, imported: readonly SourcedDeclaration[], own: readonly Declaration[], context: AttributeContext, reuse: LoweringReuse): boolean {
    const { source, names } = reuse;
    const kept = this.kept;
    if (!kept || names !== kept.names) return false;
    const stage = stageDeclarations(imported, own);
    if (!stage || stage.length !== kept.declarations.length) return false;
    // Every check restores or keeps the stage, so what is kept is the previous check's.
    for (let i = 0; i < stage.length; i++) {
      const { start, text } = kept.declarations[i]!;
      const now = stage[i]!;
      if (now.start !== start || !(source.unchanged(start, text.length, now) || source.holds(text, now))) return false;
    }
    const references = replayedReferences(context.symbols, kept.references, 0);
    if (!references) return false;
    pushAll(context.symbols.references, references);
    builder.adoptNetwork(kept.state);
    if (references !== kept.references) this.kept = { ...kept, references };
    return true;
  }

  /** Keeps what the stage that started at `mark` added, if it can be reused (see the file's comment). */
  keep(builder: ScenarioBuilder, imported: readonly SourcedDeclaration[], own: readonly Declaration[], context: AttributeContext, { source, names }: LoweringReuse, mark: StageMark): void {
    this.kept = undefined;
    const stage = stageDeclarations(imported, own);
    if (!stage || context.diagnostics.items.length !== mark.diagnostics) return;
    const references = context.symbols.references.slice(mark.references);
    if (!replayable(context.symbols, references)) return;
    const { nodes, nodeIndex, links, linkDeclarations, profiles, profileIndex, hosts, hostIndex } = builder;
    this.kept = {
      declarations: stage.map((d) => ({ start: d.start, text: source.text.slice(d.start, d.end) })),
      names,
      references,
      state: { nodes, nodeIndex, links, linkDeclarations, profiles, profileIndex, hosts, hostIndex },
    };
  }
}

/** The stage's declarations, or undefined when one of them is imported (its diagnostics go elsewhere). */
function stageDeclarations(imported: readonly SourcedDeclaration[], own: readonly Declaration[]): Declaration[] | undefined {
  if (imported.some((item) => networkStageKinds.includes(item.declaration.kind))) return undefined;
  return own.filter((d) => networkStageKinds.includes(d.kind));
}
