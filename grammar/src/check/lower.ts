/**
 * Lowers a checked file into the engine's typed scenario (SI units, indices instead of names).
 *
 * Runs after names are declared; it checks attributes and references as it goes, so each problem is
 * reported once, where it is written. The scenario is only handed to the engine when no error was found.
 * Networks are lowered in lowerNetwork.ts, traffic and policies in lowerTraffic.ts.
 */
import { defaultProfile, type GeneratedTopology, type HypervisorProfile, type Link, type Migration, type NetworkNode, type Scenario, type Vm, type Host, type DirtyModel, type BackgroundFlow, type VmFlow, type RoutingSpec, type RateAllocation, type MigrationSchedule, type TransportSpec } from "@vmig/engine";
import type { Declaration, ExpectDecl, LinkDecl, MigrateDecl, ScenarioDecl, TopologyDecl, VmDecl } from "../syntax/ast.js";
import { DEFAULT_PAGE_BYTES } from "../units.js";
import { checkAttributes, checkNumber, type AttributeContext, type CheckedAttributes } from "./attributes.js";
import { expectMetrics } from "./schema.js";
import { expectation, type Expectation } from "./expectations.js";
import { DiagnosticBag } from "./diagnostics.js";
import { hostSetStep, hostStep, hypervisorStep, linksStep, migrationStep, networkStep, runPass, scenarioOrVmStep, topologyStep, type Passes } from "./lowerPasses.js";
import type { NetworkArchitecture } from "@vmig/engine";
import { placeMigrations, type PendingPlacement, type ReuseRow } from "./contentReuse.js";
import type { ContentReusePolicy, DataCentreTrafficSpec, ScorePlacementSpec } from "@vmig/engine";
import { checkScorePlacement, type ScorePlacementSite } from "./lowerPlacement.js";
import type { NetworkStageCache, NetworkState } from "./networkReuse.js";
import type { VmLoweringCache } from "./vmReuse.js";
import type { MigrateLoweringCache } from "./migrateReuse.js";
import type { CheckedText } from "./declarationReuse.js";
import type { NetworkMemberCache } from "./networkMemberReuse.js";

/** Defaults of a scenario that does not set them. */
export const DEFAULT_SEED = 1;
export const DEFAULT_HORIZON_SEC = 3600;
/** The profile of hosts that name no hypervisor: Xen's defaults. */
export const DEFAULT_PROFILE_NAME = "xen (default)";

export interface Lowered {
  readonly scenario: Scenario;
  readonly expectations: readonly Expectation[];
  /** The `migrate` declaration of each of `scenario.migrations`, by index. */
  readonly migrationDeclarations: readonly MigrateDecl[];
  /** The declaration that sets each of `scenario.links`' bandwidth (a generated topology's `link { … }`). */
  readonly linkDeclarations: readonly (LinkDecl | undefined)[];
  /** The rows of `policy content_reuse`, with where they are written. */
  readonly reuseRows: readonly ReuseRow[];
}

/** What lowering may reuse from the previous check of the same document, whose text is now `source`. */
export interface LoweringReuse {
  readonly network: NetworkStageCache;
  readonly members: NetworkMemberCache;
  readonly vms: VmLoweringCache;
  readonly migrations: MigrateLoweringCache;
  readonly source: CheckedText;
  /** The version of the names declared in this check (declareReuse.ts's `NamesVersion`). */
  readonly names: number;
}

/** Where each declaration comes from: the checked file (diagnostics reported) or an import. */
export interface SourcedDeclaration {
  readonly declaration: Declaration;
  readonly diagnostics: DiagnosticBag;
  readonly uri?: string;
}

/**
 * Lowers the `imported` declarations, then the checked file's `own`. With `reuse`, the network stage
 * (hypervisors, topologies, hosts) or else its members one by one, the VMs and the migrations of the previous
 * check of the same document are used again when they still hold for `reuse.source` (networkReuse.ts,
 * networkMemberReuse.ts, vmReuse.ts, migrateReuse.ts).
 */
