/**
 * Max-min fair sharing of capacities among variables: the bandwidth-sharing solver.
 *
 * This module knows nothing of links, flows or migrations. It solves the problem SimGrid's LMM solver
 * (src/kernel/lmm/System.hpp, simgrid/simgrid) solves, without per-variable weights:
 *
 *   Given constraints c with capacities C_c >= 0 and variables v, each using a set S_v of constraints and
 *   optionally capped at B_v, find rates x_v >= 0 such that
 *     for every constraint c:  sum over { v : c in S_v } of x_v <= C_c,
 *     for every variable v:    x_v <= B_v,
 *   and x is max-min fair: no x_v can grow without shrinking some x_w <= x_v.
 *
 * It is solved by progressive filling. Every variable not yet fixed runs at a common level, raised from 0.
 * The level stops at the smallest of (a) the fair share R_c / n_c of some constraint, where R_c is its
 * capacity minus the rates already fixed on it and n_c the number of its unfixed variables, and (b) the
 * smallest cap of an unfixed variable. In case (a) every unfixed variable of c is fixed at that level (c is
 * the bottleneck of those variables); in case (b) the capped variable is fixed at its cap, and the capacity
 * it leaves unused stays available to the others. The loop ends when every variable is fixed. A variable
 * that uses no constraint gets its cap, or +Infinity without one.
 *
 * The smallest share is kept in a heap with lazy deletion, and all caps below the current level are fixed in
 * one step, so a solve costs O((Σ_v |S_v| + constraints) · log constraints).
 */

/** A variable of the sharing problem, for example a flow. */
export interface MaxMinVariable {
  /** Indices of the constraints the variable uses (into the capacities array), each listed once. */
  readonly constraints: readonly number[];
  /** Highest rate the variable may get; absent means uncapped. */
  readonly cap?: number;
}

/**
 * The same problem in flat form, which callers that solve often fill into reused buffers: variable v uses
 * constraints[start[v]] .. constraints[start[v + 1] - 1] and is capped at caps[v], NaN meaning uncapped.
 * Only the first `constraintCount` capacities and `variableCount` variables are read.
 */
export interface FlatMaxMinProblem {
  readonly constraintCount: number;
  readonly capacities: ArrayLike<number>;
  readonly variableCount: number;
  readonly start: ArrayLike<number>;
  readonly constraints: ArrayLike<number>;
  readonly caps: ArrayLike<number>;
}

/** Returns the max-min fair rate of each variable, in the order of `variables`. */
export function solveMaxMin(capacities: ArrayLike<number>, variables: readonly MaxMinVariable[]): Float64Array {
  const start = new Int32Array(variables.length + 1);
  variables.forEach((variable, v) => (start[v + 1] = start[v]! + variable.constraints.length));
  const constraints = new Int32Array(start[variables.length]!);
  const caps = new Float64Array(variables.length);
  variables.forEach((variable, v) => {
    for (const [k, c] of variable.constraints.entries()) {
      if (!(c >= 0 && c < capacities.length)) throw new RangeError(`constraint index ${c} is out of range`);
      constraints[start[v]! + k] = c;
    }
    caps[v] = variable.cap ?? Number.NaN;
  });
  const rates = new Float64Array(variables.length);
  solveFlatMaxMin({ constraintCount: capacities.length, capacities, variableCount: variables.length, start, constraints, caps }, rates);
  return rates;
}

/**
 * Scratch buffers of `solveFlatMaxMin`. A caller that solves often keeps one and passes it to every solve, so
 * that a solve allocates next to nothing; buffers grow to the largest problem seen.
 */
export class MaxMinWorkspace {
  fixed = new Uint8Array(0);
  remaining = new Float64Array(0);
  unfixedUsers = new Int32Array(0);
  stamp = new Int32Array(0);
  isTouched = new Uint8Array(0);
  memberStart = new Int32Array(0);
  memberList = new Int32Array(0);
  readonly heap = new ShareHeap();
  readonly touched: number[] = [];

