/**
 * The sequence of rounds of one migration, as a state machine shared by the simulated process
 * (./precopy.ts) and the analytic predictor (./analytic.ts): both feed it each round's duration and read
 * the next round from it, so the two cannot disagree on anything but the durations.
 *
 * Pre-copy (paper 000, Qin et al., ../shared/papers/000_13945c54d71f84e6.txt, §2.1; round sizes from paper
 * 003, Netalkar, equations 1–3):
 * 1. Block migration, when the VM has a local disk (QEMU's block migration, migration/block.c: a bulk phase,
 *    then dirty-block iterations): disk round 0 sends the whole disk, each later disk round the blocks
 *    written during the previous one, until the same stop rules as memory say stop. What is left is carried
 *    into memory round 0, and every memory round then also carries the blocks written during the previous one.
 * 2. Memory rounds: round 0 sends the memory minus `staticBytes` (paper 002, Khan & Zahoor,
 *    ../shared/papers/002_ab2462603c65d96a.txt: static pages already at the destination are skipped in the
 *    first round and copied locally there); round i ≥ 1 sends what the VM dirtied during round i − 1
 *    (./dirtying.ts), at the auto-converge speed (./autoConverge.ts).
 * 3. Stop-and-copy: the VM is paused; the round sends the remaining dirty bytes plus `deviceStateBytes`.
 *
 * Post-copy (Hines, Deshpande & Gopalan, "Post-copy live migration of virtual machines", VEE 2009): after
 * the disk phase, the stop-and-copy carries only the device state (and leftover dirty blocks); the VM then
 * resumes on the destination, and a push round sends the memory in the background (./postcopy.ts counts
 * the faults).
 *
 * Bytes: `bytes` is the round's content; `wireBytes` what crosses the network, memory and disk scaled by the
 * compression ratio, device state not compressed. The rate cap of a round (`rateCap`) is the smallest of the
 * allocation's cap, QEMU's max-bandwidth (live rounds only: QEMU's `ram_save_complete` does not check the rate
 * limit, and post-copy's push has its own limit, unlimited by default), and the compression's CPU bound
 * ratio / cpuSecPerByte.
 */
import type { StopRule } from "../results.js";
import type { DirtyModel, HypervisorProfile, Vm, VmDisk } from "../scenario.js";
import { AutoConvergeState } from "./autoConverge.js";
import { checkDirtyModel, dirtiedByRates, dirtiedSlopes, dirtyRateOf, dirtyRates, type DirtyRates } from "./dirtying.js";
import { stopBeforeFirstRound, stopRuleAfterRound } from "./stopConditions.js";
import { affineSkip, asymptote, asymptoticSkip, ASYMPTOTE_TOLERANCE, type AffineRounds, type AffineSkip } from "./affineRounds.js";

export interface MigrationSpec {
  readonly memoryBytes: number;
  readonly dirty: DirtyModel;
  readonly profile: HypervisorProfile;
  readonly staticBytes?: number;
  readonly disk?: VmDisk;
  readonly mode?: "precopy" | "postcopy";
  /** Cap from the schedule's rate allocation, in bytes/s. */
  readonly rateCapBytesPerSec?: number;
}

export type RoundStage = "disk" | "memory" | "final" | "push";

/**
 * Relative difference under which two rounds' bytes count as a fixed point. The recurrence contracts
 * towards its fixed point, so treating the rounds left (at most the round bound) as equal moves totals by
 * less than about bound × this: 1e-10 relative for QEMU's 1,000 rounds.
 */
export const FIXED_POINT_TOLERANCE = 1e-13;

/** What a skip returns when it skips nothing. */
const NO_SKIP = { rounds: 0, seconds: 0 } as const;

/** Secant steps towards a fixed point from Aitken's estimate (each squares the error, roughly). */
const FIXED_POINT_STEPS = 4;

/** The current round is read from the public fields after `start` and after each `finish`. */
export class RoundPlanner {
  index = 0;
  stage: RoundStage = "memory";
  bytes = 0;
  wireBytes = 0;
  /** Set on the final round: the rule that ended the live phase. */
  rule: StopRule | undefined;
  /** True once the last round finished. */
  done = false;
  /** Bytes sent so far (content), and on the wire. */
  sentBytes = 0;
  sentWireBytes = 0;
  readonly throttle: AutoConvergeState;

