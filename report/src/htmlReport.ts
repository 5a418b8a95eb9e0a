/**
 * The standalone HTML report of Export Results: one file with its styles and SVG charts inline, no script
 * and no network access, readable in any browser. Pure, so it is unit-tested.
 */
import type { MigrationDocument, PlacementDocument, ResultsDocument, TopologyDocument } from "@vmig/protocol";
import { formatBytes, formatSeconds } from "./format.js";
import { bytesLineChartSvg } from "./lineChart.js";
import { costChartSvg, heatmapLegend, heatmapSvg, sharedScale } from "./placement.js";
import { darkRamp, lightRamp, rampCss, rampSteps } from "./ramp.js";
import { layoutRoundBars, roundBarsSvg } from "./roundBars.js";
import type { NamedSeries } from "./series.js";
import { escapeXml, svgToString } from "./svg.js";
import { layoutTimeline, timelineSvg } from "./timeline.js";
import { layoutTopology, routePoints, topologySvg, utilisationLegend } from "./topology.js";

const chartWidth = 880;
const paletteSize = 6;

/** An `expect` line and how the run met it, as the CLI reports it. */
export interface ReportExpectation {
  /** The expectation as written, for example `web.downtime < 300 ms`. */
  readonly text: string;
  /** The measured value, formatted, or a reason there is none. */
  readonly actual: string;
  readonly passed: boolean;
}

/** What a run streamed beyond its results document, for the network drawing. */
export interface ReportNetwork {
  /** The highest utilisation each topology link reached (`ratios[i]` for link i, in [0, 1]). */
  readonly peakLinkLoads?: readonly number[];
  /** The migrations' routes: the source's name and the route's link indices, from their migration-start events. */
  readonly routes?: readonly { readonly source: string; readonly links: readonly number[] }[];
}

/**
 * Renders the report of `document`; `remaining` are the bytes-left series to draw (already decimated).
 * The report is the one of the editor's Export Results and of `vmig run --report`. The network is drawn
 * when the document has its topology, and the S-CORE charts when it has a placement.
 */
export function renderHtmlReport(
  document: ResultsDocument,
  remaining: readonly NamedSeries[],
  sourceName: string,
  expectations: readonly ReportExpectation[] = [],
  network: ReportNetwork = {},
): string {
  const title = `vmig results — ${document.scenario}`;
  const state = document.cancelled ? "stopped by the user" : document.truncated ? "horizon reached before every migration finished" : "finished";
  const sections = [
    `<h1>${escapeXml(title)}</h1>`,
    `<p class="meta">${escapeXml(sourceName)} · seed ${document.seed} · ended at ${escapeXml(formatSeconds(document.end_s))} of simulated time · ${escapeXml(state)}</p>`,
    legend(document.migrations.map((m) => m.vm)),
  ];
  if (remaining.some((s) => s.points.length > 0)) {
    sections.push("<h2>Bytes left to copy</h2>", svgToString(bytesLineChartSvg(remaining, chartWidth, 300, paletteSize)));
  }
  if (document.migrations.length > 0) {
    sections.push(
      "<h2>Timeline</h2>",
      `<p class="meta">Rounds per VM; the outlined band is the downtime (stop-and-copy and resume).</p>`,
      svgToString(timelineSvg(layoutTimeline(document.migrations, chartWidth))),
      "<h2>Bytes per round</h2>",
      svgToString(roundBarsSvg(layoutRoundBars(document.migrations, chartWidth, 280), paletteSize)),
    );
  }
  if (document.topology !== undefined && document.topology.nodes.length > 0) sections.push(...networkSection(document.topology, network));
  if (document.placement !== undefined) sections.push(...placementSection(document.placement));
  sections.push("<h2>Migrations</h2>", migrationTable(document.migrations));
  if (expectations.length > 0) sections.push("<h2>Expectations</h2>", expectationTable(expectations));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeXml(title)}</title>