  /** Makes every buffer large enough for the problem, zeroed where a solve expects zeros. */
  prepare(constraintCount: number, variableCount: number, memberCount: number): void {
    if (this.fixed.length < variableCount) this.fixed = new Uint8Array(2 * variableCount);
    else this.fixed.fill(0, 0, variableCount);
    if (this.remaining.length < constraintCount + 1) {
      const size = 2 * (constraintCount + 1);
      this.remaining = new Float64Array(size);
      this.unfixedUsers = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.isTouched = new Uint8Array(size);
      this.memberStart = new Int32Array(size);
    } else {
      this.stamp.fill(0, 0, constraintCount);
      this.isTouched.fill(0, 0, constraintCount);
      this.memberStart.fill(0, 0, constraintCount + 1);
    }
    if (this.memberList.length < memberCount) this.memberList = new Int32Array(2 * memberCount);
    this.heap.clear();
    this.touched.length = 0;
  }
}

/**
 * Writes the max-min fair rate of each variable of `problem` into `rates`, in variable order, using the
 * buffers of `workspace` (a fresh one by default).
 */
export function solveFlatMaxMin(problem: FlatMaxMinProblem, rates: Float64Array, workspace: MaxMinWorkspace = new MaxMinWorkspace()): void {
  const { constraintCount, variableCount, start: varStart, constraints: varConstraints, caps } = problem;
  workspace.prepare(constraintCount, variableCount, varStart[variableCount]! - varStart[0]!);
  rates.fill(0, 0, variableCount);
  const { fixed, remaining, unfixedUsers, stamp, heap, touched, isTouched } = workspace;
  for (let c = 0; c < constraintCount; c++) remaining[c] = problem.capacities[c]!;
  const members = membersByConstraint(problem, workspace);
  // Fair shares live in a heap with lazy deletion: an entry is current when its stamp is the constraint's.
  const share = (c: number): number => Math.max(remaining[c]!, 0) / unfixedUsers[c]!;

  const fix = (v: number, rate: number): void => {
    rates[v] = rate;
    fixed[v] = 1;
    for (let k = varStart[v]!; k < varStart[v + 1]!; k++) {
      const c = varConstraints[k]!;
      remaining[c] = remaining[c]! - rate;
      unfixedUsers[c] = unfixedUsers[c]! - 1;
      if (isTouched[c] === 0) {
        isTouched[c] = 1;
        touched.push(c);
      }
    }
  };
  /** Re-enters the shares of the constraints changed since the last call. */
  const refresh = (): void => {
    for (const c of touched) {
      isTouched[c] = 0;
      stamp[c] = stamp[c]! + 1;
      if (unfixedUsers[c]! > 0) heap.push(share(c), c, stamp[c]!);
    }
    touched.length = 0;
  };

  let unfixed = variableCount;
  for (let c = 0; c < constraintCount; c++) unfixedUsers[c] = members.start[c + 1]! - members.start[c]!;
  for (let v = 0; v < variableCount; v++) {
    if (varStart[v + 1] === varStart[v]) {
      const cap = caps[v]!;
      fix(v, Number.isNaN(cap) ? Number.POSITIVE_INFINITY : cap);
      unfixed--;
    }
  }
  touched.length = 0;
  for (let c = 0; c < constraintCount; c++) if (unfixedUsers[c]! > 0) heap.push(share(c), c, 0);
  const capped = cappedInOrder(problem);
  let nextCapped = 0;

  while (unfixed > 0) {
    // The smallest current fair share, ties to the lowest constraint index.
    while (heap.size > 0 && (heap.topStamp() !== stamp[heap.topConstraint()] || unfixedUsers[heap.topConstraint()] === 0)) heap.pop();
    const level = heap.size > 0 ? heap.topShare() : Number.POSITIVE_INFINITY;

    // Every cap at or below the level is fixed at once: fixing v at cap <= level <= R_c / n_c leaves
    // (R_c - cap) / (n_c - 1) >= R_c / n_c, so no share falls below the level and the order does not matter.
    let cappedNow = 0;
    while (nextCapped < capped.length) {
      const v = capped[nextCapped]!;
      if (fixed[v] === 1) {
        nextCapped++;
        continue;
      }
      const cap = caps[v]!;
      if (cap > level) break;
      fix(v, cap);
      unfixed--;
      nextCapped++;
      cappedNow++;
    }
    if (cappedNow > 0) {
      refresh();
      continue;
    }
    if (heap.size === 0) break;

    const bottleneck = heap.topConstraint();
    heap.pop();
    for (let k = members.start[bottleneck]!; k < members.start[bottleneck + 1]!; k++) {
      const v = members.list[k]!;
      if (fixed[v] === 1) continue;
      fix(v, level);
      unfixed--;
    }
    remaining[bottleneck] = 0;
    refresh();
  }
}

