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
  /**
   * Traffic whose ends are VMs: it stops while a VM is paused for its stop-and-copy and is re-routed from the
   * VM's new host when the VM resumes; see engine/src/traffic/vmFlows.ts.
   */
  readonly vmFlows?: readonly VmFlow[];
  /** How many times a runner repeats the scenario, with seeds seed, seed + 1, …; one simulation is one (default 1). */
  readonly repetitions?: number;
  /** How many of the busiest links stream a `link/<name>` utilisation series (default 8 with background, else 0). */
  readonly linkSeries?: number;
  /** How migration rounds cross the network (default fluid, one max-min flow per round); see engine/src/transport/. */
  readonly transport?: TransportSpec;
  /** Paper 001's network architecture (IP subnets or XIA domains); see engine/src/architecture/. */
  readonly network?: NetworkArchitecture;
  /** Paper 004 §5.1.1's data-centre traffic generator: the VM-pair traffic a placement policy acts on. */
  readonly datacentreTraffic?: DataCentreTrafficSpec;
  /** Paper 004's S-CORE placement: its decisions become migrations, released iteration by iteration. */
  readonly placement?: ScorePlacementSpec;
  /** Paper 002's content reuse (static pages copied at the destination); see engine/src/migration/contentReuse.ts. */
  readonly contentReuse?: ContentReusePolicy;
}

/**
 * Paper 002's ESCDR: a table of static pages keyed by [OS][hypervisor version]. A migration skips its VM's
 * static pages in round 0 only when the destination already runs a VM with the same OS and hypervisor version.
 */
export interface ContentReusePolicy {
  readonly kind: "static-content";
  readonly table: readonly StaticContentEntry[];
}

/** One cell of paper 002's static-page table (Fig. 1): list[OS][hypervisor] = the static pages, as bytes. */
export interface StaticContentEntry {
  readonly os: string;
  readonly hypervisorVersion: string;
  readonly staticBytes: number;
}

/**
 * `fluid`: each round is one max-min flow (latency + bytes / share). `tcp`: slow start, idle restart and tail
 * loss at round boundaries, and paper 000 §4.1's Early Notification (engine/src/transport/tcp.ts).
 */
export type TransportSpec = { readonly kind: "fluid" } | TcpTransportSpec | XiaTransportSpec;

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

/** One end of a VM flow: a VM (the flow follows it when it migrates) or a fixed node (index into `nodes`). */
export type FlowEnd = { readonly vm: number } | { readonly node: number };

/**
 * Traffic from or to VMs (paper 000 §5, paper 004 §5.2): a stream capped at `rateBytesPerSec` when `bytes`
 * is absent, else a transfer of `bytes` (optionally capped), active during [startSec, endSec). It stops while
 * an end VM is paused and restarts from the VM's new host when it resumes; VMs on one host exchange it
 * without the network. `share` as for background flows.
 */