export function lower(imported: readonly SourcedDeclaration[], own: readonly Declaration[], context: AttributeContext, generated: ReadonlyMap<TopologyDecl, GeneratedTopology>, reuse?: LoweringReuse): Lowered {
  const builder = new ScenarioBuilder(context, generated);
  const passes: Passes = { builder, context, imported, own, reuse };
  reuse?.members.begin(reuse.names, reuse.source);
  if (!reuse?.network.restore(builder, imported, own, context, reuse)) {
    const mark = { diagnostics: context.diagnostics.items.length, references: context.symbols.references.length };
    runPass(passes, ["hypervisor"], hypervisorStep, reuse?.members);
    runPass(passes, ["topology"], topologyStep, reuse?.members);
    runPass(passes, ["host"], hostStep, reuse?.members);
    runPass(passes, ["hosts"], hostSetStep, reuse?.members);
    runPass(passes, ["topology"], linksStep, reuse?.members);
    reuse?.network.keep(builder, imported, own, context, reuse, mark);
  }
  reuse?.members.end();
  if (reuse) reuse.migrations.begin(reuse.vms.begin(reuse.names, builder.hostIndex));
  runPass(passes, ["network"], networkStep);
  runPass(passes, ["scenario", "vm"], scenarioOrVmStep);
  reuse?.vms.end(reuse.source);
  runPass(passes, ["migrate", "expect", "traffic", "policy"], migrationStep);
  reuse?.migrations.end(reuse.source);
  context.symbols.diagnostics = context.diagnostics;
  context.symbols.uri = undefined;
  return builder.result();
}

/** The scenario under construction; lowerNetwork.ts and lowerTraffic.ts add to it too. */
export class ScenarioBuilder {
  name = "untitled";
  seed = DEFAULT_SEED;
  horizonSec = DEFAULT_HORIZON_SEC;
  repetitions = 1;
  private scenarioSeen = false;
  // The network stage's arrays and maps: filled by lowerNetwork.ts, or adopted from a previous check.
  nodes: NetworkNode[] = [];
  nodeIndex = new Map<string, number>();
  links: Link[] = [];
  linkDeclarations: (LinkDecl | undefined)[] = [];
  profiles: HypervisorProfile[] = [];
  profileIndex = new Map<string, number>();
  hosts: Host[] = [];
  hostIndex = new Map<string, number>();
  readonly vms: Vm[] = [];
  readonly vmIndex = new Map<string, number>();
  readonly migrations: Migration[] = [];
  readonly background: BackgroundFlow[] = [];
  /** Flows with a VM at one end at least (lowerTraffic.ts). */
  readonly vmFlows: VmFlow[] = [];
  routing?: RoutingSpec;
  allocation?: RateAllocation;
  schedule?: MigrationSchedule;
  transport?: TransportSpec;
  /** Paper 001's network architecture (lowerArchitecture.ts). */
  network?: NetworkArchitecture;
  contentReuse?: ContentReusePolicy;
  reuseRows: readonly ReuseRow[] = [];
  /** `policy placement similarity`: the policy that resolves `migrate … to any HOSTS`. */
  placement?: "similarity";
  /** `policy placement s-core` (paper 004) and where it was written (lowerPlacement.ts). */
  scorePlacement?: ScorePlacementSpec;
  scorePlacementSite?: ScorePlacementSite;
  /** `traffic { datacentre { … } }`: paper 004's traffic generator. */
  datacentreTraffic?: DataCentreTrafficSpec;
  private readonly pendingPlacements: PendingPlacement[] = [];
  readonly expectations: Expectation[] = [];
  private readonly migrationDeclarations: MigrateDecl[] = [];
  private readonly sequentialStatements: boolean[] = [];

  /** Reuses the network stage's members of the checked file one by one (networkMemberReuse.ts), while they are lowered. */
  networkMembers?: NetworkMemberCache;

  constructor(public context: AttributeContext, readonly generated: ReadonlyMap<TopologyDecl, GeneratedTopology>) {}

  scenario(decl: ScenarioDecl): void {
    if (this.scenarioSeen) {
      this.context.diagnostics.error(decl.keyword, "duplicate-name", "a file holds one scenario; this is the second");
      return;
    }
    this.scenarioSeen = true;
    const attributes = checkAttributes("scenario", decl.body, "a scenario", this.context);
    this.name = decl.title?.value || this.name;
    this.seed = attributes.numbers.get("seed") ?? this.seed;
    this.horizonSec = attributes.numbers.get("horizon") ?? this.horizonSec;
    this.repetitions = attributes.numbers.get("repetitions") ?? this.repetitions;
  }

