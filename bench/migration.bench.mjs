// Benchmarks of the migration models: the analytic predictor for each dirty model, and paper 003's optimal
// rate allocator for 10, 100 and 1,000 VMs. Run after building:
// `npx tsc -b engine && node bench/migration.bench.mjs`. Inputs are fixed, so only the timings vary; the
// machine's one-minute load average is printed at the start and the end, as the figures depend on it.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { defaultProfile, optimalRates, predictMigration } from "../engine/build/src/index.js";
import { printTable } from "./table.mjs";

const rows = [];
console.log(`load average at the start: ${loadavg()[0].toFixed(2)}`);

// (a) The analytic predictor: one 4 GiB VM over 1 Gb/s, 1,000 write rates from 0 to 1.5e8 B/s cycled (the
// top fifth dirties faster than the link, so those runs end on the round or sent-bytes bounds: KVM's bound
// is 1,000 rounds, which dominates its average).
const models = {
  constant: (rate) => ({ kind: "constant", bytesPerSec: rate }),
  wws: (rate) => ({ kind: "wws", bytesPerSec: rate, wwsBytes: 256 * 2 ** 20 }),
  "hot-cold": (rate) => ({ kind: "hot-cold", bytesPerSec: rate, hotBytes: 128 * 2 ** 20, coldBytesPerSec: rate / 10 }),
};
for (const kind of ["xen", "kvm"]) {
  for (const [name, make] of Object.entries(models)) {
    const calls = 1_000_000;
    const dirty = Array.from({ length: 1000 }, (_, i) => make(i * 1.5e5));
    const input = { memoryBytes: 4 * 2 ** 30, dirtyBytesPerSec: 0, dirty: dirty[0], bandwidthBytesPerSec: 1.25e8, latencySec: 0.0002, profile: defaultProfile(kind) };
    let rounds = 0;
    const run = () => {
      rounds = 0;
      for (let i = 0; i < calls; i++) {
        input.dirty = dirty[i % 1000];
        rounds += predictMigration(input).roundCount;
      }
    };
    run();
    const start = performance.now();
    run();
    const seconds = (performance.now() - start) / 1000;
    rows.push([`predictor, ${kind}, ${name}`, `${calls.toLocaleString("en")} calls`, `${(calls / seconds / 1e6).toFixed(2)} M/s`, `${((seconds / calls) * 1e9).toFixed(0)} ns/call, ${(rounds / calls).toFixed(1)} rounds avg, ${((seconds / rounds) * 1e9).toFixed(0)} ns/round`]);
  }
}

// (b) The optimal allocator: M VMs of 0.1–1 GB (a fixed sequence), D = 10.24 MB/s, R = 125 MB/s × M / 3.
for (const [m, repeat] of [[10, 200], [100, 50], [1000, 5]]) {
  const vms = Array.from({ length: m }, (_, j) => ({ memoryBytes: 1e8 + ((j * 7919) % 1000) * 9e5, dirtyBytesPerSec: 10.24e6 }));
  const problem = { vms, totalBytesPerSec: (125e6 * m) / 3, rounds: 3 };
  let solution = optimalRates(problem);
  const start = performance.now();
  for (let i = 0; i < repeat; i++) solution = optimalRates(problem);
  const ms = (performance.now() - start) / repeat;
  const sum = solution.ratesBytesPerSec.reduce((a, b) => a + b, 0);
  rows.push([`optimal rates (paper 003)`, `${m} VMs`, `${ms.toFixed(3)} ms/solve`, `Σr/R − 1 = ${(sum / problem.totalBytesPerSec - 1).toExponential(1)}, ${repeat} solves`]);
}

printTable(rows);
console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
