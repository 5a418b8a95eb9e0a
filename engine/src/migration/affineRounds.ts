/**
 * The closed form of pre-copy's round recurrence when it is affine, for the analytic predictor (./analytic.ts).
 *
 * With a constant dirty rate D (paper 003, Netalkar, ../shared/papers/003_73d1c9fca91e0d38.txt, equations
 * 2 and 5), compression ratio ρ, rate R and latency L, a memory round of V bytes lasts T = L + ρV/R and the
 * next carries V' = D·T = a·V + b, with a = Dρ/R and b = D·L, as long as that stays below the VM's memory
 * (./dirtying.ts caps it there). For a < 1 the rounds approach the fixed point V* = b / (1 − a) geometrically:
 *
 *   V_k = V* + a^k (V_0 − V*),   sum_{j<n} V_j = n V* + (V_0 − V*)(1 − a^n)/(1 − a).
 *
 * Paper 003's equation 5 is the case L = 0 (V* = 0). When D is close to R the rounds shrink by a factor
 * close to 1 and QEMU, with no round cap, iterates up to vmig's bound of 1,000 rounds; this closed form lets
 * the predictor jump over the rounds that no stop rule (./stopConditions.ts) can end. Each rule ends the live
 * phase once V_k crosses a boundary — the threshold, the interval of V where the downtime-limit rule holds,
 * the sent-bytes or round bound — so the first round that could end it is bounded below in closed form; the
 * predictor skips to two rounds before that bound and lets the shared rules decide the rest.
 *
 * Other dirty models are not affine, but near their fixed point they are to second order after Koenigs'
 * change of variable (`asymptoticSkip`): a VM whose writable working set keeps every round just above QEMU's
 * downtime limit approaches it by a few percent a round, for hundreds of rounds, and the predictor skips
 * those along the same kind of geometric sums, checking the error left on one exact round.
 */
import type { HypervisorProfile } from "../scenario.js";

/** The affine recurrence of one migration's memory rounds, and where it stands. */
export interface AffineRounds {
  /** V' = slope·V + intercept. */
  readonly slope: number;
  /** slope − 1, computed without cancellation by the caller: (Dρ − R)/R. */
  readonly slopeMinusOne: number;
  readonly intercept: number;
  /** Seconds per round: latencySec + secPerByte · V. */
  readonly latencySec: number;
  readonly secPerByte: number;
  /** Bytes of the round about to be sent (V_0). */
  readonly bytes: number;
  /** Content bytes sent so far, and the bound `maxSentFactor` puts on them. */
  readonly sentBytes: number;
  readonly sentLimitBytes: number;
  /** The first k at which the round bound makes the round after V_k the stop-and-copy. */
  readonly roundsLeft: number;
}

/** What skipping `rounds` rounds adds up to, and the bytes of the round after them. */
export interface AffineSkip {
  readonly rounds: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly nextBytes: number;
}

/** Rounds (from V_0) that certainly end without any stop rule of `profile` firing, less a margin of two. */
export function affineSkip(rounds: AffineRounds, profile: HypervisorProfile): AffineSkip | undefined {
  const { slope: a, intercept: b, bytes: v0 } = rounds;
  if (!(a > 0 && a < 1) || !(v0 > 0)) return undefined;
  const fixed = b / (1 - a);
  const offset = v0 - fixed;
  // Xen's fourth rule fires at once on a growing sequence; the rules below then never see it.
  if (profile.stopWhenDirtyExceedsRate === true && offset <= 0) return undefined;
  const logA = Math.log1p(rounds.slopeMinusOne);
  /** The first k with V_k past `boundary` (from V_0's side), or +Infinity when the sequence never gets there. */
  const firstPast = (boundary: number): number => {
    if (offset === 0 || (boundary - fixed) / offset <= 0) return Number.POSITIVE_INFINITY;
    const ratio = (boundary - fixed) / offset;
    return ratio >= 1 ? 0 : Math.log(ratio) / logA;
  };
  let bound = rounds.roundsLeft;
  const limit = profile.downtimeLimitSec;
  if (limit === undefined) {
    // Below-threshold looks at V_{k+1}.
    bound = Math.min(bound, firstPast(profile.stopBelowBytes) - 1);
  } else {
    // (a V + b)(L + c V) <= limit · V holds for V between the roots of a c V² + (a L + b c − limit) V + b L.
    const c = rounds.secPerByte;
    const qa = a * c;
    const qb = a * rounds.latencySec + b * c - limit;
    const qc = b * rounds.latencySec;
    const disc = qb * qb - 4 * qa * qc;
    if (disc >= 0) {
      const root = Math.sqrt(disc);
      bound = Math.min(bound, firstPast(offset > 0 ? (-qb + root) / (2 * qa) : (-qb - root) / (2 * qa)));
    }
  }
  // The sent-bytes rule: sum_{j<=k} V_j is at most (k + 1) V* + max(offset, 0) / (1 − a).
  const room = rounds.sentLimitBytes - rounds.sentBytes - Math.max(offset, 0) / (1 - a);
  if (!(room >= 0)) return undefined;
  if (fixed > 0) bound = Math.min(bound, room / fixed - 1);
  return geometricSkip(Math.floor(bound) - 2, fixed, offset, a, logA, rounds);
}

