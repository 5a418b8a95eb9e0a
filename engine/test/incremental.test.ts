import { test } from "node:test";
import assert from "node:assert/strict";
import { IncrementalMaxMin } from "../src/network/incremental.js";
import { solveMaxMin, type MaxMinVariable } from "../src/network/maxmin.js";

/** A small seeded LCG so every instance is the same on every run. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 4294967296) * n);
  };
}

function assertSameRates(solver: IncrementalMaxMin, alive: Map<number, MaxMinVariable>, capacities: number[], what: string): void {
  const ids = [...alive.keys()];
  const full = solveMaxMin(capacities, ids.map((id) => alive.get(id)!));
  ids.forEach((id, k) => {
    const expected = full[k]!;
    const actual = solver.rate(id);
    assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, expected), `${what}: variable ${id} has ${actual}, full solve ${expected}`);
  });
}

test("the classic two-link example, then a departure and a capacity change", () => {
  const solver = new IncrementalMaxMin([10, 4]);
  const a = solver.add([0, 1]);
  const b = solver.add([0]);
  const c = solver.add([1]);
  assert.deepEqual(solver.solve(), [a, b, c]);
  assert.deepEqual([a, b, c].map((v) => solver.rate(v)), [2, 8, 2]);
  solver.remove(c);
  solver.solve();
  assert.deepEqual([solver.rate(a), solver.rate(b)], [4, 6]);
  solver.setCapacity(0, 2);
  solver.solve();
  assert.deepEqual([solver.rate(a), solver.rate(b)], [1, 1]);
  assert.deepEqual(solver.solve(), [], "nothing changed, nothing re-solved");
});

test("a change in one component leaves the other untouched", () => {
  // Constraints 0-1 and 2-3 form two components; adding a variable on 3 re-solves only the second.
  const solver = new IncrementalMaxMin([10, 10, 10, 10]);
  for (let i = 0; i < 50; i++) solver.add([i % 2]);
  solver.add([2, 3]);
  solver.solve();
  solver.add([3]);
  const changed = solver.solve();
  assert.equal(solver.lastSolved, 2);
  assert.deepEqual(changed, [50, 51]);
  assert.deepEqual([solver.rate(50), solver.rate(51)], [5, 5]);
});

test("incremental rates equal a full recomputation on random seeded instances", () => {
  // Odd seeds never fall back to a full solve, so the region growth itself is what is checked.
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const rand = lcg(seed);
    const constraintCount = 5 + rand(40);
    const capacities = Array.from({ length: constraintCount }, () => 1 + rand(100));
    const solver = new IncrementalMaxMin(capacities, seed % 2 === 1 ? Number.POSITIVE_INFINITY : undefined);
    const alive = new Map<number, MaxMinVariable>();
    let resolved = 0;
    for (let step = 0; step < 300; step++) {
      const action = rand(10);
      if (action < 5 || alive.size === 0) {
        const set = new Set<number>();
        const size = 1 + rand(4);
        while (set.size < size) set.add(rand(constraintCount));
        const variable: MaxMinVariable = rand(4) === 0 ? { constraints: [...set], cap: 0.5 + rand(20) } : { constraints: [...set] };
        alive.set(solver.add(variable.constraints, variable.cap), variable);
      } else if (action < 9) {
        const ids = [...alive.keys()];
        const id = ids[rand(ids.length)]!;
        solver.remove(id);
        alive.delete(id);
      } else {
        const c = rand(constraintCount);
        capacities[c] = rand(4) === 0 ? 0 : 1 + rand(100);
        solver.setCapacity(c, capacities[c]!);
      }
      // Several changes may pile up before a solve, as simultaneous flow events do.
      if (rand(3) !== 0) {
        solver.solve();
        resolved += solver.lastSolved;
        assertSameRates(solver, alive, capacities, `seed ${seed} step ${step}`);
      }
    }
    assert.ok(resolved > 0);
  }
});

test("regions that outgrow the solver's reused buffers keep every cap", () => {
  // Every variable crosses constraint 0, so each solve re-solves all of them; the batches grow past the
  // buffers' sizes, and the exact rates (each variable at its cap) show that no cap was lost on the way.
  const capacities = [1e9, 1e9];
  const solver = new IncrementalMaxMin(capacities, Number.POSITIVE_INFINITY);
  const alive = new Map<number, MaxMinVariable>();
  const rand = lcg(42);
  for (const batch of [10, 70, 81, 250, 600]) {
    for (let i = 0; i < batch; i++) {
      const variable: MaxMinVariable = { constraints: rand(2) === 0 ? [0] : [0, 1], cap: 1 + rand(20) };
      alive.set(solver.add(variable.constraints, variable.cap), variable);
    }
    solver.solve();
    assert.equal(solver.lastSolved, alive.size);
    for (const [id, variable] of alive) assert.equal(solver.rate(id), variable.cap);
    assertSameRates(solver, alive, capacities, `after a batch of ${batch}`);
  }
});
