/**
 * Multi-VM migration: when each migration may start (the schedule) and the rate cap each gets (allocation).
 *
 * Schedules, over the migrations in start order (start time, then declaration order):
 * - concurrent (default): every migration starts when due; one group holds them all.
 * - sequential: one at a time; a migration starts when due and once the previous one has finished.
 * - batched of size b: groups of b; a group's migrations start when due and once every migration of the
 *   previous group has finished (waves, as in gang migration).
 * A VM's own migrations still run one after another (../plan.ts).
 *
 * Allocations, within each group of M migrations sharing R (the allocation's `totalBytesPerSec`, else the
 * smallest route bottleneck of the group):
 * - fair (default): no cap; the max-min sharing of ../network/maxmin.ts decides.
 * - equal: R / M as a per-flow cap on every round of each migration.
 * - optimal: paper 003's geometric program (./optimal.ts) with the VMs' memory and nominal dirty rates
 *   (./dirtying.ts `dirtyRateOf`) and `rounds` live rounds (default 3, the value that reproduces the paper's
 *   rate table); each migration's rounds are capped at its r_j. A lone migration gets R.
 */
import type { Scenario } from "../scenario.js";
import { dirtyRateOf } from "./dirtying.js";
import { optimalRates } from "./optimal.js";

/** Live rounds used by the optimal allocation when the scenario does not say. */
export const DEFAULT_OPTIMAL_ROUNDS = 3;

export interface ScheduledMigration {
  /** Index in `Scenario.migrations`. */
  readonly index: number;
  readonly vmIndex: number;
  readonly startSec: number;
  /** The uncontended rate of its route, in bytes/s. */
  readonly bottleneckBytesPerSec: number;
}

export interface SchedulePlan {
  /** Group of each migration, by `Scenario.migrations` index. */
  readonly groupOf: readonly number[];
  /** Rate cap of each migration, by `Scenario.migrations` index (undefined: uncapped). */
  readonly capOf: readonly (number | undefined)[];
  /** Number of migrations in each group. */
  readonly groupSizes: readonly number[];
  /** Whether a group must wait for the previous group to finish. */
  readonly gated: boolean;
}

/** Groups the migrations and computes their caps; throws RangeError on an infeasible allocation. */
export function planSchedule(scenario: Scenario, migrations: readonly ScheduledMigration[]): SchedulePlan {
  const schedule = scenario.schedule ?? { kind: "concurrent" };
  const order = [...migrations].sort((a, b) => a.startSec - b.startSec || a.index - b.index);
  const size = schedule.kind === "concurrent" ? Math.max(order.length, 1) : schedule.kind === "sequential" ? 1 : schedule.size;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const count = scenario.migrations.length;
  const groupOf: number[] = new Array<number>(count).fill(0);
  const groups: ScheduledMigration[][] = [];
  order.forEach((migration, position) => {
    const group = Math.floor(position / size);
    groupOf[migration.index] = group;
    (groups[group] ??= []).push(migration);
  });
  const capOf: (number | undefined)[] = new Array<number | undefined>(count).fill(undefined);
  const allocation = scenario.allocation ?? { kind: "fair" };
  if (allocation.kind !== "fair") {
    for (const group of groups) {
      const total = allocation.totalBytesPerSec ?? Math.min(...group.map((m) => m.bottleneckBytesPerSec));
      if (allocation.kind === "equal") {
        for (const m of group) capOf[m.index] = total / group.length;
      } else {
        const vms = group.map((m) => {
          const vm = scenario.vms[m.vmIndex]!;
          return { memoryBytes: vm.memoryBytes, dirtyBytesPerSec: dirtyRateOf(vm.dirty) };
        });
        const rates = optimalRates({ vms, totalBytesPerSec: total, rounds: allocation.rounds ?? DEFAULT_OPTIMAL_ROUNDS });
        group.forEach((m, j) => (capOf[m.index] = rates.ratesBytesPerSec[j]));
      }
    }
  }
  return { groupOf, capOf, groupSizes: groups.map((g) => g.length), gated: schedule.kind !== "concurrent" };
}

/**
 * Holds back migrations whose group may not start yet. `due` runs `begin` now or once the previous group
 * has finished; `finished` records an end and releases the next group when its predecessor is complete.
 */
export class GroupGate {
  private current = 0;
  private left: number[];
  private readonly held: (() => void)[][];

  constructor(private readonly plan: SchedulePlan) {
    this.left = [...plan.groupSizes];
    this.held = plan.groupSizes.map(() => []);
  }

  due(index: number, begin: () => void): void {
    const group = this.plan.groupOf[index]!;
    if (!this.plan.gated || group <= this.current) begin();
    else this.held[group]!.push(begin);
  }

  finished(index: number): void {
    if (!this.plan.gated) return;
    const group = this.plan.groupOf[index]!;
    this.left[group]!--;
    while (this.current < this.left.length && this.left[this.current] === 0) {
      this.current++;
      const waiting = this.held[this.current] ?? [];
      this.held[this.current] = [];
      for (const begin of waiting) begin();
    }
  }
}
