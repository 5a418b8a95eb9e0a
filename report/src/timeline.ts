/**
 * The migration timeline: a Gantt chart with one row per migration, one bar per round, and the VM's
 * downtime (paused from the start of the stop-and-copy until it resumes on its destination) highlighted.
 * Pure; the geometry is unit-tested, and `timelineSvg` turns it into an SVG tree.
 */
import type { MigrationDocument, RoundDocument } from "@vmig/protocol";
import { formatBytes, formatSeconds, secondsTicks } from "./format.js";
import { svg, tooltip, type SvgNode } from "./svg.js";
import { linearTicks } from "./ticks.js";

/** How a bar is drawn: the stop-and-copy apart from pre-copy, and disk and post-copy push rounds apart. */
export type BarKind = "precopy" | "stop-and-copy" | "disk" | "push";

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TimelineBar extends Box {
  readonly kind: BarKind;
  /** Every other pre-copy round of a row is shaded apart, so that neighbouring rounds stay distinct. */
  readonly alternate: boolean;
  readonly tip: string;
}

export interface TimelineRow {
  readonly vm: string;
  /** Baseline of the row's label. */
  readonly labelY: number;
  readonly band: Box;
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: Box;
  readonly rows: readonly TimelineRow[];
  readonly bars: readonly TimelineBar[];
  readonly downtimes: readonly (Box & { readonly tip: string })[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
}

export const timelineGeometry = {
  rowHeight: 28,
  barHeight: 16,
  top: 8,
  axisHeight: 30,
  right: 16,
  /** Label column bounds, and the width allowed per character of the longest VM name. */
  minLabelWidth: 56,
  maxLabelWidth: 180,
  charWidth: 7.5,
  /** Narrowest drawn round and downtime, so that a millisecond pause still shows on a minute-long axis. */
  minBarWidth: 1,
  minDowntimeWidth: 3,
} as const;

/** Lays out `migrations` on a chart `width` pixels wide; the height follows from the number of rows. */
export function layoutTimeline(migrations: readonly MigrationDocument[], width: number): TimelineLayout {
  const g = timelineGeometry;
  const longest = Math.max(0, ...migrations.map((m) => m.vm.length));
  const left = Math.min(g.maxLabelWidth, Math.max(g.minLabelWidth, longest * g.charWidth + 12));
  const plot: Box = {
    x: left,
    y: g.top,
    width: Math.max(1, width - left - g.right),
    height: migrations.length * g.rowHeight,
  };
  const start = Math.min(...migrations.map((m) => m.start_s));
  const end = Math.max(...migrations.map((m) => m.end_s));
  const span = end > start ? end - start : 1;
  const toX = (t: number): number => plot.x + ((t - start) / span) * plot.width;
  const rows: TimelineRow[] = [];
  const bars: TimelineBar[] = [];
  const downtimes: (Box & { tip: string })[] = [];
  migrations.forEach((m, i) => {
    const bandY = plot.y + i * g.rowHeight;
    const barY = bandY + (g.rowHeight - g.barHeight) / 2;
    rows.push({ vm: m.vm, labelY: bandY + g.rowHeight / 2 + 4, band: { x: plot.x, y: bandY, width: plot.width, height: g.rowHeight } });
    let precopyCount = 0;
    for (const round of m.rounds) {
      const kind = barKind(round);
      const x = toX(round.start_s);
      const alternate = kind === "precopy" && precopyCount++ % 2 === 1;
      bars.push({
        x,
        y: barY,
        width: Math.max(g.minBarWidth, toX(round.start_s + round.duration_s) - x),
        height: g.barHeight,
        kind,
        alternate,
        tip: roundTip(m.vm, round),
      });
    }
    if (m.downtime_s > 0) {
      const pausedAt = pauseStart(m);
      const x0 = toX(pausedAt);
      const w = Math.max(g.minDowntimeWidth, toX(pausedAt + m.downtime_s) - x0);
      downtimes.push({
        x: Math.min(x0, plot.x + plot.width - w),
        y: bandY + 2,
        width: w,
        height: g.rowHeight - 4,
        tip: `${m.vm}: paused at ${formatSeconds(pausedAt)} for ${formatSeconds(m.downtime_s)} (stop-and-copy and resume on ${m.target})`,
      });
    }
  });
  const values = migrations.length === 0 ? [] : linearTicks(start, end, Math.max(2, Math.floor(plot.width / 90)));
  const labels = secondsTicks(values);
  return {
    width,
    height: plot.y + plot.height + g.axisHeight,
    plot,
    rows,
    bars,
    downtimes,
    ticks: values.map((t, i) => ({ x: toX(t), label: labels[i]! })),
  };
}

/** The layout as an SVG tree; classes `tl-*` are coloured by the page's style sheet. */
export function timelineSvg(layout: TimelineLayout): SvgNode {
  const { plot } = layout;
  const axisY = plot.y + plot.height;
  return svg("svg", { class: "timeline", width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: "img" }, [
    svg("title", {}, [], "Migration timeline: rounds per VM, downtime highlighted"),
    svg("g", { class: "tl-rows" }, layout.rows.map((row, i) =>
      svg("g", {}, [
        svg("rect", { class: i % 2 === 0 ? "tl-band" : "tl-band tl-band-odd", x: row.band.x, y: row.band.y, width: row.band.width, height: row.band.height }),
        svg("text", { class: "tl-label", x: plot.x - 8, y: row.labelY, "text-anchor": "end" }, [], row.vm),
      ]),
    )),
    svg("g", { class: "tl-axis" }, [
      svg("line", { class: "tl-axis-line", x1: plot.x, y1: axisY, x2: plot.x + plot.width, y2: axisY }),
      ...layout.ticks.flatMap((tick) => [
        svg("line", { class: "tl-grid", x1: tick.x, y1: plot.y, x2: tick.x, y2: axisY + 4 }),
        svg("text", { class: "tl-tick", x: tick.x, y: axisY + 18, "text-anchor": "middle" }, [], tick.label),
      ]),
    ]),
    svg("g", { class: "tl-bars" }, layout.bars.map((bar) =>
      svg("rect", { class: `tl-bar tl-${bar.kind}${bar.alternate ? " tl-alt" : ""}`, x: bar.x, y: bar.y, width: bar.width, height: bar.height }, [tooltip(bar.tip)]),
    )),
    svg("g", { class: "tl-downtimes" }, layout.downtimes.map((d) =>
      svg("rect", { class: "tl-downtime", x: d.x, y: d.y, width: d.width, height: d.height }, [tooltip(d.tip)]),
    )),
  ]);
}

/**
 * When the VM was paused: at the start of its stop-and-copy round, which comes last in pre-copy and first
 * in post-copy (the pause then precedes the background push); without one, the downtime ends the migration.
 */
export function pauseStart(m: MigrationDocument): number {
  const stop = m.rounds.find((r) => r.phase === "stop-and-copy");
  return stop !== undefined ? stop.start_s : m.end_s - m.downtime_s;
}

function barKind(round: RoundDocument): BarKind {
  if (round.phase === "stop-and-copy") return "stop-and-copy";
  return round.stage ?? "precopy";
}

function roundTip(vm: string, r: RoundDocument): string {
  const what = r.phase === "stop-and-copy" ? "stop-and-copy" : r.stage === undefined ? "pre-copy" : `${r.stage} round`;
  const parts = [`${vm}: round ${r.index}, ${what}`, `${formatSeconds(r.start_s)} + ${formatSeconds(r.duration_s)}`, formatBytes(r.bytes)];
  if (r.wire_bytes !== undefined) parts.push(`${formatBytes(r.wire_bytes)} on the wire`);
  if (r.throttle !== undefined) parts.push(`throttle ${Math.round(r.throttle * 100)} %`);
  return parts.join(" · ");
}
