/**
 * Reuse of the network stage's members one by one (hypervisors, hosts, a topology's switches, routers,
 * hosts and links), when the stage as a whole cannot be reused (networkReuse.ts) because one of them changed.
 *
 * Lowering a member reads its own text, the names declared in the file, and the indices of the nodes and
 * profiles it names; it adds nodes, hosts, links and profiles at the ends of the scenario's arrays. So a
 * member with the same text as in an earlier check, lowered since without a change of names (the cache is
 * cleared when they change), adds the same objects when the arrays have the same lengths as then and each
 * index it names (a link's ends, a host's node and profile) is the same. Only a member that reported
 * nothing is kept. grammar/test/incremental.test.ts compares the result with a full check.
 */
import type { HypervisorProfile, Host, Link, NetworkNode } from "@vmig/engine";
import type { LinkDecl, Span } from "../syntax/ast.js";
import { DEFAULT_PROFILE_NAME, type ScenarioBuilder } from "./lower.js";
import type { ReferenceSite } from "./symbols.js";
import { DeclarationMemo, pushAll, replayable, replayedReferences, type CheckedText } from "./declarationReuse.js";

/** What lowering one member added, and the lengths of the arrays before it. */
interface LoweredMember {
  readonly before: Lengths;
  readonly nodes: readonly NetworkNode[];
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  readonly profiles: readonly HypervisorProfile[];
  readonly references: readonly ReferenceSite[];
}

interface Lengths {
  readonly nodes: number;
  readonly hosts: number;
  readonly links: number;
  readonly profiles: number;
}

/** A member of the network stage, and what lowers it. */
export type MemberLowering<M extends Span> = (builder: ScenarioBuilder, member: M) => void;

export class NetworkMemberCache {
  private readonly memo = new DeclarationMemo<LoweredMember>(false);
  private previousNames?: number;
  private source?: CheckedText;

  /** Starts a check of `source` whose declared names have version `names` (declareReuse.ts). */
  begin(names: number, source: CheckedText): void {
    if (this.previousNames !== names) this.memo.clear();
    this.previousNames = names;
    this.source = source;
  }

  /** Ends the check: what it lowered is what the next ones may reuse. */
  end(): void {
    if (this.source) this.memo.end(this.source);
    this.source = undefined;
  }

  /** Lowers `member` of the checked file with `lowerNow`, or adds what an earlier check lowered for the same text. */
  lower<M extends Span>(builder: ScenarioBuilder, member: M, lowerNow: MemberLowering<M>): void {
    const source = this.source;
    if (!source) return lowerNow(builder, member);
    const { context } = builder;
    const kept = this.memo.find(member, source);
    const references = kept && sameIndices(builder, kept.value) ? replayedReferences(context.symbols, kept.value.references, member.start - kept.start) : undefined;
    if (kept && references) {
      pushAll(context.symbols.references, references);
      replay(builder, kept.value, member);
      this.memo.carry(member, references === kept.value.references ? kept : { text: kept.text, start: member.start, value: { ...kept.value, references } }, source);
      return;
    }
    const before = lengths(builder);
    const marks = { diagnostics: context.diagnostics.items.length, references: context.symbols.references.length };
    lowerNow(builder, member);
    if (context.diagnostics.items.length !== marks.diagnostics) return;
    const sites = context.symbols.references.slice(marks.references);
    if (!replayable(context.symbols, sites)) return;
    const value = { before, nodes: builder.nodes.slice(before.nodes), hosts: builder.hosts.slice(before.hosts), links: builder.links.slice(before.links), profiles: builder.profiles.slice(before.profiles), references: sites };
    this.memo.keep(member, source, value);
  }
}

function lengths(builder: ScenarioBuilder): Lengths {
  return { nodes: builder.nodes.length, hosts: builder.hosts.length, links: builder.links.length, profiles: builder.profiles.length };
}

/** Whether adding `lowered` now gives every index it holds the meaning it had. */
function sameIndices(builder: ScenarioBuilder, lowered: LoweredMember): boolean {
  const { before } = lowered;
  if (builder.nodes.length !== before.nodes || builder.hosts.length !== before.hosts || builder.links.length !== before.links || builder.profiles.length !== before.profiles) return false;
  for (const node of lowered.nodes) if (builder.nodeIndex.has(node.name)) return false;
  for (const host of lowered.hosts) if (builder.hostIndex.has(host.name)) return false;
  for (const profile of lowered.profiles) if (builder.profileIndex.has(profile.name)) return false;
  // A host's profile is the one its `hypervisor` names, or the default one; a link's ends are its two references.
  for (const host of lowered.hosts) {
    const hypervisor = hypervisorOf(lowered.references);
    const profile = (hypervisor === undefined ? undefined : indexOf(builder.profileIndex, before.profiles, lowered.profiles, hypervisor)) ?? indexOf(builder.profileIndex, before.profiles, lowered.profiles, DEFAULT_PROFILE_NAME);
    if (indexOf(builder.nodeIndex, before.nodes, lowered.nodes, host.name) !== host.node || profile !== host.profile) return false;
  }
  for (const link of lowered.links) {
    const [from, to] = lowered.references;
    if (lowered.references.length !== 2 || indexOf(builder.nodeIndex, before.nodes, lowered.nodes, from!.symbol.name) !== link.a || indexOf(builder.nodeIndex, before.nodes, lowered.nodes, to!.symbol.name) !== link.b) return false;
  }
  return true;
}

/** The name of the hypervisor a host's references name, if any. */
function hypervisorOf(references: readonly ReferenceSite[]): string | undefined {
  for (let i = 0; i < references.length; i++) if (references[i]!.symbol.kind === "hypervisor") return references[i]!.symbol.name;
  return undefined;
}

/** The index of `name` in `index`, or the one it gets among `added`, appended after `start` items. */
function indexOf(index: ReadonlyMap<string, number>, start: number, added: readonly { readonly name: string }[], name: string): number | undefined {
  const existing = index.get(name);
  if (existing !== undefined) return existing;
  for (let i = 0; i < added.length; i++) if (added[i]!.name === name) return start + i;
  return undefined;
}

function replay(builder: ScenarioBuilder, lowered: LoweredMember, member: Span): void {
  for (const profile of lowered.profiles) {
    builder.profileIndex.set(profile.name, builder.profiles.length);
    builder.profiles.push(profile);
  }
  for (const node of lowered.nodes) {
    builder.nodeIndex.set(node.name, builder.nodes.length);
    builder.nodes.push(node);
  }
  for (const host of lowered.hosts) {
    builder.hostIndex.set(host.name, builder.hosts.length);
    builder.hosts.push(host);
  }
  for (const link of lowered.links) {
    builder.links.push(link);
    builder.linkDeclarations.push(member as LinkDecl);
  }
}
