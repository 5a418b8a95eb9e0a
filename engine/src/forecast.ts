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
import { predictReuse, type ReuseDecision } from "./migration/contentReuse.js";
import type { HypervisorProfile, Scenario } from "./scenario.js";
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
 * next decisions.
 */
export function forecastMigrations(scenario: Scenario): MigrationForecast[] {
  const topology = buildTopology(scenario.nodes, scenario.links);
  const routing = new ShortestPathRouting(topology);
  const forecasts: MigrationForecast[] = new Array<MigrationForecast>(scenario.migrations.length);
  predictReuse(scenario, (index, reuse) => {
    const forecast = forecastOne(scenario, topology, routing, index, reuse);
    forecasts[index] = forecast;
    return forecast.prediction?.totalTimeSec;
  });
  return forecasts;
}

/** One migration's forecast, with the content reuse predicted at its start. */
function forecastOne(scenario: Scenario, topology: Topology, routing: ShortestPathRouting, index: number, reuse: ReuseDecision): MigrationForecast {
  const migration = scenario.migrations[index]!;
  const vm = scenario.vms[migration.vm]!;
  const source = scenario.hosts[vm.host]!;
  const target = scenario.hosts[migration.target]!;
  const dirtyBytesPerSec = vm.dirty.bytesPerSec;
  const route = routing.route(source.node, target.node);
  if (!route) return { index, dirtyBytesPerSec, reuse };
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
    return { index, route: summary, dirtyBytesPerSec, reuse };
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
