/**
 * The migration process of one VM, run inside the simulator: pre-copy, or post-copy, with block migration.
 *
 * Pre-copy as paper 000 (Qin et al., ../shared/papers/000_13945c54d71f84e6.txt, §2.1) describes it — a
 * preparation phase, iterative rounds, a stop-and-copy phase — with the round sizes of paper 003 (Netalkar,
 * ../shared/papers/003_73d1c9fca91e0d38.txt, equations 1–3). Which round comes next, and its size, is decided
 * by ./rounds.ts, shared with the analytic predictor; this file only turns rounds into flows. Every round is
 * one flow from the source host's node to the target's, sharing the network with every other flow, so a
 * round lasts latency + bytes / (the rate it gets), and that duration is what the VM dirties memory over.
 * Post-copy (Hines et al., VEE 2009) resumes the VM after the state round, then pushes memory (./postcopy.ts).
 *
 * Alone on its path, this process follows exactly the recurrence of ./analytic.ts. How a round becomes flows
 * is the transport's business (../transport/): one fluid flow by default, or TCP windows (../transport/tcp.ts),
 * with which the round also covers the gap before the next one and the predictor no longer matches.
 */
import type { Simulator, EventHandle } from "../kernel/simulator.js";
import type { FlowNetwork } from "../network/flows.js";
import type { Route } from "../network/routing.js";
import type { RoundResult, StopRule } from "../results.js";
import { fluidTransport, type RoundProgress, type RoundTransport } from "../transport/transport.js";
import { expectedRemoteFaults } from "./postcopy.js";
import { RoundPlanner, type MigrationSpec, type RoundStage } from "./rounds.js";

/** Most intermediate points of the remaining-bytes series per round (round boundaries come on top). */
export const SAMPLES_PER_ROUND = 16;

export interface PrecopyParams {
  readonly sim: Simulator;
  readonly network: FlowNetwork;
  readonly route: Route;
  readonly spec: MigrationSpec;
  /** Page size, for counting post-copy's remote faults, in bytes. */
  readonly pageBytes: number;
  /**
   * Receives the bytes of the current round not yet delivered: the round's size when it starts, a bounded
   * number of samples while it runs, and 0 when it ends, so that a chart draws a decreasing sawtooth.
   */
  readonly onRemaining: (timeSec: number, bytes: number) => void;
  /** Hears each round as it starts: its index, stage and content bytes (events for views). */
  readonly onRoundStart?: (timeSec: number, index: number, stage: RoundStage, bytes: number) => void;
  /**
   * Receives the migration's transfer rate at the instants `onRemaining` samples, each point the mean rate
   * in bytes/s over the time since the previous point (0 over a gap between rounds), so the points' rates
   * times their spans add up to the bytes on the wire.
   */
  readonly onRate?: (timeSec: number, bytesPerSec: number) => void;
  readonly onDone: (outcome: PrecopyOutcome) => void;
  /** How rounds cross the network (../transport/); default: one fluid flow per round. */
  readonly transport?: RoundTransport;
}

export interface PrecopyOutcome {
  readonly startSec: number;
  readonly endSec: number;
  readonly downtimeSec: number;
  /** Bytes on the wire. */
  readonly bytesSent: number;
  readonly rounds: readonly RoundResult[];
  readonly stopRule: StopRule;
  readonly degradedSec?: number;
  readonly remoteFaults?: number;
}

/** Starts a migration at the current simulated time; `params.onDone` runs once it has finished. */
export function startPrecopy(params: PrecopyParams): void {
  new MigrationProcess(params).start();
}

class MigrationProcess {
  private readonly rounds: RoundResult[] = [];
  private readonly planner: RoundPlanner;
  private readonly startSec: number;
  private sample: EventHandle | undefined;
  private downtimeSec = 0;
  private readonly transport: RoundTransport;
  /** The previous point of the rate series: its time and the round's bytes left then. */
  private rateSampleSec = Number.NEGATIVE_INFINITY;
  private rateSampleRemaining = 0;

  constructor(private readonly params: PrecopyParams) {
    this.startSec = params.sim.now;
    this.planner = new RoundPlanner(params.spec);
    this.transport = params.transport ?? fluidTransport(params.network, params.route);
  }

  /** Stage 1, preparation: a fixed time before any byte is sent. */
  start(): void {
    const { sim, spec, onRemaining } = this.params;
    this.planner.start();
    if (spec.profile.prepareSec > 0) onRemaining(sim.now, this.planner.wireBytes);
    sim.after(spec.profile.prepareSec, () => this.startRound());
  }

