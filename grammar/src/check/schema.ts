/**
 * What each block of the language may contain: attribute names, their types, units, ranges, defaults and
 * documentation. The checker validates against it; completion and hover read it. Adding an attribute to
 * the language starts here.
 */
import type { Dimension } from "../units.js";

export type SymbolKind = "hypervisor" | "topology" | "switch" | "router" | "host" | "vm";

export type AttributeType =
  /** A quantity with a unit of the given dimension, converted to SI. */
  | { readonly kind: "quantity"; readonly dimension: Dimension; readonly min?: number; readonly positive?: true; readonly max?: number }
  /** A bare whole number (seed, cores, rounds). */
  | { readonly kind: "count"; readonly min: number; readonly max?: number }
  /** The name of a declaration of the given kind. */
  | { readonly kind: "reference"; readonly target: SymbolKind }
  /** One word of a fixed list. */
  | { readonly kind: "enum"; readonly values: readonly string[] }
  /** `on` or `off`. */
  | { readonly kind: "switch" }
  /** A string. */
  | { readonly kind: "text" };

export interface AttributeSpec {
  readonly name: string;
  readonly type: AttributeType;
  readonly doc: string;
  /** An example value, used in documentation and completion snippets. */
  readonly example: string;
  readonly required?: true;
}

/** Block kinds: declarations with a body, generated topologies (`topology.fattree`) and policies (`policy.routing`). */
export type BlockKind =
  | "scenario" | "topology" | "switch" | "router" | "host" | "link" | "hypervisor" | "vm" | "traffic" | "background"
  | "topology.fattree" | "topology.threetier" | "topology.leafspine" | "topology.star"
  | "policy.routing" | "policy.allocation" | "policy.schedule" | "policy.transport.fluid" | "policy.transport.tcp" | "policy.transport.xia"
  | "policy.content_reuse" | "policy.placement.similarity" | "policy.placement.s-core" | "datacentre"
  | "network" | "subnet" | "domain";

const size = (min = 0): AttributeType => ({ kind: "quantity", dimension: "size", min });
const positiveSize: AttributeType = { kind: "quantity", dimension: "size", positive: true };
const positiveRate: AttributeType = { kind: "quantity", dimension: "rate", positive: true };
const rate: AttributeType = { kind: "quantity", dimension: "rate", min: 0 };
const time: AttributeType = { kind: "quantity", dimension: "time", min: 0 };
const positiveTime: AttributeType = { kind: "quantity", dimension: "time", positive: true };
const count = (min: number, max?: number): AttributeType => ({ kind: "count", min, ...(max === undefined ? {} : { max }) });
const oversubscription: AttributeType = { kind: "quantity", dimension: "ratio", min: 1 };

const linkAttributes: readonly AttributeSpec[] = [
  { name: "bandwidth", type: positiveRate, doc: "Capacity of each direction of the link.", example: "1 Gbps", required: true },
  { name: "latency", type: time, doc: "One-way propagation delay.", example: "50 us" },
  { name: "buffer", type: positiveSize, doc: "Buffer of the switch port that feeds the link.", example: "100 KiB" },
  { name: "level", type: count(1, 4), doc: "Tier of the link for cost models: 1 = host to ToR ... 4 = core.", example: "1" },
];

const generatedLinks: readonly AttributeSpec[] = [
  { name: "level2_bandwidth", type: positiveRate, doc: "Bandwidth of every level-2 link (overrides what the generator derives).", example: "10 Gbps" },
  { name: "level3_bandwidth", type: positiveRate, doc: "Bandwidth of every level-3 link.", example: "40 Gbps" },
  { name: "level4_bandwidth", type: positiveRate, doc: "Bandwidth of every level-4 link.", example: "100 Gbps" },
];

