/**
 * Forecasts every migration of a scenario with the closed-form model, without running the simulation:
 * what the language server shows while the user types (diagnostics, hover, inlay hints).
 *
 * Each migration is predicted as if it ran alone on its shortest path (uncontended), which is exact for
 * a lone migration (migration/analytic.ts) and optimistic when migrations share links. A migration whose
 * hosts are not connected gets `route: undefined`.
 */
import { buildTopology } from "./network/topology.js";
import { ShortestPathRouting } from "./network/routing.js";
import { predictMigration, type MigrationPrediction } from "./migration/analytic.js";
import type { Scenario } from "./scenario.js";

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
}

/** Forecasts each migration from the host its VM starts on (a VM's later moves are not chained). */
export function forecastMigrations(scenario: Scenario): MigrationForecast[] {
  const topology = buildTopology(scenario.nodes, scenario.links);
  const routing = new ShortestPathRouting(topology);
  return scenario.migrations.map((migration, index) => {
    const vm = scenario.vms[migration.vm]!;
    const source = scenario.hosts[vm.host]!;
    const target = scenario.hosts[migration.target]!;
    const dirtyBytesPerSec = vm.dirty.bytesPerSec;
    const route = routing.route(source.node, target.node);
    if (!route) return { index, dirtyBytesPerSec };
    const narrowest = route.links.find((id) => topology.directedLinks[id]!.bandwidthBytesPerSec === route.bottleneckBytesPerSec);
    const bottleneckLink = narrowest === undefined ? -1 : topology.directedLinks[narrowest]!.link;
    const summary = { bandwidthBytesPerSec: route.bottleneckBytesPerSec, latencySec: route.latencySec, hops: route.links.length, bottleneckLink };
    try {
      const prediction = predictMigration({
        memoryBytes: vm.memoryBytes,
        dirtyBytesPerSec,
        dirty: vm.dirty,
        staticBytes: vm.staticBytes,
        disk: vm.disk,
        mode: migration.mode,
        pageBytes: vm.pageBytes,
        bandwidthBytesPerSec: route.bottleneckBytesPerSec,
        latencySec: route.latencySec,
        profile: scenario.profiles[source.profile]!,
      });
      return { index, route: summary, dirtyBytesPerSec, prediction };
    } catch {
      return { index, route: summary, dirtyBytesPerSec };
    }
  });
}
