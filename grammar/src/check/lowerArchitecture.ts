/**
 * Lowers `network ip { … }` and `network xia { … }` (paper 001, Zhang et al.,
 * ../shared/papers/001_8f5b642fc8edd1eb.txt) into the scenario's network architecture: subnets or
 * administrative domains, each listing its hosts with `members` (repeatable), a domain naming its gateway
 * router and that router's chunk cache.
 */
import type { HostGroup, NetworkArchitecture, XiaDomain } from "@vmig/engine";
import type { Attribute, Block, GroupDecl, NetworkDecl } from "../syntax/ast.js";
import { checkAttributes } from "./attributes.js";
import type { ScenarioBuilder } from "./lower.js";

/** Attributes of a network block that belong to one architecture only. */
const onlyIn: Readonly<Record<string, "ip" | "xia">> = { mobility: "ip", name_service: "xia", register: "xia" };

export function lowerNetworkArchitecture(builder: ScenarioBuilder, decl: NetworkDecl): void {
  const { diagnostics } = builder.context;
  const architecture = decl.architecture?.text;
  if (architecture !== "ip" && architecture !== "xia") {
    diagnostics.error(decl.architecture ?? decl.keyword, "wrong-value", `a network is 'ip' (subnets) or 'xia' (administrative domains)${architecture ? `, not '${architecture}'` : ""}`);
    return;
  }
  if (builder.network !== undefined) {
    diagnostics.error(decl.keyword, "duplicate-name", "a scenario has one network architecture; this is the second");
    return;
  }
  const what = `network ${architecture}`;
  const attributes = checkAttributes("network", decl.body, what, builder.context);
  for (const member of decl.body?.members ?? []) {
    if (member.kind !== "attribute") continue;
    const owner = onlyIn[member.name.text];
    if (owner !== undefined && owner !== architecture) diagnostics.error(member.name, "wrong-value", `'${member.name.text}' applies to network ${owner}, not ${what}`);
  }
  const groupKind = architecture === "ip" ? "subnet" : "domain";
  const groups: GroupDecl[] = [];
  for (const member of decl.body?.members ?? []) {
    if (member.kind !== "subnet" && member.kind !== "domain") continue;
    if (member.kind !== groupKind) diagnostics.error(member.keyword, "wrong-value", `${what} is made of ${groupKind}s, not ${member.kind}s`);
    else groups.push(member);
  }
  const placed = new Map<number, string>();
  const lowered = groups.map((group) => ({ group, hosts: groupHosts(builder, group, placed) }));
  const probe = attributes.numbers.get("probe");
  if (architecture === "ip") {
    for (const { group } of lowered) checkAttributes("subnet", withoutMembers(group.body), `subnet '${group.name?.text ?? "?"}'`, builder.context);
    const mobility = attributes.words.get("mobility") as "none" | "tunnel" | undefined;
    builder.network = {
      kind: "ip",
      subnets: lowered.map(({ group, hosts }) => ({ name: group.name?.text ?? "?", hosts })),
      ...(mobility === undefined ? {} : { mobility }),
      ...(probe === undefined ? {} : { probeIntervalSec: probe }),
    };
    return;
  }
  const nameService = attributes.symbols.get("name_service");
  if (nameService === undefined) {
    if (!decl.body?.members.some((m) => m.kind === "attribute" && m.name.text === "name_service")) {
      diagnostics.error(decl.architecture ?? decl.keyword, "missing-attribute", "network xia needs the host of its name service (for example 'name_service HOST_A')");
    }
    return;
  }
  const domains = lowered.flatMap(({ group, hosts }) => {
    const domain = lowerDomain(builder, group, hosts);
    return domain === undefined ? [] : [domain];
  });
  const register = attributes.numbers.get("register");
  const network: NetworkArchitecture = {
    kind: "xia",
    domains,
    nameServiceHost: builder.hostIndex.get(nameService.name)!,
    ...(register === undefined ? {} : { registerSec: register }),
    ...(probe === undefined ? {} : { probeIntervalSec: probe }),
  };
  builder.network = network;
}

/** The hosts of a subnet or domain, from its `members` lines; a host already in another group is reported. */
function groupHosts(builder: ScenarioBuilder, group: GroupDecl, placed: Map<number, string>): number[] {
  const { diagnostics, symbols } = builder.context;
  const name = group.name?.text ?? "?";
  const hosts: number[] = [];
  for (const member of membersOf(group.body)) {
    if (member.value?.kind !== "reference") {
      diagnostics.error(member.value ?? member.name, "wrong-value", `'members' expects hosts, such as dc.host[0..3]`);
      continue;
    }
    for (const symbol of symbols.resolveMany(member.value.reference, ["host"], `a member of ${group.kind} '${name}'`) ?? []) {
      const host = builder.hostIndex.get(symbol.name);
      if (host === undefined) continue;
      const other = placed.get(host);
      if (other !== undefined) {
        diagnostics.error(member.value, "duplicate-name", `host ${symbol.name} is already in ${group.kind} '${other}'; a host belongs to one ${group.kind}`);
        continue;
      }
      placed.set(host, name);
      hosts.push(host);
    }
  }
  if (hosts.length === 0 && group.body !== undefined) {
    diagnostics.warning(group.name ?? group.keyword, "unused", `${group.kind} '${name}' has no hosts (add 'members HOST')`);
  }
  return hosts;
}

function lowerDomain(builder: ScenarioBuilder, group: GroupDecl, hosts: readonly number[]): XiaDomain | undefined {
  const name = group.name?.text ?? "?";
  const attributes = checkAttributes("domain", withoutMembers(group.body), `domain '${name}'`, builder.context);
  const gateway = attributes.symbols.get("gateway");
  if (gateway === undefined) return undefined;
  const n = attributes.numbers;
  const capacity = n.get("cache");
  const base: HostGroup = { name, hosts };
  return {
    ...base,
    gateway: builder.nodeIndex.get(gateway.name)!,
    ...(n.has("beacon") ? { beaconIntervalSec: n.get("beacon")! } : {}),
    ...(capacity === undefined ? {} : { cache: { capacityBytes: capacity, lookupSec: n.get("cache_lookup") ?? 0, scanSecPerChunk: n.get("cache_scan") ?? 0 } }),
  };
}

function membersOf(block: Block | undefined): Attribute[] {
  return (block?.members ?? []).filter((m): m is Attribute => m.kind === "attribute" && m.name.text === "members");
}

/** The block without its `members` lines, which groupHosts checks (they may repeat). */
function withoutMembers(block: Block | undefined): Block | undefined {
  return block === undefined ? undefined : { ...block, members: block.members.filter((m) => !(m.kind === "attribute" && m.name.text === "members")) };
}