  private readonly memory: number;
  private readonly rates: DirtyRates;
  private readonly diskBytes: number;
  private readonly diskRate: number;
  private readonly ratio: number;
  private readonly liveCap: number;
  private readonly finalCap: number;
  private diskLeft = 0;
  /** Index of the phase's first round: the round cap counts the disk and memory phases separately. */
  private phaseStart = 0;

  constructor(private readonly spec: MigrationSpec) {
    const { profile, disk } = spec;
    this.memory = spec.memoryBytes;
    this.rates = dirtyRates(spec.dirty, spec.memoryBytes);
    this.diskBytes = disk !== undefined && disk.local ? disk.bytes : 0;
    this.diskRate = disk !== undefined && disk.local ? disk.writeBytesPerSec : 0;
    this.ratio = profile.compression?.ratio ?? 1;
    const cpuCap = profile.compression !== undefined && profile.compression.cpuSecPerByte > 0
      ? this.ratio / profile.compression.cpuSecPerByte
      : Number.POSITIVE_INFINITY;
    this.finalCap = Math.min(spec.rateCapBytesPerSec ?? Number.POSITIVE_INFINITY, cpuCap);
    this.liveCap = Math.min(this.finalCap, profile.maxBandwidthBytesPerSec ?? Number.POSITIVE_INFINITY);
    this.throttle = new AutoConvergeState(profile.autoConverge);
  }

  /** Sets up the first round. */
  start(): void {
    if (this.diskBytes > 0) {
      this.set("disk", this.diskBytes, 0);
    } else {
      this.startMemory(0);
    }
  }

  /** Whether the VM runs (and dirties memory) during the current round. */
  get live(): boolean {
    return this.stage === "disk" || this.stage === "memory";
  }

  /** Highest rate the current round may get, in bytes/s (+Infinity: uncapped). */
  get rateCap(): number {
    return this.live ? this.liveCap : this.finalCap;
  }

  /** Write rate of the VM during the current round, in bytes/s (0 when paused or already switched). */
  get dirtyRate(): number {
    return this.live ? dirtyRateOf(this.spec.dirty) * this.throttle.speed : 0;
  }

  /** Records that the current round took `durationSec` and moves to the next round (or to `done`). */
  finish(durationSec: number): void {
    const roundBytes = this.bytes;
    const roundWire = this.wireBytes;
    this.sentBytes += roundBytes;
    this.sentWireBytes += roundWire;
    const next = this.index + 1;
    switch (this.stage) {
      case "disk": {
        const written = this.diskWritten(durationSec);
        const rule = this.stopRule(next, written, this.wire(written), roundBytes, roundWire, durationSec);
        if (rule === undefined && written < roundBytes) {
          this.set("disk", written, next);
        } else {
          this.diskLeft = written;
          this.startMemory(next);
        }
        return;
      }
      case "memory": {
        const memory = dirtiedByRates(this.rates, durationSec, this.throttle.speed);
        const nextBytes = memory + this.diskWritten(durationSec);
        this.throttle.afterPeriod(memory, roundWire);
        const rule = this.stopRule(next, nextBytes, this.wire(nextBytes), roundBytes, roundWire, durationSec);
        if (rule === undefined) this.set("memory", nextBytes, next);
        else this.startFinal(nextBytes, next, rule);
        return;
      }
      case "final":
        if (this.spec.mode === "postcopy") this.set("push", this.memory - this.staticBytes(), next);
        else this.done = true;
        return;
      case "push":
        this.done = true;
        return;
    }
  }

  /**
   * Whether every memory round is plain: the VM's write rates never change (no auto-converge) and no disk
   * blocks are dirtied, so a round's next bytes depend on its duration alone.
   */
  get plainMemoryRounds(): boolean {
    return this.spec.profile.autoConverge === undefined && !(this.diskRate > 0);
  }

