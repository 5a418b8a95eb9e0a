import { test } from "node:test";
import assert from "node:assert/strict";
import { optimalRates, roundTimes } from "../src/migration/optimal.js";
import { assertClose } from "./fixtures.js";

const vms = [
  { memoryBytes: 2e9, dirtyBytesPerSec: 3e7 },
  { memoryBytes: 5e8, dirtyBytesPerSec: 1e6 },
  { memoryBytes: 8e9, dirtyBytesPerSec: 6e7 },
  { memoryBytes: 1e9, dirtyBytesPerSec: 0 },
];

test("the optimum beats every nearby feasible reallocation (it is a minimum of eq. 8)", () => {
  for (const rounds of [1, 2, 3, 6]) {
    const solution = optimalRates({ vms, totalBytesPerSec: 2.5e8, rounds });
    const cost = (rates: number[]) =>
      rates.reduce((sum, r, j) => {
        const t = roundTimes(vms[j]!, rounds, r);
        return sum + t.precopySec + t.downtimeSec;
      }, 0);
    assertClose(cost(solution.ratesBytesPerSec), solution.objectiveSec, 1e-12, "objective");
    for (let a = 0; a < vms.length; a++) {
      for (let b = 0; b < vms.length; b++) {
        if (a === b) continue;
        const moved = [...solution.ratesBytesPerSec];
        const delta = 1e-4 * moved[a]!;
        moved[a]! -= delta;
        moved[b]! += delta;
        if (moved[a]! < vms[a]!.dirtyBytesPerSec) continue;
        assert.ok(cost(moved) >= solution.objectiveSec * (1 - 1e-12), `moving rate from ${a} to ${b} must not help`);
      }
    }
  }
});

test("a dirty-rate floor binds when R barely exceeds Σ D", () => {
  const tight = optimalRates({ vms: [{ memoryBytes: 1e7, dirtyBytesPerSec: 9e7 }, { memoryBytes: 1e10, dirtyBytesPerSec: 1e6 }], totalBytesPerSec: 1e8, rounds: 3 });
  assertClose(tight.ratesBytesPerSec[0]!, 9e7, 1e-9, "small VM held at its dirty rate");
  assertClose(tight.ratesBytesPerSec[1]!, 1e7, 1e-6, "the rest to the large VM");
});

test("one VM gets everything; no dirtying gives rates proportional to sqrt(V)", () => {
  assertClose(optimalRates({ vms: [vms[0]!], totalBytesPerSec: 1e8, rounds: 4 }).ratesBytesPerSec[0]!, 1e8, 1e-12, "alone");
  const clean = optimalRates({ vms: [{ memoryBytes: 1e9, dirtyBytesPerSec: 0 }, { memoryBytes: 4e9, dirtyBytesPerSec: 0 }], totalBytesPerSec: 3e8, rounds: 2 });
  assertClose(clean.ratesBytesPerSec[0]!, 1e8, 1e-9, "sqrt 1");
  assertClose(clean.ratesBytesPerSec[1]!, 2e8, 1e-9, "sqrt 4");
});

test("infeasible or malformed problems are refused", () => {
  assert.throws(() => optimalRates({ vms, totalBytesPerSec: 9e7, rounds: 3 }), RangeError);
  assert.throws(() => optimalRates({ vms, totalBytesPerSec: 1e9, rounds: 0 }), RangeError);
  assert.throws(() => optimalRates({ vms: [{ memoryBytes: 0, dirtyBytesPerSec: 0 }], totalBytesPerSec: 1e9, rounds: 2 }), RangeError);
});
