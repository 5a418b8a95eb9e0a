/**
 * What a simulation produces, and the sink it streams through.
 *
 * All quantities are SI (bytes, seconds, bytes per second). The CLI and the server translate these into
 * the snake_case JSON of docs/results-schema.md; nothing else renames them.
 */
export type RoundPhase = "precopy" | "stop-and-copy";

export type StopReason =
  | "below-threshold"
  | "max-rounds"
  | "max-sent"
  | "nothing-dirty";

/**
 * The rule that ended the live phase, finer than StopReason: `dirty-exceeds-rate` (Xen's fourth rule) and
 * `downtime-limit` (QEMU) are reported in `stopReason` as `max-rounds` and `below-threshold`; `postcopy`
 * (execution switched at once) as `max-rounds`.
 */
export type StopRule = StopReason | "dirty-exceeds-rate" | "downtime-limit" | "postcopy";

export interface RoundResult {
  /** 0 for the full-memory copy; the stop-and-copy round has the last index. */
  readonly index: number;
  readonly phase: RoundPhase;
  readonly startSec: number;
  readonly durationSec: number;
  readonly bytes: number;
  /** Rate at which the VM dirtied memory during this round, in bytes per second. */
  readonly dirtyRateBytesPerSec: number;
  /** `disk`: a block-migration round; `push`: post-copy's background push. Absent: a memory round. */
  readonly stage?: "disk" | "push";
  /** Bytes on the wire when compression changes them. */
  readonly wireBytes?: number;
  /** Auto-converge throttle during the round (fraction of vCPU time taken away), when above 0. */
  readonly throttle?: number;
}

export interface MigrationResult {
  readonly vm: string;
  readonly source: string;
  readonly target: string;
  readonly startSec: number;
  readonly endSec: number;
  readonly totalTimeSec: number;
  readonly downtimeSec: number;
  readonly bytesSent: number;
  readonly rounds: readonly RoundResult[];
  readonly stopReason: StopReason;
  /** Finer stop rule, when it differs from `stopReason`. */
  readonly stopRule?: StopRule;
  /** Post-copy: time from the switch until the last page arrived (the VM runs degraded), in seconds. */
  readonly degradedSec?: number;
  /** Post-copy: expected pages fetched on demand over the network. */
  readonly remoteFaults?: number;
  /** Rate cap the schedule's allocation gave this migration, in bytes/s. */
  readonly allocatedRateBytesPerSec?: number;
  /** Paper 002: memory round 0 did not send because its static pages were copied at the destination, in bytes. */
  readonly reusedBytes?: number;
  /** Paper 002: the destination's VM (same OS and hypervisor version) the static pages were copied from. */
  readonly reusedFrom?: string;
  /** Counters of the migration's TCP connection, with the `tcp` transport only. */
  readonly tcp?: TcpStats;
  /** Whether and when the VM could be reached again, when the scenario declares a network architecture. */
  readonly reachability?: ReachabilityResult;
}

/** Reachability after a migration (paper 001 §4.2 and §5.2; engine/src/architecture/reachability.ts). */
export interface ReachabilityResult {
  readonly architecture: "ip" | "xia";
  /** True when the VM left its subnet (IP) or administrative domain (XIA). */
  readonly crossed: boolean;
  /** True when nothing can reach the VM any more: an IP migration across subnets without mobility. */
  readonly unreachable: boolean;
  /** Time from the resume until traffic reaches the VM again, in seconds (absent when unreachable). */
  readonly recoverySec?: number;
  /** Probes lost from the pause until the VM was reachable (absent when unreachable). */
  readonly lostProbes?: number;
  /** Downtime as probes measure it: lost probes × the probe interval, in seconds (absent when unreachable). */
  readonly probeDowntimeSec?: number;
}

/** What a migration's TCP connection went through (engine/src/transport/tcp.ts). */
export interface TcpStats {
  /** Rounds that started from a reduced window: after a retransmission timeout or an idle restart. */
  readonly slowStartRestarts: number;
  /** Tail losses recovered by a retransmission timeout (paper 000 §3.2). */
  readonly retransmissionTimeouts: number;
  /** Tail losses repaired by fast retransmit because the next round's data followed (Early Notification). */
  readonly fastRetransmits: number;
}

/** One point of a time series: simulated time in seconds and a value in the series' unit. */
export type SeriesPoint = readonly [timeSec: number, value: number];

