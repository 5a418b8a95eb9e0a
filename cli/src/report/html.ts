/**
 * The standalone HTML report of `vmig run --report`: one file, charts embedded as SVG, no script and no
 * network access needed to open it.
 */
import type { ResultsDocument } from "@vmig/protocol";
import type { ExpectationOutcome } from "@vmig/grammar";
import { formatBytes, formatSeconds } from "../format.js";
import { decimate, escapeXml, lineChart, type LineSeries } from "./svgChart.js";

export interface ReportInput {
  readonly results: ResultsDocument;
  /** Every streamed series, by name, as [time, value] points. */
  readonly series: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  readonly expectations: readonly ExpectationOutcome[];
  readonly sourceFile: string;
}

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 900px; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } .meta { color: #59636e; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
th, td { border-bottom: 1px solid #d1d9e0; padding: .35rem .5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #1a7f37; } .fail { color: #cf222e; font-weight: 600; }
svg { display: block; margin: 1rem 0 2rem; max-width: 100%; height: auto; }
svg .title { font-weight: 600; font-size: 15px; fill: #1f2328; }
svg .tick, svg .legend { font-size: 11px; fill: #59636e; } svg .axis { font-size: 12px; fill: #1f2328; }
svg .grid { stroke: #d1d9e0; stroke-width: 1; } svg .frame { fill: none; stroke: #8c959f; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; } .meta, svg .tick, svg .legend { color: #9198a1; fill: #9198a1; }
  th, td { border-color: #3d444d; } svg .title, svg .axis { fill: #e6edf3; } svg .grid { stroke: #3d444d; }
}`;

export function renderReport(input: ReportInput): string {
  const { results } = input;
  const rows = results.migrations
    .map(
      (m) => `<tr><td>${escapeXml(m.vm)}</td><td>${escapeXml(m.source)} → ${escapeXml(m.target)}</td>` +
        `<td class="n">${formatSeconds(m.start_s)}</td><td class="n">${formatSeconds(m.total_time_s)}</td>` +
        `<td class="n">${formatSeconds(m.downtime_s)}</td><td class="n">${formatBytes(m.bytes_sent)}</td>` +
        `<td class="n">${m.rounds.length}</td><td>${escapeXml(m.stop_reason)}</td></tr>`,
    )
    .join("\n");
  const expectations = input.expectations
    .map((o) => {
      const e = o.expectation;
      const actual = o.actual === undefined ? "did not finish" : formatMetric(e.metric, o.actual);
      return `<tr><td>${escapeXml(`${e.vm}.${e.metric} ${e.op} ${formatMetric(e.metric, e.bound)}`)}</td><td class="n">${escapeXml(actual)}</td>` +
        `<td class="${o.passed ? "pass" : "fail"}">${o.passed ? "passed" : "failed"}</td></tr>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>vmig report — ${escapeXml(results.scenario)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeXml(results.scenario)}</h1>
<p class="meta">${escapeXml(input.sourceFile)} · seed ${results.seed} · simulated ${formatSeconds(results.end_s)}${results.truncated ? " · stopped at the horizon before every migration finished" : ""}</p>
<h2>Migrations</h2>
<table>
<thead><tr><th>VM</th><th>route</th><th>start</th><th>total time</th><th>downtime</th><th>bytes sent</th><th>rounds</th><th>stop reason</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${expectations ? `<h2>Expectations</h2>\n<table><thead><tr><th>expectation</th><th>actual</th><th>result</th></tr></thead><tbody>\n${expectations}\n</tbody></table>` : ""}
<h2>Charts</h2>
${remainingChart(input)}
${roundsChart(results)}
</body>
</html>
`;
}

function formatMetric(metric: string, value: number): string {
  if (metric === "downtime" || metric === "total_time") return formatSeconds(value);
  if (metric === "bytes_sent") return formatBytes(value);
  return String(value);
}

function remainingChart(input: ReportInput): string {
  const series: LineSeries[] = [...input.series.entries()]
    .filter(([name]) => name.startsWith("remaining/"))
    .map(([name, points]) => ({ name: name.slice("remaining/".length), points: decimate(points, 500) }));
  if (series.length === 0) return "<p>No migration streamed any data.</p>";
  return lineChart(series, {
    title: "Bytes remaining to copy, per VM",
    xLabel: "simulated time",
    yLabel: "remaining",
    formatX: formatSeconds,
    formatY: formatBytes,
  });
}

function roundsChart(results: ResultsDocument): string {
  const series: LineSeries[] = results.migrations.map((m) => ({
    name: m.vm,
    points: m.rounds.map((r) => [r.index, r.bytes] as const),
  }));
  if (series.every((s) => s.points.length === 0)) return "";
  return lineChart(series, {
    title: "Bytes sent per round (the last round is stop-and-copy)",
    xLabel: "round",
    yLabel: "bytes",
    formatX: (x) => String(x),
    formatY: formatBytes,
  });
}
