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
export function remainingLines(current: SeriesStore, baseline: SeriesStore | undefined, maxPoints: number, choice: LineChoice = "first"): ChartLines {
  const now = selectSeries(current, remainingPrefix);
  const before = baseline === undefined ? [] : selectSeries(baseline, remainingPrefix);
  const colours = new Map(now.map((s, i) => [s.label, i]));
  for (const s of before) if (!colours.has(s.label)) colours.set(s.label, colours.size);
  const lines: (NamedSeries & LineSpec)[] = [
    ...now.map((s) => ({ ...s, colour: colours.get(s.label)!, dashed: false })),
    ...before.map((s) => ({ ...s, label: previousLabel(s.label), colour: colours.get(s.label)!, dashed: true })),
  ];
  return build(lines, maxPoints, choice);
}

/** Utilisation of the links the engine streamed (the busiest ones), one colour each. */
export function linkLines(current: SeriesStore, maxPoints: number, choice: LineChoice = "first"): ChartLines {
  return solidLines(current, linkPrefix, maxPoints, choice);
}

/**
 * The congestion window of each migration's TCP connection, one colour per VM; none with fluid transport.
 * The engine records a window only when it changes, so each value holds until that VM's next point: the
 * times other VMs add in between carry it too (the legend reads it there, and the chart draws steps).
 */
export function windowLines(current: SeriesStore, maxPoints: number, choice: LineChoice = "first"): ChartLines {
  const lines = solidLines(current, cwndPrefix, maxPoints, choice);
  const [times, ...values] = lines.aligned.data;
  return { specs: lines.specs, aligned: { labels: lines.aligned.labels, data: [times, ...values.map(holdBetweenPoints)] } };
}

/** `values` with each gap between two points filled with the value before it; nothing before the first or after the last. */
export function holdBetweenPoints(values: readonly (number | null)[]): (number | null)[] {
  let last = values.length - 1;
  while (last >= 0 && values[last] === null) last--;
  let held: number | null = null;
  return values.map((v, i) => {
    if (v !== null) held = v;
    return i <= last ? held : null;
  });
}

function solidLines(current: SeriesStore, prefix: string, maxPoints: number, choice: LineChoice): ChartLines {
  return build(selectSeries(current, prefix).map((s, i) => ({ ...s, colour: i, dashed: false })), maxPoints, choice);
}

/**
 * Most lines one chart draws. Aligning series for uPlot costs (distinct times) x (lines), so a run of
 * thousands of migrations would exhaust the webview's memory; beyond a few dozen lines a chart stops being
 * readable anyway. Which ones are drawn is the user's choice (`LineChoice`); the table lists every migration.
 */
export const MAX_LINES = 24;

/** Which lines a chart with more than MAX_LINES series draws. */
export type LineChoice = "first" | "longest" | "highest-now" | "highest-peak";

/** The choices, in the words of the panel's drop-down. */
export const lineChoices: readonly { readonly value: LineChoice; readonly words: string }[] = [
  { value: "first", words: `the first ${MAX_LINES}, in order` },
  { value: "longest", words: `the ${MAX_LINES} longest` },
  { value: "highest-now", words: `the ${MAX_LINES} highest now` },
  { value: "highest-peak", words: `the ${MAX_LINES} highest peaks` },
];

/**
 * The lines `choice` keeps, at most MAX_LINES, in their original order (so legends and colours stay put):
 * the first ones, those spanning the most time (the migrations that have run longest), or those whose
 * latest value (the bytes a VM still has to send, a link's current load) or highest value is largest. Ties
 * keep the original order.
 */
export function pickLines<T extends NamedSeries>(lines: readonly T[], choice: LineChoice): T[] {
  if (lines.length <= MAX_LINES || choice === "first") return lines.slice(0, MAX_LINES);
  const score = (points: readonly number[]): number => {
    if (choice === "longest") return points.length >= 2 ? points[points.length - 2]! - points[0]! : Number.NEGATIVE_INFINITY;
    if (choice === "highest-now") return points.length >= 2 ? points[points.length - 1]! : Number.NEGATIVE_INFINITY;
    let peak = Number.NEGATIVE_INFINITY;
    for (let i = 1; i < points.length; i += 2) peak = Math.max(peak, points[i]!);
    return peak;
  };
  const ranked = lines.map((line, index) => ({ index, score: score(line.points) })).sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked
    .slice(0, MAX_LINES)
    .map((r) => r.index)
    .sort((a, b) => a - b)
    .map((index) => lines[index]!);
}

function build(lines: readonly (NamedSeries & LineSpec)[], maxPoints: number, choice: LineChoice): ChartLines {
  const shown = pickLines(lines, choice);
  return {
    specs: shown.map(({ label, colour, dashed }) => ({ label, colour, dashed })),
    aligned: alignDecimated(shown, maxPoints),
  };
}

/**
 * The value of a line at index `index` of the shared times: its own point there, or, between two of its
 * points, the straight line joining them (as the chart draws it); `null` before its first point and after
 * its last. The legend reads it, so a line shows its value at every time the cursor rests on.
 */
export function valueAt(times: ArrayLike<number>, values: ArrayLike<number | null | undefined>, index: number): number | null {
  const own = values[index];
  if (own != null) return own;
  let before = index - 1;
  while (before >= 0 && values[before] == null) before--;
  let after = index + 1;
  while (after < values.length && values[after] == null) after++;
  if (before < 0 || after >= values.length) return null;
  const [t0, t1, v0, v1] = [times[before]!, times[after]!, values[before]!, values[after]!];
  return v0 + ((v1 - v0) * (times[index]! - t0)) / (t1 - t0);
}
