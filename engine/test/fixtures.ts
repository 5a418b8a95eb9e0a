/**
 * Scenario fixtures as data: two hosts joined by one switch, with any number of VMs on the first host.
 */
import { defaultProfile } from "../src/migration/profiles.js";
import type { HypervisorProfile, Scenario, Vm } from "../src/scenario.js";
import type { MigrationResult, SeriesBatch, SimulationResult, SimulationSink } from "../src/results.js";

export interface VmSpec {
  readonly name: string;
  readonly memoryBytes: number;
  readonly dirtyBytesPerSec: number;
  /** Start of the VM's migration to host h2, in seconds (default 0). */
  readonly startSec?: number;
}

export interface TwoHostOptions {
  readonly bandwidthBytesPerSec?: number;
  /** Latency of each of the two links; a migration's path latency is twice this. */
  readonly linkLatencySec?: number;
  readonly profile?: Partial<HypervisorProfile>;
  readonly horizonSec?: number;
  readonly seed?: number;
}

/** Hosts h1 and h2 on nodes n1 and n2, both linked to switch sw; every VM starts on h1 and moves to h2. */
export function twoHosts(vms: readonly VmSpec[], options: TwoHostOptions = {}): Scenario {
  const bandwidthBytesPerSec = options.bandwidthBytesPerSec ?? 1.25e8;
  const latencySec = options.linkLatencySec ?? 0;
  const profile: HypervisorProfile = { ...defaultProfile("xen"), ...options.profile };
  const host = (name: string, node: number) => ({ name, node, profile: 0, cores: 8, memoryBytes: 64e9, slots: 8 });
  return {
    name: "two-hosts",
    seed: options.seed ?? 42,
    horizonSec: options.horizonSec ?? 1e6,
    nodes: [
      { name: "n1", kind: "host" },
      { name: "sw", kind: "switch" },
      { name: "n2", kind: "host" },
    ],
    links: [
      { name: "l1", a: 0, b: 1, bandwidthBytesPerSec, latencySec },
      { name: "l2", a: 1, b: 2, bandwidthBytesPerSec, latencySec },
    ],
    profiles: [profile],
    hosts: [host("h1", 0), host("h2", 2)],
    vms: vms.map(
      (spec): Vm => ({
        name: spec.name,
        host: 0,
        memoryBytes: spec.memoryBytes,
        vcpus: 1,
        pageBytes: 4096,
        dirty: { kind: "constant", bytesPerSec: spec.dirtyBytesPerSec },
      }),
    ),
    migrations: vms.map((spec, vm) => ({ vm, target: 1, startSec: spec.startSec ?? 0 })),
  };
}

/** A sink that records everything it receives. */
export class RecordingSink implements SimulationSink {
  readonly batches: (readonly SeriesBatch[])[] = [];
  readonly done: MigrationResult[] = [];

  series(batches: readonly SeriesBatch[]): void {
    this.batches.push(batches);
  }

  migrationDone(result: MigrationResult): void {
    this.done.push(result);
  }

  /** All points of one series, in the order received. */
  points(series: string): (readonly [number, number])[] {
    return this.batches.flatMap((batch) => batch.filter((b) => b.series === series).flatMap((b) => b.points));
  }
}

/** The single migration of a result, failing when there is not exactly one. */
export function only(result: SimulationResult): MigrationResult {
  if (result.migrations.length !== 1) throw new Error(`expected one migration, got ${result.migrations.length}`);
  return result.migrations[0]!;
}

/** Asserts |actual - expected| <= relative × |expected| (or an absolute 1e-9 near zero). */
export function assertClose(actual: number, expected: number, relative: number, what: string): void {
  const tolerance = Math.max(Math.abs(expected) * relative, 1e-9);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`${what}: expected ${expected} within ${relative * 100} %, got ${actual}`);
  }
}
