/**
 * Destinations chosen by similarity: paper 002's destination choice (Khan & Zahoor,
 * ../shared/papers/002_ab2462603c65d96a.txt, §3.1).
 *
 * §3.1: the database tells "which PM has exact same version of OS and hypervisor"; among those PMs, "other
 * techniques to find shortest and least costly path can be utilized"; and similar VMs are spread across the
 * data centre so that a migrating VM has more PMs to choose from. For a migration whose destination is any of
 * several hosts, the choice, among the candidates that are not the VM's host, run a compatible hypervisor, are
 * reachable and have memory and a slot free, is:
 * 1. a host that runs a VM with the same OS and hypervisor version (its static pages can be reused), before
 *    any other;
 * 2. among those, the one with the fewest such VMs (spreading similar VMs), then the fewest hops from the
 *    source (the shortest path), then the fewest VMs, then the first in the order written.
 * Migrations are resolved in start order (then as written); a destination's memory and slot are reserved from
 * its migration's start and the source's released, as the capacity check does, so earlier choices count.
 */
import { ShortestPathRouting } from "../network/routing.js";
import { buildTopology } from "../network/topology.js";
import type { HypervisorProfile, Scenario } from "../scenario.js";
import { reuseKey, sameKey } from "./contentReuse.js";

/** What placement needs of a scenario: everything but the migrations it resolves. */
export type PlacementWorld = Pick<Scenario, "nodes" | "links" | "profiles" | "hosts" | "vms">;

/** One migration: a fixed destination (`target`) or hosts to choose among (`candidates`). */
export interface PlacementRequest {
  /** Index of the migrating VM in `Scenario.vms`. */
  readonly vm: number;
  readonly startSec: number;
  readonly target?: number;
  /** Indices in `Scenario.hosts`, in the order written. */
  readonly candidates?: readonly number[];
}

export interface PlacementChoice {
  /** Index of the destination in `Scenario.hosts`; undefined when no candidate qualifies. */
  readonly target?: number;
  /** VMs with the VM's OS and hypervisor version on the destination when the migration starts. */
  readonly similarVms: number;
  /** Hops from the source to the destination. */
  readonly hops?: number;
}

/** Resolves every request, returned in request order. */
export function placeBySimilarity(world: PlacementWorld, requests: readonly PlacementRequest[]): PlacementChoice[] {
  const routing = new ShortestPathRouting(buildTopology(world.nodes, world.links));
  const location = world.vms.map((vm) => vm.host);
  const used = world.hosts.map(() => ({ memory: 0, vms: 0 }));
  world.vms.forEach((vm) => {
    used[vm.host]!.memory += vm.memoryBytes;
    used[vm.host]!.vms += 1;
  });
  const choices: PlacementChoice[] = requests.map(() => ({ similarVms: 0 }));
  const order = requests.map((request, index) => ({ request, index })).sort((a, b) => a.request.startSec - b.request.startSec || a.index - b.index);
  for (const { request, index } of order) {
    const vm = world.vms[request.vm]!;
    const source = location[request.vm]!;
    const sourceNode = world.hosts[source]!.node;
    const key = reuseKey(vm, profileOf(world, source));
    const describe = (host: number): Candidate => {
      const profile = profileOf(world, host);
      const similarVms = location.filter((at, other) => at === host && other !== request.vm && sameKey(reuseKey(world.vms[other]!, profile), key)).length;
      const hops = routing.route(sourceNode, world.hosts[host]!.node)?.links.length;
      return { host, similarVms, vms: used[host]!.vms, ...(hops === undefined ? {} : { hops }) };
    };
    let chosen: Candidate | undefined;
    if (request.candidates === undefined) {
      chosen = request.target === undefined ? undefined : describe(request.target);
    } else {
      const fits = (host: number) =>
        host !== source &&
        compatible(profileOf(world, source), profileOf(world, host)) &&
        used[host]!.memory + vm.memoryBytes <= world.hosts[host]!.memoryBytes &&
        used[host]!.vms + 1 <= world.hosts[host]!.slots;
      const ranked = request.candidates.filter(fits).map(describe).filter((c) => c.hops !== undefined && c.hops > 0);
      chosen = ranked.sort(byPreference)[0];
    }
    if (chosen === undefined) continue;
    choices[index] = { target: chosen.host, similarVms: chosen.similarVms, ...(chosen.hops === undefined ? {} : { hops: chosen.hops }) };
    used[chosen.host]!.memory += vm.memoryBytes;
    used[chosen.host]!.vms += 1;
    used[source]!.memory -= vm.memoryBytes;
    used[source]!.vms -= 1;
    location[request.vm] = chosen.host;
  }
  return choices;
}

interface Candidate {
  readonly host: number;
  readonly similarVms: number;
  readonly vms: number;
  readonly hops?: number;
}

/** Matching hosts first; then fewest similar VMs, fewest hops, fewest VMs; `sort` is stable, so ties keep the written order. */
function byPreference(a: Candidate, b: Candidate): number {
  const matchA = a.similarVms > 0 ? 0 : 1;
  const matchB = b.similarVms > 0 ? 0 : 1;
  return matchA - matchB || a.similarVms - b.similarVms || a.hops! - b.hops! || a.vms - b.vms;
}

/** Hypervisors of one kind migrate to each other; a custom profile is taken to talk to any. */
function compatible(a: HypervisorProfile | undefined, b: HypervisorProfile | undefined): boolean {
  return a === undefined || b === undefined || a.kind === b.kind || a.kind === "custom" || b.kind === "custom";
}

function profileOf(world: PlacementWorld, host: number): HypervisorProfile | undefined {
  const profileIndex = world.hosts[host]?.profile;
  return profileIndex === undefined ? undefined : world.profiles[profileIndex];
}
