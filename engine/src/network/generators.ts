/**
 * Topology generators: data-centre networks as plain nodes, links and host placements.
 *
 * - k-ary fat-tree: Al-Fares, Loukissas & Vahdat, "A scalable, commodity data center network architecture"
 *   (SIGCOMM 2008): k pods of k/2 edge and k/2 aggregation switches, (k/2)^2 core switches, k^3/4 hosts;
 *   edge switch j of a pod serves k/2 hosts, aggregation switch j of a pod reaches cores j·k/2 .. j·k/2 + k/2 − 1.
 * - three-tier tree and link levels: paper 004 (Hamilton, ../shared/papers/004_7bdc0f42a00b8d78.txt, §2.1
 *   and §3, Figure 3.1): capacity grows towards the core but is over-subscribed level by level (1:2.5 to 1:8);
 *   a link's *level* counts tiers from the hosts, which S-CORE's cost model weighs with c_1 < c_2 < c_3 < c_4.
 * - leaf-spine (two-tier Clos) and star: the usual textbook shapes.
 *
 * Every generator is a pure function. Hosts come first in `nodes`, so host i is node i; names are
 * `host[i]`, `edge[i]`, ... with an optional prefix (`dc.` gives `dc.host[0]`), and a link is named after its
 * lower and upper end (`dc.host[0]-edge[0]`). Levels: 1 for host links, then one more per tier up.
 */
import type { Link, NetworkNode, NodeKind } from "../scenario.js";

/** A host position in a generated topology. */
export interface GeneratedHost {
  readonly name: string;
  /** Index of the host's node in `nodes`. */
  readonly node: number;
  /** Index of the rack (the ToR, edge or leaf switch the host hangs from). */
  readonly rack: number;
  /** Index of the pod (fat-tree pod, three-tier aggregation block); absent for leaf-spine and star. */
  readonly pod?: number;
}

export interface GeneratedTopology {
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly Link[];
  readonly hosts: readonly GeneratedHost[];
}

/** Options every generator accepts. */
export interface CommonTopologyOptions {
  /** Bandwidth of a host link, and of every link a generator does not derive otherwise (default 1 Gbps). */
  readonly bandwidthBytesPerSec?: number;
  /** Explicit bandwidth per level (index 0 is level 1); overrides what the generator would derive. */
  readonly levelBandwidthBytesPerSec?: readonly (number | undefined)[];
  /** Latency of every link, in seconds (default 0). */
  readonly latencySec?: number;
  /** Buffer of the switch port feeding each link, in bytes; absent when not given. */
  readonly bufferBytes?: number;
  /** Prefix of every node and link name, for example `dc.` (default none). */
  readonly prefix?: string;
}

export interface FatTreeOptions extends CommonTopologyOptions {
  /** Switch port count: an even integer >= 2. */
  readonly k: number;
}

export interface ThreeTierOptions extends CommonTopologyOptions {
  /** Core routers; every aggregation switch links to each of them (default 2). */
  readonly cores?: number;
  /** Aggregation switches, one per pod. */
  readonly aggregations: number;
  readonly accessPerAggregation: number;
  readonly torsPerAccess: number;
  readonly hostsPerRack: number;
  /**
   * Down-to-up capacity ratio at each switch tier (default 1, no over-subscription): a switch's uplinks
   * together carry its downlink capacity divided by the ratio.
   */
  readonly oversubscription?: { readonly tor?: number; readonly access?: number; readonly aggregation?: number };
}

export interface LeafSpineOptions extends CommonTopologyOptions {
  readonly leaves: number;
  readonly spines: number;
  readonly hostsPerLeaf: number;
  /** Down-to-up capacity ratio at each leaf (default 1). */
  readonly oversubscription?: number;
}

export interface StarOptions extends CommonTopologyOptions {
  readonly hosts: number;
}

/** 1 Gbps in bytes per second. */
const GIGABIT = 1.25e8;

