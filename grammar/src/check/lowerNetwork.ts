/**
 * Lowers networks: hypervisor profiles, explicit topologies (switches, routers, hosts, links), generated
 * topologies (the engine's generators), top-level hosts, and `hosts` sets that configure several hosts at once.
 */
import { defaultProfile, type HypervisorKind, type HypervisorProfile, type MigrationMode } from "@vmig/engine";
import type { HostDecl, HostsDecl, HypervisorDecl, LinkDecl, NodeDecl, Span, TopologyDecl } from "../syntax/ast.js";
import { checkAttributes, type CheckedAttributes } from "./attributes.js";
import { checkGeneratorAttributes, generate, isGenerator, linkDefaults, topologyBlockKind } from "./generated.js";
import { hypervisorKinds, topologyGenerators } from "./schema.js";
import type { ScenarioBuilder } from "./lower.js";
import type { MemberLowering } from "./networkMemberReuse.js";

const DEFAULT_HOST = { cores: 8, memoryBytes: 64 * 2 ** 30, slots: 16 };

export function lowerTopology(builder: ScenarioBuilder, decl: TopologyDecl): void {
  const name = decl.name?.text ?? "?";
  if (decl.generator && !(topologyGenerators as readonly string[]).includes(decl.generator.text)) {
    builder.context.diagnostics.error(decl.generator, "wrong-value", `unknown topology generator '${decl.generator.text}' (expected ${topologyGenerators.join(", ")}; or none for an explicit topology)`);
  }
  if (decl.generator) {
    lowerGenerated(builder, decl);
    return;
  }
  checkAttributes(topologyBlockKind(decl), decl.body, `topology '${name}'`, builder.context);
  for (const member of decl.body?.members ?? []) {
    if (member.kind === "switch" || member.kind === "router") {
      lowerMember(builder, member, lowerSwitch);
    } else if (member.kind === "host") {
      lowerHost(builder, member);
    } else if (member.kind === "background") {
      builder.context.diagnostics.error(member.keyword, "wrong-value", "background traffic belongs in a 'traffic' block");
    }
  }
}

/** Adds the nodes and hosts of a generated topology; its links come in `lowerLinks`. */
function lowerGenerated(builder: ScenarioBuilder, decl: TopologyDecl): void {
  // Declaring names built the topology silently. Its attributes are checked again here to report their
  // problems; only a topology that could not be built is generated again, to report why.
  let topology = builder.generated.get(decl);
  const generator = decl.generator?.text;
  if (topology && generator && isGenerator(generator)) checkGeneratorAttributes(decl, generator, builder.context);
  else topology = generate(decl, builder.context);
  for (const member of decl.body?.members ?? []) {
    if (member.kind !== "attribute" && !(member.kind === "link" && member === linkDefaults(decl))) {
      builder.context.diagnostics.error(member.keyword, "wrong-value", `a generated topology holds its generator's attributes and one 'link { … }' of defaults, not a ${member.kind}`);
    }
  }
  if (!topology) return;
  for (const node of topology.nodes) {
    const index = builder.addNode(node.name, node.kind);
    builder.nodes[index] = node;
  }
  for (const host of topology.hosts) {
    builder.hostIndex.set(host.name, builder.hosts.length);
    builder.hosts.push({ name: host.name, node: builder.nodeIndex.get(host.name)!, profile: builder.defaultProfileIndex(), ...DEFAULT_HOST });
  }
}

export function lowerHypervisor(builder: ScenarioBuilder, decl: HypervisorDecl): void {
  lowerMember(builder, decl, lowerHypervisorNow);
}

function lowerHypervisorNow(builder: ScenarioBuilder, decl: HypervisorDecl): void {
  const attributes = checkAttributes("hypervisor", decl.body, `hypervisor '${decl.name?.text ?? "?"}'`, builder.context);
  let kind: HypervisorKind = "custom";
  if (decl.hypervisorKind) {
    if ((hypervisorKinds as readonly string[]).includes(decl.hypervisorKind.text)) kind = decl.hypervisorKind.text as HypervisorKind;
    else builder.context.diagnostics.error(decl.hypervisorKind, "wrong-value", `unknown hypervisor kind '${decl.hypervisorKind.text}' (expected ${hypervisorKinds.join(", ")})`);
  }
  if (!decl.name) return;
  builder.profileIndex.set(decl.name.text, builder.profiles.length);
  builder.profiles.push(profileFrom(decl.name.text, defaultProfile(kind), attributes));
}

/** Lowers `member` with `lowerNow`, or reuses what an earlier check lowered for it (networkMemberReuse.ts). */
function lowerMember<M extends Span>(builder: ScenarioBuilder, member: M, lowerNow: MemberLowering<M>): void {
  if (builder.networkMembers) builder.networkMembers.lower(builder, member, lowerNow);
  else lowerNow(builder, member);
}

function lowerSwitch(builder: ScenarioBuilder, member: NodeDecl): void {
  checkAttributes(member.kind, member.body, `${member.kind} '${member.name?.text ?? "?"}'`, builder.context);
  if (member.name) builder.addNode(member.name.text, member.kind);
}

export function lowerHost(builder: ScenarioBuilder, decl: HostDecl): void {
  lowerMember(builder, decl, lowerHostNow);
}

function lowerHostNow(builder: ScenarioBuilder, decl: HostDecl): void {
  const attributes = checkAttributes("host", decl.body, `host '${decl.name?.text ?? "?"}'`, builder.context);
  if (!decl.name) return;
  builder.hostIndex.set(decl.name.text, builder.hosts.length);
  builder.hosts.push({ name: decl.name.text, node: builder.addNode(decl.name.text, "host"), ...hostSettings(builder, attributes, undefined) });
}

