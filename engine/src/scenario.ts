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
}

export type NodeKind = "host" | "switch" | "router";

export interface NetworkNode {
  readonly name: string;
  readonly kind: NodeKind;
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

/** How a VM dirties its memory while it runs. */
export type DirtyModel = { readonly kind: "constant"; readonly bytesPerSec: number };

export interface Vm {
  readonly name: string;
  /** Index of the VM's initial host in `Scenario.hosts`. */
  readonly host: number;
  readonly memoryBytes: number;
  readonly vcpus: number;
  readonly pageBytes: number;
  readonly dirty: DirtyModel;
}

export interface Migration {
  /** Index of the migrating VM in `Scenario.vms`. */
  readonly vm: number;
  /** Index of the destination in `Scenario.hosts`. */
  readonly target: number;
  /** Simulated time at which the migration starts, in seconds. */
  readonly startSec: number;
}