export const blockSchemas: Readonly<Record<BlockKind, readonly AttributeSpec[]>> = {
  scenario: [
    { name: "seed", type: count(0, 2 ** 32 - 1), doc: "Seed of the run's random numbers; the same seed gives identical results.", example: "1" },
    { name: "horizon", type: positiveTime, doc: "Simulated time after which the run stops.", example: "600 s" },
    { name: "repetitions", type: count(1, 10000), doc: "Runs of the scenario, with seeds seed, seed + 1, …; `vmig run` reports each migration's mean, standard deviation, minimum and maximum (default 1).", example: "10" },
  ],
  topology: [],
  "topology.fattree": [
    { name: "k", type: count(2, 64), doc: "Ports per switch (even): k pods, k³/4 hosts, (k/2)² core switches.", example: "4", required: true },
    ...generatedLinks,
  ],
  "topology.threetier": [
    { name: "cores", type: count(1), doc: "Core routers; every aggregation switch links to each.", example: "2" },
    { name: "aggregations", type: count(1), doc: "Aggregation switches, one per pod.", example: "2", required: true },
    { name: "access_per_aggregation", type: count(1), doc: "Access switches under each aggregation switch.", example: "2", required: true },
    { name: "tors_per_access", type: count(1), doc: "ToR switches under each access switch.", example: "2", required: true },
    { name: "hosts_per_rack", type: count(1), doc: "Hosts under each ToR switch.", example: "8", required: true },
    { name: "tor_oversubscription", type: oversubscription, doc: "Down-to-up capacity ratio at the ToR tier (paper 004: 2.5 to 8).", example: "2.5 x" },
    { name: "access_oversubscription", type: oversubscription, doc: "Down-to-up capacity ratio at the access tier.", example: "4 x" },
    { name: "aggregation_oversubscription", type: oversubscription, doc: "Down-to-up capacity ratio at the aggregation tier.", example: "8 x" },
    ...generatedLinks,
  ],
  "topology.leafspine": [
    { name: "leaves", type: count(1), doc: "Leaf switches (racks).", example: "4", required: true },
    { name: "spines", type: count(1), doc: "Spine switches; every leaf links to each.", example: "2", required: true },
    { name: "hosts_per_leaf", type: count(1), doc: "Hosts under each leaf.", example: "8", required: true },
    { name: "oversubscription", type: oversubscription, doc: "Down-to-up capacity ratio at each leaf.", example: "3 x" },
    ...generatedLinks,
  ],
  "topology.star": [{ name: "hosts", type: count(1), doc: "Hosts around the central switch.", example: "16", required: true }],
  switch: [],
  router: [],
  host: [
    { name: "hypervisor", type: { kind: "reference", target: "hypervisor" }, doc: "The hypervisor profile this host runs (default: Xen's defaults).", example: "xen30" },
    { name: "cores", type: count(1), doc: "Physical CPU cores.", example: "16" },
    { name: "memory", type: positiveSize, doc: "Physical memory available to VMs.", example: "64 GiB" },
    { name: "slots", type: count(0), doc: "Most VMs the host may run at once.", example: "8" },
  ],
  link: linkAttributes,
  hypervisor: [
    { name: "max_rounds", type: count(1), doc: "Most iterations of the copy loop, the final stop-and-copy included (Xen: 30).", example: "30" },
    { name: "stop_below", type: size(), doc: "Stop-and-copy starts when a round leaves less than this to send (Xen: 50 pages).", example: "200 KB" },
    { name: "max_sent", type: { kind: "quantity", dimension: "ratio", positive: true }, doc: "Stop-and-copy starts once this multiple of the VM's memory has been sent (Xen: 3x).", example: "3 x" },
    { name: "prepare", type: time, doc: "Fixed time before the first round (reservation, connection set-up).", example: "0 s" },
    { name: "resume", type: time, doc: "Time to resume the VM on the destination after its last byte arrived.", example: "20 ms" },
    { name: "downtime_limit", type: positiveTime, doc: "QEMU's switchover rule: stop-and-copy once the rest fits in this time at the measured bandwidth (KVM: 300 ms).", example: "300 ms" },
    { name: "max_bandwidth", type: positiveRate, doc: "Cap on the rate of every live round (QEMU max-bandwidth: 128 MiB/s).", example: "128 MiB/s" },
    { name: "auto_converge", type: { kind: "switch" }, doc: "QEMU auto-converge: throttle the vCPUs (20 %, then +10 % steps to 99 %) while the VM dirties faster than pre-copy sends.", example: "on" },
    { name: "stop_on_dirty_rate", type: { kind: "switch" }, doc: "Xen's fourth rule: stop once a round dirties at least as much as it sent.", example: "on" },
    { name: "device_state", type: size(), doc: "CPU and device state sent with the stop-and-copy round.", example: "1 MiB" },
    { name: "compression", type: { kind: "quantity", dimension: "ratio", positive: true, max: 1 }, doc: "Bytes on the wire per byte of memory with compression or delta encoding.", example: "40 %" },
    { name: "compression_speed", type: positiveRate, doc: "How fast the source compresses memory; bounds the transfer rate.", example: "1 GB/s" },
    { name: "version", type: { kind: "text" }, doc: "Version of the hypervisor software: the second key of paper 002's static-page table.", example: '"xen-4.1"' },
    { name: "mode", type: { kind: "enum", values: ["tcp", "exec", "xia-chunk"] }, doc: "How KVM sends the stream (paper 001 §3.2): `tcp`, QEMU's own socket; `exec`, through a relay program (slightly slower, longer downtime); `xia-chunk`, the relay sends XIA chunks (needs `network xia`).", example: "exec" },
    { name: "exec_rate", type: positiveRate, doc: "`exec` and `xia-chunk`: how fast the relay copies the stream through its pipe; its copy does not overlap the transfer (default 300 MB/s).", example: "300 MB/s" },
    { name: "exec_handover", type: time, doc: "`exec` and `xia-chunk`: time from the stream's last byte until the destination QEMU reads its end, added to the downtime (default 950 ms, fitted to paper 001's Table 1).", example: "950 ms" },
    { name: "block_migration", type: { kind: "switch" }, doc: "Whether the hypervisor copies a VM's local disk (Xen's xl: off; KVM, VMware and custom: on). A VM with `storage local` needs it.", example: "on" },
  ],
  vm: [
    { name: "memory", type: positiveSize, doc: "Memory of the VM; round 0 copies all of it.", example: "1 GiB", required: true },
    { name: "vcpus", type: count(1), doc: "Virtual CPUs.", example: "2" },
    { name: "page_size", type: positiveSize, doc: "Size of a memory page (default 4 KiB); `pages` and `pages/s` use it.", example: "4 KiB" },
    { name: "dirty", type: rate, doc: "Rate at which the running VM writes memory.", example: "2500 pages/s" },
    { name: "wws", type: positiveSize, doc: "Writable working set: writes fall on this much memory, so unique dirty pages saturate at it (Liu et al.; Akoush et al.).", example: "256 MiB" },
    { name: "hot", type: positiveSize, doc: "Hot pages: writes at `dirty` fall on this much memory, re-dirtied every round.", example: "64 MiB" },
    { name: "cold_dirty", type: rate, doc: "Rate at which the cold rest of memory is dirtied (with `hot`).", example: "50 pages/s" },
    { name: "disk", type: positiveSize, doc: "Size of the VM's disk.", example: "20 GiB" },
    { name: "storage", type: { kind: "enum", values: ["shared", "local"] }, doc: "`shared` storage copies nothing; `local` needs block migration of the disk first.", example: "shared" },
    { name: "disk_writes", type: rate, doc: "Rate at which the VM writes its disk (dirty blocks during block migration).", example: "5 MB/s" },
    { name: "static", type: size(), doc: "Memory already present at the destination (paper 002's static pages), skipped in round 0.", example: "300 MiB" },
    { name: "os", type: { kind: "text" }, doc: "Operating system image (paper 002's static-page table key).", example: '"ubuntu-22.04"' },
    { name: "hypervisor_version", type: { kind: "text" }, doc: "Hypervisor version the VM runs on (paper 002).", example: '"xen-4.1"' },
    { name: "workload", type: { kind: "text" }, doc: "What the VM runs, for your records.", example: '"web"' },
    { name: "sla", type: positiveTime, doc: "Largest acceptable downtime; a prediction above it is reported while you type.", example: "300 ms" },
  ],
  traffic: [],
  background: [
    { name: "on", type: positiveTime, doc: "Length of an on period of an `onoff` source.", example: "1 s" },
    { name: "off", type: positiveTime, doc: "Length of an off period of an `onoff` source.", example: "1 s" },
    { name: "periods", type: { kind: "enum", values: ["fixed", "exponential"] }, doc: "Fixed periods, or exponential with these means (drawn from the seed).", example: "fixed" },
    { name: "share", type: { kind: "enum", values: ["fair", "priority"] }, doc: "`fair` joins max-min sharing; `priority` takes its rate first, as unresponsive UDP does.", example: "fair" },
    { name: "rate", type: positiveRate, doc: "Cap on a `bulk` transfer's rate.", example: "100 Mbps" },
  ],
  "policy.routing": [{ name: "interval", type: positiveTime, doc: "Polling interval of the SDN controller's port statistics (paper 000: 5 s).", example: "5 s" }],
  "policy.allocation": [
    { name: "total", type: positiveRate, doc: "Bandwidth R shared by the migrations (default: the bottleneck of their paths).", example: "1 Gbps" },
    { name: "rounds", type: count(1), doc: "Live rounds n, the control parameter of paper 003's program.", example: "3" },
  ],
  "policy.schedule": [{ name: "size", type: count(1), doc: "Migrations per batch.", example: "2" }],
  // Paper 002's static-page table: rows `"OS" on "hypervisor version" SIZE`, no attributes.
  "policy.content_reuse": [],
  // Placement has a schema per choice: paper 002's similarity takes no attributes, paper 004's S-CORE these.
  "policy.placement.similarity": [],
  "policy.placement.s-core": [
    { name: "token", type: { kind: "enum", values: ["round-robin", "global", "distributed", "load-aware"] }, doc: "S-CORE: the order in which VMs hold the migration token (paper 004 §4.1): `round-robin` by VM ID, `global` by largest cost reduction (central), `distributed` from the highest communication level down (Algorithm 1), `load-aware` as distributed but by aggregate load (default distributed).", example: "distributed" },
    { name: "iterations", type: count(0, 1000), doc: "S-CORE: token passes; in each, every VM holds the token once and may migrate (default 5).", example: "5" },
    { name: "migration_cost", type: rate, doc: "S-CORE: the migration cost c_m of eq. 3.2, in cost units (traffic times link weight); a VM moves only when it saves more (default 0).", example: "1 MB/s" },
    { name: "migration_cost_share", type: { kind: "quantity", dimension: "ratio", min: 0 }, doc: "S-CORE: c_m as a share of the deciding VM's own communication cost, added to `migration_cost` (default 0).", example: "10 %" },
    { name: "level1_cost", type: { kind: "quantity", dimension: "ratio", positive: true }, doc: "S-CORE: link weight c_1 of level-1 links, host to ToR (paper 004: e^0 = 1).", example: "1 x" },
    { name: "level2_cost", type: { kind: "quantity", dimension: "ratio", positive: true }, doc: "S-CORE: link weight c_2 of level-2 links (paper 004: e^1 ≈ 2.718).", example: "2.718 x" },
    { name: "level3_cost", type: { kind: "quantity", dimension: "ratio", positive: true }, doc: "S-CORE: link weight c_3 of level-3 links (paper 004: e^3 ≈ 20.09).", example: "20.09 x" },
    { name: "level4_cost", type: { kind: "quantity", dimension: "ratio", positive: true }, doc: "S-CORE: link weight c_4 of level-4 (core) links (paper 004: e^5 ≈ 148.4).", example: "148.4 x" },
    { name: "start", type: time, doc: "S-CORE: when the first iteration's migrations start (default 0 s).", example: "10 s" },
  ],
  datacentre: [
    { name: "flows_per_vm", type: count(0, 1000), doc: "Mean number of active flows per VM (paper 004 §5.1.1: 10).", example: "10" },
    { name: "small_share", type: { kind: "quantity", dimension: "ratio", min: 0, max: 1 }, doc: "Share of flows that are small: metadata and queries (90 %).", example: "90 %" },
    { name: "small_size", type: positiveSize, doc: "Largest small flow; small flows are uniform below it (10 KB).", example: "10 KB" },
    { name: "large_min", type: positiveSize, doc: "Smallest large flow (100 MB).", example: "100 MB" },
    { name: "large_size", type: positiveSize, doc: "Most common large flow, the mode of a triangular distribution (128 MB, a MapReduce chunk).", example: "128 MB" },
    { name: "large_max", type: positiveSize, doc: "Largest large flow (1 GB).", example: "1 GB" },
    { name: "intra_rack", type: { kind: "quantity", dimension: "ratio", min: 0, max: 1 }, doc: "Share of flows that stay within the rack (80 %).", example: "80 %" },
    { name: "hotspots", type: { kind: "quantity", dimension: "ratio", min: 0, max: 1 }, doc: "Share of ToR switches that are hotspots; their VMs send the large flows (20 %).", example: "20 %" },
    { name: "hotspot_peers", type: count(1), doc: "Other ToRs a hotspot ToR sends its out-of-rack traffic to (3).", example: "3" },
    { name: "rack_peers", type: count(1), doc: "Median number of correspondents of a VM in its rack (2).", example: "2" },
    { name: "remote_peers", type: count(1), doc: "Median number of correspondents of a VM outside its rack (4).", example: "4" },
    { name: "window", type: positiveTime, doc: "Window the flows' bytes are averaged over to give each VM pair's rate (10 s).", example: "10 s" },
    { name: "load_network", type: { kind: "switch" }, doc: "Whether the generated traffic also loads the links: every VM pair becomes a stream at its average rate that follows its VMs, so migrations compete with it (off: it only drives S-CORE's placement).", example: "on" },
  ],
  network: [
    { name: "mobility", type: { kind: "enum", values: ["none", "tunnel"] }, doc: "`ip`: how a VM keeps its address in another subnet: `none` (it becomes unreachable) or `tunnel` (the source forwards its traffic, Bradford et al.).", example: "tunnel" },
    { name: "name_service", type: { kind: "reference", target: "host" }, doc: "`xia`: the host that runs the name service; a VM that changes AD re-registers its DAG there.", example: "HOST_A" },
    { name: "register", type: time, doc: "`xia`: time the name service takes to register a new DAG.", example: "5 ms" },
    { name: "probe", type: positiveTime, doc: "Interval of the reachability probes (paper 001's Xping); downtime is measured as lost probes × this interval.", example: "100 ms" },
  ],
  subnet: [{ name: "members", type: { kind: "reference", target: "host" }, doc: "Hosts of the subnet; repeat the line or give a range such as dc.host[0..7].", example: "dc.host[0..7]" }],
  domain: [
    { name: "members", type: { kind: "reference", target: "host" }, doc: "Hosts of the administrative domain; repeat the line or give a range.", example: "HOST_A" },
    { name: "gateway", type: { kind: "reference", target: "router" }, doc: "The AD's gateway router: it beacons, routes by HID and caches chunks.", example: "ROUTER_1", required: true },
    { name: "beacon", type: positiveTime, doc: "Interval of the gateway's beacons, from which a resumed VM learns its AD (default 1 s).", example: "500 ms" },
    { name: "cache", type: size(), doc: "Capacity of the gateway's chunk cache; every chunk request searches it (paper 001 §5.2). Absent: no cache.", example: "64 MiB" },
    { name: "cache_lookup", type: time, doc: "Fixed cost of one cache lookup.", example: "20 us" },
    { name: "cache_scan", type: time, doc: "Cost per cached chunk examined by a lookup: a fuller cache searches longer.", example: "8 ns" },
  ],
  "policy.transport.fluid": [],
  "policy.transport.tcp": [
    { name: "early_notification", type: { kind: "switch" }, doc: "Paper 000's Early Notification: the next round is announced before the current one is acknowledged, so the connection never idles into a slow-start restart and a tail loss is repaired by fast retransmit.", example: "on" },
    { name: "min_rto", type: positiveTime, doc: "Floor of TCP's retransmission timeout (Linux: 200 ms).", example: "200 ms" },
    { name: "initial_window", type: count(1), doc: "TCP's initial congestion window, in 1448-byte segments (RFC 6928: 10).", example: "10" },
    { name: "tail_loss", type: { kind: "quantity", dimension: "ratio", min: 0, max: 1 }, doc: "Probability that a round's last window loses a segment (paper 000 §3.2), drawn from the seed.", example: "10 %" },
    { name: "scan", type: time, doc: "Time the source spends scanning the dirty bitmap between rounds.", example: "5 ms" },
  ],
  "policy.transport.xia": [
    { name: "chunk", type: positiveSize, doc: "`xia`: size of one content-addressed chunk (default 8 KiB).", example: "8 KiB" },
    { name: "window", type: count(1), doc: "`xia`: chunks the receiver requests at a time (default 32).", example: "32" },
    { name: "chunk_cost", type: time, doc: "`xia`: endpoint time per chunk: hashing its CID, publishing and requesting it (default 630 us, fitted to paper 001's Table 1).", example: "630 us" },
  ],
};

