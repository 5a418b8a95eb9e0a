/**
 * KVM's migration modes as paper 001 (Zhang et al., ../shared/papers/001_8f5b642fc8edd1eb.txt, §3.2 and
 * §5.1) compares them, and what each needs of the network architecture.
 *
 * `tcp` is QEMU's own socket: the transports of ../transport/ as they are. `exec` and `xia-chunk` send the
 * stream through a relay program (./streamCost.ts gives the costs); the VM resumes only after the relay has
 * handed the stream over (`execHandoverSec`) and, over XIA, after the DONE message (one one-way latency).
 * Both are folded into the profile's resume time, so the pre-copy process and the closed-form predictor see
 * the same downtime. XIA has no TCP (§3.2: "Tcp mode cannot be adopted here"), so `tcp` over an `xia`
 * network is refused, and `xia-chunk` needs one.
 */
import { SimulationError } from "../errors.js";
import type { Topology } from "../network/topology.js";
import type { Route } from "../network/routing.js";
import type { ChunkCache, HypervisorProfile, MigrationMode, Scenario } from "../scenario.js";
import { StreamCost } from "./streamCost.js";

/** The relay's copy rate when the profile does not say: 300 MB/s, fitted to Table 1's TCP/IP row. */
export const DEFAULT_EXEC_RELAY_BYTES_PER_SEC = 300e6;
/** The relay hand-over when the profile does not say: 0.9 s, fitted to Table 1's 1 s TCP/IP downtime. */
export const DEFAULT_EXEC_HANDOVER_SEC = 0.95;

/** How one migration's stream is sent when its mode is not `tcp`. */
export interface RelayedStream {
  readonly mode: Exclude<MigrationMode, "tcp">;
  /** The source profile with the hand-over (and DONE) added to its resume time. */
  readonly profile: HypervisorProfile;
  readonly cost: StreamCost;
}

/** The mode a profile migrates in (default `tcp`). */
export function modeOf(profile: HypervisorProfile): MigrationMode {
  return profile.migrationMode ?? "tcp";
}

/** Why `mode` cannot run over the scenario's network, or undefined when it can. */
export function modeConflict(mode: MigrationMode, scenario: Pick<Scenario, "network">): string | undefined {
  const architecture = scenario.network?.kind ?? "ip";
  if (mode === "tcp" && architecture === "xia") return "mode tcp cannot run over an xia network: XIA has no TCP (paper 001 §3.2); use mode xia-chunk";
  if (mode === "xia-chunk" && architecture !== "xia") return "mode xia-chunk needs an xia network (declare `network xia { … }`)";
  return undefined;
}

/**
 * The relayed stream of a migration from `profile`'s host along `route`, or undefined in `tcp` mode.
 * Throws SimulationError when the mode does not fit the network.
 */
export function relayedStream(scenario: Scenario, topology: Topology, profile: HypervisorProfile, route: Route): RelayedStream | undefined {
  const mode = modeOf(profile);
  const conflict = modeConflict(mode, scenario);
  if (conflict !== undefined) throw new SimulationError(`hypervisor ${profile.name}: ${conflict}`);
  if (mode === "tcp") return undefined;
  const relay = profile.execRelayBytesPerSec ?? DEFAULT_EXEC_RELAY_BYTES_PER_SEC;
  const transport = scenario.transport?.kind === "xia" ? scenario.transport : { kind: "xia" as const };
  const cost = new StreamCost({
    relayBytesPerSec: relay,
    ...(mode === "xia-chunk" ? { chunks: { spec: transport, latencySec: route.latencySec, caches: cachesOn(scenario, topology, route) } } : {}),
  });
  const handover = profile.execHandoverSec ?? DEFAULT_EXEC_HANDOVER_SEC;
  return { mode, cost, profile: { ...profile, resumeSec: profile.resumeSec + handover + cost.doneMessageSec } };
}

/** The chunk caches of the XIA gateway routers a route crosses, in path order. */
export function cachesOn(scenario: Scenario, topology: Topology, route: Route): ChunkCache[] {
  const network = scenario.network;
  if (network?.kind !== "xia") return [];
  const cacheOfNode = new Map<number, ChunkCache>();
  for (const domain of network.domains) if (domain.cache !== undefined) cacheOfNode.set(domain.gateway, domain.cache);
  const caches: ChunkCache[] = [];
  for (const id of route.links.slice(0, -1)) {
    const cache = cacheOfNode.get(topology.directedLinks[id]!.to);
    if (cache !== undefined) caches.push(cache);
  }
  return caches;
}
