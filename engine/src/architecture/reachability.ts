/**
 * Whether, and when, a migrated VM can be reached again: paper 001 (Zhang et al.,
 * ../shared/papers/001_8f5b642fc8edd1eb.txt) §2, §4.2 and §5.2.
 *
 * IP. Within a subnet the destination's unsolicited ARP reply redirects traffic one one-way latency L after
 * the resume. Across subnets the VM keeps an address of the source subnet that the destination cannot route
 * (§4.2's first challenge): without a mobility mechanism it is unreachable for good (§5.2: "the VM and its
 * services are all inaccessible"); with a tunnel (Bradford et al., the paper's reference [11]) the
 * destination asks the source to forward, one round trip (2L).
 *
 * XIA (§4.2, the self-adaptive mechanism). The resumed VM perceives its AD from the next beacon of the
 * destination's gateway router (beacons leave at every multiple of the beacon interval from time 0), then
 * announces its HID to that router (the latency from its host to the router). Across ADs it also re-registers
 * its new DAG with the name service (a round trip to the name-service host plus the registration time) and
 * has the source AD's router point the VM's HID entry at the destination's router (the latency between the
 * two routers): traffic to the old DAG follows the HID entries, so probes recover once both are done.
 *
 * Downtime as probes measure it (§3.2's Xping): probes leave every Δt from time 0; those sent while the VM is
 * paused or not yet reachable are lost, and n lost probes measure n·Δt.
 */
import type { Topology } from "../network/topology.js";
import { ShortestPathRouting } from "../network/routing.js";
import type { ReachabilityResult } from "../results.js";
import type { HostGroup, NetworkArchitecture, Scenario } from "../scenario.js";

/** Probe interval when the architecture does not say: 100 ms. */
export const DEFAULT_PROBE_INTERVAL_SEC = 0.1;
/** Beacon interval of an XIA gateway when its domain does not say: 1 s. */
export const DEFAULT_BEACON_INTERVAL_SEC = 1;

/** The group (subnet or domain) holding host `host`, or undefined. */
export function groupOf<G extends HostGroup>(groups: readonly G[], host: number): G | undefined {
  return groups.find((group) => group.hosts.includes(host));
}

/** True when a migration from host `source` to host `target` leaves its subnet or AD. */
export function crossesGroups(network: NetworkArchitecture, source: number, target: number): boolean {
  const groups: readonly HostGroup[] = network.kind === "ip" ? network.subnets : network.domains;
  return groupOf(groups, source) !== groupOf(groups, target);
}

/** True when a migration from `source` to `target` leaves the VM unreachable (IP across subnets, no mobility). */
export function losesReachability(network: NetworkArchitecture, source: number, target: number): boolean {
  return network.kind === "ip" && (network.mobility ?? "none") === "none" && crossesGroups(network, source, target);
}

/** Computes reachability after migrations of one scenario. */
export class ReachabilityModel {
  private readonly routing: ShortestPathRouting;

  constructor(private readonly scenario: Scenario & { readonly network: NetworkArchitecture }, topology: Topology) {
    this.routing = new ShortestPathRouting(topology);
  }

  /** Reachability of a VM moved from host `source` to host `target`, paused at `pauseSec`, resumed at `resumeSec`. */
  after(source: number, target: number, pauseSec: number, resumeSec: number): ReachabilityResult {
    const network = this.scenario.network;
    const crossed = crossesGroups(network, source, target);
    const probeSec = network.probeIntervalSec ?? DEFAULT_PROBE_INTERVAL_SEC;
    if (losesReachability(network, source, target)) return { architecture: network.kind, crossed, unreachable: true };
    const recoverySec = this.recoverySec(source, target, crossed, resumeSec);
    // Probes leave at k·Δt; those sent in [pause, resume + recovery) find no VM.
    const lostProbes = Math.max(0, Math.ceil((resumeSec + recoverySec) / probeSec - 1e-9) - Math.ceil(pauseSec / probeSec - 1e-9));
    return { architecture: network.kind, crossed, unreachable: false, recoverySec, lostProbes, probeDowntimeSec: lostProbes * probeSec };
  }

  private recoverySec(source: number, target: number, crossed: boolean, resumeSec: number): number {
    const network = this.scenario.network;
    const nodeOf = (host: number) => this.scenario.hosts[host]!.node;
    if (network.kind === "ip") {
      const latency = this.latency(nodeOf(target), nodeOf(source));
      return crossed ? 2 * latency : latency;
    }
    const domain = groupOf(network.domains, target)!;
    const interval = domain.beaconIntervalSec ?? DEFAULT_BEACON_INTERVAL_SEC;
    const beaconWait = Math.ceil(resumeSec / interval - 1e-9) * interval - resumeSec;
    const announce = this.latency(nodeOf(target), domain.gateway);
    if (!crossed) return beaconWait + announce;
    const old = groupOf(network.domains, source)!;
    const routeUpdate = this.latency(domain.gateway, old.gateway);
    const registration = 2 * this.latency(nodeOf(target), nodeOf(network.nameServiceHost)) + (network.registerSec ?? 0);
    return beaconWait + announce + Math.max(routeUpdate, registration);
  }

  private latency(from: number, to: number): number {
    return from === to ? 0 : (this.routing.route(from, to)?.latencySec ?? 0);
  }
}