/** A k-ary fat-tree: k^3/4 hosts, k^2 pod switches, (k/2)^2 cores; 3k^3/4 links on levels 1, 2, 3. */
export function fatTree(options: FatTreeOptions): GeneratedTopology {
  const { k } = options;
  if (!Number.isInteger(k) || k < 2 || k % 2 !== 0) throw new RangeError(`a fat-tree needs an even k >= 2, got ${k}`);
  const half = k / 2;
  const b = new Builder(options);
  const hostCount = (k * k * k) / 4;
  const hosts = b.hosts(hostCount, (i) => Math.floor(i / half), (i) => Math.floor(i / (half * half)));
  const edge = b.switches("edge", k * half, "switch");
  const agg = b.switches("agg", k * half, "switch");
  const core = b.switches("core", half * half, "switch");
  for (let i = 0; i < hostCount; i++) b.link(hosts[i]!, edge[Math.floor(i / half)]!, 1, b.base);
  for (let pod = 0; pod < k; pod++) {
    for (let e = 0; e < half; e++) {
      for (let a = 0; a < half; a++) b.link(edge[pod * half + e]!, agg[pod * half + a]!, 2, b.base);
    }
  }
  for (let pod = 0; pod < k; pod++) {
    for (let a = 0; a < half; a++) {
      for (let c = 0; c < half; c++) b.link(agg[pod * half + a]!, core[a * half + c]!, 3, b.base);
    }
  }
  return b.result();
}

/**
 * A three-tier tree (paper 004, Figure 3.1): hosts under ToR switches (level 1), ToRs under access switches
 * (level 2), access switches under aggregation switches (level 3), every aggregation switch linked to every
 * core router (level 4). Uplink capacities follow the over-subscription ratios.
 */
export function threeTier(options: ThreeTierOptions): GeneratedTopology {
  const cores = options.cores ?? 2;
  const { aggregations, accessPerAggregation, torsPerAccess, hostsPerRack } = options;
  for (const [what, n] of [["cores", cores], ["aggregations", aggregations], ["accessPerAggregation", accessPerAggregation], ["torsPerAccess", torsPerAccess], ["hostsPerRack", hostsPerRack]] as const) {
    positiveInteger(n, what);
  }
  const ratio = options.oversubscription ?? {};
  const b = new Builder(options);
  const hostBw = b.level(1, b.base);
  const torUp = b.level(2, (hostsPerRack * hostBw) / positive(ratio.tor ?? 1, "tor over-subscription"));
  const accessUp = b.level(3, (torsPerAccess * torUp) / positive(ratio.access ?? 1, "access over-subscription"));
  const aggUp = b.level(4, (accessPerAggregation * accessUp) / (positive(ratio.aggregation ?? 1, "aggregation over-subscription") * cores));
  const racks = aggregations * accessPerAggregation * torsPerAccess;
  const racksPerPod = accessPerAggregation * torsPerAccess;
  const hosts = b.hosts(racks * hostsPerRack, (i) => Math.floor(i / hostsPerRack), (i) => Math.floor(i / (hostsPerRack * racksPerPod)));
  const tor = b.switches("tor", racks, "switch");
  const access = b.switches("access", aggregations * accessPerAggregation, "switch");
  const aggregation = b.switches("aggregation", aggregations, "switch");
  const core = b.switches("core", cores, "router");
  hosts.forEach((h, i) => b.link(h, tor[Math.floor(i / hostsPerRack)]!, 1, hostBw));
  tor.forEach((t, i) => b.link(t, access[Math.floor(i / torsPerAccess)]!, 2, torUp));
  access.forEach((a, i) => b.link(a, aggregation[Math.floor(i / accessPerAggregation)]!, 3, accessUp));
  for (const a of aggregation) for (const c of core) b.link(a, c, 4, aggUp);
  return b.result();
}

