/**
 * What the HTML report needs of a run's network beyond the results document: each link's peak utilisation
 * and the migrations' routes, gathered from the sink's link-load frames and migration-start events.
 */
import type { LinkLoadFrame, SimulationEvent } from "@vmig/engine";
import type { ReportNetwork } from "@vmig/report";

export class NetworkRecorder {
  private peaks: number[] = [];
  private readonly routes: { source: string; links: readonly number[] }[] = [];

  linkLoads(frames: readonly LinkLoadFrame[]): void {
    for (const frame of frames) {
      frame.ratios.forEach((ratio, i) => {
        if (!(ratio <= (this.peaks[i] ?? 0))) this.peaks[i] = ratio;
      });
    }
  }

  events(events: readonly SimulationEvent[]): void {
    for (const event of events) if (event.kind === "migration-start") this.routes.push({ source: event.source, links: event.links });
  }

  /** The peaks (0 for a link no frame loaded) and routes, for `renderHtmlReport`. */
  network(linkCount: number): ReportNetwork {
    return { peakLinkLoads: Array.from({ length: linkCount }, (_, i) => this.peaks[i] ?? 0), routes: this.routes };
  }
}
