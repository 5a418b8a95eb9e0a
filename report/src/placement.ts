/**
 * The S-CORE charts (paper 004, ../shared/papers/004_7bdc0f42a00b8d78.txt): the overall communication cost
 * after each iteration of the token, and the ToR-to-ToR traffic before and after as two heatmaps on one
 * shared colour scale, so that a darker or brighter cell means the same traffic in both. Pure; produces SVG
 * trees coloured by class (`ramp-<k>` from ramp.ts).
 *
 * The heatmaps' scale is logarithmic: rack-to-rack traffic spans orders of magnitude (a few hotspot pairs
 * carry most of it), and on a linear scale every other cell would fall in the lowest colour. The ramp's
 * eight colours cover `heatmapDecades` decades below the largest entry, half a decade each.
 */
import type { PlacementDocument } from "@vmig/protocol";
import { formatBytes } from "./format.js";
import { rampBucket, rampClass } from "./ramp.js";
import { svg, type SvgNode } from "./svg.js";
import { linearTicks } from "./ticks.js";

export type Iteration = PlacementDocument["iterations"][number];
export type TrafficMatrix = readonly (readonly number[])[];

const costMargin = { left: 84, right: 16, top: 12, bottom: 44 } as const;

/** Formats a cost (bytes/s weighted by link costs) compactly: `1.25 G`, `830 k`. */
export function formatCost(cost: number): string {
  if (!Number.isFinite(cost)) return "—";
  const units = ["", " k", " M", " G", " T", " P"];
  let value = Math.abs(cost);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value >= 100 || unit === 0 ? 0 : value >= 10 ? 1 : 2;
  return `${cost < 0 ? "-" : ""}${value.toFixed(digits)}${units[unit]}`;
}

/**
 * A line with a marker per iteration: the overall cost C^A (equation 3.1) against the iteration, iteration
 * 0 being the initial placement. Each marker's tooltip gives the cost and the migrations of that pass.
 */
export function costChartSvg(iterations: readonly Iteration[], width: number, height: number): SvgNode {
  const plot = { x: costMargin.left, y: costMargin.top, width: width - costMargin.left - costMargin.right, height: height - costMargin.top - costMargin.bottom };
  if (iterations.length === 0) return svg("svg", { class: "cost-chart", width, height: 0 });
  const first = iterations[0]!.iteration;
  const last = iterations[iterations.length - 1]!.iteration;
  const top = Math.max(...iterations.map((i) => i.cost), 0);
  const yValues = linearTicks(0, top > 0 ? top : 1, 5);
  const yMax = Math.max(top, yValues[yValues.length - 1] ?? 1, Number.MIN_VALUE);
  const span = last > first ? last - first : 1;
  const toX = (k: number): number => plot.x + (last > first ? ((k - first) / span) * plot.width : plot.width / 2);
  const toY = (v: number): number => plot.y + plot.height - (v / yMax) * plot.height;
  const xValues = linearTicks(first, last, Math.max(2, Math.floor(plot.width / 60))).filter(Number.isInteger);
  const bottom = plot.y + plot.height;
  const d = iterations.map((it, i) => `${i === 0 ? "M" : "L"}${toX(it.iteration).toFixed(1)} ${toY(it.cost).toFixed(1)}`).join(" ");
  return svg("svg", { class: "cost-chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" }, [
    svg("title", {}, [], "S-CORE overall communication cost per iteration"),
    svg("g", { class: "cc-axis" }, [
      ...yValues.flatMap((v) => [
        svg("line", { class: "cc-grid", x1: plot.x, y1: toY(v), x2: plot.x + plot.width, y2: toY(v) }),
        svg("text", { x: plot.x - 6, y: toY(v) + 4, "text-anchor": "end" }, [], formatCost(v)),
      ]),
      ...xValues.map((k) => svg("text", { x: toX(k), y: bottom + 18, "text-anchor": "middle" }, [], String(k))),
      svg("line", { class: "cc-axis-line", x1: plot.x, y1: bottom, x2: plot.x + plot.width, y2: bottom }),
      svg("text", { x: plot.x + plot.width / 2, y: bottom + 38, "text-anchor": "middle" }, [], "iteration (0: initial placement)"),
      svg("text", { x: 14, y: plot.y + plot.height / 2, "text-anchor": "middle", transform: `rotate(-90 14 ${plot.y + plot.height / 2})` }, [], "overall cost"),
    ]),
    svg("path", { class: "cc-line", d }),
    svg("g", { class: "cc-points" }, iterations.map((it) =>
      svg("rect", { class: "cc-point", x: toX(it.iteration) - 3.5, y: toY(it.cost) - 3.5, width: 7, height: 7 }, [
        svg("title", {}, [], `iteration ${it.iteration}: cost ${formatCost(it.cost)}, ${it.migrations} migration${it.migrations === 1 ? "" : "s"}`),
      ]),
    )),
  ]);
}