/** A binary min-heap of (share, constraint, stamp), ordered by share, then constraint index. */
class ShareHeap {
  private shares: number[] = [];
  private constraints: number[] = [];
  private stamps: number[] = [];

  get size(): number {
    return this.shares.length;
  }

  topShare(): number {
    return this.shares[0]!;
  }

  topConstraint(): number {
    return this.constraints[0]!;
  }

  topStamp(): number {
    return this.stamps[0]!;
  }

  clear(): void {
    this.shares.length = 0;
    this.constraints.length = 0;
    this.stamps.length = 0;
  }

  push(share: number, constraint: number, stamp: number): void {
    let i = this.shares.length;
    this.shares.push(share);
    this.constraints.push(constraint);
    this.stamps.push(stamp);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.shares.length - 1;
    this.swap(0, last);
    this.shares.pop();
    this.constraints.pop();
    this.stamps.pop();
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < last && this.less(left, smallest)) smallest = left;
      if (right < last && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private less(i: number, j: number): boolean {
    const a = this.shares[i]!;
    const b = this.shares[j]!;
    return a < b || (a === b && this.constraints[i]! < this.constraints[j]!);
  }

  private swap(i: number, j: number): void {
    const s = this.shares[i]!;
    this.shares[i] = this.shares[j]!;
    this.shares[j] = s;
    const c = this.constraints[i]!;
    this.constraints[i] = this.constraints[j]!;
    this.constraints[j] = c;
    const t = this.stamps[i]!;
    this.stamps[i] = this.stamps[j]!;
    this.stamps[j] = t;
  }
}

/**
 * The variables of each constraint in compressed rows, in the workspace's (zeroed) member buffers: those of c
 * are list[start[c]] .. list[start[c+1]-1].
 */
function membersByConstraint(problem: FlatMaxMinProblem, workspace: MaxMinWorkspace): { start: Int32Array; list: Int32Array } {
  const { constraintCount, variableCount, start: varStart, constraints: varConstraints } = problem;
  const start = workspace.memberStart;
  const used = varStart[variableCount]!;
  for (let k = varStart[0]!; k < used; k++) start[varConstraints[k]! + 1] = start[varConstraints[k]! + 1]! + 1;
  for (let c = 0; c < constraintCount; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const list = workspace.memberList;
  // The cursors borrow the workspace's share counters, which the solve fills afterwards.
  const cursor = workspace.unfixedUsers;
  cursor.set(start.subarray(0, constraintCount));
  for (let v = 0; v < variableCount; v++) {
    for (let k = varStart[v]!; k < varStart[v + 1]!; k++) list[cursor[varConstraints[k]!]!++] = v;
  }
  return { start, list };
}

/** Indices of the capped variables that use some constraint, by increasing cap, ties by index. */
function cappedInOrder(problem: FlatMaxMinProblem): number[] {
  const { variableCount, start, caps } = problem;
  const capped: number[] = [];
  for (let v = 0; v < variableCount; v++) {
    if (!Number.isNaN(caps[v]!) && start[v + 1]! > start[v]!) capped.push(v);
  }
  return capped.sort((x, y) => caps[x]! - caps[y]! || x - y);
}
