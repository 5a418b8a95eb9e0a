import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { PlacementDocument, ResultsDocument } from "@vmig/protocol";
import { costChartSvg, formatCost, heatmapClass, heatmapLegend, heatmapSvg, sharedScale } from "../src/placement.js";
import { renderHtmlReport } from "../src/htmlReport.js";
import { svgToString } from "../src/svg.js";
import { fatTree } from "./fixtures/fatTree.js";

/** An S-CORE run on four racks: traffic that crossed racks ends up mostly inside them. */
const placement: PlacementDocument = {
  policy: "s-core",
  token: "round-robin",
  iterations: [
    { iteration: 0, cost: 8.0e9, migrations: 0 },
    { iteration: 1, cost: 3.2e9, migrations: 5 },
    { iteration: 2, cost: 2.4e9, migrations: 2 },
    { iteration: 3, cost: 2.4e9, migrations: 0 },
  ],
  racks: ["edge[0]", "edge[1]", "edge[2]", "edge[3]"],
  tor_traffic_before: [
    [0, 4e8, 1e8, 0],
    [4e8, 0, 0, 2e8],
    [1e8, 0, 0, 8e8],
    [0, 2e8, 8e8, 0],
  ],
  tor_traffic_after: [
    [6e8, 0, 0, 0],
    [0, 3e8, 0, 0],
    [0, 0, 9e8, 1e8],
    [0, 0, 1e8, 4e8],
  ],
};

describe("the cost chart", () => {
  it("draws one marker per iteration, the highest cost at the top and the lowest lower", () => {
    const tree = costChartSvg(placement.iterations, 600, 260);
    const text = svgToString(tree);
    const points = [...text.matchAll(/class="cc-point" x="([\d.]+)" y="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    assert.equal(points.length, 4);
    for (let i = 1; i < points.length; i++) assert.ok(points[i]![0] > points[i - 1]![0], "iterations left to right");
    assert.ok(points[0]![1] < points[1]![1] && points[1]![1] < points[2]![1], "a falling cost is drawn lower");
    assert.equal(points[2]![1], points[3]![1]);
    assert.match(text, /iteration 1: cost 3\.20 G, 5 migrations/);
  });
  it("draws nothing without iterations", () => {
    assert.equal(svgToString(costChartSvg([], 600, 260)), '<svg xmlns="http://www.w3.org/2000/svg" class="cost-chart" width="600" height="0"></svg>');
  });
  it("formats costs in thousands", () => {
    assert.deepEqual([0, 950, 1234, 12_345_678, 8e9].map(formatCost), ["0", "950", "1.23 k", "12.3 M", "8.00 G"]);
  });
});

describe("the heatmaps", () => {
  it("share one scale: the largest entry of both matrices", () => {
    assert.equal(sharedScale(placement.tor_traffic_before, placement.tor_traffic_after), 9e8);
    assert.equal(sharedScale([[0]], [[Number.NaN]]), 0);
  });
  it("colours a cell by its value on the shared logarithmic scale, half a decade per colour, zero apart", () => {
    const cases: [number, string][] = [
      [0, "ramp-idle"],
      [9e8, "ramp-7"],
      [9e8 / 3, "ramp-7"],
      [9e8 / 4, "ramp-6"],
      [9e7, "ramp-6"],
      [9e7 * 0.99, "ramp-5"],
      [9e5, "ramp-2"],
      [9e4 * 1.01, "ramp-0"],
      [1, "ramp-0"],
    ];
    for (const [value, expected] of cases) assert.equal(heatmapClass(value, 9e8), expected, `${value}`);
    assert.equal(heatmapClass(5, 0), "ramp-idle");
  });
  it("draws n × n cells with rack labels and tooltips", () => {
    const text = svgToString(heatmapSvg(placement.tor_traffic_before, placement.racks, 9e8, 400, "before"));
    assert.equal((text.match(/class="hm-cell /g) ?? []).length, 16);
    assert.equal((text.match(/class="hm-label"/g) ?? []).length, 8);
    assert.match(text, /edge\[2\] → edge\[3\]: 763 MiB\/s/);
  });
  it("drops the labels when a large matrix leaves cells too small for text", () => {
    const racks = Array.from({ length: 128 }, (_, i) => `edge[${i}]`);
    const matrix = racks.map((_, i) => racks.map((_, j) => (i === j ? 1 : 0)));
    const text = svgToString(heatmapSvg(matrix, racks, 1, 400, "after"));
    assert.equal((text.match(/class="hm-cell /g) ?? []).length, 128 * 128);
    assert.equal((text.match(/class="hm-label"/g) ?? []).length, 0);
  });
  it("labels the shared scale's buckets", () => {
    const legend = heatmapLegend(8 * 2 ** 20, 8);
    assert.deepEqual(legend[0], { className: "ramp-idle", words: "none" });
    assert.deepEqual(legend[1], { className: "ramp-0", words: "≤ 2.59 KiB/s" });
    assert.deepEqual(legend[8], { className: "ramp-7", words: "≤ 8.00 MiB/s" });
    assert.equal(heatmapLegend(0, 8).length, 1);
  });
});

describe("the HTML report's network and S-CORE sections", () => {
  const base: ResultsDocument = { schema: "vmig-results/1", scenario: "dc", seed: 1, end_s: 10, truncated: false, cancelled: false, migrations: [] };
  it("has neither without a topology or a placement", () => {
    const html = renderHtmlReport(base, [], "dc.vmig");
    assert.doesNotMatch(html, /<h2>Network<\/h2>|S-CORE/);
  });
  it("draws the network with peak utilisation and routes, and the S-CORE charts", () => {
    const topology = fatTree(4);
    const peak = topology.links.map((_, i) => (i === 16 ? 0.95 : 0));
    const html = renderHtmlReport({ ...base, topology, placement }, [], "dc.vmig", [], { peakLinkLoads: peak, routes: [{ source: "host[0]", links: [0, 16] }] });
    assert.match(html, /<h2>Network<\/h2>/);
    assert.match(html, /edge\[0\]-agg\[0\]: 95\.0 % utilised/);
    assert.match(html, /class="topo-route-line"/);
    assert.match(html, /<h2>S-CORE placement<\/h2>/);
    assert.equal((html.match(/class="heatmap"/g) ?? []).length, 2);
    assert.match(html, /\.ramp-7 \{ fill: #440154/, "light ramp by default");
    assert.match(html, /prefers-color-scheme: dark\) \{\n\.ramp-0 \{ fill: #3b518b/);
    assert.doesNotMatch(html, /<script/);
  });
});
