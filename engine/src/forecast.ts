/**
 * Forecasts every migration of a scenario with the closed-form model, without running the simulation:
 * what the language server shows while the user types (diagnostics, hover, inlay hints).
 *
 * Each migration is predicted as if it ran alone on its shortest path (uncontended), which is exact for
 * a lone migration (migration/analytic.ts) and optimistic when migrations share links. A migration whose
 * hosts are not connected gets `route: undefined`.
 */
import { buildTopology, type Topology } from "./network/topology.js";
import { ShortestPathRouting, type Route } from "./network/routing.js";
import { predictMigration, type MigrationPrediction, type PredictionInput } from "./migration/analytic.js";
import { predictReuse, reuseAtStart, type ReuseDecision } from "./migration/contentReuse.js";
import type { HypervisorProfile, Scenario, Vm } from "./scenario.js";
import { relayedStream } from "./architecture/modes.js";

export interface MigrationForecast {
  /** Index in `Scenario.migrations`. */
  readonly index: number;
  /** The uncontended path, or undefined when no route connects source and target. */
  readonly route?: {
    readonly bandwidthBytesPerSec: number;
    readonly latencySec: number;
    readonly hops: number;
    /** Index in `Scenario.links` of the path's narrowest link (the first one, on a tie). */
    readonly bottleneckLink: number;
  };
  readonly dirtyBytesPerSec: number;
  /** The prediction, absent without a route or when the profile cannot terminate. */
  readonly prediction?: MigrationPrediction;
  /** The content reuse (paper 002) predicted at its start, by the run's rule (migration/contentReuse.ts). */
  readonly reuse: ReuseDecision;
}

/**
 * Forecasts each migration from the host its VM starts on (a VM's later moves are not chained). Content reuse
 * depends on which earlier migrations have ended by a migration's start, so the forecasts are made in the
 * order `predictReuse` takes the migrations, each with the reuse its start sees and its duration feeding the
 * next decisions. With a `cache` kept from the forecasts of an earlier version of the same scenario, the
 * network and the migrations whose inputs did not change are not computed again; the result is the same.
 */
export function forecastMigrations(scenario: Scenario, cache?: ForecastCache): MigrationForecast[] {
  const network = cache ? cache.network(scenario) : networkOf(scenario);
  cache?.startRun();
  const forecasts: MigrationForecast[] = new Array<MigrationForecast>(scenario.migrations.length);
  const forecast = (index: number, reuse: ReuseDecision) => (forecasts[index] = cache ? cache.forecast(scenario, index, reuse, network) : forecastOne(scenario, network, index, reuse));
  if (scenario.contentReuse === undefined) {
    // Without a policy a migration's reuse depends only on its VM, not on which migrations have ended.
    scenario.migrations.forEach((migration, index) => forecast(index, reuseAtStart(scenario, migration.vm, scenario.vms[migration.vm]!.host, migration.target, [])));
  } else {
    predictReuse(scenario, (index, reuse) => forecast(index, reuse).prediction?.totalTimeSec);
  }
  return forecasts;
}

/** The network a scenario's migrations are routed over, and its shortest-path routes (cached per node pair). */
interface RoutedNetwork {
  readonly topology: Topology;
  readonly routing: ShortestPathRouting;
}

function networkOf(scenario: Scenario): RoutedNetwork {
  const topology = buildTopology(scenario.nodes, scenario.links);
  return { topology, routing: new ShortestPathRouting(topology) };
}

/**
 * What forecasts of successive versions of one scenario (an edited document) share: the network and its
 * routes while the nodes and links stay the same, and each migration's forecast keyed by everything it reads
 * (its VM, the hosts' nodes, the source's profile, its mode, the reuse decision, the network architecture and
 * transport). Forecasts not asked for in a run are dropped after the next run, so the cache holds about one
 * version's forecasts.
 */
export class ForecastCache {
  private routed?: RoutedNetwork & { readonly nodes: Scenario["nodes"]; readonly links: Scenario["links"]; readonly text: string };
  private current = new Map<string, MigrationForecast>();
  private earlier = new Map<string, MigrationForecast>();
  /** The key of each profile with the run's network architecture and transport (one run's scenario). */
  private profileKeys = new WeakMap<object, string>();
  /** The latest forecasts of each VM object (a VM lowered once and reused), found by comparing inputs by identity. */
  private byVm = new WeakMap<Vm, IdentityEntry[]>();