/** The specs of each block kind by attribute name, built once: every attribute of a file is looked up here. */
const specsByName = new Map<string, ReadonlyMap<string, AttributeSpec>>(
  Object.entries(blockSchemas).map(([kind, specs]) => [kind, new Map(specs.map((spec) => [spec.name, spec]))]),
);

/** The attribute spec of `name` in a block of `kind`, if the language has one. */
export function attributeSpec(kind: BlockKind, name: string): AttributeSpec | undefined {
  return specsByName.get(kind)?.get(name);
}

/**
 * The block kind of `policy CATEGORY CHOICE { … }`: the choice's own schema when the category has one per
 * choice (`policy.placement.s-core`), else the category's (`policy.routing`); undefined for an unknown
 * category, or a category with per-choice schemas and no known choice.
 */
export function policyBlockKind(category: string, choice: string | undefined): BlockKind | undefined {
  const perChoice = `policy.${category}.${choice}`;
  if (perChoice in blockSchemas) return perChoice as BlockKind;
  const perCategory = `policy.${category}`;
  return perCategory in blockSchemas ? (perCategory as BlockKind) : undefined;
}

/** Topology generators: `topology dc fattree { k 4 }`. */
export const topologyGenerators = ["fattree", "threetier", "leafspine", "star"] as const;

