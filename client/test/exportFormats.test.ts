import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { MigrationDocument, ResultsDocument } from "@vmig/protocol";
import { resultsToCsv, resultsToJson } from "../src/exportFormats.js";
import { renderHtmlReport } from "@vmig/report";

const web: MigrationDocument = {
  vm: "web",
  source: "h1",
  target: "h2",
  start_s: 1,
  end_s: 11.5,
  total_time_s: 10.5,
  downtime_s: 0.025,
  bytes_sent: 1234567890,
  stop_reason: "below-threshold",
  rounds: [
    { index: 0, phase: "precopy", start_s: 1, duration_s: 10, bytes: 1073741824, dirty_rate_bytes_per_s: 1e6 },
    { index: 1, phase: "stop-and-copy", start_s: 11, duration_s: 0.02, bytes: 160826066, dirty_rate_bytes_per_s: 0 },
  ],
};

const document: ResultsDocument = {
  schema: "vmig-results/1",
  scenario: "quickstart",
  seed: 7,
  end_s: 12,
  truncated: false,
  cancelled: false,
  migrations: [web, { ...web, vm: 'db "primary", east', stop_rule: "downtime-limit", allocated_rate_bytes_per_s: 125e6 }],
};

describe("JSON export", () => {
  it("is the results document itself", () => {
    assert.deepEqual(JSON.parse(resultsToJson(document)), document);
  });
});

describe("CSV export", () => {
  const lines = resultsToCsv(document).split("\r\n");

  it("has a header and one row per migration, ending with a line break", () => {
    assert.equal(lines.length, 4);
    assert.equal(lines[3], "");
    assert.equal(
      lines[0],
      "vm,source,target,start_s,end_s,total_time_s,downtime_s,bytes_sent,rounds,stop_reason,stop_rule,degraded_s,remote_faults,allocated_rate_bytes_per_s",
    );
  });

  it("writes SI numbers in full and leaves absent optional fields empty", () => {
    assert.equal(lines[1], "web,h1,h2,1,11.5,10.5,0.025,1234567890,2,below-threshold,,,,");
  });

  it("quotes fields with commas or quotes, doubling the quotes", () => {
    assert.ok(lines[2]!.startsWith('"db ""primary"", east",h1,h2,'), lines[2]);
    assert.ok(lines[2]!.endsWith(",below-threshold,downtime-limit,,,125000000"), lines[2]);
  });
});

describe("HTML report", () => {
  const remaining = [{ label: "web", points: [1, 1073741824, 6, 500000000, 11, 0] }];
  const html = renderHtmlReport(document, remaining, "quickstart.vmig");

  it("is self-contained: no script, no external resource", () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\b(src|href)=/i);
    assert.doesNotMatch(html, /url\(/i);
    assert.match(html, /default-src 'none'/);
  });

  it("draws the bytes left, the timeline and the rounds as inline SVG, and tabulates the migrations", () => {
    assert.equal(html.match(/<svg /g)?.length, 3);
    assert.match(html, /class="lc-line series-0"/);
    assert.match(html, /class="tl-downtime"/);
    assert.match(html, /<td>web<\/td><td>h1 → h2<\/td><td class="n">10.5 s<\/td><td class="n">25.0 ms<\/td>/);
  });

  it("escapes names", () => {
    assert.match(html, /db &quot;primary&quot;, east/);
    assert.doesNotMatch(html, /db "primary"/);
  });

  it("says how the run ended", () => {
    assert.match(html, /seed 7/);
    assert.match(renderHtmlReport({ ...document, cancelled: true }, [], "q.vmig"), /stopped by the user/);
  });
});
