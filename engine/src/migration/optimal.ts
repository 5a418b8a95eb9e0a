/**
 * Optimal rates for migrating M VMs at once: paper 003's geometric program, solved exactly.
 *
 * Paper 003 (Netalkar, ../shared/papers/003_73d1c9fca91e0d38.txt, §II, equations 6–8, after Cerroni &
 * Esposito) gives VM j one rate r_j for all its rounds (as its appendix code does) and, with n̄ live rounds
 * (the control parameter) and x_j = D_j / r_j,
 *
 *   T_pre  = Σ_j (V_j / r_j) Σ_{i=0}^{n̄−1} x_j^i        (eq. 6)
 *   T_down = Σ_j (V_j / r_j) x_j^n̄                       (eq. 7)
 *
 *   minimise T_pre + w·T_down   subject to   D_j ≤ r_j,   Σ_j r_j ≤ R            (eq. 8, w = 1)
 *
 * `downtimeWeight` w = 2 reproduces the appendix code, whose objective counts the last round both in the
 * migration time and as downtime (its nj rounds are n̄ + 1 here). The paper solves the program with GGPLAB's
 * interior-point method in log space; here it is solved exactly through its KKT conditions instead. Each term
 * g_j(r) = V_j Σ_k c_k r^{−k} is a posynomial in r, so it is convex and decreasing on r > 0 (and convex in
 * log r, which is why the program is a geometric program). The bandwidth constraint is therefore tight, and
 * with multiplier λ ≥ 0 the optimum has, for every j,
 *
 *   −g_j'(r_j) = λ   if r_j > D_j,        r_j = D_j   if −g_j'(D_j) ≤ λ.
 *
 * −g_j' is strictly decreasing, so r_j(λ) is found by Newton's method (monotone from the left, since −g_j' is
 * convex), and Σ_j r_j(λ), decreasing in λ, is matched to R by bisection on log λ: a 1-D search. The paper's
 * sustainability constraint is strict (D_j < r_j); its infimum D_j is used, reached only when R barely exceeds
 * Σ D_j. Σ_j D_j ≥ R has no solution (RangeError).
 */

export interface RateProblemVm {
  readonly memoryBytes: number;
  readonly dirtyBytesPerSec: number;
}

export interface RateProblem {
  readonly vms: readonly RateProblemVm[];
  /** R, the capacity shared by the migrations, in bytes/s. */
  readonly totalBytesPerSec: number;
  /** n̄, the number of live rounds (the stop-and-copy is round n̄); an integer >= 1. */
  readonly rounds: number;
  /** Weight of T_down in the objective (default 1, paper 003's eq. 8a). */
  readonly downtimeWeight?: number;
}

export interface RateSolution {
  /** r_j in the order of `vms`, in bytes/s; they sum to R. */
  readonly ratesBytesPerSec: number[];
  /** T_pre, eq. 6, in seconds (a sum over VMs, not a makespan). */
  readonly precopySec: number;
  /** T_down, eq. 7, in seconds. */
  readonly downtimeSec: number;
  /** T_pre + w·T_down at the optimum. */
  readonly objectiveSec: number;
}

