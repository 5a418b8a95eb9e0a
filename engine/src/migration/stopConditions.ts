/**
 * When pre-copy stops iterating and starts the stop-and-copy round: Xen's rules, from the legacy save loop
 * tools/libxc/xc_domain_save.c, as paper 000 (Qin et al., ../shared/papers/000_13945c54d71f84e6.txt, §2.1)
 * describes them, and QEMU's downtime-limit rule (migration/migration.c, `migration_iteration_run`).
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
 * Xen's fourth rule, `(sent_this_iter > sent_last_iter) && RATE_IS_MAX()`, is optional
 * (`stopWhenDirtyExceedsRate`): vmig always sends at the highest rate it gets, so "already at the maximum
 * rate" always holds, and the rule fires when the next round would be no smaller than the one just sent,
 * that is when the VM dirtied memory at least as fast as the round sent it.
 *
 * QEMU (`downtimeLimitSec`): switch over when the pending bytes fit in the downtime limit at the measured
 * bandwidth, threshold = bandwidth × limit. The bandwidth is measured over the round just finished (its bytes
 * on the wire over its duration, latency included), so it follows the rate the round actually got; QEMU
 * re-measures every 100 ms, vmig at every round, which is when its dirty bitmap is synchronised.
 *
 * When several rules hold, the first in this order is reported: nothing-dirty, below-threshold or
 * downtime-limit, dirty-exceeds-rate, max-sent, max-rounds.
 */
import type { HypervisorProfile } from "../scenario.js";
import type { StopReason, StopRule } from "../results.js";

/** The reason round 0 is already the stop-and-copy, or undefined when it is a live round. */
export function stopBeforeFirstRound(profile: HypervisorProfile): StopReason | undefined {
  return profile.maxRounds <= 1 ? "max-rounds" : undefined;
}

/**
 * Checked after each live round: the reason the next round (index `nextIndex`, carrying `nextBytes`) must be
 * the stop-and-copy, or undefined to keep iterating. `sentBytes` includes the round just finished.
 * Xen's three default rules only; `stopRuleAfterRound` applies every rule of a profile.
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

/**
 * Every rule of the profile, after a live round of `roundBytes` (`roundWireBytes` on the wire) that took
 * `roundSec`: the rule that makes the next round (index `nextIndex`, `nextBytes`, `nextWireBytes` on the
 * wire) the stop-and-copy, or undefined. `sentBytes` includes the round just finished; `sizeBytes` is what
 * `maxSentFactor` multiplies (memory plus a copied disk).
 */
export function stopRuleAfterRound(
  profile: HypervisorProfile,
  nextIndex: number,
  nextBytes: number,
  nextWireBytes: number,
  roundBytes: number,
  roundWireBytes: number,
  roundSec: number,
  sentBytes: number,
  sizeBytes: number,
): StopRule | undefined {
  if (nextBytes <= 0) return "nothing-dirty";
  const limit = profile.downtimeLimitSec;
  if (limit === undefined) {
    if (nextBytes < profile.stopBelowBytes) return "below-threshold";
  } else if (nextWireBytes * roundSec <= limit * roundWireBytes) {
    return "downtime-limit";
  }
  if (profile.stopWhenDirtyExceedsRate === true && nextBytes >= roundBytes) return "dirty-exceeds-rate";
  if (sentBytes > profile.maxSentFactor * sizeBytes) return "max-sent";
  if (nextIndex >= profile.maxRounds - 1) return "max-rounds";
  return undefined;
}

/** The StopReason a rule is reported as (the results schema predates the finer rules). */
export function legacyStopReason(rule: StopRule): StopReason {
  switch (rule) {
    case "downtime-limit":
      return "below-threshold";
    case "dirty-exceeds-rate":
    case "postcopy":
      return "max-rounds";
    default:
      return rule;
  }
}

/** Throws RangeError unless the profile's numbers make the loop terminate. */
export function checkProfile(profile: HypervisorProfile): void {
  if (!Number.isInteger(profile.maxRounds) || profile.maxRounds < 1) {
    throw new RangeError(`profile ${profile.name}: maxRounds must be a positive integer, got ${profile.maxRounds}`);
  }
  // Field by field, without building a list: editors call the predictor, and so this, on every keystroke.
  checkOptional(profile, "stopBelowBytes", profile.stopBelowBytes);
  checkOptional(profile, "maxSentFactor", profile.maxSentFactor);
  checkOptional(profile, "prepareSec", profile.prepareSec);
  checkOptional(profile, "resumeSec", profile.resumeSec);
  checkOptional(profile, "downtimeLimitSec", profile.downtimeLimitSec);
  checkOptional(profile, "deviceStateBytes", profile.deviceStateBytes);
  checkOptional(profile, "compression.cpuSecPerByte", profile.compression?.cpuSecPerByte);
  const max = profile.maxBandwidthBytesPerSec;
  if (max !== undefined && !(max > 0)) {
    throw new RangeError(`profile ${profile.name}: maxBandwidthBytesPerSec must be positive, got ${max}`);
  }
  const ratio = profile.compression?.ratio;
  if (ratio !== undefined && !(ratio > 0 && ratio <= 1)) {
    throw new RangeError(`profile ${profile.name}: compression ratio must be in (0, 1], got ${ratio}`);
  }
  const ac = profile.autoConverge;
  if (ac !== undefined) {
    for (const [field, value] of Object.entries(ac)) {
      if (typeof value === "number" && !(value >= 0 && value <= 1) && field !== "triggerRatio") {
        throw new RangeError(`profile ${profile.name}: autoConverge.${field} must be in [0, 1], got ${value}`);
      }
    }
    if (ac.triggerRatio !== undefined && !(ac.triggerRatio >= 0)) {
      throw new RangeError(`profile ${profile.name}: autoConverge.triggerRatio must be >= 0, got ${ac.triggerRatio}`);
    }
  }
}

/** Throws RangeError unless `value` is absent or a finite number >= 0. */
function checkOptional(profile: HypervisorProfile, field: string, value: number | undefined): void {
  if (value !== undefined && (!(value >= 0) || !Number.isFinite(value))) {
    throw new RangeError(`profile ${profile.name}: ${field} must be a finite number >= 0, got ${value}`);
  }
}
