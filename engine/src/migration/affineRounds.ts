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
  const skipped = Math.floor(bound) - 2;
  if (!(skipped > 0) || !Number.isFinite(skipped)) return undefined;
  const decay = -Math.expm1(skipped * logA);
  const bytes = skipped * fixed + (offset * decay) / (1 - a);
  return {
    rounds: skipped,
    bytes,
    seconds: skipped * rounds.latencySec + rounds.secPerByte * bytes,
    nextBytes: fixed + offset * Math.exp(skipped * logA),
  };
}
