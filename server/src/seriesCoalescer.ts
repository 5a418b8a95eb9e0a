/**
 * Coalesces a run's streamed output before it crosses threads and the LSP connection: series points are
 * merged per series and finished migrations collected, then sent at most once per interval. A fast run
 * would otherwise flood the server's main thread with messages, delaying everything behind them — the
 * user's Stop included — and make the editor draw far more often than it can show.
 */
import type { MigrationDocument, SeriesChunk } from "@vmig/protocol";

export class SeriesCoalescer {
  private readonly pending = new Map<string, { unit: SeriesChunk["unit"]; points: number[] }>();
  private finished: MigrationDocument[] = [];
  private lastFlush: number;

  constructor(
    private readonly send: (chunks: SeriesChunk[], finished: MigrationDocument[]) => void,
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {
    this.lastFlush = now();
  }

  /** Adds points of one series (flat [t0, v0, t1, v1, ...]); sends if the interval has passed. */
  addPoints(series: string, unit: SeriesChunk["unit"], points: readonly number[]): void {
    let entry = this.pending.get(series);
    if (!entry) this.pending.set(series, (entry = { unit, points: [] }));
    for (const p of points) entry.points.push(p);
    this.maybeFlush();
  }

  addFinished(migration: MigrationDocument): void {
    this.finished.push(migration);
    this.maybeFlush();
  }

  /** Sends whatever is pending (at the end of a run). */
  flush(): void {
    if (this.pending.size === 0 && this.finished.length === 0) return;
    const chunks = [...this.pending].map(([series, { unit, points }]) => ({ series, unit, points }));
    const finished = this.finished;
    this.pending.clear();
    this.finished = [];
    this.lastFlush = this.now();
    this.send(chunks, finished);
  }

  private maybeFlush(): void {
    if (this.now() - this.lastFlush >= this.intervalMs) this.flush();
  }
}
