/**
 * Static checks of a lowered scenario that need no model: hosts that run out of memory or VM slots as
 * VMs are placed and migrate (a destination is reserved when its migration starts, as hypervisors do),
 * migrations between hypervisors that cannot talk to each other, and VMs that are never migrated.
 */
import { forecastMigrations, type ForecastCache, type Scenario } from "@vmig/engine";
import type { Span } from "../syntax/ast.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { Lowered } from "./lower.js";
import { formatBytes } from "../format.js";

export function checkCapacity(lowered: Lowered, diagnostics: DiagnosticBag, vmSpans: ReadonlyMap<string, Span>): void {
  const { scenario } = lowered;
  const used = scenario.hosts.map(() => ({ memory: 0, vms: 0 }));
  /** Where to report an overfilled host: the first VM placed on it. */
  const firstVmSpan = new Map<number, Span>();
  scenario.vms.forEach((vm) => {
    used[vm.host]!.memory += vm.memoryBytes;
    used[vm.host]!.vms += 1;
    const span = vmSpans.get(vm.name);
    if (span && !firstVmSpan.has(vm.host)) firstVmSpan.set(vm.host, span);
  });
  scenario.hosts.forEach((host, i) => {
    const u = used[i]!;
    const span = firstVmSpan.get(i);
    if (!span) return;
    if (u.memory > host.memoryBytes) diagnostics.error(span, "out-of-range", `host '${host.name}' has ${formatBytes(host.memoryBytes)} of memory, but the VMs placed on it need ${formatBytes(u.memory)}`);
    if (u.vms > host.slots) diagnostics.error(span, "out-of-range", `host '${host.name}' has ${host.slots} VM slot${host.slots === 1 ? "" : "s"}, but ${u.vms} VMs are placed on it`);
  });
  const order = scenario.migrations.map((m, i) => ({ m, i })).sort((a, b) => a.m.startSec - b.m.startSec || a.i - b.i);
  const location = scenario.vms.map((vm) => vm.host);
  for (const { m, i } of order) {
    const vm = scenario.vms[m.vm]!;
    const target = scenario.hosts[m.target]!;
    const decl = lowered.migrationDeclarations[i]!;
    const at = decl.target ?? decl;
    const source = scenario.hosts[location[m.vm]!]!;
    checkCompatible(scenario, source.profile, target.profile, source.name, target.name, vm.name, at, diagnostics);
    const u = used[m.target]!;
    const fits = (h: number) => used[h]!.memory + vm.memoryBytes <= scenario.hosts[h]!.memoryBytes && used[h]!.vms + 1 <= scenario.hosts[h]!.slots;
    if (!fits(m.target)) {
      const others = scenario.hosts
        .map((h, index) => ({ h, index }))
        .filter(({ index, h }) => index !== m.target && index !== location[m.vm] && fits(index) && compatible(scenario, source.profile, h.profile))
        .slice(0, 3);
      const fixes = others.map(({ h }) => ({ title: `Migrate '${vm.name}' to '${h.name}', which has room`, edits: [{ start: at.start, end: at.end, newText: h.name }] }));
      const message =
        u.memory + vm.memoryBytes > target.memoryBytes
          ? `'${target.name}' has ${formatBytes(target.memoryBytes)} of memory; at ${m.startSec} s it already holds ${formatBytes(u.memory)} (${u.vms} VM${u.vms === 1 ? "" : "s"}), so '${vm.name}' (${formatBytes(vm.memoryBytes)}) does not fit`
          : `'${target.name}' has ${target.slots} VM slot${target.slots === 1 ? "" : "s"}, all taken at ${m.startSec} s, so '${vm.name}' cannot move there`;
      diagnostics.error(at, "out-of-range", message, fixes);
    }
    // The destination is reserved from the start; the source is released when the VM leaves.
    u.memory += vm.memoryBytes;
    u.vms += 1;
    const from = used[location[m.vm]!]!;
    from.memory -= vm.memoryBytes;
    from.vms -= 1;
    location[m.vm] = m.target;
  }
}

/** Hypervisors of one kind migrate to each other; a custom profile is assumed to talk to any. */
function compatible(scenario: Scenario, sourceProfile: number, targetProfile: number): boolean {
  const a = scenario.profiles[sourceProfile]!.kind;
  const b = scenario.profiles[targetProfile]!.kind;
  return a === b || a === "custom" || b === "custom";
}

function checkCompatible(scenario: Scenario, sourceProfile: number, targetProfile: number, source: string, target: string, vm: string, at: Span, diagnostics: DiagnosticBag): void {
  if (compatible(scenario, sourceProfile, targetProfile)) return;
  const a = scenario.profiles[sourceProfile]!.kind;
  const b = scenario.profiles[targetProfile]!.kind;
  diagnostics.error(at, "wrong-value", `'${vm}' cannot live-migrate from '${source}' (${a}) to '${target}' (${b}): the hypervisors' migration streams are incompatible`);
}

/**
 * Warns about VMs that no `migrate` moves: they only occupy their host (unless content reuse copies their
 * pages, or a flow joins them). With S-CORE (paper 004) every VM may move and its traffic matters, so none is unused.
 * Donors are found by forecasting content reuse, with the document's `forecasts` cache when there is one.
 */
export function checkUnmigrated(scenario: Scenario, diagnostics: DiagnosticBag, vmSpans: ReadonlyMap<string, Span>, forecasts?: ForecastCache): void {
  if (scenario.placement) return;
  const migrated = new Set(scenario.migrations.map((m) => m.vm));
  const talking = new Set((scenario.vmFlows ?? []).flatMap((flow) => [flow.from, flow.to].flatMap((end) => ("vm" in end ? [end.vm] : []))));
  const donors = new Set(scenario.contentReuse ? forecastMigrations(scenario, forecasts).flatMap((f) => (f.reuse.donor === undefined ? [] : [f.reuse.donor])) : []);
  scenario.vms.forEach((vm, i) => {
    const span = vmSpans.get(vm.name);
    if (!migrated.has(i) && !donors.has(i) && !talking.has(i) && span) diagnostics.warning(span, "unused", `'${vm.name}' is never migrated: it only takes memory and a slot on '${scenario.hosts[vm.host]!.name}'`);
  });
}
