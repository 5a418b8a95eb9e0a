/**
 * Link utilisation series: the bytes each directed link carried, in a bounded number of time buckets.
 *
 * Standard bounded-memory downsampling: buckets of equal width cover [0, buckets × width); when traffic
 * arrives past the end, the width doubles and neighbouring buckets merge, so memory stays at `buckets`
 * numbers per link that ever carried traffic however long the run. A full-duplex link's utilisation in a
 * bucket is the larger of its two directions' mean rate over the bucket divided by the direction's capacity,
 * a ratio in [0, 1]. The busiest links are those with the highest mean utilisation over the whole run.
 */
import type { SeriesPoint } from "../results.js";
import type { Topology } from "./topology.js";

/** Buckets per link, hence the most points of a series (one more closes it at the end time). */
export const UTILISATION_BUCKETS = 128;

/** Width of a bucket before any doubling, in seconds. */
const INITIAL_WIDTH_SEC = 1e-3;

export interface LinkSeries {
  /** Index of the full-duplex link in `Scenario.links`. */
  readonly link: number;
  readonly points: readonly SeriesPoint[];
}

export class UtilisationRecorder {
  private readonly bytes: (Float64Array | undefined)[];
  private readonly totals: Float64Array;
  private widthSec = INITIAL_WIDTH_SEC;

  constructor(private readonly topology: Topology) {
    this.bytes = topology.directedLinks.map(() => undefined);
    this.totals = new Float64Array(topology.directedLinks.length);
  }

  /** Records that directed link `link` carried `rate` bytes per second during [fromSec, toSec). */
  add(link: number, fromSec: number, toSec: number, rate: number): void {
    if (!(toSec > fromSec) || !(rate > 0)) return;
    while (toSec > UTILISATION_BUCKETS * this.widthSec) this.double();
    let buckets = this.bytes[link];
    if (buckets === undefined) this.bytes[link] = buckets = new Float64Array(UTILISATION_BUCKETS);
    this.totals[link] = this.totals[link]! + rate * (toSec - fromSec);
    const w = this.widthSec;
    const last = Math.min(Math.ceil(toSec / w) - 1, UTILISATION_BUCKETS - 1);
    for (let b = Math.floor(fromSec / w); b <= last; b++) {
      const overlap = Math.min(toSec, (b + 1) * w) - Math.max(fromSec, b * w);
      if (overlap > 0) buckets[b] = buckets[b]! + rate * overlap;
    }
  }

  /** The `count` busiest full-duplex links over [0, endSec), busiest first (ties by link index). */
  busiest(count: number, endSec: number): LinkSeries[] {
    if (!(endSec > 0) || count <= 0) return [];
    const capacity = (d: number): number => this.topology.directedLinks[d]!.bandwidthBytesPerSec;
    const linkCount = this.topology.directedLinks.length / 2;
    const mean: { link: number; value: number }[] = [];
    for (let link = 0; link < linkCount; link++) {
      const value = Math.max(this.totals[2 * link]! / capacity(2 * link), this.totals[2 * link + 1]! / capacity(2 * link + 1));
      if (value > 0) mean.push({ link, value });
    }
    mean.sort((x, y) => y.value - x.value || x.link - y.link);
    const w = this.widthSec;
    const bucketCount = Math.min(Math.ceil(endSec / w), UTILISATION_BUCKETS);
    return mean.slice(0, count).map(({ link }) => {
      const points: SeriesPoint[] = [];
      for (let b = 0; b < bucketCount; b++) {
        const span = Math.min(endSec, (b + 1) * w) - b * w;
        let ratio = 0;
        for (const d of [2 * link, 2 * link + 1]) {
          const carried = this.bytes[d]?.[b] ?? 0;
          ratio = Math.max(ratio, carried / (span * capacity(d)));
        }
        points.push([b * w, Math.min(1, ratio)]);
      }
      points.push([endSec, points.at(-1)![1]]);
      return { link, points };
    });
  }

  /** Doubles the bucket width, merging neighbouring buckets. */
  private double(): void {
    for (const buckets of this.bytes) {
      if (buckets === undefined) continue;
      for (let b = 0; b < UTILISATION_BUCKETS / 2; b++) buckets[b] = buckets[2 * b]! + buckets[2 * b + 1]!;
      buckets.fill(0, UTILISATION_BUCKETS / 2);
    }
    this.widthSec *= 2;
  }
}
