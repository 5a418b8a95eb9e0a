/**
 * Scenario fixtures on generated topologies: a fat-tree whose hosts carry one VM each, plus background flows.
 */
import { defaultProfile } from "../src/migration/profiles.js";
import { fatTree } from "../src/network/generators.js";
import type { BackgroundFlow, Host, RoutingSpec, Scenario, Vm } from "../src/scenario.js";

export interface MoveSpec {
  readonly from: number;
  readonly to: number;
  readonly memoryBytes: number;
  readonly dirtyBytesPerSec?: number;
  readonly startSec?: number;
}

/** A k-ary fat-tree of 1 Gbps links; move i migrates VM `vm<i>` from host `from` to host `to`. */
export function fatTreeScenario(k: number, moves: readonly MoveSpec[], extra: { routing?: RoutingSpec; background?: BackgroundFlow[]; linkSeries?: number } = {}): Scenario {
  const topology = fatTree({ k });
  const hosts: Host[] = topology.hosts.map((h) => ({ name: h.name, node: h.node, profile: 0, cores: 16, memoryBytes: 256e9, slots: 32 }));
  const vms: Vm[] = moves.map((m, i) => ({
    name: `vm${i}`,
    host: m.from,
    memoryBytes: m.memoryBytes,
    vcpus: 1,
    pageBytes: 4096,
    dirty: { kind: "constant", bytesPerSec: m.dirtyBytesPerSec ?? 0 },
  }));
  return {
    name: `fattree-${k}`,
    seed: 7,
    horizonSec: 1e5,
    nodes: topology.nodes,
    links: topology.links,
    profiles: [defaultProfile("xen")],
    hosts,
    vms,
    migrations: moves.map((m, vm) => ({ vm, target: m.to, startSec: m.startSec ?? 0 })),
    ...extra,
  };
}
