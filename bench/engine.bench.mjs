// Benchmarks of the simulation engine: the analytic predictor, the max-min solver and a full simulation.
// Run after building: `npx tsc -b engine && node bench/engine.bench.mjs`. Inputs are seeded, so every run
// measures the same work; only the timings vary.
import { performance } from "node:perf_hooks";
import { defaultProfile, predictMigration, simulate, solveMaxMin } from "../engine/build/src/index.js";
import { printTable } from "./table.mjs";

/** A small seeded generator (a 32-bit LCG), so the benchmark inputs never change. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Runs `fn` `repeat` times after one warm-up call; returns the mean milliseconds per call. */
function time(fn, repeat) {
  fn();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

const rows = [];

// (a) The analytic predictor, as the language server calls it: one VM, varying dirty rates.
{
  const calls = 1_000_000;
  const profile = defaultProfile("xen");
  const input = { memoryBytes: 4 * 2 ** 30, dirtyBytesPerSec: 0, bandwidthBytesPerSec: 1.25e8, latencySec: 0.0002, profile };
  let rounds = 0;
  const run = () => {
    rounds = 0;
    for (let i = 0; i < calls; i++) {
      input.dirtyBytesPerSec = (i % 1000) * 1.5e5;
      rounds += predictMigration(input).roundCount;
    }
  };
  run();
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  rows.push(["analytic predictor", `${calls.toLocaleString("en")} calls`, `${(calls / seconds / 1e6).toFixed(2)} M predictions/s`, `${((seconds / calls) * 1e9).toFixed(0)} ns/call, ${(rounds / calls).toFixed(1)} rounds avg`]);
}

// (b) The max-min solver on seeded random instances: 1,000 links, each flow crossing 2 to 6 of them.
for (const flowCount of [1_000, 10_000]) {
  const random = lcg(flowCount);
  const linkCount = 1_000;
  const capacities = Array.from({ length: linkCount }, () => 1.25e8 * (1 + Math.floor(random() * 8)));
  const variables = Array.from({ length: flowCount }, () => {
    const links = new Set();
    const hops = 2 + Math.floor(random() * 5);
    while (links.size < hops) links.add(Math.floor(random() * linkCount));
    return { constraints: [...links] };
  });
  const repeat = flowCount >= 10_000 ? 20 : 100;
  const ms = time(() => solveMaxMin(capacities, variables), repeat);
  rows.push(["max-min solver", `${flowCount.toLocaleString("en")} flows, ${linkCount} links`, `${ms.toFixed(2)} ms/solve`, `${repeat} solves`]);
}

// (c) Full simulations on a star: VMs spread over half the hosts, all migrating at once to the other half.
for (const [vmCount, hostCount, repeat] of [[100, 20, 5], [1000, 200, 1]]) {
  const half = hostCount / 2;
  const nodes = [{ name: "core", kind: "switch" }];
  const links = [];
  const hosts = [];
  for (let h = 0; h < hostCount; h++) {
    nodes.push({ name: `n${h}`, kind: "host" });
    links.push({ name: `l${h}`, a: 0, b: h + 1, bandwidthBytesPerSec: 1.25e9, latencySec: 0.00005 });
    hosts.push({ name: `h${h}`, node: h + 1, profile: 0, cores: 32, memoryBytes: 256 * 2 ** 30, slots: 64 });
  }
  const random = lcg(vmCount);
  const vms = Array.from({ length: vmCount }, (_, i) => ({
    name: `vm${i}`,
    host: i % half,
    memoryBytes: (1 + Math.floor(random() * 8)) * 2 ** 30,
    vcpus: 2,
    pageBytes: 4096,
    dirty: { kind: "constant", bytesPerSec: random() * 2e7 },
  }));
  const scenario = {
    name: `star-${vmCount}`,
    seed: 1,
    horizonSec: 1e6,
    nodes,
    links,
    profiles: [defaultProfile("xen")],
    hosts,
    vms,
    migrations: vms.map((_, i) => ({ vm: i, target: half + ((i * 3) % half), startSec: 0 })),
  };
  let points = 0;
  let result;
  const sink = { series: (batches) => batches.forEach((b) => (points += b.points.length)), migrationDone: () => {} };
  const ms = time(() => {
    points = 0;
    result = simulate(scenario, sink);
  }, repeat);
  const rounds = result.migrations.reduce((n, m) => n + m.rounds.length, 0);
  rows.push(["simulation", `${vmCount} migrations, star of ${hostCount} hosts`, `${ms.toFixed(1)} ms/run`, `${rounds} rounds, ${points} series points, ends at ${result.endSec.toFixed(1)} s simulated`]);
}

printTable(rows);
