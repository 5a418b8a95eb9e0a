/**
 * Paper 001's testbeds as data (Zhang et al., ../shared/papers/001_8f5b642fc8edd1eb.txt, §3.1 Fig. 1 and §5):
 * HOST_A (the source, which also runs the name service), HOST_B (the destination) and HOST_C (the client)
 * around XIA routers built from PCs with several NICs, 100 Mbps Ethernet. Fig. 1a has one router and one AD;
 * Fig. 1b two routers, HOST_B alone in the second AD. The VM has 640 MB of memory and a 4 GB local disk,
 * migrated in full by QEMU-KVM 1.0 (Ubuntu 12.04): 30 ms downtime limit, 32 MiB/s bandwidth cap.
 */
import { defaultProfile } from "../src/migration/profiles.js";
import type { MigrationMode, NetworkArchitecture, Scenario } from "../src/scenario.js";

/** 100 Mbps in bytes per second. */
export const FAST_ETHERNET = 12.5e6;
export const LINK_LATENCY_SEC = 1e-4;

export interface TestbedOptions {
  readonly architecture: "ip" | "xia";
  /** Fig. 1b: HOST_B in a second AD (XIA) or subnet (IP). */
  readonly across?: boolean;
  readonly mode: MigrationMode;
  /** Full migration with the 4 GB disk (default true). */
  readonly disk?: boolean;
  readonly mobility?: "none" | "tunnel";
  readonly memoryDirtyBytesPerSec?: number;
  readonly diskWriteBytesPerSec?: number;
}

/** The calculation workload's dirtying: light memory and disk writes (the paper gives no rates). */
export const CALCULATION_DIRTY_BYTES_PER_SEC = 1e6;
export const CALCULATION_DISK_WRITES_BYTES_PER_SEC = 5e4;
/** The gateways' chunk caches: 64 MiB, a 20 us lookup plus 8 ns per cached chunk. */
export const GATEWAY_CACHE = { capacityBytes: 64 * 1024 * 1024, lookupSec: 20e-6, scanSecPerChunk: 8e-9 };
/** The beacon interval of the XIA gateways (the paper gives none). */
export const BEACON_INTERVAL_SEC = 0.5;

export function testbed(options: TestbedOptions): Scenario {
  const across = options.across === true;
  const link = (name: string, a: number, b: number) => ({ name, a, b, bandwidthBytesPerSec: FAST_ETHERNET, latencySec: LINK_LATENCY_SEC });
  // Nodes: 0 HOST_A, 1 HOST_B, 2 HOST_C, 3 ROUTER_1, 4 ROUTER_2 (Fig. 1b only).
  const nodes = [
    { name: "HOST_A", kind: "host" as const },
    { name: "HOST_B", kind: "host" as const },
    { name: "HOST_C", kind: "host" as const },
    { name: "ROUTER_1", kind: "router" as const },
    ...(across ? [{ name: "ROUTER_2", kind: "router" as const }] : []),
  ];
  const links = across
    ? [link("a", 0, 3), link("c", 2, 3), link("core", 3, 4), link("b", 1, 4)]
    : [link("a", 0, 3), link("c", 2, 3), link("b", 1, 3)];
  const host = (name: string, node: number) => ({ name, node, profile: 0, cores: 4, memoryBytes: 8e9, slots: 4 });
  const groups = across
    ? [{ name: "first", hosts: [0, 2] }, { name: "second", hosts: [1] }]
    : [{ name: "only", hosts: [0, 1, 2] }];
  const network: NetworkArchitecture = options.architecture === "ip"
    ? { kind: "ip", subnets: groups, mobility: options.mobility ?? "none" }
    : {
        kind: "xia",
        nameServiceHost: 0,
        domains: groups.map((group, index) => ({ ...group, gateway: 3 + index, beaconIntervalSec: BEACON_INTERVAL_SEC, cache: GATEWAY_CACHE })),
      };
  return {
    name: `paper-001-${options.architecture}-${options.mode}${across ? "-across" : ""}`,
    seed: 1,
    horizonSec: 1e5,
    nodes,
    links,
    profiles: [{ ...defaultProfile("kvm"), name: "qemu-1.0", downtimeLimitSec: 0.03, maxBandwidthBytesPerSec: 32 * 1024 * 1024, migrationMode: options.mode }],
    hosts: [host("HOST_A", 0), host("HOST_B", 1), host("HOST_C", 2)],
    vms: [{
      name: "vm",
      host: 0,
      memoryBytes: 640e6,
      vcpus: 1,
      pageBytes: 4096,
      dirty: { kind: "constant", bytesPerSec: options.memoryDirtyBytesPerSec ?? CALCULATION_DIRTY_BYTES_PER_SEC },
      ...(options.disk === false ? {} : { disk: { bytes: 4e9, local: true, writeBytesPerSec: options.diskWriteBytesPerSec ?? CALCULATION_DISK_WRITES_BYTES_PER_SEC } }),
    }],
    migrations: [{ vm: 0, target: 1, startSec: 0 }],
    network,
    ...(options.mode === "xia-chunk" ? { transport: { kind: "xia" as const, chunkBytes: 8192, windowChunks: 32 } } : {}),
  };
}
