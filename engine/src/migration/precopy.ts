/**
 * The pre-copy process of one live migration, run inside the simulator.
 *
 * Pre-copy as paper 000 (Qin et al., ../shared/papers/000_13945c54d71f84e6.txt, §2.1) describes it — a
 * preparation phase, iterative rounds, a stop-and-copy phase — with the round sizes of paper 003 (Netalkar,
 * ../shared/papers/003_73d1c9fca91e0d38.txt, equations 1–3): round 0 sends all memory, each later round
 * sends what the VM dirtied during the previous one (./dirtying.ts), and Xen's rules (./stopConditions.ts)
 * decide when to stop. Every round is one flow from the source host's node to the target's, sharing the
 * network with every other flow, so a round lasts latency + bytes / (the rate it gets), and that duration is
 * what the VM dirties memory over. Memory is a continuous quantity of bytes, not a count of pages.
 *
 * Alone on its path, this process follows exactly the recurrence of ./analytic.ts.
 */
import type { Simulator, EventHandle } from "../kernel/simulator.js";
import type { Flow, FlowNetwork } from "../network/flows.js";
import type { Route } from "../network/routing.js";
import type { RoundPhase, RoundResult, StopReason } from "../results.js";
import type { HypervisorProfile } from "../scenario.js";
import { dirtiedBytes } from "./dirtying.js";
import { stopBeforeFirstRound, stopReasonAfterRound } from "./stopConditions.js";

/** Most intermediate points of the remaining-bytes series per round (round boundaries come on top). */
export const SAMPLES_PER_ROUND = 16;

export interface PrecopyParams {
  readonly sim: Simulator;
  readonly network: FlowNetwork;
  readonly route: Route;
  readonly memoryBytes: number;
  readonly dirtyBytesPerSec: number;
  readonly profile: HypervisorProfile;
  /**
   * Receives the bytes of the current round not yet delivered: the round's size when it starts, a bounded
   * number of samples while it runs, and 0 when it ends, so that a chart draws a decreasing sawtooth.
   */
  readonly onRemaining: (timeSec: number, bytes: number) => void;
  readonly onDone: (outcome: PrecopyOutcome) => void;
}

export interface PrecopyOutcome {
  readonly startSec: number;
  readonly endSec: number;
  readonly downtimeSec: number;
  readonly bytesSent: number;
  readonly rounds: readonly RoundResult[];
  readonly stopReason: StopReason;
}

/** Starts a migration at the current simulated time; `params.onDone` runs once the VM has resumed. */
export function startPrecopy(params: PrecopyParams): void {
  new PrecopyMigration(params).start();
}

class PrecopyMigration {
  private readonly rounds: RoundResult[] = [];
  private readonly startSec: number;
  private sentBytes = 0;
  private sample: EventHandle | undefined;

  constructor(private readonly params: PrecopyParams) {
    this.startSec = params.sim.now;
  }

  /** Stage 1, preparation: a fixed time before any byte is sent. */
  start(): void {
    const { sim, profile, memoryBytes, onRemaining } = this.params;
    if (profile.prepareSec > 0) onRemaining(sim.now, memoryBytes);
    sim.after(profile.prepareSec, () => {
      const reason = stopBeforeFirstRound(profile);
      if (reason === undefined) this.startRound(0, "precopy", memoryBytes, undefined);
      else this.startRound(0, "stop-and-copy", memoryBytes, reason);
    });
  }

  /**
   * Starts round `index` as one flow. Stage 2, the iterative rounds, runs while the VM keeps running and
   * dirtying memory; stage 3, the stop-and-copy, runs with the VM paused (it dirties nothing).
   */
  private startRound(index: number, phase: RoundPhase, bytes: number, stopReason: StopReason | undefined): void {
    const { sim, network, route, onRemaining } = this.params;
    const startSec = sim.now;
    onRemaining(startSec, bytes);
    const flow = network.startFlow(route, bytes, () => {
      if (this.sample !== undefined) sim.cancel(this.sample);
      this.sample = undefined;
      onRemaining(sim.now, 0);
      const durationSec = sim.now - startSec;
      const dirtyRate = phase === "precopy" ? this.params.dirtyBytesPerSec : 0;
      this.rounds.push({ index, phase, startSec, durationSec, bytes, dirtyRateBytesPerSec: dirtyRate });
      this.sentBytes += bytes;
      if (stopReason === undefined) this.afterLiveRound(index, durationSec);
      else this.resume(durationSec, stopReason);
    });
    const estimateSec = route.latencySec + bytes / route.bottleneckBytesPerSec;
    if (bytes > 0) this.scheduleSample(flow, SAMPLES_PER_ROUND, estimateSec / (SAMPLES_PER_ROUND + 1));
  }

  /** Stage 2 continues, or stage 3 begins, depending on the stop conditions. */
  private afterLiveRound(index: number, durationSec: number): void {
    const { profile, memoryBytes, dirtyBytesPerSec } = this.params;
    const nextBytes = dirtiedBytes(dirtyBytesPerSec, durationSec, memoryBytes);
    const reason = stopReasonAfterRound(profile, index + 1, nextBytes, this.sentBytes, memoryBytes);
    if (reason === undefined) this.startRound(index + 1, "precopy", nextBytes, undefined);
    else this.startRound(index + 1, "stop-and-copy", nextBytes, reason);
  }

  /** End of stage 3: the VM resumes on the destination after the profile's resume time. */
  private resume(finalRoundSec: number, stopReason: StopReason): void {
    const { sim, profile, onDone } = this.params;
    sim.after(profile.resumeSec, () =>
      onDone({
        startSec: this.startSec,
        endSec: sim.now,
        downtimeSec: finalRoundSec + profile.resumeSec,
        bytesSent: this.sentBytes,
        rounds: this.rounds,
        stopReason,
      }),
    );
  }

  /**
   * Samples the flow's remaining bytes `samplesLeft` more times at most. Each interval spreads the time the
   * flow still needs at its current rate over the samples left, so points stay evenly spaced when the rate
   * changes; while the flow has no rate yet (its latency), the previous interval is kept.
   */
  private scheduleSample(flow: Flow, samplesLeft: number, intervalSec: number): void {
    if (samplesLeft === 0 || !(intervalSec > 0) || !Number.isFinite(intervalSec)) return;
    const { sim, network, onRemaining } = this.params;
    this.sample = sim.after(intervalSec, () => {
      this.sample = undefined;
      const remaining = network.remainingBytes(flow);
      onRemaining(sim.now, remaining);
      const rate = network.rateOf(flow);
      const left = samplesLeft - 1;
      this.scheduleSample(flow, left, rate > 0 ? remaining / rate / (left + 1) : intervalSec);
    });
  }
}
