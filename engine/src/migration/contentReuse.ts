/**
 * Content reuse: paper 002's ESCDR (Khan & Zahoor, "Exploiting Redundancy Among VMs to Reduce Network Load
 * and Migration Time in Cloud Environments", ../shared/papers/002_ab2462603c65d96a.txt).
 *
 * §3.2 keeps a two-dimensional list of static pages keyed by [OS][hypervisor] (Fig. 1): the memory that is the
 * same in every VM of that OS and hypervisor version (kernel code, drivers). §3.3 adds a step before the first
 * round: the migrating VM's OS and hypervisor version look up its static pages, the source marks them so round
 * 0 does not send them, and the destination copies them from a VM it already runs with the same OS and
 * hypervisor version, inside its own memory. §3.1: the destination qualifies only if it runs such a VM.
 *
 * The model: round-0 bytes = memory − S when a VM on the destination matches, and memory otherwise, where S
 * is the table's entry for the VM's [OS][hypervisor version] (or the VM's own `staticBytes`, which replaces
 * it), at most the memory. The local copy at the destination runs alongside round 0 at memory speed and is
 * taken not to lengthen it. Without a policy, a VM's `staticBytes` is always skipped (the earlier behaviour).
 */
import { SimulationError } from "../errors.js";
import type { ContentReusePolicy, HypervisorProfile, Scenario, StaticContentEntry, Vm } from "../scenario.js";

/** A VM's keys into the table while it runs on a host: its OS and the hypervisor version of that host. */
export interface ReuseKey {
  readonly os: string;
  readonly hypervisorVersion: string;
}

/** What content reuse gives one migration when it starts. */
export interface ReuseDecision {
  /** Bytes skipped in round 0 and copied locally at the destination (0 when nothing matched). */
  readonly staticBytes: number;
  /** Index in `Scenario.vms` of the destination's VM whose pages are copied, under a policy. */
  readonly donor?: number;
}

/**
 * The key of `vm` running under `profile`: the profile's version, or the VM's own `hypervisorVersion` when
 * the profile names none. Undefined when the OS or the version is unknown: such a VM never matches.
 */
export function reuseKey(vm: Vm, profile: HypervisorProfile | undefined): ReuseKey | undefined {
  const hypervisorVersion = profile?.version ?? vm.hypervisorVersion;
  if (vm.os === undefined || hypervisorVersion === undefined) return undefined;
  return { os: vm.os, hypervisorVersion };
}

/** The table's cell for a key, if the policy has one. */
export function tableEntry(policy: ContentReusePolicy, key: ReuseKey | undefined): StaticContentEntry | undefined {
  if (key === undefined) return undefined;
  return policy.table.find((entry) => entry.os === key.os && entry.hypervisorVersion === key.hypervisorVersion);
}

/** True when two keys name the same OS and hypervisor version. */
export function sameKey(a: ReuseKey | undefined, b: ReuseKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.os === b.os && a.hypervisorVersion === b.hypervisorVersion;
}

/**
 * Decides what a migration of VM `vmIndex` from host `source` to host `target` skips, given the VMs running
 * on the target when it starts (`residents`, indices in `Scenario.vms`; the migrating VM is ignored).
 */
export function reuseAtStart(scenario: Scenario, vmIndex: number, source: number, target: number, residents: Iterable<number>): ReuseDecision {
  const vm = scenario.vms[vmIndex]!;
  const policy = scenario.contentReuse;
  if (policy === undefined) return withoutPolicy(vm);
  const key = reuseKey(vm, profileOf(scenario, source));
  const bytes = vm.staticBytes ?? tableEntry(policy, key)?.staticBytes ?? 0;
  if (key === undefined || !(bytes > 0)) return { staticBytes: 0 };
  const targetProfile = profileOf(scenario, target);
  for (const other of residents) {
    if (other !== vmIndex && sameKey(reuseKey(scenario.vms[other]!, targetProfile), key)) return { staticBytes: clamp(bytes, vm), donor: other };
  }
  return { staticBytes: 0 };
}

/**
 * Where the VMs run while a simulation goes on: a VM counts on its destination once its migration has
 * finished, and on its source until then (it keeps running there during pre-copy).
 */
export class Residency {
  private readonly location: number[];
  /** The VMs on each host, kept only under a policy (without one no decision depends on them). */
  private readonly residents = new Map<number, Set<number>>();

  constructor(private readonly scenario: Scenario) {
    this.location = scenario.vms.map((vm) => vm.host);
    if (scenario.contentReuse !== undefined) this.location.forEach((host, vm) => this.residentsOf(host).add(vm));
  }

  /** The decision for migration `index` (of `Scenario.migrations`) starting now. */
  atStart(index: number): ReuseDecision {
    const migration = this.scenario.migrations[index]!;
    if (this.scenario.contentReuse === undefined) return withoutPolicy(this.scenario.vms[migration.vm]!);
    const residents = [...this.residentsOf(migration.target)].sort((a, b) => a - b);
    return reuseAtStart(this.scenario, migration.vm, this.location[migration.vm]!, migration.target, residents);
  }

  /** Records that migration `index` finished: its VM now runs on the destination. */
  arrived(index: number): void {
    const migration = this.scenario.migrations[index]!;
    if (this.scenario.contentReuse !== undefined) {
      this.residentsOf(this.location[migration.vm]!).delete(migration.vm);
      this.residentsOf(migration.target).add(migration.vm);
    }
    this.location[migration.vm] = migration.target;
  }

