import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes, formatSeconds, table } from "../src/format.js";
import { decimate, ticks } from "../src/report/svgChart.js";

test("bytes use binary prefixes", () => {
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(2 ** 30), "1.00 GiB");
  assert.equal(formatBytes(1.5 * 2 ** 20), "1.50 MiB");
});

test("seconds keep three significant digits in a fitting unit", () => {
  assert.equal(formatSeconds(18.34), "18.3 s");
  assert.equal(formatSeconds(0.04), "40.0 ms");
  assert.equal(formatSeconds(250e-6), "250 us");
  assert.equal(formatSeconds(0), "0 s");
});

test("tables align numbers right and text left", () => {
  assert.equal(table(["a", "n"], [["x", "1"], ["yy", "10"]], new Set([1])), "a    n\n--  --\nx    1\nyy  10");
});

test("ticks are round numbers covering the range", () => {
  assert.deepEqual(ticks(0, 10), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(ticks(0, 1e9, 4), [0, 5e8, 1e9]);
});

test("decimation keeps the extremes of each bucket and the last point", () => {
  const points = Array.from({ length: 10000 }, (_, i) => [i, i % 100 === 0 ? 1000 : i % 7] as const);
  const reduced = decimate(points, 50);
  assert.ok(reduced.length <= 101);
  assert.equal(Math.max(...reduced.map((p) => p[1])), 1000);
  assert.deepEqual(reduced[reduced.length - 1], points[points.length - 1]);
});
