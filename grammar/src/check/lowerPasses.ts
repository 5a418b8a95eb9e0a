/**
 * The passes of lowering (lower.ts's `lower`): each pass visits the imported declarations of some kinds, then
 * the checked file's, and lowers each with one step.
 *
 * The runner and every step are functions of this module, made once, rather than closures made by each check.
 * After a forced full collection, which drops optimised code as V8's memory reducer did (protocol/src/launch.ts),
 * the next check of a 10,000-line scenario took about 18 ms with them against about 30 with the closures, and
 * 6–8 ms before the collection (BENCHMARKS.md, session 7).
 */
import type { Declaration, HypervisorDecl, ScenarioDecl, TopologyDecl } from "../syntax/ast.js";
import type { AttributeContext } from "./attributes.js";
import type { LoweringReuse, ScenarioBuilder, SourcedDeclaration } from "./lower.js";
import type { NetworkMemberCache } from "./networkMemberReuse.js";
import { lowerHost, lowerHostSet, lowerHypervisor, lowerLinks, lowerTopology } from "./lowerNetwork.js";
import { lowerPolicy, lowerTraffic } from "./lowerTraffic.js";
import { lowerNetworkArchitecture } from "./lowerArchitecture.js";

/** What every pass of one lowering shares. */
export interface Passes {
  readonly builder: ScenarioBuilder;
  readonly context: AttributeContext;
  readonly imported: readonly SourcedDeclaration[];
  readonly own: readonly Declaration[];
  readonly reuse: LoweringReuse | undefined;
}

/** Lowers one declaration; `own` says whether it is the checked file's (only those are reused). */
type Step = (builder: ScenarioBuilder, d: Declaration, reuse: LoweringReuse | undefined, own: boolean) => void;

/**
 * Runs `step` on each declaration of `kinds`, imported ones first. While it visits the checked file's, the
 * builder reports in the file's context and lowers network members through `networkMembers`.
 */
export function runPass(passes: Passes, kinds: readonly Declaration["kind"][], step: Step, networkMembers?: NetworkMemberCache): void {
  const { builder, context, imported, own, reuse } = passes;
  for (const item of imported) {
    if (!kinds.includes(item.declaration.kind)) continue;
    builder.context = { ...context, diagnostics: item.diagnostics };
    context.symbols.diagnostics = item.diagnostics;
    context.symbols.uri = item.uri;
    step(builder, item.declaration, reuse, false);
  }
  let entered = false;
  for (let i = 0; i < own.length; i++) {
    if (!kinds.includes(own[i]!.kind)) continue;
    if (!entered) {
      builder.context = context;
      context.symbols.diagnostics = context.diagnostics;
      context.symbols.uri = undefined;
      builder.networkMembers = networkMembers;
      entered = true;
    }
    step(builder, own[i]!, reuse, true);
  }
  builder.networkMembers = undefined;
}

export const hypervisorStep: Step = (builder, d) => lowerHypervisor(builder, d as HypervisorDecl);
export const topologyStep: Step = (builder, d) => lowerTopology(builder, d as TopologyDecl);
export const hostStep: Step = (builder, d) => lowerHost(builder, d as Extract<Declaration, { kind: "host" }>);
export const hostSetStep: Step = (builder, d) => lowerHostSet(builder, d as Extract<Declaration, { kind: "hosts" }>);
export const linksStep: Step = (builder, d) => lowerLinks(builder, d as TopologyDecl);
export const networkStep: Step = (builder, d) => lowerNetworkArchitecture(builder, d as Extract<Declaration, { kind: "network" }>);

/** A `scenario` or a `vm`, the VM from the previous check when it still holds (vmReuse.ts). */
export const scenarioOrVmStep: Step = (builder, d, reuse, own) => {
  if (d.kind !== "vm") builder.scenario(d as ScenarioDecl);
  else if (reuse && own) reuse.vms.lower(builder, builder.context, d, reuse.source);
  else builder.vm(d);
};

/** A `migrate` (from the previous check when it still holds, migrateReuse.ts), an `expect`, traffic or a policy. */
export const migrationStep: Step = (builder, d, reuse, own) => {
  if (d.kind === "migrate") {
    if (reuse && own) reuse.migrations.lower(builder, builder.context, d, reuse.source);
    else builder.migrate(d);
  } else if (d.kind === "expect") builder.expect(d);
  else if (d.kind === "traffic") lowerTraffic(builder, d);
  else if (d.kind === "policy") lowerPolicy(builder, d);
};
