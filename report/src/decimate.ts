/**
 * Min/max decimation of a streamed series, so that charts stay fast however long a run is. Pure; no DOM.
 *
 * The time span is cut into equal buckets and each bucket keeps the points holding its smallest and its
 * largest value, in time order, so peaks and troughs survive and the drawn envelope does not change shape.
 * The first and the last point are always kept.
 */

/** Points as a flat [t0, v0, t1, v1, ...] array, in time order. */
export type FlatPoints = readonly number[];

/** The fewest points a decimated series may be asked for: the two ends and one bucket's min and max. */
export const minimumPoints = 4;

/** Returns at most `maxPoints` points of `points` (a copy, even when nothing had to go). */
export function decimate(points: FlatPoints, maxPoints: number): number[] {
  const count = Math.floor(points.length / 2);
  const limit = Math.max(minimumPoints, Math.floor(maxPoints));
  if (count <= limit) return points.slice(0, count * 2);
  const buckets = Math.floor((limit - 2) / 2);
  const first = points[0]!;
  const span = points[(count - 1) * 2]! - first;
  const out: number[] = [first, points[1]!];
  const bucketOf = (t: number): number => (span > 0 ? Math.min(buckets - 1, Math.floor(((t - first) / span) * buckets)) : 0);
  forEachBucketExtreme(points, count, bucketOf, (_bucket, i) => out.push(points[i * 2]!, points[i * 2 + 1]!));
  out.push(points[(count - 1) * 2]!, points[(count - 1) * 2 + 1]!);
  return out;
}

/**
 * The min/max core shared with `alignDecimated` (series.ts): walks the inner points of `points` (all but the
 * first and the last of `count`), puts each in bucket `bucketOf(time)` (buckets follow time order), and for
 * each bucket calls `keep` with the indices of the points holding its smallest and its largest value, in
 * time order: `slot` 0 for the earlier, 1 for the later (once when both are the same point).
 */
export function forEachBucketExtreme(
  points: FlatPoints,
  count: number,
  bucketOf: (time: number) => number,
  keep: (bucket: number, index: number, slot: 0 | 1) => void,
): void {
  let bucket = -1;
  let lowIndex = -1;
  let highIndex = -1;
  const flush = (): void => {
    if (lowIndex < 0) return;
    const [a, b] = lowIndex < highIndex ? [lowIndex, highIndex] : [highIndex, lowIndex];
    keep(bucket, a, 0);
    if (b !== a) keep(bucket, b, 1);
  };
  for (let i = 1; i < count - 1; i++) {
    const v = points[i * 2 + 1]!;
    const k = bucketOf(points[i * 2]!);
    if (k !== bucket) {
      flush();
      bucket = k;
      lowIndex = i;
      highIndex = i;
      continue;
    }
    if (v < points[lowIndex * 2 + 1]!) lowIndex = i;
    if (v > points[highIndex * 2 + 1]!) highIndex = i;
  }
  flush();
}
