/**
 * Diagnostics of the network architecture and the migration modes (paper 001, Zhang et al.,
 * ../shared/papers/001_8f5b642fc8edd1eb.txt): a mode the network cannot carry (`tcp` over XIA, `xia-chunk`
 * over IP), a migrating host in no subnet or domain, a chunk larger than a router's cache, and the paper's
 * TCP/IP failure — a migration between subnets without a mobility mechanism, after which the VM is
 * unreachable (§5.2) — with a quick fix that adds a tunnel.
 */
import { groupOf, losesReachability, modeConflict, modeOf, DEFAULT_CHUNK_BYTES, type HostGroup, type MigrationForecast, type Scenario } from "@vmig/engine";
import type { Attribute, Block, Declaration, HypervisorDecl, NetworkDecl, Span } from "../syntax/ast.js";
import type { DiagnosticBag, Fix } from "./diagnostics.js";
import type { Lowered } from "./lower.js";
import { formatBytes, formatSeconds } from "../format.js";

/** Adds the architecture's diagnostics; `declarations` are the checked file's own. */
export function checkNetworkArchitecture(lowered: Lowered, declarations: readonly Declaration[], forecasts: readonly MigrationForecast[], diagnostics: DiagnosticBag): void {
  const { scenario } = lowered;
  const networkDecl = declarations.find((d): d is NetworkDecl => d.kind === "network");
  checkModes(scenario, declarations, networkDecl, diagnostics);
  const network = scenario.network;
  if (network === undefined) return;
  const groups: readonly HostGroup[] = network.kind === "ip" ? network.subnets : network.domains;
  const groupWord = network.kind === "ip" ? "subnet" : "domain";
  const hostOfVm = scenario.vms.map((vm) => vm.host);
  scenario.migrations.forEach((migration, index) => {
    const decl = lowered.migrationDeclarations[index]!;
    const source = hostOfVm[migration.vm]!;
    hostOfVm[migration.vm] = migration.target;
    const vm = scenario.vms[migration.vm]!.name;
    for (const [host, span] of [[source, decl.vm ?? decl], [migration.target, decl.target ?? decl]] as const) {
      if (groupOf(groups, host) === undefined) {
        diagnostics.error(span, "missing-attribute", `host '${scenario.hosts[host]!.name}' is in no ${groupWord} of network ${network.kind}, so the migration of '${vm}' has no address to keep (add it to a ${groupWord}'s 'members')`);
        return;
      }
    }
    if (!losesReachability(network, source, migration.target)) return;
    const from = groupOf(groups, source)!.name;
    const to = groupOf(groups, migration.target)!.name;
    const downtime = forecasts.find((f) => f.index === index)?.prediction?.downtimeSec;
    diagnostics.warning(
      decl.target ?? decl,
      "unreachable-after-migration",
      `'${vm}' moves from subnet '${from}' (${scenario.hosts[source]!.name}) to subnet '${to}' (${scenario.hosts[migration.target]!.name}) and keeps its address in '${from}': ` +
        `with no mobility mechanism it is unreachable once it resumes${downtime === undefined ? "" : ` after ${formatSeconds(downtime)} of downtime`}, and stays so (paper 001 §5.2)`,
      tunnelFix(networkDecl),
    );
  });
  if (network.kind === "xia") checkCaches(scenario, network.domains, networkDecl, diagnostics);
}

/** Every host that takes part in a migration must run a mode the network carries. */
function checkModes(scenario: Scenario, declarations: readonly Declaration[], networkDecl: NetworkDecl | undefined, diagnostics: DiagnosticBag): void {
  const reported = new Set<number>();
  for (const migration of scenario.migrations) {
    for (const host of [scenario.vms[migration.vm]!.host, migration.target]) {
      const profileIndex = scenario.hosts[host]!.profile;
      if (reported.has(profileIndex)) continue;
      const profile = scenario.profiles[profileIndex]!;
      const conflict = modeConflict(modeOf(profile), scenario);
      if (conflict === undefined) continue;
      reported.add(profileIndex);
      const decl = declarations.find((d): d is HypervisorDecl => d.kind === "hypervisor" && d.name?.text === profile.name);
      const mode = attributeOf(decl, "mode");
      const wanted = scenario.network?.kind === "xia" ? "xia-chunk" : "exec";
      const fix: Fix[] = mode?.value !== undefined
        ? [{ title: `Use mode ${wanted}`, edits: [{ start: mode.value.start, end: mode.value.end, newText: wanted }], preferred: true }]
        : decl?.body !== undefined
        ? [{ title: `Add 'mode ${wanted}'`, edits: [{ start: decl.body.start + 1, end: decl.body.start + 1, newText: `\n  mode ${wanted}` }], preferred: true }]
        : [];
      const span: Span = mode?.value ?? decl?.name ?? networkDecl?.architecture ?? networkDecl?.keyword ?? { start: 0, end: 0 };
      diagnostics.error(span, "mode-mismatch", `hypervisor '${profile.name}' (host ${scenario.hosts[host]!.name}): ${conflict}`, fix);
    }
  }
}

/** A cache smaller than one chunk caches nothing but is still searched. */
function checkCaches(scenario: Scenario, domains: readonly { readonly name: string; readonly cache?: { readonly capacityBytes: number } }[], networkDecl: NetworkDecl | undefined, diagnostics: DiagnosticBag): void {
  const chunk = scenario.transport?.kind === "xia" ? (scenario.transport.chunkBytes ?? DEFAULT_CHUNK_BYTES) : DEFAULT_CHUNK_BYTES;
  for (const domain of domains) {
    const capacity = domain.cache?.capacityBytes;
    if (capacity === undefined || capacity >= chunk) continue;
    const group = networkDecl?.body?.members.find((m) => m.kind === "domain" && m.name?.text === domain.name);
    const span = (group?.kind === "domain" ? attributeOf(group, "cache")?.value : undefined) ?? networkDecl?.keyword ?? { start: 0, end: 0 };
    diagnostics.warning(span, "out-of-range", `the cache of domain '${domain.name}' (${formatBytes(capacity)}) cannot hold one ${formatBytes(chunk)} chunk: it caches nothing, yet every request still looks it up`);
  }
}

/** Quick fix: `mobility tunnel` in the network block (replacing `mobility none`). */
function tunnelFix(networkDecl: NetworkDecl | undefined): Fix[] {
  const mobility = attributeOf(networkDecl, "mobility");
  if (mobility?.value !== undefined) return [{ title: "Use a tunnel to the destination subnet (mobility tunnel)", edits: [{ start: mobility.value.start, end: mobility.value.end, newText: "tunnel" }], preferred: true }];
  const body = networkDecl?.body;
  if (body === undefined) return [];
  return [{ title: "Add a mobility mechanism (mobility tunnel)", edits: [{ start: body.start + 1, end: body.start + 1, newText: "\n  mobility tunnel" }], preferred: true }];
}

/** The attribute `name` written in a declaration's block. */
function attributeOf(decl: { readonly body?: Block } | undefined, name: string): Attribute | undefined {
  return decl?.body?.members.find((m): m is Attribute => m.kind === "attribute" && m.name.text === name);
}
