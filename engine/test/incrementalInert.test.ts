import { test } from "node:test";
import assert from "node:assert/strict";
import { IncrementalMaxMin } from "../src/network/incremental.js";
import { solveMaxMin, type MaxMinVariable } from "../src/network/maxmin.js";

/** A small seeded LCG so every instance is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

// Mostly small capped variables (background streams) with a few uncapped ones (migrations): most constraints
// a change reaches cannot bind, which the solver leaves out of its passes; the rates must not change for it.
for (const seed of [11, 12, 13, 14]) {
  test(`constraints that cannot bind are left out without changing a rate (seed ${seed})`, () => {
    const random = lcg(seed);
    const constraintCount = 60;
    const capacities = Array.from({ length: constraintCount }, () => 20 + Math.floor(random() * 80));
    const solver = new IncrementalMaxMin(capacities);
    const alive = new Map<number, MaxMinVariable>();
    for (let step = 0; step < 400; step++) {
      if (random() < 0.6 || alive.size === 0) {
        const set = new Set<number>();
        while (set.size < 2 + Math.floor(random() * 4)) set.add(Math.floor(random() * constraintCount));
        const variable: MaxMinVariable = random() < 0.85 ? { constraints: [...set], cap: 0.1 + random() * 3 } : { constraints: [...set] };
        alive.set(solver.add(variable.constraints, variable.cap), variable);
      } else {
        const ids = [...alive.keys()];
        const id = ids[Math.floor(random() * ids.length)]!;
        solver.remove(id);
        alive.delete(id);
      }
      solver.solve();
      const ids = [...alive.keys()];
      const full = solveMaxMin(capacities, ids.map((id) => alive.get(id)!));
      ids.forEach((id, k) => {
        const expected = full[k]!;
        assert.ok(Math.abs(solver.rate(id) - expected) <= 1e-9 * Math.max(1, expected), `step ${step}: variable ${id} has ${solver.rate(id)}, full ${expected}`);
      });
    }
  });
}