  vm(decl: VmDecl): void {
    const hosts = this.context.symbols.resolveMany(decl.host, ["host"], "a VM's host");
    const pageBytes = this.pageSize(decl);
    const what = `vm '${decl.name?.text ?? "?"}'`;
    const attributes = checkAttributes("vm", decl.body, what, { ...this.context, pageBytes });
    if (!decl.body) this.context.diagnostics.error(decl.keyword, "missing-attribute", "a VM needs a block with its 'memory' (for example '{ memory 1 GiB }')");
    const names = vmNames(decl);
    if (names.length === 0 || !hosts) return;
    if (hosts.length !== 1 && hosts.length !== names.length) {
      this.context.diagnostics.error(decl.host!, "wrong-value", `${names.length} VMs cannot be placed on ${hosts.length} hosts: give one host, or as many hosts as VMs`);
      return;
    }
    const dirty = dirtyModel(attributes, decl, this.context);
    const disk = diskOf(attributes, decl, this.context);
    const n = attributes.numbers;
    names.forEach((name, i) => {
      // A host whose declaration did not parse is a known name without a lowered host: the VM is left out.
      const host = this.hostIndex.get(hosts[hosts.length === 1 ? 0 : i]!.name);
      if (host === undefined) return;
      this.addVm({
        name,
        host,
        memoryBytes: n.get("memory") ?? 0,
        vcpus: n.get("vcpus") ?? 1,
        pageBytes,
        dirty,
        ...(disk ? { disk } : {}),
        ...(n.has("static") ? { staticBytes: n.get("static")! } : {}),
        ...(attributes.texts.has("os") ? { os: attributes.texts.get("os")! } : {}),
        ...(attributes.texts.has("hypervisor_version") ? { hypervisorVersion: attributes.texts.get("hypervisor_version")! } : {}),
      });
      const sla = n.get("sla");
      const slaAttribute = decl.body?.members.find((m) => m.kind === "attribute" && m.name.text === "sla");
      if (sla !== undefined && slaAttribute) this.expectations.push(expectation(name, "downtime", "<=", sla, slaAttribute, true));
    });
  }

  migrate(decl: MigrateDecl): void {
    const vms = this.context.symbols.resolveMany(decl.vm, ["vm"], "the migrating VM");
    const targets = this.context.symbols.resolveMany(decl.target, ["host"], "a migration's destination");
    const startSec = decl.at ? checkNumber(decl.at, { kind: "quantity", dimension: "time", min: 0 }, "'at'", this.context) : 0;
    const modifiers = new Set(decl.modifiers.map((m) => m.text));
    if (modifiers.has("together") && modifiers.has("sequential")) this.context.diagnostics.error(decl, "wrong-value", "a migration is either 'together' or 'sequential', not both");
    if (modifiers.has("postcopy") && modifiers.has("precopy")) this.context.diagnostics.error(decl, "wrong-value", "a migration is either 'precopy' or 'postcopy', not both");
    if (!vms || !targets || startSec === undefined) return;
    if (decl.any) {
      // `to any HOSTS`: every VM may go to any of the hosts; the placement policy chooses in result().
      const candidates = targets.map((t) => this.hostIndex.get(t.name)!);
      for (const vm of vms) {
        const vmIndex = this.vmIndex.get(vm.name);
        if (vmIndex === undefined) continue;
        this.pendingPlacements.push({ migration: this.migrations.length, candidates, at: { start: decl.any.start, end: decl.target!.end } });
        this.addMigration(decl, { vm: vmIndex, target: candidates[0]!, startSec, ...(modifiers.has("postcopy") ? { mode: "postcopy" as const } : {}) }, modifiers.has("sequential"));
      }
      return;
    }
    if (targets.length !== 1 && targets.length !== vms.length) {
      this.context.diagnostics.error(decl.target!, "wrong-value", `${vms.length} VMs cannot move to ${targets.length} hosts: give one host, or as many hosts as VMs`);
      return;
    }
    vms.forEach((vm, i) => {
      const vmIndex = this.vmIndex.get(vm.name);
      const target = targets[targets.length === 1 ? 0 : i]!;
      if (vmIndex === undefined) return;
      if (this.hosts[this.vms[vmIndex]!.host]!.name === target.name) {
        this.context.diagnostics.error(decl.target!, "wrong-value", `'${vm.name}' already runs on '${target.name}'`);
        return;
      }
      this.addMigration(decl, { vm: vmIndex, target: this.hostIndex.get(target.name)!, startSec, ...(modifiers.has("postcopy") ? { mode: "postcopy" as const } : {}) }, modifiers.has("sequential"));
    });
  }