  /**
   * Starts the planner's current round as one flow. Stage 2, the iterative rounds (disk, then memory), runs
   * while the VM keeps running and dirtying memory; stage 3, the stop-and-copy, runs with the VM paused.
   */
  private startRound(): void {
    const { sim, route, onRemaining } = this.params;
    const planner = this.planner;
    const startSec = sim.now;
    const { index, stage, bytes, wireBytes, rateCap } = planner;
    const dirtyRate = planner.dirtyRate;
    const throttle = planner.throttle.throttle;
    this.params.onRoundStart?.(startSec, index, stage, bytes);
    onRemaining(startSec, wireBytes);
    this.startRateSegment(startSec, wireBytes);
    const progress = this.transport.send(wireBytes, rateCap, planner.live, () => {
      if (this.sample !== undefined) sim.cancel(this.sample);
      this.sample = undefined;
      onRemaining(sim.now, 0);
      this.rateSample(sim.now, 0);
      const durationSec = sim.now - startSec;
      this.rounds.push({
        index,
        phase: stage === "final" ? "stop-and-copy" : "precopy",
        startSec,
        durationSec,
        bytes,
        dirtyRateBytesPerSec: dirtyRate,
        ...(stage === "disk" || stage === "push" ? { stage } : {}),
        ...(wireBytes !== bytes ? { wireBytes } : {}),
        ...(throttle > 0 ? { throttle } : {}),
      });
      this.afterRound(stage, durationSec);
    });
    const estimateSec = route.latencySec + wireBytes / Math.min(route.bottleneckBytesPerSec, rateCap);
    if (wireBytes > 0) this.scheduleSample(progress, SAMPLES_PER_ROUND, estimateSec / (SAMPLES_PER_ROUND + 1));
  }

  /** Stage 2 continues, stage 3 begins, or the VM resumes, as the planner says. */
  private afterRound(stage: RoundStage, durationSec: number): void {
    const { sim, spec } = this.params;
    const rule = this.planner.rule;
    this.planner.finish(durationSec);
    if (stage === "final") {
      // End of stage 3: the VM resumes on the destination after the profile's resume time.
      this.downtimeSec = durationSec + spec.profile.resumeSec;
      sim.after(spec.profile.resumeSec, () => {
        if (this.planner.done) this.end(rule!, undefined);
        else this.startRound();
      });
    } else if (stage === "push") {
      this.end(rule!, durationSec);
    } else {
      this.startRound();
    }
  }

  private end(rule: StopRule, pushSec: number | undefined): void {
    const { sim, spec, route, pageBytes, onDone } = this.params;
    const push = pushSec === undefined ? undefined : this.rounds.at(-1)!;
    onDone({
      startSec: this.startSec,
      endSec: sim.now,
      downtimeSec: this.downtimeSec,
      bytesSent: this.planner.sentWireBytes,
      rounds: this.rounds,
      stopRule: rule,
      ...(push === undefined
        ? {}
        : {
            degradedSec: pushSec!,
            remoteFaults: expectedRemoteFaults(spec.dirty, spec.memoryBytes, push.bytes, pushSec!, route.latencySec, pageBytes),
          }),
    });
  }

  /**
   * Samples the round's remaining bytes `samplesLeft` more times at most. Each interval spreads the time the
   * flow still needs at its current rate over the samples left, so points stay evenly spaced when the rate
   * changes; while the flow has no rate yet (its latency), the previous interval is kept.
   */
  private scheduleSample(progress: RoundProgress, samplesLeft: number, intervalSec: number): void {
    if (samplesLeft === 0 || !(intervalSec > 0) || !Number.isFinite(intervalSec)) return;
    const { sim, onRemaining } = this.params;
    this.sample = sim.after(intervalSec, () => {
      this.sample = undefined;
      const remaining = progress.remainingBytes();
      onRemaining(sim.now, remaining);
      this.rateSample(sim.now, remaining);
      const rate = progress.rateBytesPerSec();
      const left = samplesLeft - 1;
      this.scheduleSample(progress, left, rate > 0 ? remaining / rate / (left + 1) : intervalSec);
    });
  }

  /** A round starts with `wireBytes` to send: the rate over any gap since the previous point is 0. */
  private startRateSegment(nowSec: number, wireBytes: number): void {
    const onRate = this.params.onRate;
    if (onRate === undefined) return;
    if (nowSec > this.rateSampleSec) onRate(nowSec, 0);
    this.rateSampleSec = nowSec;
    this.rateSampleRemaining = wireBytes;
  }

  /** The round has `remaining` bytes left at `nowSec`: its mean rate since the previous point. */
  private rateSample(nowSec: number, remaining: number): void {
    const onRate = this.params.onRate;
    if (onRate === undefined || !(nowSec > this.rateSampleSec)) return;
    onRate(nowSec, (this.rateSampleRemaining - remaining) / (nowSec - this.rateSampleSec));
    this.rateSampleSec = nowSec;
    this.rateSampleRemaining = remaining;
  }
}
