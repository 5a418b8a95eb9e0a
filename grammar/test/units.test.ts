import { test } from "node:test";
import assert from "node:assert/strict";
import { toSI, isUnitName, unitsOf } from "../src/index.js";

const cases: [number, string, number][] = [
  [1, "KB", 1000],
  [1, "KiB", 1024],
  [1, "GiB", 2 ** 30],
  [1, "GB", 1e9],
  [1, "Gbps", 125e6],
  [500, "Mbps", 62.5e6],
  [8, "bps", 1],
  [1, "MiB/s", 2 ** 20],
  [2500, "pages/s", 2500 * 4096],
  [3, "pages", 3 * 4096],
  [50, "us", 50e-6],
  [2, "min", 120],
  [1, "h", 3600],
  [30, "%", 0.3],
  [3, "x", 3],
];

for (const [value, unit, si] of cases) {
  test(`${value} ${unit} is ${si} in SI`, () => {
    assert.ok(Math.abs(toSI(value, unit) - si) <= 1e-12 * Math.max(1, si));
  });
}

test("decimal and binary prefixes differ", () => {
  assert.notEqual(toSI(1, "MB"), toSI(1, "MiB"));
});

test("page units use the page size they are given", () => {
  assert.equal(toSI(2, "pages", 2 ** 21), 2 ** 22);
});

test("unit names are recognised exactly", () => {
  assert.ok(isUnitName("GiB"));
  assert.ok(!isUnitName("gib"));
  assert.ok(!isUnitName("memory"));
  assert.deepEqual(unitsOf("time"), ["ns", "us", "ms", "s", "min", "h"]);
});