  private residentsOf(host: number): Set<number> {
    let set = this.residents.get(host);
    if (set === undefined) this.residents.set(host, (set = new Set()));
    return set;
  }
}

/** Throws SimulationError unless the policy's table is usable: finite sizes >= 0, each key once. */
export function checkContentReuse(policy: ContentReusePolicy | undefined): void {
  if (policy === undefined) return;
  const seen = new Set<string>();
  for (const entry of policy.table) {
    if (!(entry.staticBytes >= 0) || !Number.isFinite(entry.staticBytes)) {
      throw new SimulationError(`content reuse: the static pages of ${entry.os} on ${entry.hypervisorVersion} must be a finite size >= 0, got ${entry.staticBytes}`);
    }
    const key = JSON.stringify([entry.os, entry.hypervisorVersion]);
    if (seen.has(key)) throw new SimulationError(`content reuse: ${entry.os} on ${entry.hypervisorVersion} appears twice in the table`);
    seen.add(key);
  }
}

function profileOf(scenario: Scenario, host: number): HypervisorProfile | undefined {
  const profileIndex = scenario.hosts[host]?.profile;
  return profileIndex === undefined ? undefined : scenario.profiles[profileIndex];
}

/** Without a policy a VM's own `staticBytes` is skipped on every migration, wherever the VMs run. */
function withoutPolicy(vm: Vm): ReuseDecision {
  return { staticBytes: clamp(vm.staticBytes ?? 0, vm) };
}

function clamp(bytes: number, vm: Vm): number {
  return Math.min(Math.max(bytes, 0), vm.memoryBytes);
}

/**
 * Content reuse of every migration predicted before the run (what the editor shows), by the run's rule: a VM
 * counts on its destination once its migration has ended (`Residency`). Predicted starts follow the run's
 * schedule (./schedule.ts: a group starts once the previous group has finished; a VM's own migrations run one
 * after another), and a migration ends `durationOf(index, decision)` after its start: the closed-form
 * duration of migration `index` with that reuse (../forecast.ts), or undefined when it cannot be predicted,
 * and its VM then never arrives. Durations are uncontended, so with migrations sharing links the prediction
 * can still count a VM as arrived slightly before the run does.
 */
export function predictReuse(scenario: Scenario, durationOf: (index: number, decision: ReuseDecision) => number | undefined): ReuseDecision[] {
  const decisions: ReuseDecision[] = scenario.migrations.map(() => ({ staticBytes: 0 }));
  const order = scenario.migrations.map((migration, index) => ({ migration, index })).sort((a, b) => a.migration.startSec - b.migration.startSec || a.index - b.index);
  const schedule = scenario.schedule ?? { kind: "concurrent" };
  const groupSize = schedule.kind === "sequential" ? 1 : schedule.kind === "batched" ? Math.max(1, schedule.size) : Math.max(1, order.length);
  const places = new PredictedPlaces(scenario);
  const vmFreeSec = scenario.vms.map(() => 0);
  let groupReleaseSec = 0;
  let latestEndSec = 0;
  order.forEach(({ migration, index }, position) => {
    // Every earlier group has ended by the latest end so far: each group starts after its predecessor ends.
    if (position > 0 && position % groupSize === 0) groupReleaseSec = latestEndSec;
    const startSec = Math.max(migration.startSec, groupReleaseSec, vmFreeSec[migration.vm]!);
    // Without a policy the decision does not depend on where the VMs are, so nothing needs locating.
    const decision =
      scenario.contentReuse === undefined
        ? withoutPolicy(scenario.vms[migration.vm]!)
        : reuseAtStart(scenario, migration.vm, places.hostAt(migration.vm, startSec), migration.target, places.residentsAt(migration.target, startSec));
    decisions[index] = decision;
    const duration = durationOf(index, decision);
    const endSec = duration === undefined ? Number.POSITIVE_INFINITY : startSec + duration;
    places.arrive(migration.vm, migration.target, endSec);
    vmFreeSec[migration.vm] = endSec;
    latestEndSec = Math.max(latestEndSec, endSec);
  });
  return decisions;
}

/**
 * Where each VM is predicted to run at a given time: its own host, moved by each of its predicted arrivals
 * that has happened by then. A VM's migrations run one after another, so its arrivals end in the order they
 * are added; only the VMs that start on a host or arrive at it are ever looked at for that host.
 */
class PredictedPlaces {
  private readonly arrivals: { readonly target: number; readonly endSec: number }[][];
  private readonly visitors = new Map<number, Set<number>>();

  constructor(private readonly scenario: Scenario) {
    this.arrivals = scenario.vms.map(() => []);
    scenario.vms.forEach((vm, index) => this.visitorsOf(vm.host).add(index));
  }

  arrive(vm: number, target: number, endSec: number): void {
    this.arrivals[vm]!.push({ target, endSec });
    this.visitorsOf(target).add(vm);
  }

  hostAt(vm: number, timeSec: number): number {
    let host = this.scenario.vms[vm]!.host;
    for (const arrival of this.arrivals[vm]!) if (arrival.endSec <= timeSec) host = arrival.target;
    return host;
  }

  /** The VMs on `host` at `timeSec`, in the order of `Scenario.vms`. */
  residentsAt(host: number, timeSec: number): number[] {
    return [...this.visitorsOf(host)].filter((vm) => this.hostAt(vm, timeSec) === host).sort((a, b) => a - b);
  }

  private visitorsOf(host: number): Set<number> {
    let set = this.visitors.get(host);
    if (set === undefined) this.visitors.set(host, (set = new Set()));
    return set;
  }
}
