/**
 * Coalesces a run's streamed output before it crosses threads and the LSP connection: series points are
 * merged per series, finished migrations and events collected, and of the link-load frames only the latest
 * kept (a view colours links by the current load; every frame of a k=16 fat-tree is 3,072 numbers), then
 * sent at most once per interval. The topology goes with the first message. A fast run would otherwise
 * flood the server's main thread with messages, delaying everything behind them — the user's Stop included
 * — and make the editor draw far more often than it can show.
 */
import type { EventDocument, LinkLoadDocument, MigrationDocument, SeriesChunk, TopologyDocument } from "@vmig/protocol";

/** What a message carries besides points and finished migrations; each field only when it has something. */
export interface StreamExtras {
  readonly topology?: TopologyDocument;
  readonly events?: EventDocument[];
  readonly link_loads?: LinkLoadDocument[];
}

export class SeriesCoalescer {
  private readonly pending = new Map<string, { unit: SeriesChunk["unit"]; points: number[] }>();
  private finished: MigrationDocument[] = [];
  private topology: TopologyDocument | undefined;
  private events: EventDocument[] = [];
  private latestFrame: LinkLoadDocument | undefined;
  private lastFlush: number;

  constructor(
    private readonly send: (chunks: SeriesChunk[], finished: MigrationDocument[], extras: StreamExtras) => void,
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

  /** The network of the run, sent with the next message. */
  setTopology(topology: TopologyDocument): void {
    this.topology = topology;
    this.maybeFlush();
  }

  addEvents(events: readonly EventDocument[]): void {
    for (const e of events) this.events.push(e);
    this.maybeFlush();
  }

  /** Link-load frames in time order; only the latest waits for the next message. */
  addLinkLoads(frames: readonly LinkLoadDocument[]): void {
    if (frames.length === 0) return;
    this.latestFrame = frames[frames.length - 1];
    this.maybeFlush();
  }

  /** Sends whatever is pending (at the end of a run). */
  flush(): void {
    const nothing = this.pending.size === 0 && this.finished.length === 0 && this.events.length === 0;
    if (nothing && this.topology === undefined && this.latestFrame === undefined) return;
    const chunks = [...this.pending].map(([series, { unit, points }]) => ({ series, unit, points }));
    const finished = this.finished;
    const extras: StreamExtras = {
      ...(this.topology !== undefined && { topology: this.topology }),
      ...(this.events.length > 0 && { events: this.events }),
      ...(this.latestFrame !== undefined && { link_loads: [this.latestFrame] }),
    };
    this.pending.clear();
    this.finished = [];
    this.topology = undefined;
    this.events = [];
    this.latestFrame = undefined;
    this.lastFlush = this.now();
    this.send(chunks, finished, extras);
  }

  private maybeFlush(): void {
    if (this.now() - this.lastFlush >= this.intervalMs) this.flush();
  }
}
