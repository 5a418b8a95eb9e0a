/**
 * Bytes per round: grouped bars, one group per round index and one bar per VM in it, on a base-2
 * logarithmic scale (the first round copies all memory, later ones a small fraction of it, so a linear
 * scale would hide them). Pure; the geometry is unit-tested, and `roundBarsSvg` turns it into an SVG tree.
 */
import type { MigrationDocument } from "@vmig/protocol";
import { formatBytes, powerOfTwoLabel } from "./format.js";
import { svg, tooltip, type SvgNode } from "./svg.js";
import type { Box } from "./timeline.js";
import { log2Ticks } from "./ticks.js";

export interface RoundBar extends Box {
  /** Index of the VM in the legend, which picks its colour. */
  readonly series: number;
  /** The stop-and-copy round, outlined. */
  readonly final: boolean;
  readonly tip: string;
}

export interface RoundBarsLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: Box;
  readonly bars: readonly RoundBar[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly legend: readonly string[];
}

const roundBarsGeometry = { left: 72, right: 16, top: 8, bottom: 44, groupPadding: 0.2, minLabelGap: 28 } as const;

/** Lays out the rounds of `migrations` in a `width` × `height` chart. */
export function layoutRoundBars(migrations: readonly MigrationDocument[], width: number, height: number): RoundBarsLayout {
  const g = roundBarsGeometry;
  const plot: Box = { x: g.left, y: g.top, width: Math.max(1, width - g.left - g.right), height: Math.max(1, height - g.top - g.bottom) };
  const groups = Math.max(0, ...migrations.map((m) => m.rounds.length));
  const positive = migrations.flatMap((m) => m.rounds.map((r) => r.bytes)).filter((b) => b > 0);
  // The scale starts at least one doubling below the smallest round, so that every bar has a visible height.
  const low = positive.length === 0 ? 0 : Math.floor(Math.log2(Math.min(...positive))) - 1;
  const high = positive.length === 0 ? 1 : Math.max(low + 1, Math.ceil(Math.log2(Math.max(...positive))));
  const yTicks = positive.length === 0 ? [] : log2Ticks(2 ** low, 2 ** high, 6);
  const range = high - low;
  const toY = (bytes: number): number => plot.y + plot.height - ((Math.log2(bytes) - low) / range) * plot.height;
  const groupWidth = groups > 0 ? plot.width / groups : plot.width;
  const barWidth = (groupWidth * (1 - g.groupPadding)) / Math.max(1, migrations.length);
  const bars: RoundBar[] = [];
  migrations.forEach((m, series) => {
    for (const [position, round] of m.rounds.entries()) {
      if (!(round.bytes > 0)) continue;
      const y = toY(round.bytes);
      const stage = round.phase === "stop-and-copy" ? "stop-and-copy" : round.stage ?? "pre-copy";
      bars.push({
        x: plot.x + position * groupWidth + (groupWidth * g.groupPadding) / 2 + series * barWidth,
        y,
        width: Math.max(1, barWidth - 1),
        height: plot.y + plot.height - y,
        series,
        final: round.phase === "stop-and-copy",
        tip: `${m.vm}: round ${round.index} (${stage}), ${formatBytes(round.bytes)}`,
      });
    }
  });
  // Every k-th round is labelled, so that labels stay apart on runs with many rounds.
  const every = Math.max(1, Math.ceil(g.minLabelGap / groupWidth));
  const xTicks = Array.from({ length: groups }, (_, i) => i)
    .filter((i) => i % every === 0)
    .map((i) => ({ x: plot.x + (i + 0.5) * groupWidth, label: String(i) }));
  return {
    width,
    height,
    plot,
    bars,
    yTicks: yTicks.map((b) => ({ y: toY(b), label: powerOfTwoLabel(b) })),
    xTicks,
    legend: migrations.map((m) => m.vm),
  };
}

/** The layout as an SVG tree; bars carry `series-<n>` classes (n below `paletteSize`) for their colour. */
export function roundBarsSvg(layout: RoundBarsLayout, paletteSize: number): SvgNode {
  const { plot } = layout;
  const bottom = plot.y + plot.height;
  return svg("svg", { class: "round-bars", width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: "img" }, [
    svg("title", {}, [], "Bytes sent per round and VM"),
    svg("g", { class: "rb-axis" }, [
      ...layout.yTicks.flatMap((tick) => [
        svg("line", { class: "rb-grid", x1: plot.x, y1: tick.y, x2: plot.x + plot.width, y2: tick.y }),
        svg("text", { class: "rb-tick", x: plot.x - 6, y: tick.y + 4, "text-anchor": "end" }, [], tick.label),
      ]),
      svg("line", { class: "rb-axis-line", x1: plot.x, y1: bottom, x2: plot.x + plot.width, y2: bottom }),
      ...layout.xTicks.map((tick) => svg("text", { class: "rb-tick", x: tick.x, y: bottom + 16, "text-anchor": "middle" }, [], tick.label)),
      svg("text", { class: "rb-tick", x: plot.x + plot.width / 2, y: bottom + 36, "text-anchor": "middle" }, [], "round"),
    ]),
    svg("g", { class: "rb-bars" }, layout.bars.map((bar) =>
      svg("rect", { class: `rb-bar series-${bar.series % paletteSize}${bar.final ? " rb-final" : ""}`, x: bar.x, y: bar.y, width: bar.width, height: bar.height }, [tooltip(bar.tip)]),
    )),
  ]);
}
