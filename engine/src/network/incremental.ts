/**
 * Incremental max-min fair sharing: re-solves only the part of the problem that a change can reach.
 *
 * Same problem as ./maxmin.ts (SimGrid's LMM, src/kernel/lmm/System.hpp, whose "selective update" also
 * re-solves only the constraints a change reaches). It rests on the bottleneck characterisation of max-min
 * fairness (Bertsekas & Gallager, Data Networks, §6.5.2): a feasible allocation is the max-min fair one iff
 * every variable is at its cap or crosses a saturated constraint on which no variable gets more than it.
 *
 * After variables join or leave, or capacities change, the constraints they touch form the *region*. The
 * variables crossing the region are re-solved with `solveMaxMin`, every other variable keeping its rate
 * (their rates are taken off the capacities). The result is then checked on every constraint the re-solved
 * variables cross outside the region: where a variable outside may have lost its bottleneck (the constraint
 * was saturated with it among the largest, and now is not saturated or carries a larger re-solved rate), or
 * where a re-solved variable has no bottleneck because a larger outside variable holds the constraint, that
 * constraint joins the region and the solve repeats. The region only grows, so this ends, at worst with the
 * whole connected component of the change (when a pass that must still grow already holds a tenth of all
 * variables, one full solve replaces the remaining passes). The final allocation satisfies the
 * characterisation everywhere, so it equals a full recomputation (up to rounding), which the tests check on
 * random instances.
 */
import { solveMaxMin, type MaxMinVariable } from "./maxmin.js";

/** Relative tolerance of the saturation and equality tests. */
const EPSILON = 1e-9;

/** Past this fraction of all variables in a region that must still grow, `solve` re-solves everything. */
const FULL_SOLVE_FRACTION = 0.1;

export class IncrementalMaxMin {
  private readonly capacity: Float64Array;
  private readonly members: number[][];
  private readonly variables: (VariableState | undefined)[] = [];
  private readonly dirty: number[] = [];
  private readonly isDirty: Uint8Array;
  private readonly inRegion: Uint8Array;
  private readonly pendingChanged: number[] = [];
  private passStamp = 0;
  /** Local index of each constraint in the current pass, valid where `localStamp` is the pass's stamp. */
  private readonly localIndex: Int32Array;
  private readonly localStamp: Int32Array;
  private alive = 0;
  /** Variables re-solved by the last `solve`, and its passes: for benchmarks and tests. */
  lastSolved = 0;
  lastPasses = 0;

  /**
   * `fullSolveFraction`: when a pass that must still grow holds more than this fraction of all variables,
   * re-solve everything at once (default 0.1; +Infinity never does, which tests use).
   */
  constructor(
    capacities: ArrayLike<number>,
    private readonly fullSolveFraction: number = FULL_SOLVE_FRACTION,
  ) {
    this.capacity = Float64Array.from(capacities);
    this.members = Array.from({ length: capacities.length }, () => []);
    this.isDirty = new Uint8Array(capacities.length);
    this.inRegion = new Uint8Array(capacities.length);
    this.localIndex = new Int32Array(capacities.length);
    this.localStamp = new Int32Array(capacities.length);
  }

  /** Adds a variable at rate 0 until the next `solve`; returns its id (ids count up from 0). */
  add(constraints: readonly number[], cap?: number): number {
    const id = this.variables.length;
    const positions: number[] = [];
    for (const c of constraints) {
      if (!(c >= 0 && c < this.capacity.length)) throw new RangeError(`constraint index ${c} is out of range`);
      positions.push(this.members[c]!.length);
      this.members[c]!.push(id);
      this.markDirty(c);
    }
    const rate = constraints.length === 0 ? (cap ?? Number.POSITIVE_INFINITY) : 0;
    this.variables.push({ constraints, cap, rate, positions, mark: -1 });
    this.alive++;
    if (constraints.length === 0) this.pendingChanged.push(id);
    return id;
  }

  /** Removes a variable; the capacity it used is shared out at the next `solve`. */
  remove(id: number): void {
    const state = this.variables[id];
    if (state === undefined) return;
    state.constraints.forEach((c, k) => {
      const list = this.members[c]!;
      const position = state.positions[k]!;
      const last = list.pop()!;
      if (last !== id) {
        list[position] = last;
        const moved = this.variables[last]!;
        moved.positions[moved.constraints.indexOf(c)] = position;
      }
      this.markDirty(c);
    });
    this.variables[id] = undefined;
    this.alive--;
  }

  setCapacity(constraint: number, capacity: number): void {
    if (this.capacity[constraint] === capacity) return;
    this.capacity[constraint] = capacity;
    this.markDirty(constraint);
  }

  /** Current rate of a variable (0 for a removed one). */
  rate(id: number): number {
    return this.variables[id]?.rate ?? 0;
  }

  /** Brings every rate up to date; returns the ids whose rate changed, in increasing order. */
  solve(): number[] {
    const changed = this.pendingChanged.splice(0);
    this.lastSolved = 0;
    this.lastPasses = 0;
    if (this.dirty.length === 0) return changed;
    const region = this.dirty.splice(0);
    for (const c of region) {
      this.isDirty[c] = 0;
      this.inRegion[c] = 1;
    }
    for (;;) {
      this.lastPasses++;
      const pass = this.solveRegion(region);
      if (pass.grow.length > 0 && pass.solved.length > this.fullSolveFraction * this.alive) {
        // The change reaches much of the problem: one full solve is cheaper than more growing passes.
        this.solveAll(changed);
        break;
      }
      if (pass.grow.length === 0) {
        pass.solved.forEach((id, k) => {
          const state = this.variables[id]!;
          if (state.rate !== pass.rates[k]) {
            state.rate = pass.rates[k]!;
            changed.push(id);
          }
        });
        this.lastSolved = pass.solved.length;
        break;
      }
      for (const c of pass.grow) {
        this.inRegion[c] = 1;
        region.push(c);
      }
    }
    for (const c of region) this.inRegion[c] = 0;
    return changed.sort((x, y) => x - y);
  }

