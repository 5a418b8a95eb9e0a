/**
 * A static line chart of bytes over simulated time, for the exported HTML report (the webview draws its
 * live charts with uPlot instead). Pure; produces an SVG tree.
 */
import { bytesTicks, secondsTicks } from "./format.js";
import type { NamedSeries } from "./series.js";
import { svg, type SvgNode } from "./svg.js";
import { linearTicks } from "./ticks.js";

const margin = { left: 72, right: 16, top: 8, bottom: 40 } as const;

/** Draws `series` (bytes against seconds) in a `width` × `height` chart; lines carry `series-<n>` classes. */
export function bytesLineChartSvg(series: readonly NamedSeries[], width: number, height: number, paletteSize: number): SvgNode {
  const plot = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  let t0 = Infinity;
  let t1 = -Infinity;
  let top = 0;
  for (const { points } of series) {
    for (let i = 0; i + 1 < points.length; i += 2) {
      t0 = Math.min(t0, points[i]!);
      t1 = Math.max(t1, points[i]!);
      top = Math.max(top, points[i + 1]!);
    }
  }
  if (!(t1 >= t0)) return svg("svg", { class: "line-chart", width, height: 0 });
  const unit = 1024 ** Math.max(0, Math.floor(Math.log(Math.max(1, top)) / Math.log(1024)));
  const yValues = linearTicks(0, Math.max(1, top) / unit, 5).map((v) => v * unit);
  const yMax = Math.max(top, yValues[yValues.length - 1] ?? 1, 1);
  const span = t1 > t0 ? t1 - t0 : 1;
  const toX = (t: number): number => plot.x + ((t - t0) / span) * plot.width;
  const toY = (v: number): number => plot.y + plot.height - (v / yMax) * plot.height;
  const xValues = linearTicks(t0, t1, Math.max(2, Math.floor(plot.width / 90)));
  const xLabels = secondsTicks(xValues);
  const yLabels = bytesTicks(yValues);
  const bottom = plot.y + plot.height;
  return svg("svg", { class: "line-chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" }, [
    svg("title", {}, [], "Bytes left to copy per VM"),
    svg("g", { class: "lc-axis" }, [
      ...yValues.flatMap((v, i) => [
        svg("line", { class: "lc-grid", x1: plot.x, y1: toY(v), x2: plot.x + plot.width, y2: toY(v) }),
        svg("text", { class: "lc-tick", x: plot.x - 6, y: toY(v) + 4, "text-anchor": "end" }, [], yLabels[i]!),
      ]),
      ...xValues.map((t, i) => svg("text", { class: "lc-tick", x: toX(t), y: bottom + 18, "text-anchor": "middle" }, [], xLabels[i]!)),
      svg("line", { class: "lc-axis-line", x1: plot.x, y1: bottom, x2: plot.x + plot.width, y2: bottom }),
    ]),
    svg("g", { class: "lc-lines" }, series.map(({ label, points }, i) => {
      const path: string[] = [];
      for (let k = 0; k + 1 < points.length; k += 2) {
        path.push(`${k === 0 ? "M" : "L"}${toX(points[k]!).toFixed(1)} ${toY(points[k + 1]!).toFixed(1)}`);
      }
      return svg("path", { class: `lc-line series-${i % paletteSize}`, d: path.join(" ") }, [svg("title", {}, [], label)]);
    })),
  ]);
}
