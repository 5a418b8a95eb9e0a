/**
 * Which lines the live charts draw, decimated to the point budget and aligned for uPlot. Pure; no DOM.
 */
import { alignDecimated, cwndPrefix, linkPrefix, remainingPrefix, selectSeries, type AlignedSeries, type NamedSeries, type SeriesStore } from "@vmig/report";
import type { LineSpec } from "./chart.js";

export interface ChartLines {
  readonly specs: readonly LineSpec[];
  readonly aligned: AlignedSeries;
}

/** The label of an earlier run's line for `vm`. */
export function previousLabel(vm: string): string {
  return `${vm} (previous)`;
}

/**
 * Bytes left per VM, and when comparing, the earlier run's lines dashed in the colour of the same VM (a
 * VM only the earlier run had gets the next colour).
 */
export function remainingLines(current: SeriesStore, baseline: SeriesStore | undefined, maxPoints: number): ChartLines {
  const now = selectSeries(current, remainingPrefix);
  const before = baseline === undefined ? [] : selectSeries(baseline, remainingPrefix);
  const colours = new Map(now.map((s, i) => [s.label, i]));
  for (const s of before) if (!colours.has(s.label)) colours.set(s.label, colours.size);
  const lines: (NamedSeries & LineSpec)[] = [
    ...now.map((s) => ({ ...s, colour: colours.get(s.label)!, dashed: false })),
    ...before.map((s) => ({ ...s, label: previousLabel(s.label), colour: colours.get(s.label)!, dashed: true })),
  ];
  return build(lines, maxPoints);
}

/** Utilisation of the links the engine streamed (the busiest ones), one colour each. */
export function linkLines(current: SeriesStore, maxPoints: number): ChartLines {
  return solidLines(current, linkPrefix, maxPoints);
}

/** The congestion window of each migration's TCP connection, one colour per VM; none with fluid transport. */
export function windowLines(current: SeriesStore, maxPoints: number): ChartLines {
  return solidLines(current, cwndPrefix, maxPoints);
}

function solidLines(current: SeriesStore, prefix: string, maxPoints: number): ChartLines {
  return build(selectSeries(current, prefix).map((s, i) => ({ ...s, colour: i, dashed: false })), maxPoints);
}

/**
 * Most lines one chart draws. Aligning series for uPlot costs (distinct times) x (lines), so a run of
 * thousands of migrations would exhaust the webview's memory; beyond a few dozen lines a chart stops being
 * readable anyway. The first ones (in VM order) are drawn; the table lists every migration.
 */
export const MAX_LINES = 24;

function build(lines: readonly (NamedSeries & LineSpec)[], maxPoints: number): ChartLines {
  const shown = lines.slice(0, MAX_LINES);
  return {
    specs: shown.map(({ label, colour, dashed }) => ({ label, colour, dashed })),
    aligned: alignDecimated(shown, maxPoints),
  };
}