export interface PolicySpec {
  readonly doc: string;
  /** Each choice and what it does, in the order completion offers them. */
  readonly choices: Readonly<Record<string, string>>;
}

/** Policies (`policy CATEGORY CHOICE { … }`) and their choices, documented: hover and completion read them. */
export const policies: Readonly<Record<string, PolicySpec>> = {
  routing: {
    doc: "How migration and background flows are routed.",
    choices: {
      shortest: "Fewest hops, one fixed path per pair of nodes (the default).",
      ecmp: "Equal-cost multipath: a hash of each flow picks one of the fewest-hops paths.",
      dynamic: "Paper 000's SDN controller: routes by the bytes each link carried over the last polling `interval` (default 5 s).",
    },
  },
  allocation: {
    doc: "How concurrent migrations share bandwidth.",
    choices: {
      fair: "Max-min fair sharing with every other flow (the default).",
      equal: "The `total` bandwidth R (default: the bottleneck of their paths) split equally among the migrations.",
      optimal: "Paper 003's geometric program: the split of `total` among the migrations for `rounds` live rounds (default 3).",
    },
  },
  schedule: {
    doc: "When the migrations start relative to each other.",
    choices: {
      concurrent: "Each migration at its own `at` time (the default).",
      sequential: "One at a time, in start order.",
      batched: "Groups of `size` in start order; a group starts once the previous one has finished.",
    },
  },
  transport: {
    doc: "How a migration's stream is carried.",
    choices: {
      fluid: "A fluid flow at its max-min share (the default).",
      tcp: "Paper 000's TCP model: slow start, retransmission timeouts, tail losses and Early Notification.",
      xia: "Paper 001's XIA chunks: content-addressed chunks requested a window at a time.",
    },
  },
  content_reuse: {
    doc: "Paper 002's content reuse: static pages copied at the destination from a similar VM instead of sent.",
    choices: {
      static_content: 'A table of static pages per OS and hypervisor version, one row `"OS" on "version" SIZE` each; a migration skips them in round 0 when its destination already runs a VM with the same OS and version.',
    },
  },
  placement: {
    doc: "How VMs find their hosts: `migrate … to any HOSTS` destinations, or moves decided during the run.",
    choices: {
      similarity: "Paper 002: `migrate … to any HOSTS` picks a host running a VM of the same OS and hypervisor version (fewest such VMs, then fewest hops, then fewest VMs). Takes no attributes.",
      "s-core": "Paper 004's S-CORE: VMs holding a token move towards the VMs they talk to (the `datacentre` traffic) when that cuts the communication cost by more than the migration cost.",
    },
  },
};

