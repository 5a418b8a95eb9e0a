import { test } from "node:test";
import assert from "node:assert/strict";
import { Random } from "../src/kernel/random.js";

const take = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.next());

test("the same seed gives the same sequence", () => {
  assert.deepEqual(take(new Random(7), 100), take(new Random(7), 100));
});

test("different seeds, 0 included, give different sequences", () => {
  const zero = take(new Random(0), 10);
  assert.notDeepEqual(zero, take(new Random(1), 10));
  assert.ok(new Set(zero).size === 10, "seed 0 must not give a degenerate sequence");
});

test("next() stays in [0, 1) and is roughly uniform", () => {
  const values = take(new Random(123), 20000);
  assert.ok(values.every((v) => v >= 0 && v < 1));
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
});

test("int(n) covers exactly 0 .. n-1 and rejects bad n", () => {
  const random = new Random(99);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(random.int(6));
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4, 5]);
  assert.throws(() => random.int(0), RangeError);
  assert.throws(() => random.int(2.5), RangeError);
});
