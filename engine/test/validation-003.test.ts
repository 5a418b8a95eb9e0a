// Validation against paper 003 (Netalkar, ../shared/papers/003_73d1c9fca91e0d38.txt); see docs/validation.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { optimalRates, roundTimes } from "../src/migration/optimal.js";
import { assertClose } from "./fixtures.js";
import { assertAgree } from "./migrationFixtures.js";

const MB = 1e6;
const D = 10.24 * MB; // 2,500 pages/s of 4 KiB
const R = 125 * MB; // 1 Gb/s

const table = [
  { sizes: [744.07], rates: [125] },
  { sizes: [500.02, 479.92, 904.72], rates: [38.48, 37.88, 48.62] },
  { sizes: [609.86, 617.66, 859.44, 805.48, 576.72], rates: [24.02, 24.12, 26.92, 26.34, 23.58] },
];

for (const { sizes, rates } of table) {
  test(`paper 003's optimal rates for ${sizes.length} VM(s), within 0.5 % (n̄ = 3, eq. 8)`, () => {
    const vms = sizes.map((s) => ({ memoryBytes: s * MB, dirtyBytesPerSec: D }));
    const solution = optimalRates({ vms, totalBytesPerSec: R, rounds: 3 });
    solution.ratesBytesPerSec.forEach((r, j) => assertClose(r, rates[j]! * MB, 5e-3, `VM ${j} (${sizes[j]} MB)`));
    assertClose(solution.ratesBytesPerSec.reduce((a, b) => a + b, 0), R, 1e-9, "the rates use all of R");
    for (let a = 0; a < sizes.length; a++) {
      for (let b = 0; b < sizes.length; b++) {
        if (sizes[a]! > sizes[b]!) assert.ok(solution.ratesBytesPerSec[a]! > solution.ratesBytesPerSec[b]!, "larger VMs get more");
      }
    }
  });
}

test("paper 003's appendix objective (last round counted twice, w = 2) also reproduces the table within 1.2 %", () => {
  for (const { sizes, rates } of table.slice(1)) {
    const vms = sizes.map((s) => ({ memoryBytes: s * MB, dirtyBytesPerSec: D }));
    const solution = optimalRates({ vms, totalBytesPerSec: R, rounds: 2, downtimeWeight: 2 });
    solution.ratesBytesPerSec.forEach((r, j) => assertClose(r, rates[j]! * MB, 1.2e-2, `VM ${j}`));
  }
});

test("paper 003 §III.B: as M grows the optimal allocation approaches R/M", () => {
  // Ten VMs drawn as in the paper's code (uniform sizes), with a fixed seeded sequence.
  const sizes = [512, 130, 870, 401, 955, 260, 733, 88, 610, 347];
  const spread = (m: number) => {
    const vms = sizes.slice(0, m).map((s) => ({ memoryBytes: s * MB, dirtyBytesPerSec: D }));
    const r = optimalRates({ vms, totalBytesPerSec: R, rounds: 3 }).ratesBytesPerSec;
    return (Math.max(...r) - Math.min(...r)) / (R / m);
  };
  assert.ok(spread(10) < spread(5) && spread(5) < spread(3));
});

for (const size of [1e9, 4e9]) {
  test(`paper 003 §III.A: a ${size / 1e9} GB VM needs 5 rounds at D = 10.24 MB/s over 1 Gb/s; times follow eq. 6–7`, () => {
    // With Xen's 204,800-byte threshold, V_i = V (D/R)^i first falls below it at i = 4: four live rounds and
    // the stop-and-copy. Eq. 6 with n̄ = 4 is the pre-copy time, eq. 7 the stop-and-copy's (no latency, no resume).
    const m = assertAgree({ memoryBytes: size, dirty: { kind: "constant", bytesPerSec: D }, bandwidthBytesPerSec: R, profile: { resumeSec: 0 } });
    assert.equal(m.rounds.length, 5);
    const eq = roundTimes({ memoryBytes: size, dirtyBytesPerSec: D }, 4, R);
    assertClose(m.downtimeSec, eq.downtimeSec, 1e-9, "downtime = eq. 7");
    assertClose(m.totalTimeSec, eq.precopySec + eq.downtimeSec, 1e-9, "total = eq. 6 + eq. 7");
  });
}

test("paper 003 §III.A (Fig. 4): with the appendix objective the optimal total saturates after 4–5 rounds", () => {
  // The 3-VM case (mean ≈ 0.6 GB): nj total rounds = n̄ + 1, objective T_mig + T_down (w = 2).
  const vms = [500.02, 479.92, 904.72].map((s) => ({ memoryBytes: s * MB, dirtyBytesPerSec: D }));
  const total = (nj: number) => optimalRates({ vms, totalBytesPerSec: R, rounds: nj - 1, downtimeWeight: 2 }).objectiveSec;
  const gain = (nj: number) => (total(nj) - total(nj + 1)) / total(nj);
  assert.ok(gain(2) > 0.05, "a third round still pays");
  assert.ok(gain(4) < 0.01 && gain(5) < 0.005, "after 4–5 rounds the total barely moves");
  for (let nj = 2; nj < 8; nj++) assert.ok(gain(nj) > 0, "it keeps decreasing while D/r < 1/2");
});
