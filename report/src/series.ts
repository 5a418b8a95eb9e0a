/**
 * Accumulates streamed series points and aligns them for the charts. Pure; no DOM.
 */
import type { SeriesChunk } from "@vmig/protocol";
import { decimate } from "./decimate.js";

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
    for (let i = 0; i < end; i++) points.push(chunk.points[i]!);
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
  const times: number[] = [];
  for (const { points } of series) {
    for (let i = 0; i + 1 < points.length; i += 2) times.push(points[i]!);
  }
  times.sort((a, b) => a - b);
  const xs = times.filter((t, i) => i === 0 || t !== times[i - 1]);
  const index = new Map(xs.map((t, i) => [t, i]));
  const columns = series.map(({ points }) => {
    const ys: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    for (let i = 0; i + 1 < points.length; i += 2) ys[index.get(points[i]!)!] = points[i + 1]!;
    return ys;
  });
  return { labels: series.map((s) => s.label), data: [xs, ...columns] };
}