  /**
   * Runs the memory phase for the analytic predictor when `plainMemoryRounds` holds and every round lasts
   * latencySec + wire bytes / rateBytesPerSec: each round as `finish` would, adding its duration to
   * `clockSec` in order, and the skips where they apply (the fixed point and the asymptotic tail once a
   * round's bytes differ from the last by less than a tolerance, from ASYMPTOTE_TOLERANCE down; the affine
   * closed form once, after the first round). Returns the clock when the stop-and-copy is current; the rounds run and skipped
   * are the growth of `index`. One loop without calls per round but the dirty model and the stop rules, as
   * this is what the predictor spends its time on.
   */
  runPlainMemoryRounds(clockSec: number, latencySec: number, rateBytesPerSec: number): number {
    const { profile } = this.spec;
    const rates = this.rates;
    const sizeBytes = this.memory + this.diskBytes;
    let clock = clockSec;
    let previousBytes = Number.NaN;
    let first = true;
    let tolerance = ASYMPTOTE_TOLERANCE;
    while (this.stage === "memory") {
      const roundBytes = this.bytes;
      const roundWire = this.wireBytes;
      const duration = latencySec + roundWire / rateBytesPerSec;
      clock += duration;
      this.sentBytes += roundBytes;
      this.sentWireBytes += roundWire;
      const next = this.index + 1;
      const nextBytes = dirtiedByRates(rates, duration, 1);
      const nextWire = this.wire(nextBytes);
      const rule = stopRuleAfterRound(profile, next - this.phaseStart, nextBytes, nextWire, roundBytes, roundWire, duration, this.sentBytes, sizeBytes);
      if (rule !== undefined) {
        this.startFinal(nextBytes, next, rule);
        break;
      }
      this.index = next;
      this.bytes = nextBytes;
      this.wireBytes = nextWire;
      const step = Math.abs(nextBytes - roundBytes);
      if (step <= FIXED_POINT_TOLERANCE * nextBytes) clock += this.skipFixedPoint(roundBytes) * duration;
      const settling = step <= tolerance * nextBytes;
      if (first) {
        first = false;
        clock += this.skipAffineRounds(latencySec, rateBytesPerSec).seconds;
      } else if (settling) {
        const skip = this.skipAsymptote(previousBytes, roundBytes, latencySec, rateBytesPerSec, tolerance);
        clock += skip.seconds;
        // A refusal costs a few evaluations of the dirty model: try again only four times closer.
        if (skip.rounds === 0) tolerance /= 4;
      }
      previousBytes = roundBytes;
    }
    return clock;
  }

  /**
   * Skips rounds at a fixed point of the recurrence, for the analytic predictor (in the simulation a round's
   * duration depends on the network, so it never calls this). When the memory round just finished carried
   * `previousBytes` and the current memory round carries the same (within FIXED_POINT_TOLERANCE), with no
   * auto-converge state that could change, every later round repeats it: same bytes, same duration, and the
   * same verdict from every rule but the two that count (max-rounds, max-sent). Accounts at once for as many
   * repeats as certainly end before either of those fires, exactly as that many `finish` calls would, and
   * returns how many (0 when this is not a fixed point). A VM that dirties faster than the link reaches one
   * after a round (its memory is all dirty); QEMU, with no round cap, would otherwise iterate to the bound.
   */
  skipFixedPoint(previousBytes: number): number {
    const bytes = this.bytes;
    if (this.stage !== "memory" || this.spec.profile.autoConverge !== undefined || !(bytes > 0)) return 0;
    if (!(Math.abs(bytes - previousBytes) <= FIXED_POINT_TOLERANCE * bytes)) return 0;
    const { maxRounds, maxSentFactor } = this.spec.profile;
    const untilMaxRounds = maxRounds - 1 - (this.index - this.phaseStart);
    const untilMaxSent = Math.floor((maxSentFactor * (this.memory + this.diskBytes) - this.sentBytes) / bytes) + 1;
    // Two repeats short of the first that could fire, so that rounding never skips past a rule's verdict.
    const skipped = Math.min(untilMaxRounds, untilMaxSent) - 2;
    if (!(skipped > 0)) return 0;
    this.index += skipped;
    this.sentBytes += skipped * bytes;
    this.sentWireBytes += skipped * this.wireBytes;
    return skipped;
  }

