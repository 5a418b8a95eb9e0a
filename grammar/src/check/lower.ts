/**
 * Lowers a checked file into the engine's typed scenario (SI units, indices instead of names).
 *
 * Runs after names are declared; it checks attributes and references as it goes, so each problem is
 * reported once, where it is written. The scenario is only handed to the engine when no error was found.
 */
import { defaultProfile, type HypervisorKind, type HypervisorProfile, type Link, type Migration, type NetworkNode, type Scenario, type Vm, type Host } from "@vmig/engine";
import type { Declaration, ExpectDecl, HostDecl, HypervisorDecl, LinkDecl, MigrateDecl, ScenarioDecl, TopologyDecl, VmDecl } from "../syntax/ast.js";
import { DEFAULT_PAGE_BYTES } from "../units.js";
import { checkAttributes, checkNumber, type AttributeContext } from "./attributes.js";
import { expectMetrics, hypervisorKinds } from "./schema.js";
import type { Expectation } from "./expectations.js";
import { DiagnosticBag } from "./diagnostics.js";

/** Defaults of a scenario that does not set them. */
export const DEFAULT_SEED = 1;
export const DEFAULT_HORIZON_SEC = 3600;

export interface Lowered {
  readonly scenario: Scenario;
  readonly expectations: readonly Expectation[];
  /** The `migrate` declaration of each of `scenario.migrations`, by index. */
  readonly migrationDeclarations: readonly MigrateDecl[];
}

export function lower(declarations: readonly Declaration[], context: AttributeContext): Lowered {
  const builder = new ScenarioBuilder(context);
  for (const decl of declarations) if (decl.kind === "hypervisor") builder.hypervisor(decl);
  for (const decl of declarations) if (decl.kind === "topology") builder.topology(decl);
  for (const decl of declarations) if (decl.kind === "host") builder.host(decl);
  for (const decl of declarations) if (decl.kind === "topology") for (const m of decl.body?.members ?? []) if (m.kind === "link") builder.link(m);
  for (const decl of declarations) {
    if (decl.kind === "vm") builder.vm(decl);
    else if (decl.kind === "scenario") builder.scenario(decl);
  }
  for (const decl of declarations) {
    if (decl.kind === "migrate") builder.migrate(decl);
    else if (decl.kind === "expect") builder.expect(decl);
    else if (decl.kind === "import") context.diagnostics.error(decl.keyword, "unsupported", "'import' is not supported yet: declare everything in this file");
  }
  return builder.result();
}

class ScenarioBuilder {
  private name = "untitled";
  private seed = DEFAULT_SEED;
  private horizonSec = DEFAULT_HORIZON_SEC;
  private scenarioSeen = false;
  private readonly nodes: NetworkNode[] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly links: Link[] = [];
  private readonly profiles: HypervisorProfile[] = [];
  private readonly profileIndex = new Map<string, number>();
  private readonly hosts: Host[] = [];
  private readonly hostIndex = new Map<string, number>();
  private readonly vms: Vm[] = [];
  private readonly vmIndex = new Map<string, number>();
  private readonly migrations: Migration[] = [];
  private readonly expectations: Expectation[] = [];
  private readonly migrationDeclarations: MigrateDecl[] = [];