export interface VmFlow {
  readonly name?: string;
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  readonly rateBytesPerSec?: number;
  readonly bytes?: number;
  readonly startSec: number;
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
  /** How KVM sends the migration stream (paper 001 §3.2; default `tcp`); see engine/src/architecture/modes.ts. */
  readonly migrationMode?: MigrationMode;
  /** `exec` and `xia-chunk`: rate at which the relay program copies the stream through its pipe, in bytes/s. */
  readonly execRelayBytesPerSec?: number;
  /** `exec` and `xia-chunk`: time from the stream's last byte to the destination QEMU reading its end, in s. */
  readonly execHandoverSec?: number;
  /** Version of the hypervisor software (paper 002's table key), for example "xen-4.1". */
  readonly version?: string;
  /** Whether the hypervisor copies a VM's local disk (block migration); absent means it does. */
  readonly blockMigration?: boolean;
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
  /**
   * Memory already present at the destination (paper 002's static pages), skipped in round 0, in bytes.
   * Without a content reuse policy it is always skipped; with one, it replaces the table's entry for the VM.
   */
  readonly staticBytes?: number;
  /** Operating system image (paper 002's first table key). */
  readonly os?: string;
  /** Hypervisor version the VM runs on, used as the table key when its host's profile names no version. */
  readonly hypervisorVersion?: string;
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

/**
 * Paper 004 §5.1.1's data-centre traffic generator (engine/src/traffic/datacentre.ts). Every field has the
 * thesis' value as its default. A VM pair's rate is the bytes of its flows over `windowSec`.
 */
export interface DataCentreTrafficSpec {
  /** Mean number of active flows per VM in the window [10]. */
  readonly flowsPerVm?: number;
  /** Share of flows that are small (metadata, queries) [0.9]. */
  readonly smallShare?: number;
  /** Largest small flow, in bytes; small flows are uniform below it [10 KB]. */
  readonly smallMaxBytes?: number;
  /** Smallest size of a large flow, in bytes [100 MB]. */
  readonly largeMinBytes?: number;
  /** Most common size of a large flow, in bytes [128 MB, a MapReduce chunk]. */
  readonly largeModeBytes?: number;
  /** Largest size of a large flow, in bytes [1 GB]. */
  readonly largeMaxBytes?: number;
  /** Share of flows that stay within the rack [0.8]. */
  readonly intraRackShare?: number;
  /** Share of ToR switches that are hotspots; their VMs send the large flows [0.2]. */
  readonly hotspotShare?: number;
  /** Other ToRs a hotspot ToR exchanges its out-of-rack traffic with [3]. */
  readonly hotspotPeers?: number;
  /** Median number of correspondents of a VM within its rack [2]. */
  readonly rackCorrespondents?: number;
  /** Median number of correspondents of a VM outside its rack [4]. */
  readonly remoteCorrespondents?: number;
  /** Measurement window the flows' bytes are averaged over, in seconds [10]. */
  readonly windowSec?: number;
  /** Whether every VM pair's traffic also loads the links, as a VM flow at the pair's rate [false]. */
  readonly loadNetwork?: boolean;
}

/** The order in which VMs hold S-CORE's migration token (paper 004 §4.1). */
export type TokenPolicy = "round-robin" | "global" | "distributed" | "load-aware";

/** Paper 004's S-CORE placement policy (engine/src/placement/). */
export interface ScorePlacementSpec {
  readonly token: TokenPolicy;
  /** Token passes; in each, every VM holds the token once. */
  readonly iterations: number;
  /** Link weights c_1 < c_2 < ... by link level [e^0, e^1, e^3, e^5, paper 004 §5.1]. */
  readonly levelCosts?: readonly number[];
  /** Migration cost c_m of equation 3.2, in cost units (bytes/s times link weight) [0]. */
  readonly migrationCost?: number;
  /** Migration cost as a share of the deciding VM's own communication cost C^A(u), added to `migrationCost` [0]. */
  readonly migrationCostShare?: number;
  /** When the first iteration's migrations start, in seconds [0]. */
  readonly startSec?: number;
}

/**
 * Paper 001 (Zhang et al., ../shared/papers/001_8f5b642fc8edd1eb.txt) §3.2: `tcp` is QEMU's own TCP socket;
 * `exec` pipes the stream through a relay program over a STREAM socket; `xia-chunk` is `exec` whose relay
 * sends the stream as XIA chunks (§4.1).
 */
export type MigrationMode = "tcp" | "exec" | "xia-chunk";

/** Paper 001 §4.1's chunk transfer: content-addressed chunks requested by the receiver, a window at a time. */
export interface XiaTransportSpec {
  readonly kind: "xia";
  /** Size of one chunk, in bytes (default 8 KiB). */
  readonly chunkBytes?: number;
  /** Chunks the receiver requests per window (default 32). */
  readonly windowChunks?: number;
  /** Endpoint cost of one chunk: hashing its CID, publishing it at the sender and requesting it, in s. */
  readonly chunkSec?: number;
}

/** The network architecture: who can still reach a VM once it has moved (paper 001 §4.2). */
export type NetworkArchitecture = IpArchitecture | XiaArchitecture;

export interface IpArchitecture {
  readonly kind: "ip";
  readonly subnets: readonly HostGroup[];
  /**
   * How a VM keeps its address across subnets: `none` (it becomes unreachable, paper 001 §5.2) or `tunnel`
   * (Bradford et al., paper 001's reference [11]: the source forwards to the destination). Default `none`.
   */
  readonly mobility?: "none" | "tunnel";
  /** Interval of the reachability probes (paper 001 §3.2's Xping), in seconds (default 0.1). */
  readonly probeIntervalSec?: number;
}

/** A named set of hosts (indices into `Scenario.hosts`). */
export interface HostGroup {
  readonly name: string;
  readonly hosts: readonly number[];
}

export interface XiaArchitecture {
  readonly kind: "xia";
  readonly domains: readonly XiaDomain[];
  /** Index in `Scenario.hosts` of the host that runs the name service. */
  readonly nameServiceHost: number;
  /** Time the name service takes to register a new DAG, in seconds (default 0). */
  readonly registerSec?: number;
  /** Interval of the reachability probes (Xping), in seconds (default 0.1). */
  readonly probeIntervalSec?: number;
}

/** An administrative domain: its hosts and its gateway router, which beacons and caches chunks. */
export interface XiaDomain extends HostGroup {
  /** Index in `Scenario.nodes` of the AD's gateway router. */
  readonly gateway: number;
  /** Period of the gateway's beacons, by which a resumed VM perceives its AD, in seconds (default 1). */
  readonly beaconIntervalSec?: number;
  /** The gateway's chunk cache; absent means it caches nothing and looks nothing up. */
  readonly cache?: ChunkCache;
}

/** A router's chunk cache: every chunk request searches it (paper 001 §5.2). */
export interface ChunkCache {
  readonly capacityBytes: number;
  /** Fixed cost of one lookup, in seconds. */
  readonly lookupSec: number;
  /** Cost of examining one cached chunk during a lookup, in seconds. */
  readonly scanSecPerChunk: number;
}
