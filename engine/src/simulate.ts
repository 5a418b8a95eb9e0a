/**
 * The engine's entry point: runs a scenario and streams its results.
 *
 * Wiring only: the kernel (./kernel/), the network (./network/) and the pre-copy process (./migration/)
 * hold the models; docs/models.md gives their equations. Results list the migrations that finished, in the
 * order the scenario declares them; the sink hears of each as it finishes, in finish order, right after the
 * series points up to that instant.
 */
import { Simulator } from "./kernel/simulator.js";
import { SimulationError } from "./errors.js";
import { startPrecopy, type PrecopyOutcome } from "./migration/precopy.js";
import { GroupGate, planSchedule, type SchedulePlan } from "./migration/schedule.js";
import { legacyStopReason } from "./migration/stopConditions.js";
import { buildNetwork } from "./network/model.js";
import { SeriesBuffer } from "./output/seriesBuffer.js";
import { checkTransport } from "./transport/transport.js";
import { TcpConnection } from "./transport/tcp.js";
import { Random } from "./kernel/random.js";
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
  const net = buildNetwork(sim, scenario);
  const plan = planMigrations(scenario, net.planning);
  const schedule = scheduleOrThrow(scenario, plan);
  const gate = new GroupGate(schedule);
  checkTransport(scenario.transport);
  const tcp = scenario.transport?.kind === "tcp" ? scenario.transport : undefined;
  const connections: (TcpConnection | undefined)[] = plan.map(() => undefined);
  const network = net.flows;
  const series = new SeriesBuffer(sink, options.batchSize);

  const results: (MigrationResult | undefined)[] = plan.map(() => undefined);
  const waiting: PlannedMigration[][] = scenario.vms.map(() => []);
  const migrating: boolean[] = scenario.vms.map(() => false);
  let finished = 0;

  const begin = (planned: PlannedMigration): void => {
    migrating[planned.vmIndex] = true;
    const seriesName = `remaining/${planned.vm.name}`;
    const route = net.routeAtStart(planned.source.node, planned.target.node, planned.index, planned.route);
    const windowName = `cwnd/${planned.vm.name}`;
    const connection = tcp === undefined ? undefined : new TcpConnection({
      sim,
      network,
      route,
      spec: tcp,
      // One generator per migration, from the seed and the migration's index, so no other model's draws move.
      random: new Random((seed ^ Math.imul(planned.index + 1, 0x9e3779b9)) >>> 0),
      onWindow: (timeSec, bytes) => series.append(windowName, "bytes", timeSec, bytes),
    });
    connections[planned.index] = connection;
    startPrecopy({
      sim,
      network,
      route,
      spec: {
        memoryBytes: planned.vm.memoryBytes,
        dirty: planned.vm.dirty,
        profile: planned.profile,
        ...(planned.vm.staticBytes === undefined ? {} : { staticBytes: planned.vm.staticBytes }),
        ...(planned.vm.disk === undefined ? {} : { disk: planned.vm.disk }),
        mode: scenario.migrations[planned.index]!.mode ?? "precopy",
        ...rateCap(schedule, planned.index),
      },
      pageBytes: planned.vm.pageBytes,
      onRemaining: (timeSec, bytes) => series.append(seriesName, "bytes", timeSec, bytes),
      onDone: (outcome) => end(planned, outcome),
      ...(connection === undefined ? {} : { transport: connection }),
    });
  };

  const end = (planned: PlannedMigration, outcome: PrecopyOutcome): void => {
    const connection = connections[planned.index];
    const fluid = toResult(planned, outcome, schedule.capOf[planned.index]);
    const result = connection === undefined ? fluid : { ...fluid, tcp: connection.stats };
    results[planned.index] = result;
    series.flush();
    sink.migrationDone(result);
    migrating[planned.vmIndex] = false;
    if (++finished === plan.length) sim.stop();
    const next = waiting[planned.vmIndex]!.shift();
    if (next !== undefined) begin(next);
    gate.finished(planned.index);
  };

  for (const planned of plan) {
    sim.schedule(planned.startSec, () =>
      gate.due(planned.index, () => {
        if (migrating[planned.vmIndex]) waiting[planned.vmIndex]!.push(planned);
        else begin(planned);
      }),
    );
  }

  const outcome = sim.run(scenario.horizonSec, options.isCancelled);
  net.finish(series, sim.now);
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

function toResult(planned: PlannedMigration, outcome: PrecopyOutcome, cap: number | undefined): MigrationResult {
  const stopReason = legacyStopReason(outcome.stopRule);
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
    stopReason,
    ...(outcome.stopRule === stopReason ? {} : { stopRule: outcome.stopRule }),
    ...(outcome.degradedSec === undefined ? {} : { degradedSec: outcome.degradedSec }),
    ...(outcome.remoteFaults === undefined ? {} : { remoteFaults: outcome.remoteFaults }),
    ...(cap === undefined ? {} : { allocatedRateBytesPerSec: cap }),
  };
}

/** The schedule's groups and rate caps (migration/schedule.ts); an infeasible allocation is a SimulationError. */
function scheduleOrThrow(scenario: Scenario, plan: readonly PlannedMigration[]): SchedulePlan {
  const migrations = plan.map((p) => ({
    index: p.index,
    vmIndex: p.vmIndex,
    startSec: p.startSec,
    bottleneckBytesPerSec: p.route.bottleneckBytesPerSec,
  }));
  try {
    return planSchedule(scenario, migrations);
  } catch (error) {
    throw new SimulationError(`rate allocation: ${(error as Error).message}`);
  }
}

function rateCap(schedule: SchedulePlan, index: number): { rateCapBytesPerSec?: number } {
  const cap = schedule.capOf[index];
  return cap === undefined ? {} : { rateCapBytesPerSec: cap };
}
