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
import type { RoundStage } from "./migration/rounds.js";
import { GroupGate, planSchedule, type SchedulePlan } from "./migration/schedule.js";
import { legacyStopReason } from "./migration/stopConditions.js";
import { buildNetwork, type NetworkModel } from "./network/model.js";
import { SeriesBuffer } from "./output/seriesBuffer.js";
import { LinkFrameSampler, plannedFrameIntervalSec } from "./output/linkFrames.js";
import { topologySnapshot } from "./output/topologySnapshot.js";
import { checkTransport } from "./transport/transport.js";
import { TcpConnection } from "./transport/tcp.js";
import { prepareArchitecture } from "./architecture/architecture.js";
import { Random } from "./kernel/random.js";
import { planMigrations, type PlannedMigration } from "./plan.js";
import { planPlacement } from "./placement/release.js";
import { startVmFlows } from "./traffic/vmFlows.js";
import { checkContentReuse, Residency, type ReuseDecision } from "./migration/contentReuse.js";
import type { MigrationResult, SimulationOptions, SimulationResult, SimulationSink } from "./results.js";
import type { Scenario } from "./scenario.js";

/**
 * Simulates `scenario` until every migration has finished, the horizon is reached or `options.isCancelled`
 * returns true. Throws SimulationError, before simulating anything, when the scenario cannot be run (for
 * example a migration between hosts with no route between them).
 */
