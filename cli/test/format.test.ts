import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMetric, migrationsTable, placementSummary, table } from "../src/format.js";

test("expectation metrics show in their unit", () => {
  assert.equal(formatMetric("downtime", 0.04), "40.0 ms");
  assert.equal(formatMetric("bytes_sent", 2 ** 30), "1.00 GiB");
  assert.equal(formatMetric("rounds", 5), "5");
});

test("tables align numbers right and text left", () => {
  assert.equal(table(["a", "n"], [["x", "1"], ["yy", "10"]], new Set([1])), "a    n\n--  --\nx    1\nyy  10");
});

test("the results table has one row per migration, numbers right-aligned", () => {
  const text = migrationsTable([
    { vm: "web", source: "h1", target: "h2", start_s: 1, end_s: 10.38, total_time_s: 9.38, downtime_s: 0.0205, bytes_sent: 1.09 * 2 ** 30, stop_reason: "below-threshold", rounds: [] },
  ]);
  const lines = text.split("\n");
  assert.equal(lines.length, 3);
  assert.match(lines[2]!, /^web\s+h1\s+h2\s+1\.00 s\s+9\.38 s\s+20\.5 ms\s+1\.09 GiB\s+0\s+below-threshold$/);
});

test("the S-CORE summary lists the cost per iteration, its share of the initial cost and the reduction", () => {
  const text = placementSummary({
    policy: "s-core", token: "distributed",
    iterations: [{ iteration: 0, cost: 1000, migrations: 0 }, { iteration: 1, cost: 250, migrations: 12 }, { iteration: 2, cost: 200, migrations: 3 }],
    racks: ["tor0", "tor1"],
    tor_traffic_before: [[6, 2], [2, 0]],
    tor_traffic_after: [[9, 0], [0, 1]],
  });
  const lines = text.split("\n");
  assert.match(lines[0]!, /distributed token/);
  assert.match(lines[3]!, /^\s+0\s+1000\s+100\.0 %\s+0$/);
  assert.match(lines[4]!, /^\s+1\s+250\.0\s+25\.0 %\s+12$/);
  assert.match(lines[6]!, /after 2 iterations: 80\.0 %; ToR-to-ToR traffic within racks: 60\.0 % before, 100\.0 % after$/);
});