/** `hosts dc.host[*] { … }`: the attributes it sets replace those of every host it names. */
export function lowerHostSet(builder: ScenarioBuilder, decl: HostsDecl): void {
  const targets = builder.context.symbols.resolveMany(decl.targets, ["host"], "a 'hosts' set");
  const attributes = checkAttributes("host", decl.body, `hosts '${decl.targets?.text ?? "?"}'`, builder.context);
  for (const target of targets ?? []) {
    const index = builder.hostIndex.get(target.name);
    if (index === undefined) continue;
    const host = builder.hosts[index]!;
    builder.hosts[index] = { ...host, ...hostSettings(builder, attributes, host) };
  }
}

function hostSettings(builder: ScenarioBuilder, attributes: CheckedAttributes, current: typeof builder.hosts[number] | undefined) {
  const n = attributes.numbers;
  const profileName = attributes.symbols.get("hypervisor")?.name;
  const profile = profileName !== undefined ? builder.profileIndex.get(profileName) : undefined;
  return {
    profile: profile ?? current?.profile ?? builder.defaultProfileIndex(),
    cores: n.get("cores") ?? current?.cores ?? DEFAULT_HOST.cores,
    memoryBytes: n.get("memory") ?? current?.memoryBytes ?? DEFAULT_HOST.memoryBytes,
    slots: n.get("slots") ?? current?.slots ?? DEFAULT_HOST.slots,
  };
}

/** Adds a topology's links: the generator's, or each explicit `link a -- b`. */
export function lowerLinks(builder: ScenarioBuilder, decl: TopologyDecl): void {
  if (decl.generator) {
    const topology = builder.generated.get(decl);
    if (!topology) return;
    const defaults = linkDefaults(decl);
    for (const link of topology.links) {
      builder.links.push({ ...link, a: builder.nodeIndex.get(topology.nodes[link.a]!.name)!, b: builder.nodeIndex.get(topology.nodes[link.b]!.name)! });
      builder.linkDeclarations.push(defaults?.kind === "link" ? defaults : undefined);
    }
    return;
  }
  for (const member of decl.body?.members ?? []) if (member.kind === "link") lowerMember(builder, member, lowerLink);
}

function lowerLink(builder: ScenarioBuilder, decl: LinkDecl): void {
  const context = builder.context;
  if (!decl.from || !decl.to) {
    context.diagnostics.error(decl.keyword, "missing-attribute", "a link of an explicit topology names its ends: 'link a -- b { bandwidth 1 Gbps }'");
    return;
  }
  const from = context.symbols.resolve(decl.from, ["switch", "router", "host"], "a link's end");
  const to = context.symbols.resolve(decl.to, ["switch", "router", "host"], "a link's end");
  const attributes = checkAttributes("link", decl.body, `link '${decl.from.text} -- ${decl.to.text}'`, context);
  if (!decl.body) context.diagnostics.error(decl.keyword, "missing-attribute", "a link needs a block with its 'bandwidth' (for example '{ bandwidth 1 Gbps }')");
  if (!from || !to) return;
  if (from.name === to.name) {
    context.diagnostics.error(decl, "wrong-value", `a link cannot connect '${from.name}' to itself`);
    return;
  }
  const n = attributes.numbers;
  builder.linkDeclarations.push(decl);
  builder.links.push({
    name: `${from.name}--${to.name}`,
    a: builder.nodeIndex.get(from.name)!,
    b: builder.nodeIndex.get(to.name)!,
    bandwidthBytesPerSec: n.get("bandwidth") ?? 0,
    latencySec: n.get("latency") ?? 0,
    ...(n.has("level") ? { level: n.get("level")! } : {}),
    ...(n.has("buffer") ? { bufferBytes: n.get("buffer")! } : {}),
  });
}

function profileFrom(name: string, base: HypervisorProfile, attributes: CheckedAttributes): HypervisorProfile {
  const n = attributes.numbers;
  const w = attributes.words;
  const speed = n.get("compression_speed");
  const ratio = n.get("compression");
  return {
    ...base,
    name,
    maxRounds: n.get("max_rounds") ?? base.maxRounds,
    stopBelowBytes: n.get("stop_below") ?? base.stopBelowBytes,
    maxSentFactor: n.get("max_sent") ?? base.maxSentFactor,
    prepareSec: n.get("prepare") ?? base.prepareSec,
    resumeSec: n.get("resume") ?? base.resumeSec,
    ...(n.has("downtime_limit") ? { downtimeLimitSec: n.get("downtime_limit")! } : {}),
    ...(n.has("max_bandwidth") ? { maxBandwidthBytesPerSec: n.get("max_bandwidth")! } : {}),
    ...(n.has("device_state") ? { deviceStateBytes: n.get("device_state")! } : {}),
    ...(w.has("stop_on_dirty_rate") ? { stopWhenDirtyExceedsRate: w.get("stop_on_dirty_rate") === "on" } : {}),
    ...(w.get("auto_converge") === "on" ? { autoConverge: base.autoConverge ?? {} } : w.get("auto_converge") === "off" ? { autoConverge: undefined } : {}),
    ...(w.has("mode") ? { migrationMode: w.get("mode") as MigrationMode } : {}),
    ...(n.has("exec_rate") ? { execRelayBytesPerSec: n.get("exec_rate")! } : {}),
    ...(n.has("exec_handover") ? { execHandoverSec: n.get("exec_handover")! } : {}),
    ...(ratio !== undefined || speed !== undefined ? { compression: { ratio: ratio ?? 1, cpuSecPerByte: speed ? 1 / speed : 0 } } : {}),
    ...(attributes.texts.has("version") ? { version: attributes.texts.get("version")! } : {}),
    ...(w.has("block_migration") ? { blockMigration: w.get("block_migration") === "on" } : {}),
  };
}