/** Points appended to named series since the previous batch. */
export interface SeriesBatch {
  /** Series name, for example `remaining/web` (bytes left to copy for VM `web`). */
  readonly series: string;
  readonly unit: "bytes" | "bytes/s" | "ratio";
  readonly points: readonly SeriesPoint[];
}

/** The network a run simulates, given to the sink once before the first event so a view can draw it. */
export interface TopologySnapshot {
  readonly nodes: readonly { readonly name: string; readonly kind: "host" | "switch" | "router"; readonly rack?: number; readonly pod?: number }[];
  /** `a` and `b` index `nodes`; `level` as in Scenario links (1 = host to ToR ... 4 = core). */
  readonly links: readonly { readonly name: string; readonly a: number; readonly b: number; readonly bandwidthBytesPerSec: number; readonly level?: number }[];
}

/**
 * Utilisation of every link up to `timeSec`: `ratios[i]` is link i's mean load over its bandwidth in its
 * busier direction since the previous frame (the first frame: since 0), in [0, 1]. Frames are taken in
 * simulated time when loads change, at most one per `linkFrameIntervalSec`, and once at the end of the run
 * (engine/src/output/linkFrames.ts).
 */
export interface LinkLoadFrame {
  readonly timeSec: number;
  readonly ratios: readonly number[];
}

/** Something that happened at one instant of simulated time; streamed in time order. */
export type SimulationEvent =
  /** `links` are the route's link indices (into TopologySnapshot.links) in order from source to target. */
  | { readonly kind: "migration-start"; readonly timeSec: number; readonly vm: string; readonly source: string; readonly target: string; readonly links: readonly number[] }
  | { readonly kind: "round-start"; readonly timeSec: number; readonly vm: string; readonly round: number; readonly bytes: number }
  | { readonly kind: "stop-and-copy"; readonly timeSec: number; readonly vm: string; readonly bytes: number }
  | { readonly kind: "migration-end"; readonly timeSec: number; readonly vm: string; readonly downtimeSec: number }
  /** A placement policy (S-CORE) finished one iteration: every VM held the token once. */
  | { readonly kind: "placement-iteration"; readonly timeSec: number; readonly iteration: number; readonly cost: number; readonly migrations: number };

/**
 * What a placement policy decided and what it changed (paper 004's S-CORE). `cost` is the overall
 * communication cost C^A of equation 3.1 (bytes/s weighted by the link costs c_i). Traffic matrices are
 * ToR to ToR, in bytes per second: `[i][j]` is the traffic from rack i to rack j, `racks[i]` names rack i.
 */
export interface PlacementReport {
  readonly policy: "s-core";
  readonly token: "round-robin" | "global" | "distributed" | "load-aware";
  /** Iteration 0 is the initial placement; iteration k the placement after the k-th token pass. */
  readonly iterations: readonly { readonly iteration: number; readonly cost: number; readonly migrations: number }[];
  readonly racks: readonly string[];
  readonly torTrafficBefore: readonly (readonly number[])[];
  readonly torTrafficAfter: readonly (readonly number[])[];
}

export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  /** Simulated time at which the run ended, in seconds. */
  readonly endSec: number;
  readonly migrations: readonly MigrationResult[];
  /** True when the run stopped at the horizon or was cancelled before every migration finished. */
  readonly truncated: boolean;
  readonly cancelled: boolean;
  /** The network the run simulated (always set by `simulate`). */
  readonly topology?: TopologySnapshot;
  /** What the placement policy decided, when the scenario has one. */
  readonly placement?: PlacementReport;
}

/** Receives results while the simulation runs. Batches are flushed in simulated-time order. */
export interface SimulationSink {
  series(batches: readonly SeriesBatch[]): void;
  migrationDone(result: MigrationResult): void;
  /** The network, once, before the first event. */
  topology?(snapshot: TopologySnapshot): void;
  /** Events since the previous call, in time order. */
  events?(events: readonly SimulationEvent[]): void;
  /** Link-utilisation frames since the previous call, in time order. */
  linkLoads?(frames: readonly LinkLoadFrame[]): void;
}

export interface SimulationOptions {
  /** Overrides `Scenario.seed`. */
  readonly seed?: number;
  /** Polled between events; returning true cancels the run, which then returns what it has. */
  readonly isCancelled?: () => boolean;
  /** Most series points buffered before the sink is called (default 256). */
  readonly batchSize?: number;
  /**
   * Fewest simulated seconds between two link-utilisation frames (default: the migrations' predicted span
   * over 200, doubling after every 200 frames; the horizon / 200 without migrations).
   */
  readonly linkFrameIntervalSec?: number;
}