/** Each policy's choices. */
export const policyChoices: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(policies).map(([category, spec]) => [category, Object.keys(spec.choices)]));

/** Words of the language that are not keywords, documented for hover (the parser recognises them by place). */
export const contextualWords: Readonly<Record<string, string>> = {
  any: "**any** `migrate VMS to any HOSTS` — the placement policy chooses each VM's destination among these hosts (`policy placement similarity`, paper 002).",
  datacentre: "**datacentre** `traffic { datacentre { flows_per_vm 10 … } }` — paper 004's data-centre traffic generator: every VM pair's rate drawn from the seed; S-CORE places VMs by it.",
  "reuse-entry": '**static pages** `"OS" on "hypervisor version" SIZE` — a row of paper 002\'s table: the memory every VM of this OS image on this hypervisor version has in common, skipped in round 0 when the destination runs such a VM.',
};

/** Background traffic kinds: `cbr` and `udp` (a constant rate; `udp` takes priority), `onoff`, `bulk` (a size). */
export const backgroundKinds = ["cbr", "udp", "onoff", "bulk"] as const;

/** Metrics an `expect` may test, with the dimension of the value it is compared to. */
export const expectMetrics: Readonly<Record<string, { readonly dimension: Dimension | "count"; readonly doc: string }>> = {
  downtime: { dimension: "time", doc: "Time the VM is paused: the stop-and-copy transfer plus the resume time." },
  total_time: { dimension: "time", doc: "Time from the migration's start to the VM running on its destination." },
  bytes_sent: { dimension: "size", doc: "Bytes sent over the network by every round." },
  rounds: { dimension: "count", doc: "Number of rounds, the stop-and-copy included." },
};

/** The hypervisor kinds the language knows. */
export const hypervisorKinds = ["xen", "kvm", "vmware", "custom"] as const;