  /** The routed network of `scenario`: the cached one when its nodes and links are the same objects, or equal. */
  network(scenario: Scenario): RoutedNetwork {
    const routed = this.routed;
    if (routed && sameElements(routed.nodes, scenario.nodes) && sameElements(routed.links, scenario.links)) {
      if (routed.nodes !== scenario.nodes || routed.links !== scenario.links) this.routed = { ...routed, nodes: scenario.nodes, links: scenario.links };
      return routed;
    }
    const text = stableJson([scenario.nodes, scenario.links]);
    if (routed && routed.text === text) {
      this.routed = { ...routed, nodes: scenario.nodes, links: scenario.links };
      return routed;
    }
    // Node indices in the migrations' keys refer to this network: forecasts over another one are dropped.
    this.current.clear();
    this.earlier.clear();
    this.byVm = new WeakMap();
    this.routed = { ...networkOf(scenario), nodes: scenario.nodes, links: scenario.links, text };
    return this.routed;
  }

  /** Starts a run of forecasts: what the run before last asked for, and this one does not, is dropped. */
  startRun(): void {
    this.earlier = this.current;
    this.current = new Map();
    this.profileKeys = new WeakMap();
  }

  /** Migration `index`'s forecast with `reuse` over `network`: the cached one for the same inputs, else a new one. */
  forecast(scenario: Scenario, index: number, reuse: ReuseDecision, network: RoutedNetwork): MigrationForecast {
    const migration = scenario.migrations[index]!;
    const vm = scenario.vms[migration.vm]!;
    const source = scenario.hosts[vm.host]!;
    const target = scenario.hosts[migration.target]!;
    const profile = scenario.profiles[source.profile]!;
    const entries = this.byVm.get(vm) ?? [];
    // Compared field by field, so that finding a kept forecast allocates nothing.
    for (let i = 0; i < entries.length; i++) {
      const same = entries[i]!;
      if (!sameInputs(same.inputs, source.node, target.node, profile, migration, reuse, scenario)) continue;
      this.current.set(same.key, same.forecast);
      return reindexed(same.forecast, index, reuse);
    }
    const inputs: IdentityInputs = { source: source.node, target: target.node, profile, mode: migration.mode, staticBytes: reuse.staticBytes, network: scenario.network, transport: scenario.transport };
    let profileKey = this.profileKeys.get(profile);
    if (profileKey === undefined) this.profileKeys.set(profile, (profileKey = stableJson([profile, scenario.network, scenario.transport])));
    const numbers = [vm.memoryBytes, vm.pageBytes, source.node, target.node, reuse.staticBytes].map(exactNumber).join(",");
    const key = `${numbers};${flatKey(vm.dirty)};${vm.disk ? flatKey(vm.disk) : ""};${migration.mode ?? ""};${profileKey}`;
    const cached = this.current.get(key) ?? this.earlier.get(key);
    const forecast = cached ?? forecastOne(scenario, network, index, reuse);
    this.current.set(key, forecast);
    this.byVm.set(vm, [{ inputs, key, forecast }, ...entries.slice(0, FORECASTS_KEPT_PER_VM - 1)]);
    return cached ? reindexed(cached, index, reuse) : forecast;
  }
}

/** How many forecasts (say, to different destinations) are kept for one VM object. */
const FORECASTS_KEPT_PER_VM = 4;

/** What a migration's forecast reads besides its VM, compared by identity. */
interface IdentityInputs {
  readonly source: number;
  readonly target: number;
  readonly profile: HypervisorProfile;
  readonly mode: Scenario["migrations"][number]["mode"];
  readonly staticBytes: number;
  readonly network: Scenario["network"];
  readonly transport: Scenario["transport"];
}

interface IdentityEntry {
  readonly inputs: IdentityInputs;
  readonly key: string;
  readonly forecast: MigrationForecast;
}

/** Whether `inputs` are those of a migration from node `source` to node `target` with `profile`, `reuse` and its mode in `scenario`. */
function sameInputs(inputs: IdentityInputs, source: number, target: number, profile: HypervisorProfile, migration: Scenario["migrations"][number], reuse: ReuseDecision, scenario: Scenario): boolean {
  return (
    inputs.source === source &&
    inputs.target === target &&
    inputs.profile === profile &&
    inputs.mode === migration.mode &&
    Object.is(inputs.staticBytes, reuse.staticBytes) &&
    inputs.network === scenario.network &&
    inputs.transport === scenario.transport
  );
}