<style>${reportCss}</style>
</head>
<body>
${sections.join("\n")}
</body>
</html>
`;
}

function networkSection(topology: TopologyDocument, network: ReportNetwork): string[] {
  const layout = layoutTopology(topology, chartWidth);
  const peak = network.peakLinkLoads;
  const routes = (network.routes ?? []).map((r) => routePoints(topology, layout, r.source, r.links));
  return [
    "<h2>Network</h2>",
    `<p class="meta">${topology.nodes.length.toLocaleString("en")} nodes, ${topology.links.length.toLocaleString("en")} links. ${
      peak === undefined ? "Links are drawn idle: this report has no link loads." : "Each link is coloured by the highest utilisation it reached."
    }${routes.length > 0 ? " Arrows follow the migrations' routes." : ""}</p>`,
    svgToString(topologySvg(topology, layout, peak ?? [], routes)),
    rampLegend(utilisationLegend()),
  ];
}

function placementSection(placement: PlacementDocument): string[] {
  const scale = sharedScale(placement.tor_traffic_before, placement.tor_traffic_after);
  const half = chartWidth / 2 - 8;
  return [
    "<h2>S-CORE placement</h2>",
    `<p class="meta">Overall communication cost after each iteration (token policy: ${escapeXml(placement.token)}).</p>`,
    svgToString(costChartSvg(placement.iterations, chartWidth, 260)),
    `<p class="meta">ToR-to-ToR traffic before and after, on one colour scale (rows send, columns receive).</p>`,
    `<div class="pair">${svgToString(heatmapSvg(placement.tor_traffic_before, placement.racks, scale, half, "before"))}${svgToString(
      heatmapSvg(placement.tor_traffic_after, placement.racks, scale, half, "after"),
    )}</div>`,
    rampLegend(heatmapLegend(scale, rampSteps)),
  ];
}

function rampLegend(entries: readonly { readonly className: string; readonly words: string }[]): string {
  return `<ul class="legend">${entries.map((e) => `<li><span class="swatch ${e.className}"></span>${escapeXml(e.words)}</li>`).join("")}</ul>`;
}

function expectationTable(expectations: readonly ReportExpectation[]): string {
  const rows = expectations.map(
    (e) => `<tr><td>${escapeXml(e.text)}</td><td class="n">${escapeXml(e.actual)}</td><td class="${e.passed ? "pass" : "fail"}">${e.passed ? "passed" : "failed"}</td></tr>`,
  );
  return `<table><thead><tr><th>expectation</th><th>actual</th><th>result</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function legend(vms: readonly string[]): string {
  const items = vms.map((vm, i) => `<li><span class="swatch series-${i % paletteSize}"></span>${escapeXml(vm)}</li>`);
  return items.length === 0 ? "" : `<ul class="legend">${items.join("")}</ul>`;
}

function migrationTable(migrations: readonly MigrationDocument[]): string {
  if (migrations.length === 0) return `<p class="meta">No migration finished.</p>`;
  const head = ["VM", "Source → target", "Total time", "Downtime", "Bytes sent", "Rounds", "Stop reason"];
  const rows = migrations.map((m) =>
    [
      m.vm,
      `${m.source} → ${m.target}`,
      formatSeconds(m.total_time_s),
      formatSeconds(m.downtime_s),
      formatBytes(m.bytes_sent),
      String(m.rounds.length),
      m.stop_rule ?? m.stop_reason,
    ]
      .map((cell, i) => `<td${i >= 2 && i <= 5 ? ' class="n"' : ""}>${escapeXml(cell)}</td>`)
      .join(""),
  );
  return `<table><thead><tr>${head.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r}</tr>`)
    .join("")}</tbody></table>`;
}

/** Light by default, dark when the reader's system prefers it; the six series colours follow VS Code's chart palette. */
const reportCss = `
:root { --fg: #1f2328; --muted: #59636e; --grid: #d1d9e0; --band: #f6f8fa; --bg: #ffffff;
  --s0: #1a85ff; --s1: #d18616; --s2: #388a34; --s3: #652d90; --s4: #e51400; --s5: #bf8803; --down: #e51400; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --grid: #3d444d; --band: #151b23; --bg: #0d1117;
    --s0: #3794ff; --s1: #d18616; --s2: #89d185; --s3: #b180d7; --s4: #f14c4c; --s5: #cca700; --down: #f14c4c; }
}
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 24px auto; max-width: 920px; padding: 0 16px; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.15em; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 4px 0 8px; }
.legend { list-style: none; padding: 0; display: flex; gap: 16px; flex-wrap: wrap; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--grid); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #1a7f37; } .fail { color: #cf222e; font-weight: 600; }
svg { display: block; max-width: 100%; height: auto; } svg text { fill: var(--muted); font-size: 12px; }
.tl-band { fill: var(--band); } .tl-band-odd { fill: transparent; } .tl-label { fill: var(--fg); }
.tl-grid, .lc-grid, .rb-grid { stroke: var(--grid); } .tl-axis-line, .lc-axis-line, .rb-axis-line { stroke: var(--muted); }
.tl-precopy { fill: var(--s0); } .tl-alt { opacity: 0.65; } .tl-disk { fill: var(--s3); } .tl-push { fill: var(--s2); }
.tl-stop-and-copy { fill: var(--down); } .tl-downtime { fill: none; stroke: var(--down); stroke-width: 2; }
.lc-line { fill: none; stroke-width: 2; } .rb-final { stroke: var(--fg); stroke-width: 1.5; stroke-dasharray: 3 2; }
.topo-link { stroke-width: 1.5; } .ramp-idle { stroke: var(--grid); fill: var(--band); background: var(--grid); }
.topo-node { fill: var(--muted); } .topo-route-line { fill: none; stroke: var(--fg); stroke-width: 2; stroke-dasharray: 6 3; } .topo-route-head { fill: var(--fg); }
.topo-layer { fill: var(--fg); } .hm-title { fill: var(--fg); font-weight: 600; } .pair { display: flex; gap: 16px; flex-wrap: wrap; }
.cc-grid { stroke: var(--grid); } .cc-axis-line { stroke: var(--muted); } .cc-line { fill: none; stroke: var(--s0); stroke-width: 2; } .cc-point { fill: var(--s0); }
${rampCss(lightRamp)}
@media (prefers-color-scheme: dark) {
${rampCss(darkRamp)}
}
${Array.from({ length: paletteSize }, (_, i) => `.series-${i} { fill: var(--s${i}); } .lc-line.series-${i} { stroke: var(--s${i}); fill: none; } .swatch.series-${i} { background: var(--s${i}); }`).join("\n")}
`;