/** A leaf-spine fabric: hosts under leaves (level 1), every leaf linked to every spine (level 2). */
export function leafSpine(options: LeafSpineOptions): GeneratedTopology {
  const { leaves, spines, hostsPerLeaf } = options;
  positiveInteger(leaves, "leaves");
  positiveInteger(spines, "spines");
  positiveInteger(hostsPerLeaf, "hostsPerLeaf");
  const b = new Builder(options);
  const hostBw = b.level(1, b.base);
  const up = b.level(2, (hostsPerLeaf * hostBw) / (positive(options.oversubscription ?? 1, "over-subscription") * spines));
  const hosts = b.hosts(leaves * hostsPerLeaf, (i) => Math.floor(i / hostsPerLeaf), undefined);
  const leaf = b.switches("leaf", leaves, "switch");
  const spine = b.switches("spine", spines, "switch");
  hosts.forEach((h, i) => b.link(h, leaf[Math.floor(i / hostsPerLeaf)]!, 1, hostBw));
  for (const l of leaf) for (const s of spine) b.link(l, s, 2, up);
  return b.result();
}

/** A star: every host linked to one switch (level 1), all hosts in rack 0. */
export function star(options: StarOptions): GeneratedTopology {
  positiveInteger(options.hosts, "hosts");
  const b = new Builder(options);
  const hosts = b.hosts(options.hosts, () => 0, undefined);
  const [hub] = b.switches("switch", 1, "switch");
  for (const h of hosts) b.link(h, hub!, 1, b.level(1, b.base));
  return b.result();
}

/** Accumulates nodes, links and host placements with consistent naming. */
class Builder {
  readonly base: number;
  private readonly nodes: NetworkNode[] = [];
  private readonly localNames: string[] = [];
  private readonly links: Link[] = [];
  private readonly placed: GeneratedHost[] = [];
  private readonly prefix: string;

  constructor(private readonly options: CommonTopologyOptions) {
    this.base = positive(options.bandwidthBytesPerSec ?? GIGABIT, "bandwidth");
    this.prefix = options.prefix ?? "";
    if (options.latencySec !== undefined && !(options.latencySec >= 0)) throw new RangeError(`latency must be >= 0, got ${options.latencySec}`);
    if (options.bufferBytes !== undefined && !(options.bufferBytes >= 0)) throw new RangeError(`buffer must be >= 0, got ${options.bufferBytes}`);
  }

  /** The explicit bandwidth of `level` when given, else `derived`. */
  level(level: number, derived: number): number {
    const explicit = this.options.levelBandwidthBytesPerSec?.[level - 1];
    return explicit === undefined ? derived : positive(explicit, `level ${level} bandwidth`);
  }

  hosts(count: number, rack: (i: number) => number, pod: ((i: number) => number) | undefined): number[] {
    const ids = this.switches("host", count, "host");
    ids.forEach((node, i) => {
      const name = this.nodes[node]!.name;
      this.nodes[node] = pod === undefined ? { name, kind: "host", rack: rack(i) } : { name, kind: "host", rack: rack(i), pod: pod(i) };
      this.placed.push(pod === undefined ? { name, node, rack: rack(i) } : { name, node, rack: rack(i), pod: pod(i) });
    });
    return ids;
  }

  switches(family: string, count: number, kind: NodeKind): number[] {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(this.nodes.length);
      this.localNames.push(`${family}[${i}]`);
      this.nodes.push({ name: `${this.prefix}${family}[${i}]`, kind });
    }
    return ids;
  }

  /** Links `lower` (towards the hosts) to `upper` at `level`, with the given bandwidth. */
  link(lower: number, upper: number, level: number, bandwidthBytesPerSec: number): void {
    const name = `${this.prefix}${this.localNames[lower]}-${this.localNames[upper]}`;
    const latencySec = this.options.latencySec ?? 0;
    const link: Link = { name, a: lower, b: upper, bandwidthBytesPerSec, latencySec, level };
    this.links.push(this.options.bufferBytes === undefined ? link : { ...link, bufferBytes: this.options.bufferBytes });
  }

  result(): GeneratedTopology {
    return { nodes: this.nodes, links: this.links, hosts: this.placed };
  }
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${what} must be a positive number, got ${value}`);
  return value;
}

function positiveInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer, got ${value}`);
}
