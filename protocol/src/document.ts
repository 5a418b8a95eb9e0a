/**
 * The results document: the JSON that `vmig run --json` prints and the server sends to the editor.
 *
 * Its schema is docs/results-schema.md; change both together. Field names are snake_case and carry their
 * unit (`_s` seconds, bytes otherwise), because other tools read this document.
 */
import type {
  LinkLoadFrame,
  MigrationResult,
  PlacementReport,
  RoundResult,
  SimulationEvent,
  SimulationResult,
  StopReason,
  StopRule,
  RoundPhase,
  TopologySnapshot,
} from "@vmig/engine";

export interface RoundDocument {
  readonly index: number;
  readonly phase: RoundPhase;
  readonly start_s: number;
  readonly duration_s: number;
  readonly bytes: number;
  readonly dirty_rate_bytes_per_s: number;
  /** `disk`: a block-migration round; `push`: post-copy's background push. Absent: a memory round. */
  readonly stage?: "disk" | "push";
  /** Bytes on the wire, when compression makes them differ from `bytes`. */
  readonly wire_bytes?: number;
  /** Auto-converge throttle during the round (fraction of vCPU time taken away), when above 0. */
  readonly throttle?: number;
}

export interface MigrationDocument {
  readonly vm: string;
  readonly source: string;
  readonly target: string;
  readonly start_s: number;
  readonly end_s: number;
  readonly total_time_s: number;
  readonly downtime_s: number;
  readonly bytes_sent: number;
  readonly stop_reason: StopReason;
  /** The finer rule that ended the live phase, when it differs from `stop_reason`. */
  readonly stop_rule?: StopRule;
  /** Post-copy: seconds from the switch until the last page arrived (the VM runs degraded). */
  readonly degraded_s?: number;
  /** Post-copy: expected pages fetched on demand over the network. */
  readonly remote_faults?: number;
  /** Rate cap the schedule's allocation gave this migration, in bytes per second. */
  readonly allocated_rate_bytes_per_s?: number;
  /** Paper 002: bytes of memory round 0 did not send because their static pages were copied at the destination. */
  readonly reused_bytes?: number;
  /** Paper 002: the destination's VM (same OS and hypervisor version) the static pages were copied from. */
  readonly reused_from?: string;
  /** With the `tcp` transport: what the migration's connection went through. */
  readonly tcp?: { readonly slow_start_restarts: number; readonly retransmission_timeouts: number; readonly fast_retransmits: number };
  /** With a `network` declaration (paper 001): whether and when the VM could be reached again. */
  readonly reachability?: {
    readonly architecture: "ip" | "xia";
    readonly crossed: boolean;
    readonly unreachable: boolean;
    readonly recovery_s?: number;
    readonly lost_probes?: number;
    readonly probe_downtime_s?: number;
  };
  readonly rounds: readonly RoundDocument[];
}

export interface ResultsDocument {
  readonly schema: "vmig-results/1";
  readonly scenario: string;
  readonly seed: number;
  readonly end_s: number;
  readonly truncated: boolean;
  readonly cancelled: boolean;
  readonly migrations: readonly MigrationDocument[];
  /** The network the run simulated: nodes and links, for topology views. */
  readonly topology?: TopologyDocument;
  /** What the placement policy (S-CORE, paper 004) decided, when the scenario has one. */
  readonly placement?: PlacementDocument;
}

export interface TopologyDocument {
  readonly nodes: readonly { readonly name: string; readonly kind: "host" | "switch" | "router"; readonly rack?: number; readonly pod?: number }[];
  /** `a` and `b` index `nodes`. */
  readonly links: readonly { readonly name: string; readonly a: number; readonly b: number; readonly bandwidth_bytes_per_s: number; readonly level?: number }[];
}

/**
 * Link utilisation up to `t_s`: `ratios[i]` is link i's busier direction's mean load over its bandwidth, in
 * [0, 1], since the previous frame of the run (the first frame: since 0).
 */
export interface LinkLoadDocument {
  readonly t_s: number;
  readonly ratios: readonly number[];
}

export type EventDocument =
  /** `links` index `topology.links`, in order from source to target. */
  | { readonly kind: "migration-start"; readonly t_s: number; readonly vm: string; readonly source: string; readonly target: string; readonly links: readonly number[] }
  | { readonly kind: "round-start"; readonly t_s: number; readonly vm: string; readonly round: number; readonly bytes: number }
  | { readonly kind: "stop-and-copy"; readonly t_s: number; readonly vm: string; readonly bytes: number }
  | { readonly kind: "migration-end"; readonly t_s: number; readonly vm: string; readonly downtime_s: number }
  | { readonly kind: "placement-iteration"; readonly t_s: number; readonly iteration: number; readonly cost: number; readonly migrations: number };

/** Paper 004's S-CORE: the communication cost after each iteration and the ToR-to-ToR traffic (bytes/s). */
export interface PlacementDocument {
  readonly policy: "s-core";
  readonly token: "round-robin" | "global" | "distributed" | "load-aware";
  readonly iterations: readonly { readonly iteration: number; readonly cost: number; readonly migrations: number }[];
  readonly racks: readonly string[];
  readonly tor_traffic_before: readonly (readonly number[])[];
  readonly tor_traffic_after: readonly (readonly number[])[];
}

