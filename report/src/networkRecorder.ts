/**
 * What the HTML report needs of a run's network beyond the results document: each link's peak utilisation
 * and the migrations' routes, gathered from link-load frames and migration-start events as they stream. It
 * takes the engine's objects (the CLI) and the protocol's documents (the extension) alike: both carry
 * `ratios`, and a migration start's `source` and `links`.
 */
import type { ReportNetwork } from "./htmlReport.js";

interface FrameLike {
  readonly ratios: readonly number[];
}

/** An event; only a migration start (which has `source` and `links`) matters here. */
interface EventLike {
  readonly kind: string;
  readonly source?: string;
  readonly links?: readonly number[];
}

/** Raises `peaks[i]` to link i's load in each frame where that is higher (a missing peak counts as 0). */
export function raisePeaks(peaks: number[], frames: readonly FrameLike[]): void {
  for (const { ratios } of frames) {
    for (let i = 0; i < ratios.length; i++) {
      const ratio = ratios[i]!;
      if (ratio > (peaks[i] ?? 0)) peaks[i] = ratio;
    }
  }
}

export class NetworkRecorder {
  private readonly peaks: number[] = [];
  private readonly routes: { source: string; links: readonly number[] }[] = [];

  linkLoads(frames: readonly FrameLike[]): void {
    raisePeaks(this.peaks, frames);
  }

  events(events: readonly EventLike[]): void {
    for (const event of events) {
      if (event.kind === "migration-start" && event.source !== undefined && event.links !== undefined) this.routes.push({ source: event.source, links: event.links });
    }
  }

  /** The peaks (0 for a link no frame loaded) and routes, for `renderHtmlReport`. */
  network(linkCount: number): ReportNetwork {
    return { peakLinkLoads: Array.from({ length: linkCount }, (_, i) => this.peaks[i] ?? 0), routes: this.routes };
  }
}