/** Solves paper 003's program; throws RangeError when the problem is malformed or infeasible. */
export function optimalRates(problem: RateProblem): RateSolution {
  const { vms, totalBytesPerSec: R, rounds: n } = problem;
  const w = problem.downtimeWeight ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`rounds must be an integer >= 1, got ${n}`);
  if (!(R > 0) || !Number.isFinite(R)) throw new RangeError(`total rate must be positive and finite, got ${R}`);
  if (!(w >= 0)) throw new RangeError(`downtime weight must be >= 0, got ${w}`);
  let dirtySum = 0;
  for (const vm of vms) {
    if (!(vm.memoryBytes > 0) || !(vm.dirtyBytesPerSec >= 0)) {
      throw new RangeError(`each VM needs memory > 0 and a dirty rate >= 0, got ${vm.memoryBytes}, ${vm.dirtyBytesPerSec}`);
    }
    dirtySum += vm.dirtyBytesPerSec;
  }
  if (!(dirtySum < R)) throw new RangeError(`infeasible: the dirty rates sum to ${dirtySum} B/s, not below R = ${R} B/s`);
  if (vms.length === 0) return { ratesBytesPerSec: [], precopySec: 0, downtimeSec: 0, objectiveSec: 0 };

  const rateAt = (lambda: number, vm: RateProblemVm): number => inverseSlope(vm, n, w, lambda, R);
  // A bracket on log λ: at λ_lo every r_j >= R (the sum is too large); at λ_hi every r_j <= t_j, with
  // t_j = D_j + (R − Σ D) / M, which sum to R.
  const spare = (R - dirtySum) / vms.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const vm of vms) {
    lo = Math.min(lo, slope(vm, n, w, R));
    hi = Math.max(hi, slope(vm, n, w, vm.dirtyBytesPerSec + spare));
  }
  let logLo = Math.log(lo);
  let logHi = Math.log(hi);
  for (let iteration = 0; iteration < 200 && logHi - logLo > 1e-15 * Math.max(1, Math.abs(logLo)); iteration++) {
    const mid = (logLo + logHi) / 2;
    let sum = 0;
    for (const vm of vms) sum += rateAt(Math.exp(mid), vm);
    if (sum > R) logLo = mid;
    else logHi = mid;
  }
  const lambda = Math.exp((logLo + logHi) / 2);
  const rates = vms.map((vm) => rateAt(lambda, vm));
  let precopySec = 0;
  let downtimeSec = 0;
  vms.forEach((vm, j) => {
    const terms = roundTimes(vm, n, rates[j]!);
    precopySec += terms.precopySec;
    downtimeSec += terms.downtimeSec;
  });
  return { ratesBytesPerSec: rates, precopySec, downtimeSec, objectiveSec: precopySec + w * downtimeSec };
}

/** Eq. 6 and 7 for one VM at rate r: its pre-copy time and its downtime, in seconds. */
export function roundTimes(vm: RateProblemVm, rounds: number, rate: number): { precopySec: number; downtimeSec: number } {
  const x = vm.dirtyBytesPerSec / rate;
  let power = 1;
  let sum = 0;
  for (let i = 0; i < rounds; i++) {
    sum += power;
    power *= x;
  }
  const base = vm.memoryBytes / rate;
  return { precopySec: base * sum, downtimeSec: base * power };
}

/** −g'(r) = (V / r²) [Σ_{i=0}^{n−1} (i+1) x^i + w (n+1) x^n], x = D / r: positive, decreasing in r. */
function slope(vm: RateProblemVm, n: number, w: number, r: number): number {
  const x = vm.dirtyBytesPerSec / r;
  let power = 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += (i + 1) * power;
    power *= x;
  }
  return (vm.memoryBytes / (r * r)) * (sum + w * (n + 1) * power);
}

/** d(−g')/dr = −(V / r³) [Σ_{i=0}^{n−1} (i+1)(i+2) x^i + w (n+1)(n+2) x^n]. */
function slopeDerivative(vm: RateProblemVm, n: number, w: number, r: number): number {
  const x = vm.dirtyBytesPerSec / r;
  let power = 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += (i + 1) * (i + 2) * power;
    power *= x;
  }
  return (-vm.memoryBytes / (r * r * r)) * (sum + w * (n + 1) * (n + 2) * power);
}

/** r_j(λ): D_j when −g'(D_j) <= λ, else the root of −g'(r) = λ by Newton's method from the left. */
function inverseSlope(vm: RateProblemVm, n: number, w: number, lambda: number, limit: number): number {
  const floor = vm.dirtyBytesPerSec;
  if (floor > 0 && slope(vm, n, w, floor) <= lambda) return floor;
  // −g'(r) >= V / r², so at r = sqrt(V / λ) it is >= λ: a start left of the root.
  let r = Math.max(floor, Math.sqrt(vm.memoryBytes / lambda));
  for (let iteration = 0; iteration < 200; iteration++) {
    const excess = slope(vm, n, w, r) - lambda;
    if (!(excess > 0)) break;
    const step = excess / -slopeDerivative(vm, n, w, r);
    r += step;
    if (!(step > 1e-15 * r) || r > 1e6 * limit) break;
  }
  return r;
}
