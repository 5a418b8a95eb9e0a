/**
 * Data-centre scenarios as data for the S-CORE and traffic generator tests: a three-tier tree of
 * `aggregations × accessPerAggregation × torsPerAccess` racks, every host with 16 slots and 16 GiB (paper
 * 004 §5.1: at most 16 VMs of 1 GB per host), and `vmsPerHost` VMs of 1 GB on every host.
 */
import { threeTier } from "../src/network/generators.js";
import { defaultProfile } from "../src/migration/profiles.js";
import type { DataCentreTrafficSpec, Scenario, ScorePlacementSpec } from "../src/scenario.js";

export interface DataCentreOptions {
  readonly aggregations: number;
  readonly accessPerAggregation: number;
  readonly torsPerAccess: number;
  readonly hostsPerRack: number;
  readonly vmsPerHost: number;
  readonly placement?: ScorePlacementSpec;
  readonly traffic?: DataCentreTrafficSpec;
  readonly seed?: number;
  readonly horizonSec?: number;
}

/** Paper 004 §5.1's network: 128 ToRs of 20 hosts (2,560 hosts), as 4 × 4 × 8 racks under 2 cores. */
export const THESIS_NETWORK = { aggregations: 4, accessPerAggregation: 4, torsPerAccess: 8, hostsPerRack: 20 } as const;

export function dataCentre(options: DataCentreOptions): Scenario {
  const topology = threeTier({
    cores: 2,
    aggregations: options.aggregations,
    accessPerAggregation: options.accessPerAggregation,
    torsPerAccess: options.torsPerAccess,
    hostsPerRack: options.hostsPerRack,
    bandwidthBytesPerSec: 1.25e8,
    latencySec: 5e-6,
    oversubscription: { tor: 2.5, access: 4, aggregation: 8 },
  });
  const hosts = topology.hosts.map((host) => ({ name: host.name, node: host.node, profile: 0, cores: 8, memoryBytes: 16 * 2 ** 30, slots: 16 }));
  const vms = hosts.flatMap((_, host) =>
    Array.from({ length: options.vmsPerHost }, (_, k) => ({
      name: `vm${host * options.vmsPerHost + k}`,
      host,
      memoryBytes: 2 ** 30,
      vcpus: 1,
      pageBytes: 4096,
      dirty: { kind: "constant" as const, bytesPerSec: 2e6 },
    })),
  );
  return {
    name: "data-centre",
    seed: options.seed ?? 7,
    horizonSec: options.horizonSec ?? 3600,
    nodes: topology.nodes,
    links: topology.links,
    profiles: [defaultProfile("xen")],
    hosts,
    vms,
    migrations: [],
    datacentreTraffic: options.traffic ?? {},
    ...(options.placement === undefined ? {} : { placement: options.placement }),
  };
}
