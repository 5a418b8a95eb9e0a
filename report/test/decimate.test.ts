import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { decimate } from "../src/decimate.js";

/** n points at t = 0..n-1 with values from `value`. */
function series(n: number, value: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => [i, value(i)]).flat();
}

function values(points: readonly number[]): number[] {
  return points.filter((_, i) => i % 2 === 1);
}

describe("decimate", () => {
  it("returns a copy of a series within the budget", () => {
    const points = series(10, (i) => i * i);
    const out = decimate(points, 10);
    assert.deepEqual(out, points);
    assert.notEqual(out, points);
  });

  it("keeps at most the budget, with the first and last points", () => {
    const points = series(10_000, (i) => Math.sin(i / 50));
    for (const budget of [4, 5, 100, 999]) {
      const out = decimate(points, budget);
      assert.ok(out.length / 2 <= budget, `${out.length / 2} points for a budget of ${budget}`);
      assert.deepEqual(out.slice(0, 2), points.slice(0, 2));
      assert.deepEqual(out.slice(-2), points.slice(-2));
    }
  });

  it("keeps the extremes, so a single spike survives", () => {
    const points = series(5000, (i) => (i === 2345 ? 1e9 : i === 3456 ? -1e9 : 1));
    const kept = values(decimate(points, 50));
    assert.ok(kept.includes(1e9));
    assert.ok(kept.includes(-1e9));
  });

  it("keeps time order", () => {
    const out = decimate(series(3000, (i) => (i * 7919) % 1000), 64);
    const times = out.filter((_, i) => i % 2 === 0);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! > times[i - 1]!, `time ${times[i]} after ${times[i - 1]}`);
  });

  it("handles a series whose points share one time", () => {
    const points = Array.from({ length: 100 }, (_, i) => [5, i]).flat();
    const out = decimate(points, 10);
    assert.ok(out.length / 2 <= 10);
    assert.ok(values(out).includes(0) && values(out).includes(99));
  });

  it("drops a dangling half point", () => {
    assert.deepEqual(decimate([0, 1, 2, 3, 4], 10), [0, 1, 2, 3]);
  });
});
