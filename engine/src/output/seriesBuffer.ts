/**
 * Buffers what a run streams — series points, events and link-load frames — and hands it to the sink in
 * batches.
 *
 * Everything is appended in simulated-time order, so every batch continues the previous one. A flush emits
 * one batch per series that has new points, in the order the series first appeared, then the events, then
 * the link frames, which keeps the sink's input identical from run to run. Events and frames count towards
 * `batchSize` like points. When the sink does not take events (or frames), `wantsEvents` (`wantsLinkLoads`)
 * is false and callers do not build them at all, so the optional outputs cost nothing when nobody listens.
 */
import type { LinkLoadFrame, SeriesBatch, SeriesPoint, SimulationEvent, SimulationSink } from "../results.js";

export const DEFAULT_BATCH_SIZE = 256;

type Unit = SeriesBatch["unit"];

export class SeriesBuffer {
  private readonly series = new Map<string, { unit: Unit; points: SeriesPoint[] }>();
  private events: SimulationEvent[] = [];
  private frames: LinkLoadFrame[] = [];
  private buffered = 0;
  /** Whether the sink implements `events`. */
  readonly wantsEvents: boolean;
  /** Whether the sink implements `linkLoads`. */
  readonly wantsLinkLoads: boolean;

  constructor(
    private readonly sink: SimulationSink,
    private readonly batchSize: number = DEFAULT_BATCH_SIZE,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    }
    this.wantsEvents = sink.events !== undefined;
    this.wantsLinkLoads = sink.linkLoads !== undefined;
  }

  /** Appends a point; flushes once `batchSize` points, events and frames are waiting. */
  append(name: string, unit: Unit, timeSec: number, value: number): void {
    let entry = this.series.get(name);
    if (entry === undefined) {
      entry = { unit, points: [] };
      this.series.set(name, entry);
    }
    entry.points.push([timeSec, value]);
    if (++this.buffered >= this.batchSize) this.flush();
  }

  /** Appends an event (dropped when the sink does not take events). */
  event(event: SimulationEvent): void {
    if (!this.wantsEvents) return;
    this.events.push(event);
    if (++this.buffered >= this.batchSize) this.flush();
  }

  /** Appends a link-load frame (dropped when the sink does not take them). */
  linkFrame(frame: LinkLoadFrame): void {
    if (!this.wantsLinkLoads) return;
    this.frames.push(frame);
    if (++this.buffered >= this.batchSize) this.flush();
  }

  /** Sends everything waiting to the sink; does nothing when nothing is waiting. */
  flush(): void {
    if (this.buffered === 0) return;
    const batches: SeriesBatch[] = [];
    for (const [name, entry] of this.series) {
      if (entry.points.length === 0) continue;
      batches.push({ series: name, unit: entry.unit, points: entry.points });
      entry.points = [];
    }
    this.buffered = 0;
    if (batches.length > 0) this.sink.series(batches);
    if (this.events.length > 0) {
      const events = this.events;
      this.events = [];
      this.sink.events!(events);
    }
    if (this.frames.length > 0) {
      const frames = this.frames;
      this.frames = [];
      this.sink.linkLoads!(frames);
    }
  }
}