  /** Re-solves every variable at once, pushing the ids whose rate changed onto `changed`. */
  private solveAll(changed: number[]): void {
    const ids: number[] = [];
    const subproblem: MaxMinVariable[] = [];
    this.variables.forEach((state, id) => {
      if (state === undefined || state.constraints.length === 0) return;
      ids.push(id);
      subproblem.push(state.cap === undefined ? { constraints: state.constraints } : { constraints: state.constraints, cap: state.cap });
    });
    const rates = solveMaxMin(this.capacity, subproblem);
    ids.forEach((id, k) => {
      const state = this.variables[id]!;
      if (state.rate !== rates[k]) {
        state.rate = rates[k]!;
        changed.push(id);
      }
    });
    this.lastSolved = ids.length;
  }

  private markDirty(c: number): void {
    if (this.isDirty[c] === 0) {
      this.isDirty[c] = 1;
      this.dirty.push(c);
    }
  }

  /** One pass: re-solves the variables crossing `region`; lists the constraints the check adds. */
  private solveRegion(region: readonly number[]): { solved: number[]; rates: Float64Array; grow: number[] } {
    const mark = ++this.passStamp;
    const solved: number[] = [];
    for (const c of region) {
      for (const id of this.members[c]!) {
        const state = this.variables[id]!;
        if (state.mark !== mark) {
          state.mark = mark;
          solved.push(id);
        }
      }
    }
    solved.sort((x, y) => x - y);

    // Local constraints: every constraint the solved variables cross, in order of first use.
    const touched: number[] = [];
    const subproblem: MaxMinVariable[] = solved.map((id) => {
      const state = this.variables[id]!;
      const constraints = state.constraints.map((c) => {
        if (this.localStamp[c] !== mark) {
          this.localStamp[c] = mark;
          this.localIndex[c] = touched.length;
          touched.push(c);
        }
        return this.localIndex[c]!;
      });
      return state.cap === undefined ? { constraints } : { constraints, cap: state.cap };
    });
    const residual = new Float64Array(touched.length);
    const oldLoad = new Float64Array(touched.length);
    const oldMax = new Float64Array(touched.length);
    const outsideMax = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const c = touched[i]!;
      let outside = 0;
      let load = 0;
      let max = 0;
      let maxOutside = 0;
      for (const id of this.members[c]!) {
        const state = this.variables[id]!;
        const rate = state.rate;
        load += rate;
        if (rate > max) max = rate;
        if (state.mark !== mark) {
          outside += rate;
          if (rate > maxOutside) maxOutside = rate;
        }
      }
      oldLoad[i] = load;
      oldMax[i] = max;
      outsideMax[i] = maxOutside;
      residual[i] = this.capacity[c]! - outside;
    }
    const rates = solveMaxMin(residual, subproblem);

    const newLoad = Float64Array.from(touched, (c, i) => this.capacity[c]! - residual[i]!);
    const solvedMax = new Float64Array(touched.length);
    subproblem.forEach((variable, k) => {
      for (const i of variable.constraints) {
        newLoad[i] = newLoad[i]! + rates[k]!;
        solvedMax[i] = Math.max(solvedMax[i]!, rates[k]!);
      }
    });
    const saturated = (load: number, c: number): boolean => load >= this.capacity[c]! * (1 - EPSILON);
    const growing = new Set<number>();
    const add = (c: number): void => {
      if (this.inRegion[c] === 0) growing.add(c);
    };
    // Outside variables that may have had their bottleneck on a changed constraint must keep it.
    touched.forEach((c, i) => {
      if (this.inRegion[c] === 1 || !(outsideMax[i]! > 0)) return;
      const mayHoldBottleneck = saturated(oldLoad[i]!, c) && outsideMax[i]! >= oldMax[i]! * (1 - EPSILON);
      const stillHolds = saturated(newLoad[i]!, c) && outsideMax[i]! >= solvedMax[i]! * (1 - EPSILON);
      if (mayHoldBottleneck && !stillHolds) add(c);
    });
    // Every re-solved variable needs a bottleneck that no outside variable exceeds.
    subproblem.forEach((variable, k) => {
      const rate = rates[k]!;
      if (variable.cap !== undefined && rate >= variable.cap * (1 - EPSILON)) return;
      const hasBottleneck = variable.constraints.some(
        (i) => saturated(newLoad[i]!, touched[i]!) && rate >= Math.max(solvedMax[i]!, outsideMax[i]!) * (1 - EPSILON),
      );
      if (hasBottleneck) return;
      for (const i of variable.constraints) {
        if (saturated(newLoad[i]!, touched[i]!) && outsideMax[i]! > rate * (1 + EPSILON)) add(touched[i]!);
      }
    });
    return { solved, rates, grow: [...growing] };
  }
}

interface VariableState {
  readonly constraints: readonly number[];
  readonly cap: number | undefined;
  rate: number;
  /** Position of the variable in each of its constraints' member lists. */
  readonly positions: number[];
  /** Pass stamp: equal to the current pass's stamp when the variable is being re-solved. */
  mark: number;
}
