/**
 * Link-load frames: the utilisation of every link, sampled in simulated time for topology views.
 *
 * A frame at time t gives, for each full-duplex link, the mean utilisation of its busier direction over
 * (previous frame, t]: the bytes the direction carried in that span (FlowNetwork's per-link byte counters,
 * exact because rates are piecewise constant) over the span times its bandwidth, as paper 000 §4.2's
 * controller reads port counters. A span of zero length gives the instantaneous load instead.
 *
 * Frames follow the activity rather than a clock: one is taken just before a rate change (the only moment
 * a load can change) when at least `intervalSec` has passed since the previous frame, and once at the end
 * of the run. No simulator event is added, so taking frames never moves the end of a run, a long quiet
 * period costs one frame, and a run costs at most one frame per interval. The interval comes from the run
 * itself (`activityIntervalSec`), and doubles after every FRAMES_PER_DOUBLING frames, so a run much longer
 * than predicted still sends a bounded number: FRAMES_PER_DOUBLING × (1 + log2(actual / predicted span)).
 */
import type { FlowNetwork } from "../network/flows.js";
import type { Topology } from "../network/topology.js";
import type { LinkLoadFrame } from "../results.js";
import { predictMigration } from "../migration/analytic.js";
import type { PlannedMigration } from "../plan.js";
import type { Scenario } from "../scenario.js";

/** Frames over the predicted span of activity, and the count after which the interval doubles. */
export const FRAMES_PER_DOUBLING = 200;

export class LinkFrameSampler {
  private readonly carried: Float64Array;
  private readonly capacities: Float64Array;
  private lastFrameSec: number;
  private framesTaken = 0;
  private framesAtInterval = 0;

  constructor(
    private readonly flows: FlowNetwork,
    topology: Topology,
    private intervalSec: number,
    private readonly emit: (frame: LinkLoadFrame) => void,
    startSec: number,
    /** Whether the interval doubles after every FRAMES_PER_DOUBLING frames (not when the caller fixed it). */
    private readonly adaptive: boolean,
  ) {
    this.capacities = Float64Array.from(topology.directedLinks, (link) => link.bandwidthBytesPerSec);
    this.carried = new Float64Array(this.capacities.length);
    this.lastFrameSec = startSec;
    flows.onBeforeRateChange((nowSec) => {
      if (nowSec - this.lastFrameSec >= this.intervalSec) this.take(nowSec);
    });
  }

  /** Takes the last frame, at the end of the run, unless one was just taken at that instant. */
  finish(endSec: number): void {
    if (endSec > this.lastFrameSec || this.framesTaken === 0) this.take(endSec);
  }

  private take(nowSec: number): void {
    const span = nowSec - this.lastFrameSec;
    const linkCount = this.capacities.length >> 1;
    const ratios = new Array<number>(linkCount);
    for (let link = 0; link < linkCount; link++) {
      // Clamped to [0, 1]: byte counters banked at different instants may differ from the exact sum by rounding.
      ratios[link] = Math.min(1, Math.max(0, this.directionLoad(2 * link, nowSec, span), this.directionLoad(2 * link + 1, nowSec, span)));
    }
    this.lastFrameSec = nowSec;
    this.emit({ timeSec: nowSec, ratios });
    this.framesTaken++;
    if (++this.framesAtInterval >= FRAMES_PER_DOUBLING && this.adaptive) {
      this.framesAtInterval = 0;
      this.intervalSec *= 2;
    }
  }

  /** Mean utilisation of directed link `id` since the previous frame, and banks its byte counter. */
  private directionLoad(id: number, nowSec: number, span: number): number {
    const bytes = this.flows.linkBytes(id, nowSec);
    const delta = bytes - this.carried[id]!;
    this.carried[id] = bytes;
    const capacity = this.capacities[id]!;
    return span > 0 ? delta / (span * capacity) : this.flows.linkRate(id) / capacity;
  }
}

/** A migration for the interval's prediction: when it is due and how long it takes alone, in seconds. */
export interface PredictedActivity {
  readonly startSec: number;
  readonly durationSec: number;
}

/**
 * The default interval between frames: the predicted span of the run's activity over FRAMES_PER_DOUBLING.
 * Migrations run in groups of `groupSize` in start order (1 sequential, the batch size, or all of them
 * concurrently), each group once the previous one has ended; each migration takes its uncontended time.
 * The span runs from the first start, so an idle lead-in costs nothing; without migrations (background
 * traffic only) it is the horizon.
 */
export function activityIntervalSec(migrations: readonly PredictedActivity[], groupSize: number, horizonSec: number): number {
  const byStart = [...migrations].sort((x, y) => x.startSec - y.startSec);
  if (byStart.length === 0) return horizonSec / FRAMES_PER_DOUBLING;
  const first = byStart[0]!.startSec;
  let groupEnd = first;
  for (let g = 0; g < byStart.length; g += groupSize) {
    const groupStart = groupEnd;
    for (const m of byStart.slice(g, g + groupSize)) groupEnd = Math.max(groupEnd, Math.max(groupStart, m.startSec) + m.durationSec);
  }
  const span = Math.min(groupEnd, horizonSec) - first;
  return (span > 0 ? span : horizonSec) / FRAMES_PER_DOUBLING;
}

/** The interval of `activityIntervalSec` for a run's planned migrations, each predicted alone on its route. */
export function plannedFrameIntervalSec(scenario: Scenario, plan: readonly PlannedMigration[]): number {
  const activity: PredictedActivity[] = [];
  for (const planned of plan) {
    const { vm, route } = planned;
    if (!(route.bottleneckBytesPerSec > 0)) continue;
    const prediction = predictMigration({
      memoryBytes: vm.memoryBytes,
      dirtyBytesPerSec: 0,
      dirty: vm.dirty,
      bandwidthBytesPerSec: route.bottleneckBytesPerSec,
      latencySec: route.latencySec,
      profile: planned.profile,
      pageBytes: vm.pageBytes,
      mode: scenario.migrations[planned.index]!.mode ?? "precopy",
      ...(vm.staticBytes === undefined ? {} : { staticBytes: vm.staticBytes }),
      ...(vm.disk === undefined ? {} : { disk: vm.disk }),
    });
    activity.push({ startSec: planned.startSec, durationSec: prediction.totalTimeSec });
  }
  const schedule = scenario.schedule ?? { kind: "concurrent" };
  const groupSize = schedule.kind === "sequential" ? 1 : schedule.kind === "batched" ? Math.max(1, schedule.size) : Math.max(1, activity.length);
  return activityIntervalSec(activity, groupSize, scenario.horizonSec);
}
