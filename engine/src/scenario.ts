/**
 * The typed scenario: the engine's only input.
 *
 * The engine does not know the .vmig language exists. grammar/ lowers a checked document into this shape;
 * tests and benchmarks build it directly. Every quantity is SI: bytes, seconds, bytes per second. Node,
 * link, host and VM references are indices into the arrays of the same scenario.
 */
export interface Scenario {
  readonly name: string;
  /** Seed of the scenario's pseudo-random generator; the same seed gives byte-identical results. */
  readonly seed: number;
  /** Simulated time after which the run stops, in seconds. */
  readonly horizonSec: number;
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly Link[];
  readonly profiles: readonly HypervisorProfile[];
  readonly hosts: readonly Host[];
  readonly vms: readonly Vm[];
  readonly migrations: readonly Migration[];
  /** How the migrations are released (default concurrent); see engine/src/migration/schedule.ts. */
  readonly schedule?: MigrationSchedule;
  /** How migration flows share bandwidth (default fair, the max-min share); see migration/schedule.ts. */
  readonly allocation?: RateAllocation;
  /** How flows pick their path (default shortest); see engine/src/network/routing.ts. */
  readonly routing?: RoutingSpec;
  /** Traffic that competes with the migrations; see engine/src/network/background.ts. */
  readonly background?: readonly BackgroundFlow[];
  /** How many of the busiest links stream a `link/<name>` utilisation series (default 8 with background, else 0). */
  readonly linkSeries?: number;
  /** How migration rounds cross the network (default fluid, one max-min flow per round); see engine/src/transport/. */
  readonly transport?: TransportSpec;
}

/**
 * `fluid`: each round is one max-min flow (latency + bytes / share). `tcp`: slow start, idle restart and tail
 * loss at round boundaries, and paper 000 §4.1's Early Notification (engine/src/transport/tcp.ts).
 */
export type TransportSpec = { readonly kind: "fluid" } | TcpTransportSpec;

export interface TcpTransportSpec {
  readonly kind: "tcp";
  /** Announce the next round before the current one is acknowledged (paper 000 §4.1; default false). */
  readonly earlyNotification?: boolean;
  /** Floor of the retransmission timeout's variance term, in seconds (default 0.2, Linux's TCP_RTO_MIN). */
  readonly minRtoSec?: number;
  /** Initial congestion window, in 1448-byte segments (default 10, RFC 6928). */
  readonly initialWindowSegments?: number;
  /** Probability that a round's last window loses a segment (default 0; paper 000 §3.2). */
  readonly tailLossProbability?: number;
  /** Time the source spends scanning the dirty bitmap between rounds, in seconds (default 0). */
  readonly scanSec?: number;
}

/**
 * `shortest`: fewest hops, fixed per node pair. `ecmp`: a deterministic hash of (source, destination, flow)
 * picks one of the equal-cost shortest paths. `dynamic`: paper 000 §4.2's SDN controller, Dijkstra on the
 * bytes each link carried over the last polling interval (default 5 s).
 */
export type RoutingSpec =
  | { readonly kind: "shortest" }
  | { readonly kind: "ecmp" }
  | { readonly kind: "dynamic"; readonly pollIntervalSec?: number };

/**
 * A background traffic source between two nodes (indices into `nodes`), active during [startSec, endSec).
 * `cbr`: a constant bit rate; `onoff`: that rate during on periods, nothing during off periods (fixed, or
 * exponential with the given means, drawn from the run's seed); `bulk`: `bytes` as fast as sharing allows
 * (optionally capped), once. `share`: `fair` (default) joins max-min sharing capped at its rate; `priority`
 * takes its rate before any fair flow, as an unresponsive sender would.
 */
export type BackgroundFlow =
  | (BackgroundCommon & { readonly kind: "cbr"; readonly rateBytesPerSec: number })
  | (BackgroundCommon & {
      readonly kind: "onoff";
      readonly rateBytesPerSec: number;
      readonly onSec: number;
      readonly offSec: number;
      readonly periods?: "fixed" | "exponential";
    })
  | (BackgroundCommon & { readonly kind: "bulk"; readonly bytes: number; readonly rateBytesPerSec?: number });

export interface BackgroundCommon {
  readonly name?: string;
  readonly from: number;
  readonly to: number;
  readonly startSec: number;
  /** End of the source (default: the horizon); a bulk flow stops there even if unfinished. */
  readonly endSec?: number;
  readonly share?: "fair" | "priority";
}

/**
 * `concurrent`: each migration starts when due. `sequential`: one at a time, in start order. `batched`:
 * groups of `size` in start order; a group starts once the previous group has finished.
 */
export type MigrationSchedule =
  | { readonly kind: "concurrent" }
  | { readonly kind: "sequential" }
  | { readonly kind: "batched"; readonly size: number };

/**
 * Per-migration rate caps within each group of the schedule (all migrations when concurrent). `fair`: no
 * cap, max-min sharing decides. `equal`: R / M each. `optimal`: paper 003's geometric program with
 * `rounds` live rounds (default 3). R is `totalBytesPerSec`, or the smallest route bottleneck of the group.
 */
export type RateAllocation =
  | { readonly kind: "fair" }
  | { readonly kind: "equal"; readonly totalBytesPerSec?: number }
  | { readonly kind: "optimal"; readonly totalBytesPerSec?: number; readonly rounds?: number };

export type NodeKind = "host" | "switch" | "router";

export interface NetworkNode {
  readonly name: string;
  readonly kind: NodeKind;
  /** Rack (ToR, edge or leaf switch index) of a host node placed by a topology generator. */
  readonly rack?: number;
  /** Pod of a host node placed by a topology generator. */
  readonly pod?: number;
}