/**
 * Relative size of the last step under which the predictor first tries `asymptoticSkip`; each refusal
 * divides it by four for the rest of the migration (./rounds.ts).
 */
export const ASYMPTOTE_TOLERANCE = 1e-4;

/** Bound on the error `asymptoticSkip` may leave in its sums and in the next round's bytes, relative. */
export const TAIL_ERROR = 1e-11;

/**
 * Near the fixed point of any smooth dirty model the recurrence is affine to first order: three consecutive
 * rounds' bytes V_{-2}, V_{-1}, V_0 give the ratio q = (V_0 − V_{-1}) / (V_{-1} − V_{-2}) and the limit
 * V∞ = V_0 + (V_0 − V_{-1})·q/(1 − q) (Aitken's extrapolation), a first estimate the caller refines. Returns
 * the limit and the ratio once the last step is below `tolerance` of V_0, or undefined away from it.
 */
export function asymptote(beforePreviousBytes: number, previousBytes: number, bytes: number, tolerance: number): { readonly limit: number; readonly ratio: number } | undefined {
  const last = bytes - previousBytes;
  const before = previousBytes - beforePreviousBytes;
  if (!(Math.abs(last) <= tolerance * bytes) || before === 0) return undefined;
  const ratio = last / before;
  if (!(ratio > 0 && ratio < 1)) return undefined;
  return { limit: bytes + (last * ratio) / (1 - ratio), ratio };
}

/**
 * Rounds to skip along the tail towards the fixed point V* = `limit` of V' = f(V), on which no rule but the
 * counting ones can fire (the caller has checked the rules at V_0 and at the limit): two short of the first
 * round the round or sent-bytes bound could end. With e = V − V*, q = f'(V*) (`slope`, in (0, 1)) and
 * c = f''(V*)/2 (`curvature`), the rounds follow e' = q e + c e² + O(e³). Koenigs' linearisation to second
 * order, u = e + α e² with α = c / (q − q²), turns that into u' = q u + O(e³), so
 *
 *   e_k = u_k − α u_k² with u_k = q^k u_0,   sum_{k<n} e_k = u_0 (1 − q^n)/(1 − q) − α u_0² (1 − q^{2n})/(1 − q²).
 *
 * What it leaves out is checked, not assumed: `exactNextBytes` = f(V_0), one round computed exactly, differs
 * from the model's e_1 by a residual d of third order. Those residuals shrink like q^{3k} and each moves
 * the rounds after it by at most d/(1 − q) in all, so the sums err by at most d/((1 − q³)(1 − q)) and the
 * next round by d/(1 − q³); the skip is refused unless both are below TAIL_ERROR of the bytes sent so far
 * and of V* respectively.
 */
export function asymptoticSkip(rounds: AffineRounds, limit: number, slope: number, curvature: number, exactNextBytes: number): AffineSkip | undefined {
  if (!(slope > 0 && slope < 1)) return undefined;
  const alpha = curvature / (slope * (1 - slope));
  const offset = rounds.bytes - limit;
  const u0 = offset + alpha * offset * offset;
  const u1 = slope * u0;
  const residual = Math.abs(limit + u1 - alpha * u1 * u1 - exactNextBytes);
  const spread = residual / (1 - slope * slope * slope);
  if (!(spread <= TAIL_ERROR * limit && spread <= TAIL_ERROR * (1 - slope) * rounds.sentBytes)) return undefined;
  const largest = Math.max(rounds.bytes, limit);
  const bound = Math.min(rounds.roundsLeft, (rounds.sentLimitBytes - rounds.sentBytes) / largest - 1);
  const count = Math.floor(bound) - 2;
  if (!(count > 0) || !Number.isFinite(count)) return undefined;
  const logQ = Math.log(slope);
  const tail = (u0 * -Math.expm1(count * logQ)) / (1 - slope) - (alpha * u0 * u0 * -Math.expm1(2 * count * logQ)) / (1 - slope * slope);
  const bytes = count * limit + tail;
  const un = u0 * Math.exp(count * logQ);
  return { rounds: count, bytes, seconds: count * rounds.latencySec + rounds.secPerByte * bytes, nextBytes: limit + un - alpha * un * un };
}

/** Skipping `count` rounds of V_k = fixed + a^k·offset (ln a = logA): their bytes, time and the next round. */
function geometricSkip(count: number, fixed: number, offset: number, a: number, logA: number, rounds: AffineRounds): AffineSkip | undefined {
  if (!(count > 0) || !Number.isFinite(count)) return undefined;
  const bytes = count * fixed + (offset * -Math.expm1(count * logA)) / (1 - a);
  return {
    rounds: count,
    bytes,
    seconds: count * rounds.latencySec + rounds.secPerByte * bytes,
    nextBytes: fixed + offset * Math.exp(count * logA),
  };
}