/**
 * Translates one migration's engine result into its document form. Optional fields appear only when the
 * engine set them, so a document without them is byte-identical to one from before they existed.
 */
export function toMigrationDocument(m: MigrationResult): MigrationDocument {
  return {
    vm: m.vm,
    source: m.source,
    target: m.target,
    start_s: m.startSec,
    end_s: m.endSec,
    total_time_s: m.totalTimeSec,
    downtime_s: m.downtimeSec,
    bytes_sent: m.bytesSent,
    stop_reason: m.stopReason,
    ...(m.stopRule !== undefined && { stop_rule: m.stopRule }),
    ...(m.degradedSec !== undefined && { degraded_s: m.degradedSec }),
    ...(m.remoteFaults !== undefined && { remote_faults: m.remoteFaults }),
    ...(m.allocatedRateBytesPerSec !== undefined && { allocated_rate_bytes_per_s: m.allocatedRateBytesPerSec }),
    ...(m.reusedBytes !== undefined && { reused_bytes: m.reusedBytes }),
    ...(m.reusedFrom !== undefined && { reused_from: m.reusedFrom }),
    ...(m.tcp !== undefined && {
      tcp: { slow_start_restarts: m.tcp.slowStartRestarts, retransmission_timeouts: m.tcp.retransmissionTimeouts, fast_retransmits: m.tcp.fastRetransmits },
    }),
    ...(m.reachability !== undefined && {
      reachability: {
        architecture: m.reachability.architecture,
        crossed: m.reachability.crossed,
        unreachable: m.reachability.unreachable,
        ...(m.reachability.recoverySec !== undefined && { recovery_s: m.reachability.recoverySec }),
        ...(m.reachability.lostProbes !== undefined && { lost_probes: m.reachability.lostProbes }),
        ...(m.reachability.probeDowntimeSec !== undefined && { probe_downtime_s: m.reachability.probeDowntimeSec }),
      },
    }),
    rounds: m.rounds.map(toRoundDocument),
  };
}

function toRoundDocument(r: RoundResult): RoundDocument {
  return {
    index: r.index,
    phase: r.phase,
    start_s: r.startSec,
    duration_s: r.durationSec,
    bytes: r.bytes,
    dirty_rate_bytes_per_s: r.dirtyRateBytesPerSec,
    ...(r.stage !== undefined && { stage: r.stage }),
    ...(r.wireBytes !== undefined && { wire_bytes: r.wireBytes }),
    ...(r.throttle !== undefined && { throttle: r.throttle }),
  };
}

/** Translates a finished simulation into the results document. */
export function toResultsDocument(result: SimulationResult): ResultsDocument {
  return {
    schema: "vmig-results/1",
    scenario: result.scenario,
    seed: result.seed,
    end_s: result.endSec,
    truncated: result.truncated,
    cancelled: result.cancelled,
    migrations: result.migrations.map(toMigrationDocument),
    ...(result.topology !== undefined && { topology: toTopologyDocument(result.topology) }),
    ...(result.placement !== undefined && { placement: toPlacementDocument(result.placement) }),
  };
}

/** Translates S-CORE's report (paper 004): iterations keep their fields, the ToR matrices gain snake_case names. */
export function toPlacementDocument(p: PlacementReport): PlacementDocument {
  return {
    policy: p.policy,
    token: p.token,
    iterations: p.iterations.map((it) => ({ iteration: it.iteration, cost: it.cost, migrations: it.migrations })),
    racks: [...p.racks],
    tor_traffic_before: p.torTrafficBefore.map((row) => [...row]),
    tor_traffic_after: p.torTrafficAfter.map((row) => [...row]),
  };
}

/** Translates the engine's topology snapshot; node and link order (the indices events and frames use) is kept. */
export function toTopologyDocument(t: TopologySnapshot): TopologyDocument {
  return {
    nodes: t.nodes.map((n) => ({ name: n.name, kind: n.kind, ...(n.rack !== undefined && { rack: n.rack }), ...(n.pod !== undefined && { pod: n.pod }) })),
    links: t.links.map((l) => ({
      name: l.name,
      a: l.a,
      b: l.b,
      bandwidth_bytes_per_s: l.bandwidthBytesPerSec,
      ...(l.level !== undefined && { level: l.level }),
    })),
  };
}

/** Translates one engine event; `timeSec` becomes `t_s`, every other field keeps its name or gains its unit. */
export function toEventDocument(e: SimulationEvent): EventDocument {
  switch (e.kind) {
    case "migration-start":
      return { kind: e.kind, t_s: e.timeSec, vm: e.vm, source: e.source, target: e.target, links: e.links };
    case "round-start":
      return { kind: e.kind, t_s: e.timeSec, vm: e.vm, round: e.round, bytes: e.bytes };
    case "stop-and-copy":
      return { kind: e.kind, t_s: e.timeSec, vm: e.vm, bytes: e.bytes };
    case "migration-end":
      return { kind: e.kind, t_s: e.timeSec, vm: e.vm, downtime_s: e.downtimeSec };
    case "placement-iteration":
      return { kind: e.kind, t_s: e.timeSec, iteration: e.iteration, cost: e.cost, migrations: e.migrations };
  }
}

/** Translates one link-load frame; the ratios array is shared, not copied. */
export function toLinkLoadDocument(f: LinkLoadFrame): LinkLoadDocument {
  return { t_s: f.timeSec, ratios: f.ratios };
}
