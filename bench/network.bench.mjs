// Benchmarks of the network model: the max-min solver, full against incremental, and a data-centre-sized
// simulation. Run after building: `npx tsc -b engine && node bench/network.bench.mjs`. Inputs are seeded, so
// every run measures the same work; only the timings vary.
import { performance } from "node:perf_hooks";
import { IncrementalMaxMin, defaultProfile, fatTree, simulate, solveMaxMin } from "../engine/build/src/index.js";
import { EcmpRouting } from "../engine/build/src/network/ecmp.js";
import { buildTopology } from "../engine/build/src/network/topology.js";

/** A small seeded generator (a 32-bit LCG), so the benchmark inputs never change. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const rows = [];
const k16 = fatTree({ k: 16 });
const graph = buildTopology(k16.nodes, k16.links);
const ecmp = new EcmpRouting(graph);
const hostCount = k16.hosts.length;

/** A random host pair as paper 004 §5.1.1's generator draws it: 80 % in the rack, 20 % anywhere else. */
function pair(random) {
  const from = Math.floor(random() * hostCount);
  const rackBase = from - (from % 8);
  let to = random() < 0.8 ? rackBase + Math.floor(random() * 8) : Math.floor(random() * hostCount);
  if (to === from) to = (from + 1) % hostCount;
  return [from, to];
}

// (a) Max-min recomputation on the k=16 fat-tree's 6,144 directed links: one full solve of every flow, against
// one incremental step (a flow leaves, another arrives, re-solve) on the same population.
for (const flowCount of [1_000, 10_000, 100_000]) {
  const random = lcg(flowCount);
  const capacities = graph.directedLinks.map((l) => l.bandwidthBytesPerSec);
  const variables = Array.from({ length: flowCount }, (_, i) => {
    const [from, to] = pair(random);
    const constraints = ecmp.route(from, to, i).links;
    return random() < 0.5 ? { constraints, cap: 1.25e5 * (1 + Math.floor(random() * 80)) } : { constraints };
  });
  const fullRepeat = flowCount >= 100_000 ? 3 : 10;
  solveMaxMin(capacities, variables);
  let start = performance.now();
  for (let r = 0; r < fullRepeat; r++) solveMaxMin(capacities, variables);
  const fullMs = (performance.now() - start) / fullRepeat;

  const solver = new IncrementalMaxMin(capacities);
  const ids = variables.map((v) => solver.add(v.constraints, v.cap));
  solver.solve();
  const steps = flowCount >= 100_000 ? 100 : 300;
  const arrivals = Array.from({ length: steps }, (_, s) => {
    const [from, to] = pair(random);
    return { slot: Math.floor(random() * ids.length), links: ecmp.route(from, to, flowCount + s).links };
  });
  let resolved = 0;
  start = performance.now();
  for (const { slot, links } of arrivals) {
    solver.remove(ids[slot]);
    ids[slot] = solver.add(links);
    solver.solve();
    resolved += solver.lastSolved;
  }
  const incMs = (performance.now() - start) / steps;
  rows.push([`max-min, ${flowCount.toLocaleString("en")} flows`, `full ${fullMs.toFixed(2)} ms`, `incremental ${incMs.toFixed(3)} ms/step`, `x${(fullMs / incMs).toFixed(0)}; ${(resolved / steps).toFixed(0)} flows re-solved per step`]);
}

// (b) 1,000 concurrent migrations on a k=16 fat-tree (1,024 hosts, 1 Gbps links, ECMP), VMs of 1-4 GiB dirtying
// up to 30 MB/s, starting within 10 s, with 10,000 background sources between host pairs drawn as above.
// "long-lived": 8,000 CBR streams of 1-20 Mb/s and 2,000 bulk 128 MB transfers (paper 004's MapReduce chunk).
// "on/off-heavy": 8,000 CBR, 1,500 exponential on/off sources (100 Mb/s, mean 1 s on, 2 s off), 500 bulk;
// every on/off switch is a rate change, so this one is dominated by background events, not migrations.
function migrationScenario(kind) {
  const random = lcg(2024);
  const hosts = k16.hosts.map((h) => ({ name: h.name, node: h.node, profile: 0, cores: 16, memoryBytes: 256e9, slots: 32 }));
  const vms = [];
  const migrations = [];
  for (let i = 0; i < 1000; i++) {
    const from = Math.floor(random() * hostCount);
    let to = Math.floor(random() * hostCount);
    if (to === from) to = (to + 1) % hostCount;
    const memoryBytes = 2 ** 30 * (1 + Math.floor(random() * 4));
    vms.push({ name: `vm${i}`, host: from, memoryBytes, vcpus: 2, pageBytes: 4096, dirty: { kind: "constant", bytesPerSec: random() * 3e7 } });
    migrations.push({ vm: i, target: to, startSec: random() * 10 });
  }
  const background = [];
  for (let i = 0; i < 10_000; i++) {
    const [from, to] = pair(random);
    const startSec = random() * 5;
    if (i < 8000) background.push({ kind: "cbr", from, to, rateBytesPerSec: 1.25e5 * (1 + Math.floor(random() * 20)), startSec });
    else if (kind === "on/off-heavy" && i < 9500) background.push({ kind: "onoff", from, to, rateBytesPerSec: 1.25e7, onSec: 1, offSec: 2, periods: "exponential", startSec });
    else background.push({ kind: "bulk", from, to, bytes: 1.28e8, startSec });
  }
  return { name: "dc", seed: 1, horizonSec: 3600, nodes: k16.nodes, links: k16.links, profiles: [defaultProfile("xen")], hosts, vms, migrations, background, routing: { kind: "ecmp" } };
}

// "listening": the same long-lived run with a sink that also takes the topology, events and link-load frames
// (what the editor's worker asks for), to measure what those outputs cost.
for (const [kind, listening] of [["long-lived", false], ["long-lived", true], ["on/off-heavy", false]]) {
  const scenario = migrationScenario(kind);
  let points = 0;
  let events = 0;
  let frames = 0;
  const sink = { series: (batches) => batches.forEach((b) => (points += b.points.length)), migrationDone: () => undefined };
  if (listening) Object.assign(sink, { topology: () => undefined, events: (list) => (events += list.length), linkLoads: (list) => (frames += list.length) });
  const start = performance.now();
  const result = simulate(scenario, sink);
  const seconds = (performance.now() - start) / 1000;
  const rounds = result.migrations.reduce((n, m) => n + m.rounds.length, 0);
  const outputs = listening ? `, ${events.toLocaleString("en")} events, ${frames} link frames of ${scenario.links.length.toLocaleString("en")} links` : "";
  rows.push([
    `1,000 migrations + 10k ${kind}${listening ? ", listening" : ""}`,
    `${seconds.toFixed(2)} s wall`,
    `${result.migrations.length} done by ${result.endSec.toFixed(1)} s simulated`,
    `${rounds.toLocaleString("en")} rounds, ${points.toLocaleString("en")} series points${outputs} (goal < 2 s)`,
  ]);
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  |  "));
