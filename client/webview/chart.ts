/**
 * The live chart of bytes left to copy per VM, drawn with uPlot and coloured from the VS Code theme.
 */
import uPlot from "uplot";
import { bytesTicks, formatBytes, formatSeconds, secondsTicks } from "./format.js";
import type { AlignedSeries } from "./series.js";

const chartHeight = 320;

/** Tick steps for the bytes axis: powers of two, so ticks fall on 256 MiB, 512 MiB, 1 GiB and the like. */
const byteIncrements = Array.from({ length: 60 }, (_, k) => 2 ** k);

/** Line colours, from the theme's chart palette (defined by dark, light and high-contrast themes alike). */
const palette: readonly [variable: string, fallback: string][] = [
  ["--vscode-charts-blue", "#3794ff"],
  ["--vscode-charts-orange", "#d18616"],
  ["--vscode-charts-green", "#89d185"],
  ["--vscode-charts-purple", "#b180d7"],
  ["--vscode-charts-red", "#f14c4c"],
  ["--vscode-charts-yellow", "#cca700"],
];

export class RemainingChart {
  private plot: uPlot | undefined;
  private labels: readonly string[] = [];
  private latest: AlignedSeries | undefined;

  constructor(private readonly container: HTMLElement) {
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: chartHeight })).observe(container);
    // VS Code switches themes by changing the body's class; the colours are read again then.
    new MutationObserver(() => this.rebuild()).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  }

  /** Shows new data; the chart is rebuilt only when the set of VMs changes. */
  show(aligned: AlignedSeries): void {
    this.latest = aligned;
    const sameSeries =
      aligned.labels.length === this.labels.length && aligned.labels.every((label, i) => label === this.labels[i]);
    if (this.plot !== undefined && sameSeries) this.plot.setData(aligned.data);
    else this.rebuild();
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.container.replaceChildren();
    const aligned = this.latest;
    this.labels = aligned?.labels ?? [];
    if (aligned === undefined || aligned.labels.length === 0) {
      const empty = document.createElement("p");
      empty.className = "placeholder";
      empty.textContent = "The chart of bytes left to copy appears when the first migration starts.";
      this.container.append(empty);
      return;
    }
    this.plot = new uPlot(this.options(aligned.labels), aligned.data, this.container);
  }

  private options(labels: readonly string[]): uPlot.Options {
    const foreground = themeValue("--vscode-foreground", "#cccccc");
    const grid = themeValue("--vscode-editorWidget-border", "#80808059");
    const font = `${themeValue("--vscode-font-size", "13px")} ${themeValue("--vscode-font-family", "sans-serif")}`;
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: foreground,
      font,
      labelFont: font,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
    });
    return {
      width: this.width(),
      height: chartHeight,
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? max : 1] } },
      series: [
        { label: "time", value: (_u, v) => (v == null ? "—" : formatSeconds(v)) },
        ...labels.map((label, i): uPlot.Series => {
          const [variable, fallback] = palette[i % palette.length]!;
          return {
            label,
            stroke: themeValue(variable, fallback),
            width: 2,
            // Past the palette's length, colours repeat with a dash so lines stay distinct.
            dash: i < palette.length ? undefined : [6, 4],
            spanGaps: true,
            points: { show: false },
            value: (_u, v) => (v == null ? "—" : formatBytes(v)),
          };
        }),
      ],
      axes: [
        { ...axis("simulated time"), values: (_u, splits) => secondsTicks(splits) },
        { ...axis("left to copy"), size: 80, incrs: byteIncrements, values: (_u, splits) => bytesTicks(splits) },
      ],
      cursor: { drag: { x: true, y: false } },
    };
  }

  private width(): number {
    return Math.max(200, this.container.clientWidth);
  }
}

function themeValue(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}