  /** Takes the network stage's result from a previous check (networkReuse.ts) instead of lowering it. */
  adoptNetwork(state: NetworkState): void {
    ({ nodes: this.nodes, nodeIndex: this.nodeIndex, links: this.links, linkDeclarations: this.linkDeclarations, profiles: this.profiles, profileIndex: this.profileIndex, hosts: this.hosts, hostIndex: this.hostIndex } = state);
  }

  /** Adds a VM with the next index. */
  addVm(vm: Vm): void {
    this.vmIndex.set(vm.name, this.vms.length);
    this.vms.push(vm);
  }

  /** Adds a migration that `decl` declares, `sequential` when the statement says so. */
  addMigration(decl: MigrateDecl, migration: Migration, sequential: boolean): void {
    this.migrations.push(migration);
    this.migrationDeclarations.push(decl);
    this.sequentialStatements.push(sequential);
  }

  expect(decl: ExpectDecl): void {
    if (!decl.subject || !decl.op || !decl.value) return;
    const parts = decl.subject.parts;
    const metricName = parts[parts.length - 1]!;
    if (parts.length < 2 || metricName.selector) {
      this.context.diagnostics.error(decl.subject, "wrong-value", `expected 'VM.metric' (metrics: ${Object.keys(expectMetrics).join(", ")})`);
      return;
    }
    const subject = { ...decl.subject, parts: parts.slice(0, -1), end: parts[parts.length - 2]!.selector?.end ?? parts[parts.length - 2]!.end };
    const vms = this.context.symbols.resolveMany(subject, ["vm"], "an expectation's subject");
    const metric = expectMetrics[metricName.text];
    if (!metric) {
      this.context.diagnostics.error(metricName, "unknown-attribute", `unknown metric '${metricName.text}' (expected ${Object.keys(expectMetrics).join(", ")})`);
      return;
    }
    const type = metric.dimension === "count" ? ({ kind: "count", min: 0 } as const) : ({ kind: "quantity", dimension: metric.dimension, min: 0 } as const);
    const bound = checkNumber(decl.value, type, `'${metricName.text}'`, this.context);
    if (!vms || bound === undefined) return;
    for (const vm of vms) {
      this.expectations.push(expectation(vm.name, metricName.text as Expectation["metric"], decl.op.text, bound, decl, false));
    }
  }

  result(): Lowered {
    this.resolveSequential();
    this.resolvePlacements();
    checkScorePlacement(this);
    // Every field is always present, undefined when not set, so that every scenario lowered has the same
    // hidden class in V8: code optimised on one scenario (the server's warm-up) runs on another without
    // being deoptimised, which cost a document's first edits 20–40 ms (BENCHMARKS.md).
    return {
      scenario: {
        name: this.name,
        seed: this.seed,
        horizonSec: this.horizonSec,
        nodes: this.nodes,
        links: this.links,
        profiles: this.profiles,
        hosts: this.hosts,
        vms: this.vms,
        migrations: this.migrations,
        routing: this.routing,
        allocation: this.allocation,
        schedule: this.schedule,
        transport: this.transport,
        network: this.network,
        background: this.background.length > 0 ? this.background : undefined,
        vmFlows: this.vmFlows.length > 0 ? this.vmFlows : undefined,
        repetitions: this.repetitions > 1 ? this.repetitions : undefined,
        contentReuse: this.contentReuse,
        datacentreTraffic: this.datacentreTraffic,
        placement: this.scorePlacement,
      },
      expectations: this.expectations,
      migrationDeclarations: this.migrationDeclarations,
      linkDeclarations: this.linkDeclarations,
      reuseRows: this.reuseRows,
    };
  }

  addNode(name: string, kind: NetworkNode["kind"]): number {
    const existing = this.nodeIndex.get(name);
    if (existing !== undefined) return existing;
    this.nodeIndex.set(name, this.nodes.length);
    this.nodes.push({ name, kind });
    return this.nodes.length - 1;
  }

  /** The profile used by hosts that name none: Xen's defaults, added once. */
  defaultProfileIndex(): number {
    const name = DEFAULT_PROFILE_NAME;
    let index = this.profileIndex.get(name);
    if (index === undefined) {
      index = this.profiles.length;
      this.profileIndex.set(name, index);
      this.profiles.push({ ...defaultProfile("xen"), name });
    }
    return index;
  }