/** A full-duplex link: each direction has the whole bandwidth. */
export interface Link {
  readonly name: string;
  /** Index of one end in `Scenario.nodes`. */
  readonly a: number;
  /** Index of the other end in `Scenario.nodes`. */
  readonly b: number;
  readonly bandwidthBytesPerSec: number;
  readonly latencySec: number;
  /** Tier of the link counted from the hosts: 1 = host to ToR/edge, up to 4 = core (paper 004 §3). */
  readonly level?: number;
  /** Buffer of the switch ports feeding this link, in bytes (informative; not used by the flow model). */
  readonly bufferBytes?: number;
}

export type HypervisorKind = "xen" | "kvm" | "vmware" | "custom";

/**
 * How a hypervisor runs pre-copy and decides to stop it. Named profiles (see engine/src/migration/profiles.ts)
 * give each real hypervisor's defaults; a scenario may override any field.
 */
export interface HypervisorProfile {
  readonly name: string;
  readonly kind: HypervisorKind;
  /** Most iterations of the copy loop, the final stop-and-copy included (Xen: 30). */
  readonly maxRounds: number;
  /** Stop-and-copy starts when a round leaves fewer bytes than this to send (Xen: 50 pages). */
  readonly stopBelowBytes: number;
  /** Stop-and-copy starts once the bytes sent exceed this multiple of the VM's memory (Xen: 3). */
  readonly maxSentFactor: number;
  /** Fixed time before round 0 starts (reservation, connection set-up), in seconds. */
  readonly prepareSec: number;
  /** Time to resume the VM on the destination after the last byte arrived, in seconds. */
  readonly resumeSec: number;
  /**
   * QEMU's switchover rule: when set, the stop-and-copy starts once the next round's bytes fit in this many
   * seconds at the bandwidth measured over the last round; it then replaces `stopBelowBytes`.
   */
  readonly downtimeLimitSec?: number;
  /** Cap on the rate of every live round (QEMU max-bandwidth), in bytes/s; absent means uncapped. */
  readonly maxBandwidthBytesPerSec?: number;
  /** Xen's fourth rule: stop once a round dirties at least as much as it sent (dirty rate >= transfer rate). */
  readonly stopWhenDirtyExceedsRate?: boolean;
  /** QEMU auto-converge: throttle the vCPUs when the VM dirties faster than pre-copy sends. */
  readonly autoConverge?: AutoConverge;
  /** CPU and device state sent with the stop-and-copy round (and before a post-copy switch), in bytes. */
  readonly deviceStateBytes?: number;
  /** Compression or delta encoding of every memory byte sent. */
  readonly compression?: Compression;
}

/** QEMU's auto-converge parameters (migration/options.c defaults in brackets). */
export interface AutoConverge {
  /** Throttle when bytes dirtied in a round exceed this fraction of the bytes sent in it [0.5]. */
  readonly triggerRatio?: number;
  /** First throttle, as the fraction of vCPU time taken away [0.2]. */
  readonly initial?: number;
  /** Added at each later throttle step [0.1]. */
  readonly increment?: number;
  /** Highest throttle [0.99]. */
  readonly max?: number;
}

export interface Compression {
  /** Bytes on the wire per byte of memory, in (0, 1]. */
  readonly ratio: number;
  /** Source CPU time per memory byte compressed, in seconds; bounds the rate at ratio / cpuSecPerByte. */
  readonly cpuSecPerByte: number;
}

export interface Host {
  readonly name: string;
  /** Index of the host's node in `Scenario.nodes`. */
  readonly node: number;
  /** Index of the host's hypervisor profile in `Scenario.profiles`. */
  readonly profile: number;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly slots: number;
}

/**
 * How a VM dirties its memory while it runs (engine/src/migration/dirtying.ts). `bytesPerSec` is always the
 * write rate: constant, every byte written is a new dirty byte; `wws`, writes fall on a writable working set
 * of `wwsBytes`, so unique dirty bytes saturate at it; `hot-cold`, writes at `bytesPerSec` fall on `hotBytes`
 * of hot pages while the rest of memory is dirtied at `coldBytesPerSec`.
 */
export type DirtyModel =
  | { readonly kind: "constant"; readonly bytesPerSec: number }
  | { readonly kind: "wws"; readonly bytesPerSec: number; readonly wwsBytes: number }
  | { readonly kind: "hot-cold"; readonly bytesPerSec: number; readonly hotBytes: number; readonly coldBytesPerSec: number };

/** A VM's local disk, copied by block migration before its memory. */
export interface VmDisk {
  readonly bytes: number;
  /** False for shared storage (nothing is copied). */
  readonly local: boolean;
  readonly writeBytesPerSec: number;
}

export interface Vm {
  readonly name: string;
  /** Index of the VM's initial host in `Scenario.hosts`. */
  readonly host: number;
  readonly memoryBytes: number;
  readonly vcpus: number;
  readonly pageBytes: number;
  readonly dirty: DirtyModel;
  /** Local disk to copy by block migration; absent means shared storage. */
  readonly disk?: VmDisk;
  /** Memory already present at the destination (paper 002's static pages), skipped in round 0, in bytes. */
  readonly staticBytes?: number;
}

export interface Migration {
  /** Index of the migrating VM in `Scenario.vms`. */
  readonly vm: number;
  /** Index of the destination in `Scenario.hosts`. */
  readonly target: number;
  /** Simulated time at which the migration starts, in seconds. */
  readonly startSec: number;
  /** Pre-copy (default) or post-copy (Hines et al., VEE 2009). */
  readonly mode?: "precopy" | "postcopy";
}
