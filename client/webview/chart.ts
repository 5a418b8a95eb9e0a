/**
 * A live line chart over simulated time, drawn with uPlot and coloured from the VS Code theme. The panel
 * uses four: bytes left to copy per VM (on the Bytes left tab, and on the Compare tab with an earlier run's
 * lines dashed), the busiest links' utilisation and the TCP congestion window per VM (drawn as steps).
 */
import uPlot from "uplot";
import { formatSeconds, secondsTicks, type AlignedSeries } from "@vmig/report";
import { valueAt } from "./lines.js";
import { palette, seriesColour, themeValue } from "./theme.js";

const chartHeight = 320;

/** Steps that hold each value until the next point's time, then jump. */
const steps = uPlot.paths.stepped!({ align: 1 });

/** One line: its legend label, its palette colour, and whether it is dashed (an earlier run's line). */
export interface LineSpec {
  readonly label: string;
  readonly colour: number;
  readonly dashed: boolean;
}

export interface LineChartOptions {
  readonly yLabel: string;
  /** How a value reads in the legend. */
  readonly value: (v: number) => string;
  /** Tick labels for the y axis. */
  readonly ticks: (splits: readonly number[]) => string[];
  /** Tick steps for the y axis, when the default decimal ones do not suit the unit. */
  readonly increments?: readonly number[];
  /** The least upper bound of the y axis (1 for a ratio). */
  readonly minTop: number;
  /** What the chart says while it has no line. */
  readonly placeholder: string;
  /** Whether each value holds until the next point (a quantity recorded when it changes), drawn as steps. */
  readonly stepped?: boolean;
}

export class LineChart {
  private plot: uPlot | undefined;
  private specs: readonly LineSpec[] = [];
  private latest: { readonly specs: readonly LineSpec[]; readonly aligned: AlignedSeries } | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: LineChartOptions,
  ) {
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: chartHeight })).observe(container);
    // VS Code switches themes by changing the body's class; the colours are read again then.
    new MutationObserver(() => this.rebuild()).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  }

  /** Shows new data (`aligned.data[i + 1]` drawn as `specs[i]`); the chart is rebuilt only when the lines change. */
  show(specs: readonly LineSpec[], aligned: AlignedSeries): void {
    this.latest = { specs, aligned };
    const same =
      specs.length === this.specs.length &&
      specs.every((s, i) => s.label === this.specs[i]!.label && s.colour === this.specs[i]!.colour && s.dashed === this.specs[i]!.dashed);
    if (this.plot !== undefined && same) this.plot.setData(aligned.data);
    else this.rebuild();
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.container.replaceChildren();
    this.specs = this.latest?.specs ?? [];
    if (this.latest === undefined || this.specs.length === 0) {
      const empty = document.createElement("p");
      empty.className = "placeholder";
      empty.textContent = this.options.placeholder;
      this.container.append(empty);
      return;
    }
    this.plot = new uPlot(this.uPlotOptions(this.specs), this.latest.aligned.data, this.container);
  }

  private uPlotOptions(specs: readonly LineSpec[]): uPlot.Options {
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
    const { minTop, value, ticks, increments, yLabel } = this.options;
    return {
      width: this.width(),
      height: chartHeight,
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(minTop, max)] } },
      series: [
        { label: "time", value: (_u, v) => (v == null ? "—" : formatSeconds(v)) },
        ...specs.map((spec): uPlot.Series => {
          // Past the palette's length colours repeat, dotted, so lines stay distinct; an earlier run is dashed.
          const dash = spec.dashed ? [8, 5] : spec.colour < palette.length ? undefined : [2, 3];
          return {
            label: spec.label,
            stroke: seriesColour(spec.colour),
            width: spec.dashed ? 1.5 : 2,
            ...(dash !== undefined && { dash }),
            ...(this.options.stepped === true && { paths: steps }),
            spanGaps: true,
            points: { show: false },
            value: (u, _v, seriesIndex, index) => {
              const v = index === null ? null : valueAt(u.data[0], u.data[seriesIndex]!, index);
              return v === null ? "—" : value(v);
            },
          };
        }),
      ],
      axes: [
        { ...axis("simulated time"), values: (_u, splits) => secondsTicks(splits) },
        { ...axis(yLabel), size: 80, ...(increments !== undefined && { incrs: [...increments] }), values: (_u, splits) => ticks(splits) },
      ],
      cursor: { drag: { x: true, y: false } },
    };
  }

  private width(): number {
    return Math.max(200, this.container.clientWidth);
  }
}
