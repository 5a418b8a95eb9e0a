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
import { MaxMinWorkspace, solveFlatMaxMin, solveMaxMin, type MaxMinVariable } from "./maxmin.js";

/** Relative tolerance of the saturation and equality tests. */
const EPSILON = 1e-9;

/**
 * Relative margin of the test that a constraint cannot bind: its running load sum drifts by rounding, far
 * less than this over any run.
 */
const INERT_MARGIN = 1e-6;

/** Past this fraction of all variables in a region that must still grow, `solve` re-solves everything. */
const FULL_SOLVE_FRACTION = 0.1;

/**
 * Rates and pass stamps live in typed arrays indexed by variable id, and each pass fills buffers kept from
 * one pass to the next, so that a pass allocates next to nothing: the scan of every constraint's members
 * reads flat memory, and no object is made per re-solved variable.
 */
export class IncrementalMaxMin {
  private readonly capacity: Float64Array;
  private readonly members: number[][];
  private readonly variables: (VariableState | undefined)[] = [];
  /** Rate of each variable, by id (0 once removed). */
  private rates = new Float64Array(64);
  /** Pass stamp of each variable, by id: equal to the current pass's stamp when it is being re-solved. */
  private marks = new Int32Array(64).fill(-1);
  private readonly dirty: number[] = [];
  private readonly isDirty: Uint8Array;
  private readonly inRegion: Uint8Array;
  private readonly pendingChanged: number[] = [];
  private passStamp = 0;
  /** Local index of each constraint in the current pass, valid where `localStamp` is the pass's stamp. */
  private readonly localIndex: Int32Array;
  private readonly localStamp: Int32Array;
  /** Pass stamp of the constraints the current pass adds to the region. */
  private readonly growStamp: Int32Array;
  /** The current pass: its variables (the first `solvedCount` ids), its constraints (by local index), its growth. */
  private solved = new Int32Array(64);
  private solvedCount = 0;
  private readonly touched: number[] = [];
  private readonly grow: number[] = [];
  /** The pass's subproblem in flat form (see FlatMaxMinProblem), with local constraint indices. */
  private subStart = new Int32Array(64);
  private subConstraints = new Int32Array(256);
  private subCaps = new Float64Array(64);
  private subRates = new Float64Array(64);
  private readonly workspace = new MaxMinWorkspace();
  /** Per local constraint: residual capacity, load and largest rate before and after, largest outside rate. */
  private readonly residual: Float64Array;
  private readonly oldLoad: Float64Array;
  private readonly oldMax: Float64Array;
  private readonly outsideMax: Float64Array;
  private readonly newLoad: Float64Array;
  private readonly solvedMax: Float64Array;
  /** Sum of the current rates on each constraint, kept up to date at every rate change (up to rounding). */
  private readonly loadSum: Float64Array;
  /** Per constraint, within the current pass: the sum of the caps of the re-solved variables crossing it. */
  private readonly solvedCaps: Float64Array;
  private readonly capsStamp: Int32Array;
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
    const count = capacities.length;
    this.capacity = Float64Array.from(capacities);
    this.members = Array.from({ length: count }, () => []);
    this.isDirty = new Uint8Array(count);
    this.inRegion = new Uint8Array(count);
    this.localIndex = new Int32Array(count);
    this.localStamp = new Int32Array(count);
    this.growStamp = new Int32Array(count);
    this.residual = new Float64Array(count);
    this.oldLoad = new Float64Array(count);
    this.oldMax = new Float64Array(count);
    this.outsideMax = new Float64Array(count);
    this.newLoad = new Float64Array(count);
    this.solvedMax = new Float64Array(count);
    this.loadSum = new Float64Array(count);
    this.solvedCaps = new Float64Array(count);
    this.capsStamp = new Int32Array(count);
  }

  /** Adds a variable at rate 0 until the next `solve`; returns its id (ids count up from 0). */
  add(constraints: readonly number[], cap?: number): number {
    const id = this.variables.length;
    const positions: number[] = [];
    for (const c of constraints) {
      if (!(c >= 0 && c < this.capacity.length)) throw new RangeError(`constraint index ${c} is out of range`);
    }
    for (const c of constraints) {
      positions.push(this.members[c]!.length);
      this.members[c]!.push(id);
      this.markDirty(c);
    }
    if (id >= this.rates.length) {
      this.rates = grown(this.rates, id + 1);
      const marks = new Int32Array(this.rates.length).fill(-1);
      marks.set(this.marks);
      this.marks = marks;
    }
    this.rates[id] = constraints.length === 0 ? (cap ?? Number.POSITIVE_INFINITY) : 0;
    this.variables.push({ constraints, cap, positions });
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
    this.setRate(id, 0);
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
    return this.variables[id] === undefined ? 0 : this.rates[id]!;
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
      this.solveRegion(region);
      const { solved, solvedCount } = this;
      if (this.grow.length > 0 && solvedCount > this.fullSolveFraction * this.alive) {
        // The change reaches much of the problem: one full solve is cheaper than more growing passes.
        this.solveAll(changed);
        break;
      }
      if (this.grow.length === 0) {
        for (let k = 0; k < solvedCount; k++) {
          const id = solved[k]!;
          if (this.rates[id] !== this.subRates[k]) {
            this.setRate(id, this.subRates[k]!);
            changed.push(id);
          }
        }
        this.lastSolved = solvedCount;
        break;
      }
      for (const c of this.grow) {
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
      if (this.rates[id] !== rates[k]) {
        this.setRate(id, rates[k]!);
        changed.push(id);
      }
    });
    this.lastSolved = ids.length;
  }

  /** Sets a variable's rate and moves the difference onto its constraints' load sums. */
  private setRate(id: number, rate: number): void {
    const delta = rate - this.rates[id]!;
    this.rates[id] = rate;
    for (const c of this.variables[id]!.constraints) this.loadSum[c] = this.loadSum[c]! + delta;
  }

  /**
   * Whether constraint `c`, outside the region, cannot bind in this pass: its load, plus the caps of every
   * re-solved variable crossing it, stays clearly below its capacity. Such a constraint is saturated neither
   * before nor after the pass and never sets a fair share, so it is left out of the subproblem and of the
   * checks, and its members need not be scanned. (The fair shares the sub-solve meets, and the order in which
   * it fixes variables, are those of the binding constraints alone, so the rates are exactly the same.)
   */
  private isInert(c: number): boolean {
    return this.inRegion[c] === 0 && this.loadSum[c]! * (1 + INERT_MARGIN) + this.solvedCaps[c]! < this.capacity[c]! * (1 - INERT_MARGIN);
  }

  private markDirty(c: number): void {
    if (this.isDirty[c] === 0) {
      this.isDirty[c] = 1;
      this.dirty.push(c);
    }
  }

  /**
   * One pass: re-solves the variables crossing `region` into `solved` and `subRates`, and lists in `grow`
   * the constraints the check adds to the region.
   */
  private solveRegion(region: readonly number[]): void {
    const mark = ++this.passStamp;
    const { touched, grow, marks, rates, members, capacity, localIndex, localStamp } = this;
    touched.length = 0;
    grow.length = 0;
    let count = 0;
    for (const c of region) {
      const list = members[c]!;
      for (let m = 0; m < list.length; m++) {
        const id = list[m]!;
        if (marks[id] !== mark) {
          marks[id] = mark;
          if (count === this.solved.length) this.solved = grown(this.solved, count + 1);
          this.solved[count++] = id;
        }
      }
    }
    this.solvedCount = count;
    const solved = this.solved;
    solved.subarray(0, count).sort();

    // Local constraints: every constraint the solved variables cross, in order of first use.
    if (count + 1 > this.subStart.length) {
      this.subStart = new Int32Array(2 * (count + 1));
      this.subCaps = new Float64Array(2 * (count + 1));
      this.subRates = new Float64Array(2 * (count + 1));
    }
    const { subStart, subCaps, solvedCaps, capsStamp } = this;
    for (let k = 0; k < count; k++) {
      const state = this.variables[solved[k]!]!;
      const cap = state.cap ?? Number.POSITIVE_INFINITY;
      for (const c of state.constraints) {
        if (capsStamp[c] !== mark) {
          capsStamp[c] = mark;
          solvedCaps[c] = 0;
        }
        solvedCaps[c] = solvedCaps[c]! + cap;
      }
    }
    let used = 0;
    for (let k = 0; k < count; k++) {
      const state = this.variables[solved[k]!]!;
      const constraints = state.constraints;
      if (used + constraints.length > this.subConstraints.length) this.subConstraints = grown(this.subConstraints, used + constraints.length);
      subStart[k] = used;
      for (let j = 0; j < constraints.length; j++) {
        const c = constraints[j]!;
        if (this.isInert(c)) continue;
        if (localStamp[c] !== mark) {
          localStamp[c] = mark;
          localIndex[c] = touched.length;
          touched.push(c);
        }
        this.subConstraints[used++] = localIndex[c]!;
      }
      subCaps[k] = state.cap ?? Number.NaN;
    }
    subStart[count] = used;
    const subConstraints = this.subConstraints;
    const { residual, oldLoad, oldMax, outsideMax, newLoad, solvedMax } = this;
    for (let i = 0; i < touched.length; i++) {
      const c = touched[i]!;
      let outside = 0;
      let load = 0;
      let max = 0;
      let maxOutside = 0;
      const list = members[c]!;
      for (let m = 0; m < list.length; m++) {
        const id = list[m]!;
        const rate = rates[id]!;
        load += rate;
        if (rate > max) max = rate;
        if (marks[id] !== mark) {
          outside += rate;
          if (rate > maxOutside) maxOutside = rate;
        }
      }
      oldLoad[i] = load;
      oldMax[i] = max;
      outsideMax[i] = maxOutside;
      residual[i] = capacity[c]! - outside;
    }
    const subRates = this.subRates;
    solveFlatMaxMin(
      { constraintCount: touched.length, capacities: residual, variableCount: count, start: subStart, constraints: subConstraints, caps: subCaps },
      subRates,
      this.workspace,
    );

    for (let i = 0; i < touched.length; i++) {
      newLoad[i] = capacity[touched[i]!]! - residual[i]!;
      solvedMax[i] = 0;
    }
    for (let k = 0; k < count; k++) {
      const rate = subRates[k]!;
      for (let j = subStart[k]!; j < subStart[k + 1]!; j++) {
        const i = subConstraints[j]!;
        newLoad[i] = newLoad[i]! + rate;
        solvedMax[i] = Math.max(solvedMax[i]!, rate);
      }
    }
    const saturated = (i: number): boolean => newLoad[i]! >= capacity[touched[i]!]! * (1 - EPSILON);
    const add = (c: number): void => {
      if (this.inRegion[c] === 0 && this.growStamp[c] !== mark) {
        this.growStamp[c] = mark;
        grow.push(c);
      }
    };
    // Outside variables that may have had their bottleneck on a changed constraint must keep it.
    for (let i = 0; i < touched.length; i++) {
      const c = touched[i]!;
      if (this.inRegion[c] === 1 || !(outsideMax[i]! > 0)) continue;
      const mayHoldBottleneck = oldLoad[i]! >= capacity[c]! * (1 - EPSILON) && outsideMax[i]! >= oldMax[i]! * (1 - EPSILON);
      const stillHolds = saturated(i) && outsideMax[i]! >= solvedMax[i]! * (1 - EPSILON);
      if (mayHoldBottleneck && !stillHolds) add(c);
    }
    // Every re-solved variable needs a bottleneck that no outside variable exceeds.
    for (let k = 0; k < count; k++) {
      const rate = subRates[k]!;
      const cap = subCaps[k]!;
      if (!Number.isNaN(cap) && rate >= cap * (1 - EPSILON)) continue;
      let hasBottleneck = false;
      for (let j = subStart[k]!; j < subStart[k + 1]! && !hasBottleneck; j++) {
        const i = subConstraints[j]!;
        hasBottleneck = saturated(i) && rate >= Math.max(solvedMax[i]!, outsideMax[i]!) * (1 - EPSILON);
      }
      if (hasBottleneck) continue;
      for (let j = subStart[k]!; j < subStart[k + 1]!; j++) {
        const i = subConstraints[j]!;
        if (saturated(i) && outsideMax[i]! > rate * (1 + EPSILON)) add(touched[i]!);
      }
    }
  }
}

interface VariableState {
  readonly constraints: readonly number[];
  readonly cap: number | undefined;
  /** Position of the variable in each of its constraints' member lists. */
  readonly positions: number[];
}

/** A copy of `array` with room for at least `length` elements (twice that, so growth is amortised). */
function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(2 * length);
  copy.set(array);
  return copy;
}