  /**
   * `sequential` on a statement asks for one migration at a time. The engine schedules the whole scenario,
   * so it applies when every statement says it; a mix is refused rather than half honoured.
   */
  private resolveSequential(): void {
    const flags = this.sequentialStatements;
    if (flags.length === 0 || !flags.some((f) => f)) return;
    if (flags.every((f) => f)) {
      if (!this.schedule) this.schedule = { kind: "sequential" };
      return;
    }
    const first = this.migrationDeclarations[flags.indexOf(true)]!;
    this.context.diagnostics.error(first, "unsupported", "'sequential' applies to the whole scenario: mark every migrate 'sequential', or use 'policy schedule sequential'");
  }

  /** Destinations of `to any` migrations, chosen by the placement policy (contentReuse.ts). */
  private resolvePlacements(): void {
    const pending = this.pendingPlacements;
    if (pending.length === 0) return;
    if (this.placement !== "similarity") {
      const first = pending[0]!;
      this.context.diagnostics.error(first.at, "missing-attribute", "'to any' lets a placement policy choose the destination: add 'policy placement similarity'", [
        { title: "Add 'policy placement similarity'", edits: [{ start: this.migrationDeclarations[first.migration]!.start, end: this.migrationDeclarations[first.migration]!.start, newText: "policy placement similarity\n" }], preferred: true },
      ]);
      return;
    }
    const placed = placeMigrations({ name: this.name, seed: this.seed, horizonSec: this.horizonSec, nodes: this.nodes, links: this.links, profiles: this.profiles, hosts: this.hosts, vms: this.vms }, this.migrations, pending, this.context.diagnostics);
    if (placed) this.migrations.splice(0, this.migrations.length, ...placed);
  }

  /** A VM's page size, read before its other attributes because `pages` units depend on it. */
  private pageSize(decl: VmDecl): number {
    const attribute = decl.body?.members.find((m) => m.kind === "attribute" && m.name.text === "page_size");
    if (!attribute || attribute.kind !== "attribute" || attribute.value?.kind !== "number" || !attribute.value.unit) return DEFAULT_PAGE_BYTES;
    // The page size is checked with the VM's other attributes; reading it here must not report twice.
    const silent: AttributeContext = { ...this.context, diagnostics: new DiagnosticBag() };
    return checkNumber(attribute.value, { kind: "quantity", dimension: "size", positive: true }, "'page_size'", silent) ?? DEFAULT_PAGE_BYTES;
  }
}

function vmNames(decl: VmDecl): string[] {
  const name = decl.name;
  if (!name) return [];
  if (!name.range) return [name.text];
  const out: string[] = [];
  for (let i = name.range.first; i <= name.range.last && out.length < 100_000; i++) out.push(`${name.text}[${i}]`);
  return out;
}

/** The dirty model: constant, writable working set (`wws`), or hot and cold pages (`hot`, `cold_dirty`). */
function dirtyModel(attributes: CheckedAttributes, decl: VmDecl, context: AttributeContext): DirtyModel {
  const n = attributes.numbers;
  const bytesPerSec = n.get("dirty") ?? 0;
  const wws = n.get("wws");
  const hot = n.get("hot");
  if (wws !== undefined && hot !== undefined) {
    context.diagnostics.error(decl.name ?? decl.keyword, "wrong-value", "a VM's dirty pages follow one model: give 'wws' or 'hot', not both");
  }
  if (wws !== undefined) return { kind: "wws", bytesPerSec, wwsBytes: wws };
  if (hot !== undefined) return { kind: "hot-cold", bytesPerSec, hotBytes: hot, coldBytesPerSec: n.get("cold_dirty") ?? 0 };
  if (n.has("cold_dirty")) context.diagnostics.error(decl.name ?? decl.keyword, "missing-attribute", "'cold_dirty' needs 'hot': the size of the hot pages");
  return { kind: "constant", bytesPerSec };
}

/** A local disk to copy by block migration, or undefined for shared storage. */
function diskOf(attributes: CheckedAttributes, decl: VmDecl, context: AttributeContext): Vm["disk"] {
  const bytes = attributes.numbers.get("disk");
  const local = attributes.words.get("storage") === "local";
  if (!local) return undefined;
  if (bytes === undefined) {
    context.diagnostics.error(decl.name ?? decl.keyword, "missing-attribute", "local storage is copied by block migration: give the VM's 'disk' size");
    return undefined;
  }
  return { bytes, local: true, writeBytesPerSec: attributes.numbers.get("disk_writes") ?? 0 };
}
