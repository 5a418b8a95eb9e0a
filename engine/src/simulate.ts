/**
 * The engine's entry point: runs a scenario and streams its results.
 *
 * Wiring only: the kernel (./kernel/), the network (./network/) and the pre-copy process (./migration/)
 * hold the models; docs/models.md gives their equations. Results list the migrations that finished, in the
 * order the scenario declares them; the sink hears of each as it finishes, in finish order, right after the
 * series points up to that instant.
 */
import { Simulator } from "./kernel/simulator.js";
import { dirtyRateOf } from "./migration/dirtying.js";
import { startPrecopy, type PrecopyOutcome } from "./migration/precopy.js";
import { FlowNetwork } from "./network/flows.js";
import { ShortestPathRouting } from "./network/routing.js";
import { buildTopology } from "./network/topology.js";
import { SeriesBuffer } from "./output/seriesBuffer.js";
import { planMigrations, type PlannedMigration } from "./plan.js";
import type { MigrationResult, SimulationOptions, SimulationResult, SimulationSink } from "./results.js";
import type { Scenario } from "./scenario.js";

/**
 * Simulates `scenario` until every migration has finished, the horizon is reached or `options.isCancelled`
 * returns true. Throws SimulationError, before simulating anything, when the scenario cannot be run (for
 * example a migration between hosts with no route between them).
 */
export function simulate(scenario: Scenario, sink: SimulationSink, options: SimulationOptions = {}): SimulationResult {
  const seed = options.seed ?? scenario.seed;
  const sim = new Simulator(seed);
  const topology = buildTopology(scenario.nodes, scenario.links);
  const plan = planMigrations(scenario, new ShortestPathRouting(topology));
  const network = new FlowNetwork(sim, topology);
  const series = new SeriesBuffer(sink, options.batchSize);

  const results: (MigrationResult | undefined)[] = plan.map(() => undefined);
  const waiting: PlannedMigration[][] = scenario.vms.map(() => []);
  const migrating: boolean[] = scenario.vms.map(() => false);
  let finished = 0;

  const begin = (planned: PlannedMigration): void => {
    migrating[planned.vmIndex] = true;
    const seriesName = `remaining/${planned.vm.name}`;
    startPrecopy({
      sim,
      network,
      route: planned.route,
      memoryBytes: planned.vm.memoryBytes,
      dirtyBytesPerSec: dirtyRateOf(planned.vm.dirty),
      profile: planned.profile,
      onRemaining: (timeSec, bytes) => series.append(seriesName, "bytes", timeSec, bytes),
      onDone: (outcome) => end(planned, outcome),
    });
  };

  const end = (planned: PlannedMigration, outcome: PrecopyOutcome): void => {
    const result = toResult(planned, outcome);
    results[planned.index] = result;
    series.flush();
    sink.migrationDone(result);
    migrating[planned.vmIndex] = false;
    if (++finished === plan.length) sim.stop();
    const next = waiting[planned.vmIndex]!.shift();
    if (next !== undefined) begin(next);
  };

  for (const planned of plan) {
    sim.schedule(planned.startSec, () => {
      if (migrating[planned.vmIndex]) waiting[planned.vmIndex]!.push(planned);
      else begin(planned);
    });
  }

  const outcome = sim.run(scenario.horizonSec, options.isCancelled);
  series.flush();
  const done = results.filter((result): result is MigrationResult => result !== undefined);
  return {
    scenario: scenario.name,
    seed,
    endSec: sim.now,
    migrations: done,
    truncated: done.length < plan.length,
    cancelled: outcome === "cancelled",
  };
}

function toResult(planned: PlannedMigration, outcome: PrecopyOutcome): MigrationResult {
  return {
    vm: planned.vm.name,
    source: planned.source.name,
    target: planned.target.name,
    startSec: outcome.startSec,
    endSec: outcome.endSec,
    totalTimeSec: outcome.endSec - outcome.startSec,
    downtimeSec: outcome.downtimeSec,
    bytesSent: outcome.bytesSent,
    rounds: outcome.rounds,
    stopReason: outcome.stopReason,
  };
}
