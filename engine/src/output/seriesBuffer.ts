/**
 * Buffers series points and hands them to the sink in batches.
 *
 * Points are appended in simulated-time order, so every batch continues the previous one. A flush emits one
 * batch per series that has new points, in the order the series first appeared, which keeps the sink's
 * input identical from run to run.
 */
import type { SeriesBatch, SeriesPoint, SimulationSink } from "../results.js";

export const DEFAULT_BATCH_SIZE = 256;

type Unit = SeriesBatch["unit"];

export class SeriesBuffer {
  private readonly series = new Map<string, { unit: Unit; points: SeriesPoint[] }>();
  private buffered = 0;

  constructor(
    private readonly sink: SimulationSink,
    private readonly batchSize: number = DEFAULT_BATCH_SIZE,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    }
  }

  /** Appends a point; flushes once `batchSize` points are waiting. */
  append(name: string, unit: Unit, timeSec: number, value: number): void {
    let entry = this.series.get(name);
    if (entry === undefined) {
      entry = { unit, points: [] };
      this.series.set(name, entry);
    }
    entry.points.push([timeSec, value]);
    if (++this.buffered >= this.batchSize) this.flush();
  }

  /** Sends every waiting point to the sink; does nothing when none is waiting. */
  flush(): void {
    if (this.buffered === 0) return;
    const batches: SeriesBatch[] = [];
    for (const [name, entry] of this.series) {
      if (entry.points.length === 0) continue;
      batches.push({ series: name, unit: entry.unit, points: entry.points });
      entry.points = [];
    }
    this.buffered = 0;
    this.sink.series(batches);
  }
}