  constructor(private readonly context: AttributeContext) {}

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
  }

  hypervisor(decl: HypervisorDecl): void {
    const attributes = checkAttributes("hypervisor", decl.body, `hypervisor '${decl.name?.text ?? "?"}'`, this.context);
    let kind: HypervisorKind = "custom";
    if (decl.hypervisorKind) {
      if ((hypervisorKinds as readonly string[]).includes(decl.hypervisorKind.text)) kind = decl.hypervisorKind.text as HypervisorKind;
      else this.context.diagnostics.error(decl.hypervisorKind, "wrong-value", `unknown hypervisor kind '${decl.hypervisorKind.text}' (expected ${hypervisorKinds.join(", ")})`);
    }
    if (!decl.name) return;
    const base = defaultProfile(kind);
    const n = attributes.numbers;
    this.profileIndex.set(decl.name.text, this.profiles.length);
    this.profiles.push({
      ...base,
      name: decl.name.text,
      maxRounds: n.get("max_rounds") ?? base.maxRounds,
      stopBelowBytes: n.get("stop_below") ?? base.stopBelowBytes,
      maxSentFactor: n.get("max_sent") ?? base.maxSentFactor,
      prepareSec: n.get("prepare") ?? base.prepareSec,
      resumeSec: n.get("resume") ?? base.resumeSec,
    });
  }

  topology(decl: TopologyDecl): void {
    if (decl.generator) {
      this.context.diagnostics.error(decl.generator, "unsupported", `generated topologies ('${decl.generator.text}') are not supported yet: declare switches, hosts and links`);
    }
    checkAttributes("topology", decl.body, `topology '${decl.name?.text ?? "?"}'`, this.context);
    for (const member of decl.body?.members ?? []) {
      if (member.kind === "switch" || member.kind === "router") {
        checkAttributes(member.kind, member.body, `${member.kind} '${member.name?.text ?? "?"}'`, this.context);
        if (member.name) this.addNode(member.name.text, member.kind);
      } else if (member.kind === "host") {
        this.host(member);
      }
    }
  }

  host(decl: HostDecl): void {
    const attributes = checkAttributes("host", decl.body, `host '${decl.name?.text ?? "?"}'`, this.context);
    if (!decl.name) return;
    const profileName = attributes.symbols.get("hypervisor")?.name;
    const n = attributes.numbers;
    this.hostIndex.set(decl.name.text, this.hosts.length);
    this.hosts.push({
      name: decl.name.text,
      node: this.addNode(decl.name.text, "host"),
      profile: profileName !== undefined ? this.profileIndex.get(profileName) ?? this.defaultProfileIndex() : this.defaultProfileIndex(),
      cores: n.get("cores") ?? 8,
      memoryBytes: n.get("memory") ?? 64 * 2 ** 30,
      slots: n.get("slots") ?? 16,
    });
  }

  link(decl: LinkDecl): void {
    const from = this.context.symbols.resolve(decl.from, ["switch", "router", "host"], "a link's end");
    const to = this.context.symbols.resolve(decl.to, ["switch", "router", "host"], "a link's end");
    const attributes = checkAttributes("link", decl.body, `link '${decl.from?.text ?? "?"} -- ${decl.to?.text ?? "?"}'`, this.context);
    if (!decl.body) this.context.diagnostics.error(decl.keyword, "missing-attribute", "a link needs a block with its 'bandwidth' (for example '{ bandwidth 1 Gbps }')");
    if (!from || !to) return;
    if (from.name === to.name) {
      this.context.diagnostics.error(decl, "wrong-value", `a link cannot connect '${from.name}' to itself`);
      return;
    }
    this.links.push({
      name: `${from.name}--${to.name}`,
      a: this.nodeIndex.get(from.name)!,
      b: this.nodeIndex.get(to.name)!,
      bandwidthBytesPerSec: attributes.numbers.get("bandwidth") ?? 0,
      latencySec: attributes.numbers.get("latency") ?? 0,
    });
  }

  vm(decl: VmDecl): void {
    const host = this.context.symbols.resolve(decl.host, ["host"], "a VM's host");
    const pageBytes = this.pageSize(decl);
    const attributes = checkAttributes("vm", decl.body, `vm '${decl.name?.text ?? "?"}'`, { ...this.context, pageBytes });
    if (!decl.body) this.context.diagnostics.error(decl.keyword, "missing-attribute", "a VM needs a block with its 'memory' (for example '{ memory 1 GiB }')");
    if (!decl.name || !host) return;
    const n = attributes.numbers;
    this.vmIndex.set(decl.name.text, this.vms.length);
    this.vms.push({
      name: decl.name.text,
      host: this.hostIndex.get(host.name)!,
      memoryBytes: n.get("memory") ?? 0,
      vcpus: n.get("vcpus") ?? 1,
      pageBytes,
      dirty: { kind: "constant", bytesPerSec: n.get("dirty") ?? 0 },
    });
  }

  migrate(decl: MigrateDecl): void {
    const vm = this.context.symbols.resolve(decl.vm, ["vm"], "the migrating VM");
    const target = this.context.symbols.resolve(decl.target, ["host"], "a migration's destination");
    const startSec = decl.at ? checkNumber(decl.at, { kind: "quantity", dimension: "time", min: 0 }, "'at'", this.context) : 0;
    if (!vm || !target || startSec === undefined) return;
    const vmIndex = this.vmIndex.get(vm.name);
    if (vmIndex === undefined) return;
    const source = this.vms[vmIndex]!.host;
    if (this.hosts[source]!.name === target.name) {
      this.context.diagnostics.error(decl.target!, "wrong-value", `'${vm.name}' already runs on '${target.name}'`);
      return;
    }
    this.migrations.push({ vm: vmIndex, target: this.hostIndex.get(target.name)!, startSec });
    this.migrationDeclarations.push(decl);
  }

  expect(decl: ExpectDecl): void {
    if (!decl.subject || !decl.op || !decl.value) return;
    const [vmName, metricName, ...rest] = decl.subject.parts;
    if (!metricName || rest.length > 0) {
      this.context.diagnostics.error(decl.subject, "wrong-value", `expected 'VM.metric' (metrics: ${Object.keys(expectMetrics).join(", ")})`);
      return;
    }
    const vm = this.context.symbols.resolveName(vmName!, ["vm"], "an expectation's subject");
    const metric = expectMetrics[metricName.text];
    if (!metric) {
      this.context.diagnostics.error(metricName, "unknown-attribute", `unknown metric '${metricName.text}' (expected ${Object.keys(expectMetrics).join(", ")})`);
      return;
    }
    const type = metric.dimension === "count" ? ({ kind: "count", min: 0 } as const) : ({ kind: "quantity", dimension: metric.dimension, min: 0 } as const);
    const bound = checkNumber(decl.value, type, `'${metricName.text}'`, this.context);
    if (!vm || bound === undefined) return;
    this.expectations.push({ vm: vm.name, metric: metricName.text as Expectation["metric"], op: decl.op.text, bound, start: decl.start, end: decl.end });
  }

  result(): Lowered {
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
      },
      expectations: this.expectations,
      migrationDeclarations: this.migrationDeclarations,
    };
  }

  private addNode(name: string, kind: NetworkNode["kind"]): number {
    const existing = this.nodeIndex.get(name);
    if (existing !== undefined) return existing;
    this.nodeIndex.set(name, this.nodes.length);
    this.nodes.push({ name, kind });
    return this.nodes.length - 1;
  }

  /** The profile used by hosts that name none: Xen's defaults, added once. */
  private defaultProfileIndex(): number {
    const name = "xen (default)";
    let index = this.profileIndex.get(name);
    if (index === undefined) {
      index = this.profiles.length;
      this.profileIndex.set(name, index);
      this.profiles.push({ ...defaultProfile("xen"), name });
    }
    return index;
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
