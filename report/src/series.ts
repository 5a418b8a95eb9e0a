/**
 * Accumulates streamed series points and aligns them for the charts. Pure; no DOM.
 */
import type { SeriesChunk } from "@vmig/protocol";
import { decimate, forEachBucketExtreme, minimumPoints } from "./decimate.js";

/** Points per series name, flat [t0, v0, t1, v1, ...], in arrival order. A plain object, so it can be saved. */
export type SeriesStore = Record<string, number[]>;

/** Series of bytes left to copy, one per VM: `remaining/<vm>`. */
export const remainingPrefix = "remaining/";

/** Utilisation (0 to 1) of the busiest links, streamed when there is background traffic: `link/<name>`. */
export const linkPrefix = "link/";

/**
 * Congestion window of each migration's TCP connection, streamed when a scenario has
 * `policy transport tcp { … }` (unit bytes, a point each time the window changes): `cwnd/<vm>`.
 */
export const cwndPrefix = "cwnd/";

/** One series to chart: its label and its flat [t0, v0, t1, v1, ...] points in time order. */
export interface NamedSeries {
  readonly label: string;
  readonly points: readonly number[];
}

/** Series sharing one time axis, as uPlot wants them: `data[0]` the times, `data[i + 1]` series `labels[i]`. */
export interface AlignedSeries {
  readonly labels: readonly string[];
  readonly data: [number[], ...(number | null)[][]];
}

/** Appends the points of the chunks `accept` keeps; returns whether any point was added. */
export function appendChunks(
  store: SeriesStore,
  chunks: readonly SeriesChunk[],
  accept: (series: string) => boolean,
): boolean {
  let added = false;
  for (const chunk of chunks) {
    if (!accept(chunk.series) || chunk.points.length < 2) continue;
    const points = (store[chunk.series] ??= []);
    // A trailing odd number would be half a point; it is dropped rather than shifting every later pair.
    const end = chunk.points.length - (chunk.points.length % 2);
    // Indexed stores, not `push`: the webview's component library patches Array.prototype.push to observe
    // its own arrays, which makes every push of a point go through its check.
    const start = points.length;
    points.length = start + end;
    for (let i = 0; i < end; i++) points[start + i] = chunk.points[i]!;
    added = true;
  }
  return added;
}

/** The series whose names start with `prefix`, labelled by the rest of their name, in insertion order. */
export function selectSeries(store: SeriesStore, prefix: string): NamedSeries[] {
  return Object.keys(store)
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ label: name.slice(prefix.length), points: store[name]! }));
}

/**
 * Bounds memory on long runs: every series longer than `2 × maxPoints` points is decimated in place to
 * `maxPoints` (min/max per bucket, so its envelope stays). Returns whether anything was decimated.
 */
export function compactStore(store: SeriesStore, maxPoints: number): boolean {
  let compacted = false;
  for (const name of Object.keys(store)) {
    if (store[name]!.length / 2 <= 2 * maxPoints) continue;
    store[name] = decimate(store[name]!, maxPoints);
    compacted = true;
  }
  return compacted;
}

/**
 * Aligns series on the union of their times. A series without a point at some time gets `null` there (the
 * chart spans the gap).
 */
export function alignPoints(series: readonly NamedSeries[]): AlignedSeries {
  let count = 0;
  for (const { points } of series) count += Math.floor(points.length / 2);
  // A typed array sorts numbers natively (and escapes the patched Array.prototype.sort, see appendChunks).
  const times = new Float64Array(count);
  let n = 0;
  for (const { points } of series) {
    for (let i = 0; i + 1 < points.length; i += 2) times[n++] = points[i]!;
  }
  times.sort();
  const xs: number[] = [];
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i] !== times[i - 1]) xs.push(times[i]!);
  const index = new Map(xs.map((t, i) => [t, i]));
  const columns = series.map(({ points }) => {
    const ys: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    for (let i = 0; i + 1 < points.length; i += 2) ys[index.get(points[i]!)!] = points[i + 1]!;
    return ys;
  });
  return { labels: series.map((s) => s.label), data: [xs, ...columns] };
}

/**
 * Decimates series to about `maxPoints` points each and aligns them, with every series cut on one shared
 * grid of time buckets: a bucket's first kept point is drawn at the bucket's start and its second at the
 * bucket's middle (each series keeps its very first and last point where they are). So the aligned series
 * have about `maxPoints` times whatever their number, where decimating each series on its own would give
 * up to `maxPoints` distinct times per series, and a chart of eight lines eight times the points to draw.
 * A point moves by at most half a bucket, under a pixel at the default budget; series within the budget
 * are aligned exactly.
 */
export function alignDecimated(series: readonly NamedSeries[], maxPoints: number): AlignedSeries {
  const limit = Math.max(minimumPoints, Math.floor(maxPoints));
  if (series.every((s) => s.points.length / 2 <= limit)) return alignPoints(series);
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const { points } of series) {
    if (points.length < 2) continue;
    t0 = Math.min(t0, points[0]!);
    t1 = Math.max(t1, points[points.length - 2]!);
  }
  const buckets = Math.floor((limit - 2) / 2);
  const width = t1 > t0 ? (t1 - t0) / buckets : 1;
  return alignPoints(series.map(({ label, points }) => ({ label, points: snapToGrid(points, t0, width, buckets) })));
}

/** One series' min and max per bucket of the shared grid (see `alignDecimated`), in time order. */
function snapToGrid(points: readonly number[], t0: number, width: number, buckets: number): number[] {
  const count = Math.floor(points.length / 2);
  if (count <= 2) return points.slice(0, count * 2);
  const first = points[0]!;
  const last = points[(count - 1) * 2]!;
  const out: number[] = [first, points[1]!];
  // A grid time is used only strictly between the previous point and the series' last one, so the series
  // stays in time order and never shares a time with its own first or last point; otherwise the point's
  // own time is kept.
  const snap = (grid: number, own: number): number => (grid > out[out.length - 2]! && grid < last ? grid : own);
  const bucketOf = (t: number): number => Math.min(buckets - 1, Math.max(0, Math.floor((t - t0) / width)));
  forEachBucketExtreme(points, count, bucketOf, (bucket, i, slot) => out.push(snap(t0 + (bucket + slot / 2) * width, points[i * 2]!), points[i * 2 + 1]!));
  out.push(last, points[(count - 1) * 2 + 1]!);
  return out;
}
