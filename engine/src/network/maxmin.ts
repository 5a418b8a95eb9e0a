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
 * Cost: at most (constraints + capped variables) filling steps, each scanning the constraints still in use.
 */

/** A variable of the sharing problem, for example a flow. */
export interface MaxMinVariable {
  /** Indices of the constraints the variable uses (into the capacities array), each listed once. */
  readonly constraints: readonly number[];
  /** Highest rate the variable may get; absent means uncapped. */
  readonly cap?: number;
}

/** Returns the max-min fair rate of each variable, in the order of `variables`. */
export function solveMaxMin(capacities: ArrayLike<number>, variables: readonly MaxMinVariable[]): Float64Array {
  const constraintCount = capacities.length;
  const variableCount = variables.length;
  const rates = new Float64Array(variableCount);
  const fixed = new Uint8Array(variableCount);
  const remaining = Float64Array.from(capacities);
  const members = membersByConstraint(constraintCount, variables);
  const unfixedUsers = new Int32Array(constraintCount);
  for (let c = 0; c < constraintCount; c++) unfixedUsers[c] = members.start[c + 1]! - members.start[c]!;

  const fix = (v: number, rate: number): void => {
    rates[v] = rate;
    fixed[v] = 1;
    for (const c of variables[v]!.constraints) {
      remaining[c] = remaining[c]! - rate;
      unfixedUsers[c] = unfixedUsers[c]! - 1;
    }
  };

  let unfixed = variableCount;
  for (let v = 0; v < variableCount; v++) {
    if (variables[v]!.constraints.length === 0) {
      fix(v, variables[v]!.cap ?? Number.POSITIVE_INFINITY);
      unfixed--;
    }
  }
  const capped = cappedInOrder(variables);
  let nextCapped = 0;
  const active = constraintsInUse(unfixedUsers);
  let activeCount = active.length;

  while (unfixed > 0) {
    // Find the constraint with the smallest fair share, dropping constraints left without unfixed users.
    let bottleneck = -1;
    let level = Number.POSITIVE_INFINITY;
    let kept = 0;
    for (let k = 0; k < activeCount; k++) {
      const c = active[k]!;
      const users = unfixedUsers[c]!;
      if (users === 0) continue;
      active[kept++] = c;
      const share = Math.max(remaining[c]!, 0) / users;
      if (share < level) {
        level = share;
        bottleneck = c;
      }
    }
    activeCount = kept;

    while (nextCapped < capped.length && fixed[capped[nextCapped]!] === 1) nextCapped++;
    if (nextCapped < capped.length) {
      const v = capped[nextCapped]!;
      const cap = variables[v]!.cap!;
      if (cap <= level) {
        fix(v, cap);
        unfixed--;
        nextCapped++;
        continue;
      }
    }
    if (bottleneck < 0) break;

    for (let k = members.start[bottleneck]!; k < members.start[bottleneck + 1]!; k++) {
      const v = members.list[k]!;
      if (fixed[v] === 1) continue;
      fix(v, level);
      unfixed--;
    }
    remaining[bottleneck] = 0;
  }
  return rates;
}

/** The variables of each constraint in compressed rows: those of c are list[start[c]] .. list[start[c+1]-1]. */
function membersByConstraint(
  constraintCount: number,
  variables: readonly MaxMinVariable[],
): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(constraintCount + 1);
  for (const variable of variables) {
    for (const c of variable.constraints) {
      if (!(c >= 0 && c < constraintCount)) throw new RangeError(`constraint index ${c} is out of range`);
      start[c + 1] = start[c + 1]! + 1;
    }
  }
  for (let c = 0; c < constraintCount; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const list = new Int32Array(start[constraintCount]!);
  const cursor = start.slice(0, constraintCount);
  for (let v = 0; v < variables.length; v++) {
    for (const c of variables[v]!.constraints) list[cursor[c]!++] = v;
  }
  return { start, list };
}

/** Indices of the capped variables that use some constraint, by increasing cap, ties by index. */
function cappedInOrder(variables: readonly MaxMinVariable[]): number[] {
  const capped: number[] = [];
  for (let v = 0; v < variables.length; v++) {
    const variable = variables[v]!;
    if (variable.cap !== undefined && variable.constraints.length > 0) capped.push(v);
  }
  return capped.sort((x, y) => variables[x]!.cap! - variables[y]!.cap! || x - y);
}

/** Indices of the constraints that have at least one user. */
function constraintsInUse(users: Int32Array): Int32Array {
  const inUse: number[] = [];
  for (let c = 0; c < users.length; c++) if (users[c]! > 0) inUse.push(c);
  return Int32Array.from(inUse);
}