  /**
   * Skips memory rounds through the closed form of ./affineRounds.ts, for the analytic predictor, when every
   * round lasts latencySec + wire bytes / rateBytesPerSec: a constant dirty rate, no disk writes, no
   * auto-converge, and a fixed point below the memory size. Accounts for the skipped rounds as `finish`
   * would and returns how many and how long they took (0 rounds when the closed form does not apply).
   */
  private skipAffineRounds(latencySec: number, rateBytesPerSec: number): { readonly rounds: number; readonly seconds: number } {
    const { dirty, profile } = this.spec;
    if (this.stage !== "memory" || dirty.kind !== "constant" || profile.autoConverge !== undefined || this.diskRate > 0) return NO_SKIP;
    const d = dirty.bytesPerSec * this.ratio;
    const intercept = dirty.bytesPerSec * latencySec;
    if (!(intercept / (1 - d / rateBytesPerSec) < this.memory)) return NO_SKIP;
    const slope = d / rateBytesPerSec;
    const skip = affineSkip(this.closedFormState(latencySec, rateBytesPerSec, slope, (d - rateBytesPerSec) / rateBytesPerSec, intercept), profile);
    return skip === undefined ? NO_SKIP : this.applySkip(skip);
  }

  /** Where the memory rounds stand, for ./affineRounds.ts (slope and intercept: the affine case's, or NaN). */
  private closedFormState(latencySec: number, rateBytesPerSec: number, slope = Number.NaN, slopeMinusOne = Number.NaN, intercept = Number.NaN): AffineRounds {
    const { profile } = this.spec;
    return {
      slope,
      slopeMinusOne,
      intercept,
      latencySec,
      secPerByte: this.ratio / rateBytesPerSec,
      bytes: this.bytes,
      sentBytes: this.sentBytes,
      sentLimitBytes: profile.maxSentFactor * (this.memory + this.diskBytes),
      roundsLeft: profile.maxRounds - 2 - (this.index - this.phaseStart),
    };
  }

  /** Accounts for skipped memory rounds as `finish` would have, and makes the round after them current. */
  private applySkip(skip: AffineSkip): { readonly rounds: number; readonly seconds: number } {
    this.index += skip.rounds;
    this.sentBytes += skip.bytes;
    this.sentWireBytes += this.wire(skip.bytes);
    this.set("memory", skip.nextBytes, this.index);
    return skip;
  }

  /**
   * Skips memory rounds along the tail near the recurrence's fixed point (`asymptote` and `asymptoticSkip`
   * of ./affineRounds.ts), for the analytic predictor, when every round lasts latencySec + wire bytes /
   * rateBytesPerSec: any dirty model, no disk writes, no auto-converge. `beforePreviousBytes` and
   * `previousBytes` are the two memory rounds just finished. The rules must hold off both now (they did, or
   * this would not be a memory round) and at the limit, so that none can fire on the way there, and the
   * tail must not cross the kink where cold pages fill the memory. The slope and curvature of the recurrence
   * at the limit come from the dirty model's derivatives (./dirtying.ts) times d duration / d bytes.
   * Accounts for the skipped rounds as `finish` would; returns how many and how long they took.
   */
  private skipAsymptote(beforePreviousBytes: number, previousBytes: number, latencySec: number, rateBytesPerSec: number, tolerance: number): { readonly rounds: number; readonly seconds: number } {
    const { profile } = this.spec;
    if (this.stage !== "memory" || profile.autoConverge !== undefined || this.diskRate > 0) return NO_SKIP;
    const tail = asymptote(beforePreviousBytes, previousBytes, this.bytes, tolerance);
    if (tail === undefined) return NO_SKIP;
    const limit = this.fixedPoint(tail.limit, latencySec, rateBytesPerSec);
    const limitWire = this.wire(limit);
    const limitSec = latencySec + limitWire / rateBytesPerSec;
    if (!(limit > 0) || this.stopRule(this.index + 1, limit, limitWire, limit, limitWire, limitSec) !== undefined) return NO_SKIP;
    const secPerByte = this.ratio / rateBytesPerSec;
    const atLimit = dirtiedSlopes(this.rates, limitSec, 1);
    const roundSec = latencySec + this.wireBytes / rateBytesPerSec;
    if (dirtiedSlopes(this.rates, roundSec, 1).linearCapped !== atLimit.linearCapped) return NO_SKIP;
    const slope = atLimit.first * secPerByte;
    const curvature = (atLimit.second * secPerByte * secPerByte) / 2;
    const exactNext = dirtiedByRates(this.rates, roundSec, 1);
    const skip = asymptoticSkip(this.closedFormState(latencySec, rateBytesPerSec), limit, slope, curvature, exactNext);
    return skip === undefined ? NO_SKIP : this.applySkip(skip);
  }

