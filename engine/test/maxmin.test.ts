import { test } from "node:test";
import assert from "node:assert/strict";
import { solveMaxMin, type MaxMinVariable } from "../src/network/maxmin.js";

/** Solves and compares every rate to the hand-computed one. */
function check(capacities: number[], variables: MaxMinVariable[], expected: number[]): void {
  const rates = [...solveMaxMin(capacities, variables)];
  assert.equal(rates.length, expected.length);
  rates.forEach((rate, i) => assert.ok(Math.abs(rate - expected[i]!) <= 1e-9 * Math.max(1, expected[i]!), `rate ${i}: ${rate} != ${expected[i]}`));
}

test("n variables on one constraint get C/n each", () => {
  for (const n of [1, 2, 3, 7]) {
    check([21], Array.from({ length: n }, () => ({ constraints: [0] })), Array(n).fill(21 / n));
  }
});

test("the classic two-link example: A on l1 and l2, B on l1, C on l2", () => {
  // l2 (capacity 4) is the tighter: A and C get 2 each. B then gets what A leaves on l1: 10 - 2 = 8.
  check([10, 4], [{ constraints: [0, 1] }, { constraints: [0] }, { constraints: [1] }], [2, 8, 2]);
  // With l1 the tighter (6 against 10): A and B get 3 each, and C gets 10 - 3 = 7.
  check([6, 10], [{ constraints: [0, 1] }, { constraints: [0] }, { constraints: [1] }], [3, 3, 7]);
});

test("caps are respected and the capacity they leave goes to the others", () => {
  // Three variables on capacity 10, one capped at 1: 1, 4.5, 4.5.
  check([10], [{ constraints: [0], cap: 1 }, { constraints: [0] }, { constraints: [0] }], [1, 4.5, 4.5]);
  // A cap above the fair share does not bind.
  check([10], [{ constraints: [0], cap: 6 }, { constraints: [0] }], [5, 5]);
  // Every variable capped below its share: the constraint is left partly unused.
  check([10], [{ constraints: [0], cap: 2 }, { constraints: [0], cap: 3 }], [2, 3]);
});

test("capacity unused by a variable bottlenecked elsewhere is redistributed", () => {
  // Line of three links (capacities 1, 10, 10); the long flow uses all three and is held to 1 by link 0,
  // so the two flows on link 1 share the 9 left there: 4.5 each; the flow on link 2 gets 10 - 1 = 9.
  check(
    [1, 10, 10],
    [{ constraints: [0, 1, 2] }, { constraints: [1] }, { constraints: [1] }, { constraints: [2] }],
    [1, 4.5, 4.5, 9],
  );
});

test("a variable without constraints gets its cap, or infinity", () => {
  check([5], [{ constraints: [] , cap: 3 }, { constraints: [0] }], [3, 5]);
  assert.equal(solveMaxMin([5], [{ constraints: [] }])[0], Number.POSITIVE_INFINITY);
});

test("an out-of-range constraint index is refused", () => {
  assert.throws(() => solveMaxMin([5], [{ constraints: [1] }]), RangeError);
});

test("no constraint is ever over capacity on a random instance", () => {
  // A deterministic pseudo-random instance: 50 constraints, 400 variables of 1 to 4 constraints each.
  let state = 12345;
  const rand = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const capacities = Array.from({ length: 50 }, () => 1 + rand(100));
  const variables: MaxMinVariable[] = Array.from({ length: 400 }, () => {
    const set = new Set<number>();
    const size = 1 + rand(4);
    while (set.size < size) set.add(rand(50));
    return rand(5) === 0 ? { constraints: [...set], cap: 0.5 + rand(3) } : { constraints: [...set] };
  });
  const rates = solveMaxMin(capacities, variables);
  const load = capacities.map(() => 0);
  variables.forEach((v, i) => v.constraints.forEach((c) => (load[c]! += rates[i]!)));
  load.forEach((l, c) => assert.ok(l <= capacities[c]! * (1 + 1e-9), `constraint ${c} over capacity`));
  // Max-min optimality: every variable is at its cap or crosses a saturated constraint where it is maximal.
  variables.forEach((v, i) => {
    if (v.cap !== undefined && Math.abs(rates[i]! - v.cap) < 1e-9) return;
    const bottleneck = v.constraints.some((c) => {
      if (load[c]! < capacities[c]! * (1 - 1e-9)) return false;
      return variables.every((w, j) => !w.constraints.includes(c) || rates[j]! <= rates[i]! * (1 + 1e-9));
    });
    assert.ok(bottleneck, `variable ${i} has no bottleneck`);
  });
});
