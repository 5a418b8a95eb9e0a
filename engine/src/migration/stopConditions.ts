/**
 * When pre-copy stops iterating and starts the stop-and-copy round: Xen's rules, from the legacy save loop
 * tools/libxc/xc_domain_save.c, as paper 000 (Qin et al., ../shared/papers/000_13945c54d71f84e6.txt, §2.1)
 * describes them.
 *
 * Xen counts iterations from 1 and, after each live iteration, starts the last one when `iter >= max_iters`
 * with `DEF_MAX_ITERS 29` ("limit us to 30 times round loop"): 29 live iterations and a 30th that is the
 * stop-and-copy. vmig numbers rounds from 0, so `maxRounds` counts every round, the stop-and-copy included:
 * after live round i, the next round is the last when its index i + 1 >= maxRounds - 1. A profile with
 * maxRounds 1 gives a non-live migration whose round 0 is already the stop-and-copy.
 *
 * Differences from Xen, all deliberate: Xen's threshold counts the pages sent (plus skipped) in the round
 * just finished; vmig compares the bytes the next round would send, which is what paper 000 states ("the
 * dirty page to be transferred next round reach a certain threshold") and what `stopBelowBytes` documents.
 * Xen's fourth rule (the dirty count rose while already sending at the maximum rate) needs a rate limit that
 * vmig does not model; with a constant dirty rate at or above the bandwidth, `max-sent` or `max-rounds` stops
 * the loop instead. When several rules hold, the first in this order is reported: nothing-dirty,
 * below-threshold, max-sent, max-rounds.
 */
import type { HypervisorProfile } from "../scenario.js";
import type { StopReason } from "../results.js";

/** The reason round 0 is already the stop-and-copy, or undefined when it is a live round. */
export function stopBeforeFirstRound(profile: HypervisorProfile): StopReason | undefined {
  return profile.maxRounds <= 1 ? "max-rounds" : undefined;
}

/**
 * Checked after each live round: the reason the next round (index `nextIndex`, carrying `nextBytes`) must be
 * the stop-and-copy, or undefined to keep iterating. `sentBytes` includes the round just finished.
 */
export function stopReasonAfterRound(
  profile: HypervisorProfile,
  nextIndex: number,
  nextBytes: number,
  sentBytes: number,
  memoryBytes: number,
): StopReason | undefined {
  if (nextBytes <= 0) return "nothing-dirty";
  if (nextBytes < profile.stopBelowBytes) return "below-threshold";
  if (sentBytes > profile.maxSentFactor * memoryBytes) return "max-sent";
  if (nextIndex >= profile.maxRounds - 1) return "max-rounds";
  return undefined;
}

/** Throws RangeError unless the profile's numbers make the loop terminate. */
export function checkProfile(profile: HypervisorProfile): void {
  if (!Number.isInteger(profile.maxRounds) || profile.maxRounds < 1) {
    throw new RangeError(`profile ${profile.name}: maxRounds must be a positive integer, got ${profile.maxRounds}`);
  }
  for (const field of ["stopBelowBytes", "maxSentFactor", "prepareSec", "resumeSec"] as const) {
    const value = profile[field];
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(`profile ${profile.name}: ${field} must be a finite number >= 0, got ${value}`);
    }
  }
}