  /**
   * The fixed point V* = next(V*) of the memory rounds, by the secant method from the current round and
   * Aitken's `estimate`: a few evaluations of the same step as `finish` bring it to rounding.
   */
  private fixedPoint(estimate: number, latencySec: number, rateBytesPerSec: number): number {
    const gap = (bytes: number): number => {
      const duration = latencySec + this.wire(bytes) / rateBytesPerSec;
      return dirtiedByRates(this.rates, duration, this.throttle.speed) + this.diskWritten(duration) - bytes;
    };
    let x0 = this.bytes;
    let g0 = gap(x0);
    let x1 = estimate;
    let g1 = gap(x1);
    for (let step = 0; step < FIXED_POINT_STEPS && g1 !== 0 && g1 !== g0; step++) {
      const x2 = x1 - (g1 * (x1 - x0)) / (g1 - g0);
      x0 = x1;
      g0 = g1;
      x1 = x2;
      g1 = gap(x1);
    }
    return x1;
  }

  private startMemory(index: number): void {
    const carried = this.diskLeft;
    this.diskLeft = 0;
    this.phaseStart = index;
    if (this.spec.mode === "postcopy") {
      this.startFinal(carried, index, "postcopy");
      return;
    }
    const bytes = this.memory - this.staticBytes() + carried;
    const rule = stopBeforeFirstRound(this.spec.profile);
    if (rule === undefined) this.set("memory", bytes, index);
    else this.startFinal(bytes, index, rule);
  }

  private startFinal(dirtyBytes: number, index: number, rule: StopRule): void {
    const device = this.spec.profile.deviceStateBytes ?? 0;
    this.index = index;
    this.stage = "final";
    this.bytes = dirtyBytes + device;
    this.wireBytes = this.wire(dirtyBytes) + device;
    this.rule = rule;
  }

  private set(stage: RoundStage, bytes: number, index: number): void {
    this.index = index;
    this.stage = stage;
    this.bytes = bytes;
    this.wireBytes = this.wire(bytes);
  }

  private stopRule(
    next: number,
    nextBytes: number,
    nextWire: number,
    roundBytes: number,
    roundWire: number,
    roundSec: number,
  ): StopRule | undefined {
    const size = this.memory + this.diskBytes;
    const relative = next - this.phaseStart;
    return stopRuleAfterRound(this.spec.profile, relative, nextBytes, nextWire, roundBytes, roundWire, roundSec, this.sentBytes, size);
  }

  private diskWritten(durationSec: number): number {
    if (this.diskRate <= 0 || !(durationSec > 0)) return 0;
    return Math.min(this.diskRate * this.throttle.speed * durationSec, this.diskBytes);
  }

  private wire(bytes: number): number {
    return this.ratio === 1 ? bytes : bytes * this.ratio;
  }

  private staticBytes(): number {
    return Math.min(Math.max(this.spec.staticBytes ?? 0, 0), this.memory);
  }
}

/** Throws RangeError unless the VM's migration inputs (dirty model, disk, static bytes) are usable. */
export function checkVmForMigration(vm: Vm): void {
  checkDirtyModel(vm.dirty, `VM ${vm.name}`);
  const fields: [string, number | undefined][] = [
    ["staticBytes", vm.staticBytes],
    ["disk bytes", vm.disk?.bytes],
    ["disk writeBytesPerSec", vm.disk?.writeBytesPerSec],
  ];
  for (const [field, value] of fields) {
    if (value !== undefined && (!(value >= 0) || !Number.isFinite(value))) {
      throw new RangeError(`VM ${vm.name}: ${field} must be a finite number >= 0, got ${value}`);
    }
  }
}
