/**
 * Turns a scenario's S-CORE placement policy into migrations the engine simulates, released iteration by
 * iteration.
 *
 * Source: paper 004 (Hamilton, S-CORE, ../shared/papers/004_7bdc0f42a00b8d78.txt) §4 and §5.1. Before the
 * run, the data-centre traffic generator (../traffic/datacentre.ts) draws λ(u, v) from the run's seed and
 * S-CORE (./score.ts) decides every iteration's moves on the declared placement. Each move becomes a
 * pre-copy migration of the VM as declared (memory, dirty model), appended after the scenario's own
 * migrations; iteration k + 1's migrations are due once all of iteration k's have finished (a VM acts on
 * the placement the previous token pass left), and the scenario's schedule still applies within that order.
 * A `placement-iteration` event marks the initial placement at the policy's start time and each iteration
 * when its last migration ends. The generated traffic drives the decisions only; it does not load links.
 */
import { SimulationError } from "../errors.js";
import type { Simulator } from "../kernel/simulator.js";
import type { PlacementReport, SimulationEvent } from "../results.js";
import type { Migration, Scenario } from "../scenario.js";
import { generateDatacentreTraffic, type VmTraffic } from "../traffic/datacentre.js";
import { mapRacks, type RackMap } from "./levels.js";
import { runScore, type ScoreOutcome } from "./score.js";

/** What `gate` needs of the schedule's own gate (../migration/schedule.ts GroupGate). */
export interface MigrationGate {
  due(index: number, begin: () => void): void;
  finished(index: number): void;
}

export interface PlacementRun {
  /** The scenario with S-CORE's migrations appended to its own. */
  readonly scenario: Scenario;
  readonly report: PlacementReport;
  /** Wraps the schedule's gate so that iterations follow one another; emits the iteration events. */
  gate(inner: MigrationGate, sim: Simulator, emit: (event: SimulationEvent) => void): MigrationGate;
}

/** Plans the scenario's placement policy, if it has one; throws SimulationError on a problem. */
export function planPlacement(scenario: Scenario, seed: number): PlacementRun | undefined {
  const spec = scenario.placement;
  if (spec === undefined) return undefined;
  const racks = mapRacks(scenario);
  checkConnected(racks, scenario);
  const outcome = decide(scenario, racks, seed);
  const startSec = spec.startSec ?? 0;
  const declared = scenario.migrations.length;
  const iterationOf: number[] = [];
  const added: Migration[] = [];
  for (const { iteration, moves } of outcome.iterations) {
    for (const move of moves) {
      added.push({ vm: move.vm, target: move.to, startSec });
      iterationOf.push(iteration);
    }
  }
  const report: PlacementReport = {
    policy: "s-core",
    token: spec.token,
    iterations: outcome.iterations.map(({ iteration, cost, moves }) => ({ iteration, cost, migrations: moves.length })),
    racks: racks.rackNames,
    torTrafficBefore: outcome.torBefore,
    torTrafficAfter: outcome.torAfter,
  };
  return {
    scenario: { ...scenario, migrations: [...scenario.migrations, ...added] },
    report,
    gate: (inner, sim, emit) => new IterationGate(inner, sim, emit, report, startSec, declared, iterationOf),
  };
}

/** The traffic and S-CORE's decisions, as SimulationErrors when the scenario gives bad values. */
function decide(scenario: Scenario, racks: RackMap, seed: number): ScoreOutcome {
  const rackOfVm = scenario.vms.map((vm) => {
    const rack = racks.rackOfHost[vm.host];
    if (rack === undefined) throw new SimulationError(`VM ${vm.name}: host ${vm.host} does not exist`);
    return rack;
  });
  try {
    const traffic: VmTraffic = scenario.datacentreTraffic === undefined
      ? { vmCount: scenario.vms.length, rates: new Map(), hotspotRacks: [], flows: [] }
      : generateDatacentreTraffic(scenario.datacentreTraffic, rackOfVm, racks.rackNames.length, seed);
    return runScore({
      hosts: scenario.hosts,
      vmMemoryBytes: scenario.vms.map((vm) => vm.memoryBytes),
      initialHost: scenario.vms.map((vm) => vm.host),
      racks,
      traffic,
      spec: scenario.placement!,
    });
  } catch (error) {
    if (error instanceof RangeError) throw new SimulationError(`S-CORE placement: ${error.message}`);
    throw error;
  }
}

function checkConnected(racks: RackMap, scenario: Scenario): void {
  racks.levels.forEach((row, a) =>
    row.forEach((level, b) => {
      if (!Number.isFinite(level)) {
        throw new SimulationError(`S-CORE placement: no network path between racks ${racks.rackNames[a]} and ${racks.rackNames[b]} (scenario ${scenario.name})`);
      }
    }),
  );
}

/** Releases iteration k + 1's migrations once iteration k's have all finished; declared ones pass through. */
class IterationGate implements MigrationGate {
  private released: number;
  private readonly left: number[];
  private readonly held: (() => void)[][];
  private announced = 0;

  constructor(
    private readonly inner: MigrationGate,
    private readonly sim: Simulator,
    private readonly emit: (event: SimulationEvent) => void,
    private readonly report: PlacementReport,
    startSec: number,
    private readonly declared: number,
    private readonly iterationOf: readonly number[],
  ) {
    this.left = report.iterations.map((it) => it.migrations);
    this.held = report.iterations.map(() => []);
    this.released = this.firstBusyFrom(1);
    sim.schedule(startSec, () => this.announceUpTo(this.released - 1));
  }

  due(index: number, begin: () => void): void {
    const iteration = this.iterationOf[index - this.declared];
    if (iteration === undefined || iteration <= this.released) this.inner.due(index, begin);
    else this.held[iteration]!.push(() => this.inner.due(index, begin));
  }

  finished(index: number): void {
    this.inner.finished(index);
    const iteration = this.iterationOf[index - this.declared];
    if (iteration === undefined || --this.left[iteration]! > 0) return;
    const next = this.firstBusyFrom(iteration + 1);
    this.announceUpTo(next - 1);
    this.released = next;
    const waiting = this.held[next] ?? [];
    this.held[next] = [];
    for (const begin of waiting) begin();
  }

  /** The first iteration from `from` on that has migrations, or the iteration count when none has. */
  private firstBusyFrom(from: number): number {
    let iteration = from;
    while (iteration < this.left.length && this.left[iteration] === 0) iteration++;
    return iteration;
  }

  /** Emits the events of every iteration up to `last` not yet announced, at the current time. */
  private announceUpTo(last: number): void {
    for (; this.announced <= Math.min(last, this.report.iterations.length - 1); this.announced++) {
      const { iteration, cost, migrations } = this.report.iterations[this.announced]!;
      this.emit({ kind: "placement-iteration", timeSec: this.sim.now, iteration, cost, migrations });
    }
  }
}