/** The largest entry of the matrices, the top of their shared colour scale (0 when every entry is 0). */
export function sharedScale(...matrices: readonly TrafficMatrix[]): number {
  let top = 0;
  for (const m of matrices) for (const row of m) for (const v of row) if (Number.isFinite(v) && v > top) top = v;
  return top;
}

/** Decades of traffic below the largest entry that the heatmaps' colours tell apart; less is the lowest colour. */
export const heatmapDecades = 4;

/** Where `value` lies on the logarithmic scale up to `scale`, from 0 (`heatmapDecades` decades below, or less) to 1. */
export function heatmapFraction(value: number, scale: number): number {
  if (!(value > 0) || !(scale > 0)) return 0;
  return Math.min(1, Math.max(Number.MIN_VALUE, 1 + Math.log10(value / scale) / heatmapDecades));
}

/** The colour class of a cell holding `value` on a scale up to `scale`; zero is "none". */
export function heatmapClass(value: number, scale: number): string {
  return rampClass(rampBucket(heatmapFraction(value, scale)));
}

const heatmapGeometry = { labelWidth: 72, top: 84, maxCell: 36, minCell: 3, gap: 1 } as const;

/**
 * A heatmap of `matrix` (`[i][j]` from rack i to rack j, bytes/s) no wider than `width`: rows are sources,
 * columns destinations, each cell's tooltip names both racks and the traffic. Rack names label the rows and
 * (turned) the columns while cells are tall enough to carry text.
 */
export function heatmapSvg(matrix: TrafficMatrix, racks: readonly string[], scale: number, width: number, title: string): SvgNode {
  const n = racks.length;
  const { labelWidth, maxCell, minCell, gap } = heatmapGeometry;
  const cell = Math.max(minCell, Math.min(maxCell, Math.floor((width - labelWidth - 48) / Math.max(1, n))));
  const labelled = cell >= 12;
  const top = labelled ? heatmapGeometry.top : 24;
  const left = labelled ? labelWidth : 8;
  const size = n * cell;
  const cells: SvgNode[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = matrix[i]?.[j] ?? 0;
      cells.push(
        svg("rect", { class: `hm-cell ${heatmapClass(value, scale)}`, x: left + j * cell, y: top + i * cell, width: cell - gap, height: cell - gap }, [
          svg("title", {}, [], `${racks[i]} → ${racks[j]}: ${formatBytes(value)}/s`),
        ]),
      );
    }
  }
  const labels = labelled
    ? racks.flatMap((rack, k) => [
        svg("text", { class: "hm-label", x: left - 6, y: top + k * cell + cell / 2 + 4, "text-anchor": "end" }, [], shorten(rack)),
        svg("text", { class: "hm-label", x: 0, y: 0, transform: `translate(${left + k * cell + cell / 2 + 4} ${top - 6}) rotate(-60)` }, [], shorten(rack)),
      ])
    : [];
  // Room on the right for the last column's turned label.
  const totalWidth = left + size + (labelled ? 48 : 8);
  return svg("svg", { class: "heatmap", width: totalWidth, height: top + size + 8, viewBox: `0 0 ${totalWidth} ${top + size + 8}`, role: "img" }, [
    svg("title", {}, [], title),
    svg("text", { class: "hm-title", x: left, y: 14 }, [], title),
    svg("g", { class: "hm-cells" }, cells),
    svg("g", { class: "hm-labels" }, labels),
  ]);
}

/** The legend of a shared heatmap scale: zero, then each bucket's upper bound of traffic. */
export function heatmapLegend(scale: number, steps: number): { readonly className: string; readonly words: string }[] {
  if (!(scale > 0)) return [{ className: rampClass(-1), words: "no traffic" }];
  return [
    { className: rampClass(-1), words: "none" },
    ...Array.from({ length: steps }, (_, k) => ({
      className: rampClass(k),
      words: `≤ ${formatBytes(scale * 10 ** (((k + 1) / steps - 1) * heatmapDecades))}/s`,
    })),
  ];
}

/** Rack names from a generated topology can be long (`dc.edge[12]`); labels keep their last 10 characters. */
function shorten(name: string): string {
  return name.length <= 10 ? name : `…${name.slice(-9)}`;
}
