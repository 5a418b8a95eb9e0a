/**
 * Accumulates streamed series points and aligns them for the chart. Pure; no DOM.
 */
import type { SeriesChunk } from "@vmig/protocol";

/** Points per series name, flat [t0, v0, t1, v1, ...], in arrival order. A plain object, so it can be saved. */
export type SeriesStore = Record<string, number[]>;

/** Series of bytes left to copy, one per VM: `remaining/<vm>`. */
export const remainingPrefix = "remaining/";

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

/**
 * Aligns the series whose names start with `prefix` on the union of their times, labelled by the rest of
 * their name. A series without a point at some time gets `null` there (the chart spans the gap).
 */
export function alignSeries(store: SeriesStore, prefix: string): AlignedSeries {
  const names = Object.keys(store).filter((name) => name.startsWith(prefix));
  const times: number[] = [];
  for (const name of names) {
    const points = store[name]!;
    for (let i = 0; i < points.length; i += 2) times.push(points[i]!);
  }
  times.sort((a, b) => a - b);
  const xs = times.filter((t, i) => i === 0 || t !== times[i - 1]);
  const index = new Map(xs.map((t, i) => [t, i]));
  const columns = names.map((name) => {
    const ys: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    const points = store[name]!;
    for (let i = 0; i < points.length; i += 2) ys[index.get(points[i]!)!] = points[i + 1]!;
    return ys;
  });
  return { labels: names.map((name) => name.slice(prefix.length)), data: [xs, ...columns] };
}
