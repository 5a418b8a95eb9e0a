/**
 * The network architecture's hooks into a run (paper 001, Zhang et al., ../shared/papers/001_8f5b642fc8edd1eb.txt):
 * how a migration's stream is sent in its hypervisor's mode (./modes.ts, ./relayTransport.ts) and whether the
 * VM can be reached once it has moved (./reachability.ts). Everything is checked before the first event.
 */
import { SimulationError } from "../errors.js";
import type { Simulator } from "../kernel/simulator.js";
import type { FlowNetwork } from "../network/flows.js";
import type { Route } from "../network/routing.js";
import type { Topology } from "../network/topology.js";
import type { ReachabilityResult } from "../results.js";
import type { HostGroup, HypervisorProfile, NetworkArchitecture, Scenario } from "../scenario.js";
import type { RoundTransport } from "../transport/transport.js";
import { modeConflict, modeOf, relayedStream } from "./modes.js";
import { groupOf, ReachabilityModel } from "./reachability.js";
import { relayTransport } from "./relayTransport.js";

export interface ArchitectureHooks {
  /** The profile and transport of a migration whose mode relays its stream; undefined in `tcp` mode. */
  relay(profile: HypervisorProfile, route: Route, sim: Simulator, network: FlowNetwork): { readonly profile: HypervisorProfile; readonly transport: RoundTransport } | undefined;
  /** Reachability after a migration from host `source` to host `target`; undefined without a declared network. */
  reachability(source: number, target: number, pauseSec: number, resumeSec: number): ReachabilityResult | undefined;
}

/** Checks the scenario's architecture and modes, then returns the run's hooks; throws SimulationError on a problem. */
export function prepareArchitecture(scenario: Scenario, topology: Topology): ArchitectureHooks {
  checkArchitecture(scenario);
  const network = scenario.network;
  const model = network === undefined ? undefined : new ReachabilityModel({ ...scenario, network }, topology);
  return {
    relay(profile, route, sim, flows) {
      const stream = relayedStream(scenario, topology, profile, route);
      return stream === undefined ? undefined : { profile: stream.profile, transport: relayTransport(sim, flows, route, stream.cost) };
    },
    reachability: (source, target, pauseSec, resumeSec) => model?.after(source, target, pauseSec, resumeSec),
  };
}

/** Checks the architecture, the XIA transport policy and every migrating host's mode; throws SimulationError. */
export function checkArchitecture(scenario: Scenario): void {
  const hostsInMigrations = new Set<number>();
  for (const migration of scenario.migrations) {
    const vm = scenario.vms[migration.vm];
    if (vm !== undefined) hostsInMigrations.add(vm.host);
    hostsInMigrations.add(migration.target);
  }
  for (const host of hostsInMigrations) {
    const profile = scenario.profiles[scenario.hosts[host]?.profile ?? -1];
    const conflict = profile === undefined ? undefined : modeConflict(modeOf(profile), scenario);
    if (conflict !== undefined) throw new SimulationError(`hypervisor ${profile!.name}: ${conflict}`);
    if (profile !== undefined) {
      positive(profile.execRelayBytesPerSec, `hypervisor ${profile.name}: execRelayBytesPerSec`, false);
      positive(profile.execHandoverSec, `hypervisor ${profile.name}: execHandoverSec`, true);
    }
  }
  const transport = scenario.transport;
  if (transport?.kind === "xia") {
    positive(transport.chunkBytes, "xia chunkBytes", false);
    positive(transport.windowChunks, "xia windowChunks", false);
    positive(transport.chunkSec, "xia chunkSec", true);
  }
  const network = scenario.network;
  if (network !== undefined) checkNetwork(scenario, network, hostsInMigrations);
}

function checkNetwork(scenario: Scenario, network: NetworkArchitecture, hostsInMigrations: ReadonlySet<number>): void {
  positive(network.probeIntervalSec, "network probeIntervalSec", false);
  const groups: readonly HostGroup[] = network.kind === "ip" ? network.subnets : network.domains;
  const seen = new Map<number, string>();
  for (const group of groups) {
    for (const host of group.hosts) {
      if (scenario.hosts[host] === undefined) throw new SimulationError(`${group.name}: host ${host} does not exist`);
      const other = seen.get(host);
      if (other !== undefined) throw new SimulationError(`host ${scenario.hosts[host]!.name} is in both ${other} and ${group.name}`);
      seen.set(host, group.name);
    }
  }
  for (const host of hostsInMigrations) {
    if (groupOf(groups, host) === undefined) {
      throw new SimulationError(`host ${scenario.hosts[host]?.name ?? host} takes part in a migration but is in no ${network.kind === "ip" ? "subnet" : "domain"}`);
    }
  }
  if (network.kind === "ip") {
    if (network.mobility !== undefined && network.mobility !== "none" && network.mobility !== "tunnel") throw new SimulationError(`ip mobility must be none or tunnel, got ${String(network.mobility)}`);
    return;
  }
  if (scenario.hosts[network.nameServiceHost] === undefined) throw new SimulationError(`xia name service host ${network.nameServiceHost} does not exist`);
  positive(network.registerSec, "xia registerSec", true);
  for (const domain of network.domains) {
    const gateway = scenario.nodes[domain.gateway];
    if (gateway === undefined || gateway.kind !== "router") throw new SimulationError(`domain ${domain.name}: gateway ${domain.gateway} is not a router`);
    positive(domain.beaconIntervalSec, `domain ${domain.name}: beaconIntervalSec`, false);
    if (domain.cache !== undefined) {
      positive(domain.cache.capacityBytes, `domain ${domain.name}: cache capacityBytes`, true);
      positive(domain.cache.lookupSec, `domain ${domain.name}: cache lookupSec`, true);
      positive(domain.cache.scanSecPerChunk, `domain ${domain.name}: cache scanSecPerChunk`, true);
    }
  }
}

/** Throws unless `value` is absent or a finite number > 0 (>= 0 when `zeroAllowed`). */
function positive(value: number | undefined, what: string, zeroAllowed: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new SimulationError(`${what} must be a finite number ${zeroAllowed ? ">= 0" : "> 0"}, got ${value}`);
  }
}