/**
 * A cached forecast as migration `index`'s, with the reuse decision of this run (itself when they are its own).
 * Every forecast, made here or by `forecastOne`, has every field (undefined when absent) in the same order, so
 * that V8 gives them one hidden class and the checks optimised on one are not deoptimised by another.
 */
function reindexed(forecast: MigrationForecast, index: number, reuse: ReuseDecision): MigrationForecast {
  if (forecast.index === index && Object.is(forecast.reuse.staticBytes, reuse.staticBytes) && forecast.reuse.donor === reuse.donor && ("donor" in forecast.reuse) === ("donor" in reuse)) return forecast;
  return { index, route: forecast.route, dirtyBytesPerSec: forecast.dirtyBytesPerSec, prediction: forecast.prediction, reuse };
}

/**
 * Whether two arrays hold the same objects in the same order (a network lowered once and reused), or equal
 * flat ones where they differ (a member of the network lowered again).
 */
function sameElements<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameFlat(a[i]!, b[i]!)) return false;
  return true;
}

/** Whether two objects have the same keys in the same order and the same number, string or boolean values. */
function sameFlat(a: object, b: object): boolean {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  return keys.every((key, i) => {
    const value: unknown = (a as Record<string, unknown>)[key];
    return key === others[i] && (typeof value !== "object" || value === null) && typeof value !== "function" && Object.is(value, (b as Record<string, unknown>)[key]);
  });
}

/** JSON that tells apart every number, including infinities, NaN and −0 (which plain JSON writes as null or 0). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" ? exactNumber(v) : v));
}

/** A number as text that tells apart every value, −0 included. */
function exactNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

/** The key of an object whose fields are numbers, strings or booleans (a dirty model, a disk). */
function flatKey(value: object): string {
  let key = "";
  for (const [name, field] of Object.entries(value)) key += `${name}=${typeof field === "number" ? exactNumber(field) : String(field)},`;
  return key;
}

/** One migration's forecast, with the content reuse predicted at its start. */
function forecastOne(scenario: Scenario, { topology, routing }: RoutedNetwork, index: number, reuse: ReuseDecision): MigrationForecast {
  const migration = scenario.migrations[index]!;
  const vm = scenario.vms[migration.vm]!;
  const source = scenario.hosts[vm.host]!;
  const target = scenario.hosts[migration.target]!;
  const dirtyBytesPerSec = vm.dirty.bytesPerSec;
  const route = routing.route(source.node, target.node);
  if (!route) return { index, route: undefined, dirtyBytesPerSec, prediction: undefined, reuse };
  const narrowest = route.links.find((id) => topology.directedLinks[id]!.bandwidthBytesPerSec === route.bottleneckBytesPerSec);
  const bottleneckLink = narrowest === undefined ? -1 : topology.directedLinks[narrowest]!.link;
  const summary = { bandwidthBytesPerSec: route.bottleneckBytesPerSec, latencySec: route.latencySec, hops: route.links.length, bottleneckLink };
  try {
    const prediction = predictMigration({
      memoryBytes: vm.memoryBytes,
      dirtyBytesPerSec,
      dirty: vm.dirty,
      staticBytes: reuse.staticBytes,
      disk: vm.disk,
      mode: migration.mode,
      pageBytes: vm.pageBytes,
      bandwidthBytesPerSec: route.bottleneckBytesPerSec,
      latencySec: route.latencySec,
      ...relayedForecast(scenario, topology, scenario.profiles[source.profile]!, route),
    });
    return { index, route: summary, dirtyBytesPerSec, prediction, reuse };
  } catch {
    return { index, route: summary, dirtyBytesPerSec, prediction: undefined, reuse };
  }
}

/**
 * The profile and per-round overhead of a migration's stream in its hypervisor's mode (paper 001; see
 * architecture/modes.ts): a relayed stream adds its hand-over to the resume and its costs to every round.
 * A mode that does not fit the network forecasts as `tcp` (the checker reports the conflict).
 */
function relayedForecast(scenario: Scenario, topology: Topology, profile: HypervisorProfile, route: Route): Pick<PredictionInput, "profile" | "roundOverheadSec"> {
  let stream;
  try {
    stream = relayedStream(scenario, topology, profile, route);
  } catch {
    stream = undefined;
  }
  if (stream === undefined) return { profile };
  const cost = stream.cost;
  return { profile: stream.profile, roundOverheadSec: (wireBytes) => cost.roundOverheadSec(wireBytes) };
}
