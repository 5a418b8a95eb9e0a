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

/** The span of each VM's declared name, by VM name (check.ts looks them up only when one is asked for). */
export type VmSpans = Pick<ReadonlyMap<string, Span>, "get">;

/** `startOrder`: the scenario's `migrationsInStartOrder`, which the content reuse checks walk too. */
export function checkCapacity(lowered: Lowered, diagnostics: DiagnosticBag, vmSpans: VmSpans, startOrder: readonly number[]): void {
  const { scenario } = lowered;
  const used: Usage = { memory: new Float64Array(scenario.hosts.length), vms: new Float64Array(scenario.hosts.length) };
  for (const vm of scenario.vms) {
    used.memory[vm.host]! += vm.memoryBytes;
    used.vms[vm.host]! += 1;
  }
  scenario.hosts.forEach((host, i) => {
    const memory = used.memory[i]!;
    const vms = used.vms[i]!;
    if (memory <= host.memoryBytes && vms <= host.slots) return;
    // Reported at the first VM placed on the host that has a span.
    const span = scenario.vms.map((vm) => (vm.host === i ? vmSpans.get(vm.name) : undefined)).find((s) => s !== undefined);
    if (!span) return;
    if (memory > host.memoryBytes) diagnostics.error(span, "out-of-range", `host '${host.name}' has ${formatBytes(host.memoryBytes)} of memory, but the VMs placed on it need ${formatBytes(memory)}`);
    if (vms > host.slots) diagnostics.error(span, "out-of-range", `host '${host.name}' has ${host.slots} VM slot${host.slots === 1 ? "" : "s"}, but ${vms} VMs are placed on it`);
  });
  const location = scenario.vms.map((vm) => vm.host);
  for (const i of startOrder) {
    const m = scenario.migrations[i]!;
    const vm = scenario.vms[m.vm]!;
    const target = scenario.hosts[m.target]!;
    const decl = lowered.migrationDeclarations[i]!;
    const at = decl.target ?? decl;
    const source = scenario.hosts[location[m.vm]!]!;
    checkCompatible(scenario, source.profile, target.profile, source.name, target.name, vm.name, at, diagnostics);
    if (!fits(scenario, used, m.target, vm.memoryBytes)) {
      const others = scenario.hosts
        .map((h, index) => ({ h, index }))
        .filter(({ index, h }) => index !== m.target && index !== location[m.vm] && fits(scenario, used, index, vm.memoryBytes) && compatible(scenario, source.profile, h.profile))
        .slice(0, 3);
      const fixes = others.map(({ h }) => ({ title: `Migrate '${vm.name}' to '${h.name}', which has room`, edits: [{ start: at.start, end: at.end, newText: h.name }] }));
      const memory = used.memory[m.target]!;
      const vms = used.vms[m.target]!;
      const message =
        memory + vm.memoryBytes > target.memoryBytes
          ? `'${target.name}' has ${formatBytes(target.memoryBytes)} of memory; at ${m.startSec} s it already holds ${formatBytes(memory)} (${vms} VM${vms === 1 ? "" : "s"}), so '${vm.name}' (${formatBytes(vm.memoryBytes)}) does not fit`
          : `'${target.name}' has ${target.slots} VM slot${target.slots === 1 ? "" : "s"}, all taken at ${m.startSec} s, so '${vm.name}' cannot move there`;
      diagnostics.error(at, "out-of-range", message, fixes);
    }
    // The destination is reserved from the start; the source is released when the VM leaves.
    used.memory[m.target]! += vm.memoryBytes;
    used.vms[m.target]! += 1;
    used.memory[location[m.vm]!]! -= vm.memoryBytes;
    used.vms[location[m.vm]!]! -= 1;
    location[m.vm] = m.target;
  }
}

/** The memory and the number of VMs each host holds, by index in `Scenario.hosts`. */
interface Usage {
  readonly memory: Float64Array;
  readonly vms: Float64Array;
}

/** Whether a VM of `memoryBytes` fits on host `h` now. */
function fits(scenario: Scenario, used: Usage, h: number, memoryBytes: number): boolean {
  return used.memory[h]! + memoryBytes <= scenario.hosts[h]!.memoryBytes && used.vms[h]! + 1 <= scenario.hosts[h]!.slots;
}

/** The indices of `scenario.migrations` by start time (then as written): the order they start in. */
export function migrationsInStartOrder(scenario: Scenario): number[] {
  const { migrations } = scenario;
  return migrations.map((_, i) => i).sort((a, b) => migrations[a]!.startSec - migrations[b]!.startSec || a - b);
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
export function checkUnmigrated(scenario: Scenario, diagnostics: DiagnosticBag, vmSpans: VmSpans, forecasts?: ForecastCache): void {
  if (scenario.placement) return;
  const migrated = new Uint8Array(scenario.vms.length);
  for (const m of scenario.migrations) migrated[m.vm] = 1;
  const talking = new Set((scenario.vmFlows ?? []).flatMap((flow) => [flow.from, flow.to].flatMap((end) => ("vm" in end ? [end.vm] : []))));
  const donors = new Set(scenario.contentReuse ? forecastMigrations(scenario, forecasts).flatMap((f) => (f.reuse.donor === undefined ? [] : [f.reuse.donor])) : []);
  scenario.vms.forEach((vm, i) => {
    const span = !migrated[i] && !donors.has(i) && !talking.has(i) ? vmSpans.get(vm.name) : undefined;
    if (span) diagnostics.warning(span, "unused", `'${vm.name}' is never migrated: it only takes memory and a slot on '${scenario.hosts[vm.host]!.name}'`);
  });
}