export function simulate(declared: Scenario, sink: SimulationSink, options: SimulationOptions = {}): SimulationResult {
  const seed = options.seed ?? declared.seed;
  // Paper 004's S-CORE: its decisions are appended as migrations, released iteration by iteration.
  const placement = planPlacement(declared, seed);
  const scenario = placement?.scenario ?? declared;
  const sim = new Simulator(seed);
  const net = buildNetwork(sim, scenario);
  const plan = planMigrations(scenario, net.planning);
  const schedule = scheduleOrThrow(scenario, plan);
  const gate = placement?.gate(new GroupGate(schedule), sim, (event) => series.event(event)) ?? new GroupGate(schedule);
  checkTransport(scenario.transport);
  checkContentReuse(scenario.contentReuse);
  // Paper 001: the hypervisor's migration mode and the network architecture (IP subnets or XIA domains).
  const architecture = prepareArchitecture(scenario, net.topology);
  // Paper 002: static pages are reused when the destination runs a similar VM at the migration's start.
  const residency = new Residency(scenario);
  const reuse: ReuseDecision[] = plan.map(() => ({ staticBytes: 0 }));
  const tcp = scenario.transport?.kind === "tcp" ? scenario.transport : undefined;
  const connections: (TcpConnection | undefined)[] = plan.map(() => undefined);
  const network = net.flows;
  const series = new SeriesBuffer(sink, options.batchSize);
  const topology = topologySnapshot(scenario);
  sink.topology?.(topology);
  const frames = series.wantsLinkLoads ? startLinkFrames(scenario, plan, net, series, options) : undefined;
  // Traffic of the VMs themselves: paused with its VM's stop-and-copy, re-routed from its new host on resume.
  const vmFlows = startVmFlows(sim, net, scenario, seed);

  const results: (MigrationResult | undefined)[] = plan.map(() => undefined);
  const waiting: PlannedMigration[][] = scenario.vms.map(() => []);
  const migrating: boolean[] = scenario.vms.map(() => false);
  let finished = 0;

  const begin = (planned: PlannedMigration): void => {
    migrating[planned.vmIndex] = true;
    reuse[planned.index] = residency.atStart(planned.index);
    const vmName = planned.vm.name;
    const seriesName = `remaining/${vmName}`;
    const rateName = `rate/${vmName}`;
    const route = net.routeAtStart(planned.source.node, planned.target.node, planned.index, planned.route);
    if (series.wantsEvents) {
      const links = route.links.map((directed) => directed >> 1);
      series.event({ kind: "migration-start", timeSec: sim.now, vm: vmName, source: planned.source.name, target: planned.target.name, links });
    }
    const windowName = `cwnd/${planned.vm.name}`;
    const relay = architecture.relay(planned.profile, route, sim, network);
    const connection = tcp === undefined || relay !== undefined ? undefined : new TcpConnection({
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
        profile: relay?.profile ?? planned.profile,
        ...(reuse[planned.index]!.staticBytes > 0 ? { staticBytes: reuse[planned.index]!.staticBytes } : {}),
        ...(planned.vm.disk === undefined ? {} : { disk: planned.vm.disk }),
        mode: scenario.migrations[planned.index]!.mode ?? "precopy",
        ...rateCap(schedule, planned.index),
      },
      pageBytes: planned.vm.pageBytes,
      onRemaining: (timeSec, bytes) => series.append(seriesName, "bytes", timeSec, bytes),
      onRate: (timeSec, bytesPerSec) => series.append(rateName, "bytes/s", timeSec, bytesPerSec),
      ...roundStartHook(series.wantsEvents ? roundEvents(series, vmName) : undefined, vmFlows?.follower(planned.vmIndex, planned.target.node)),
      onDone: (outcome) => end(planned, outcome),
      ...(connection === undefined ? (relay === undefined ? {} : { transport: relay.transport }) : { transport: connection }),
    });
  };

  const end = (planned: PlannedMigration, outcome: PrecopyOutcome): void => {
    const connection = connections[planned.index];
    residency.arrived(planned.index);
    vmFlows?.resume(planned.vmIndex, planned.target.node);
    const fluid = { ...toResult(planned, outcome, schedule.capOf[planned.index]), ...reuseFields(scenario, reuse[planned.index]!) };
    const resumeSec = outcome.endSec - (outcome.degradedSec ?? 0);
    const reached = architecture.reachability(scenario.hosts.indexOf(planned.source), scenario.hosts.indexOf(planned.target), resumeSec - outcome.downtimeSec, resumeSec);
    const result = { ...(connection === undefined ? fluid : { ...fluid, tcp: connection.stats }), ...(reached === undefined ? {} : { reachability: reached }) };
    results[planned.index] = result;
    series.event({ kind: "migration-end", timeSec: outcome.endSec, vm: result.vm, downtimeSec: result.downtimeSec });
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
  frames?.finish(sim.now);
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
    topology,
    ...(placement === undefined ? {} : { placement: placement.report }),
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

/** The result's content reuse fields: bytes round 0 did not send, and the VM they were copied from. */
function reuseFields(scenario: Scenario, decision: ReuseDecision): Pick<MigrationResult, "reusedBytes" | "reusedFrom"> {
  if (!(decision.staticBytes > 0)) return {};
  return { reusedBytes: decision.staticBytes, ...(decision.donor === undefined ? {} : { reusedFrom: scenario.vms[decision.donor]!.name }) };
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

/** Events of the rounds of VM `vm`: `stop-and-copy` for the final round, `round-start` for any other. */
function roundEvents(series: SeriesBuffer, vm: string): (timeSec: number, round: number, stage: RoundStage, bytes: number) => void {
  return (timeSec, round, stage, bytes) =>
    series.event(stage === "final" ? { kind: "stop-and-copy", timeSec, vm, bytes } : { kind: "round-start", timeSec, vm, round, bytes });
}

/** The round-start callback of a migration: its events, then what its VM's flows must know; none if neither. */
function roundStartHook(
  events: ((timeSec: number, round: number, stage: RoundStage, bytes: number) => void) | undefined,
  flows: ((stage: RoundStage) => void) | undefined,
): { onRoundStart?: (timeSec: number, round: number, stage: RoundStage, bytes: number) => void } {
  if (flows === undefined) return events === undefined ? {} : { onRoundStart: events };
  return {
    onRoundStart: (timeSec, round, stage, bytes) => {
      events?.(timeSec, round, stage, bytes);
      flows(stage);
    },
  };
}

/** Link-load frames (output/linkFrames.ts) at `options.linkFrameIntervalSec`, or at an interval from the plan. */
function startLinkFrames(
  scenario: Scenario,
  plan: readonly PlannedMigration[],
  net: NetworkModel,
  series: SeriesBuffer,
  options: SimulationOptions,
): LinkFrameSampler {
  const fixed = options.linkFrameIntervalSec;
  if (fixed !== undefined && !(fixed > 0 && Number.isFinite(fixed))) {
    throw new RangeError(`linkFrameIntervalSec must be a positive number of seconds, got ${fixed}`);
  }
  const interval = fixed ?? plannedFrameIntervalSec(scenario, plan);
  return new LinkFrameSampler(net.flows, net.topology, interval, (frame) => series.linkFrame(frame), 0, fixed === undefined);
}
