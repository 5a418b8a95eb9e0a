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
  | { readonly kind: "reference"; readonly target: SymbolKind };

export interface AttributeSpec {
  readonly name: string;
  readonly type: AttributeType;
  readonly doc: string;
  /** An example value, used in documentation and completion snippets. */
  readonly example: string;
  readonly required?: true;
}

export type BlockKind = "scenario" | "topology" | "switch" | "router" | "host" | "link" | "hypervisor" | "vm";

const size = (min = 0): AttributeType => ({ kind: "quantity", dimension: "size", min });
const positiveSize: AttributeType = { kind: "quantity", dimension: "size", positive: true };
const positiveRate: AttributeType = { kind: "quantity", dimension: "rate", positive: true };
const time: AttributeType = { kind: "quantity", dimension: "time", min: 0 };

export const blockSchemas: Readonly<Record<BlockKind, readonly AttributeSpec[]>> = {
  scenario: [
    { name: "seed", type: { kind: "count", min: 0, max: 2 ** 32 - 1 }, doc: "Seed of the run's random numbers; the same seed gives identical results.", example: "1" },
    { name: "horizon", type: { kind: "quantity", dimension: "time", positive: true }, doc: "Simulated time after which the run stops.", example: "600 s" },
  ],
  topology: [],
  switch: [],
  router: [],
  host: [
    { name: "hypervisor", type: { kind: "reference", target: "hypervisor" }, doc: "The hypervisor profile this host runs (default: Xen's defaults).", example: "xen30" },
    { name: "cores", type: { kind: "count", min: 1 }, doc: "Physical CPU cores.", example: "16" },
    { name: "memory", type: positiveSize, doc: "Physical memory available to VMs.", example: "64 GiB" },
    { name: "slots", type: { kind: "count", min: 0 }, doc: "Most VMs the host may run at once.", example: "8" },
  ],
  link: [
    { name: "bandwidth", type: positiveRate, doc: "Capacity of each direction of the link.", example: "1 Gbps", required: true },
    { name: "latency", type: time, doc: "One-way propagation delay.", example: "50 us" },
  ],
  hypervisor: [
    { name: "max_rounds", type: { kind: "count", min: 1 }, doc: "Most iterations of the copy loop, the final stop-and-copy included (Xen: 30).", example: "30" },
    { name: "stop_below", type: size(), doc: "Stop-and-copy starts when a round leaves less than this to send (Xen: 50 pages).", example: "200 KB" },
    { name: "max_sent", type: { kind: "quantity", dimension: "ratio", positive: true }, doc: "Stop-and-copy starts once this multiple of the VM's memory has been sent (Xen: 3x).", example: "3 x" },
    { name: "prepare", type: time, doc: "Fixed time before the first round (reservation, connection set-up).", example: "0 s" },
    { name: "resume", type: time, doc: "Time to resume the VM on the destination after its last byte arrived.", example: "20 ms" },
  ],
  vm: [
    { name: "memory", type: positiveSize, doc: "Memory of the VM; round 0 copies all of it.", example: "1 GiB", required: true },
    { name: "vcpus", type: { kind: "count", min: 1 }, doc: "Virtual CPUs.", example: "2" },
    { name: "page_size", type: positiveSize, doc: "Size of a memory page (default 4 KiB); `pages` and `pages/s` use it.", example: "4 KiB" },
    { name: "dirty", type: { kind: "quantity", dimension: "rate", min: 0 }, doc: "Rate at which the running VM dirties memory.", example: "2500 pages/s" },
  ],
};

/** The attribute spec of `name` in a block of `kind`, if the language has one. */
export function attributeSpec(kind: BlockKind, name: string): AttributeSpec | undefined {
  return blockSchemas[kind].find((a) => a.name === name);
}

/** Metrics an `expect` may test, with the dimension of the value it is compared to. */
export const expectMetrics: Readonly<Record<string, { readonly dimension: Dimension | "count"; readonly doc: string }>> = {
  downtime: { dimension: "time", doc: "Time the VM is paused: the stop-and-copy transfer plus the resume time." },
  total_time: { dimension: "time", doc: "Time from the migration's start to the VM running on its destination." },
  bytes_sent: { dimension: "size", doc: "Bytes sent over the network by every round." },
  rounds: { dimension: "count", doc: "Number of rounds, the stop-and-copy included." },
};

/** The hypervisor kinds the language knows. */
export const hypervisorKinds = ["xen", "kvm", "vmware", "custom"] as const;
