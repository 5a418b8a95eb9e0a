import { test } from "node:test";
import assert from "node:assert/strict";
import { Simulator } from "../src/kernel/simulator.js";
import { FlowNetwork } from "../src/network/flows.js";
import { buildTopology } from "../src/network/topology.js";
import { shortestPath } from "../src/network/routing.js";
import type { Link } from "../src/scenario.js";

/** A line of nodes 0-1-...; returns the simulator, the flow manager and the route between two nodes. */
function line(links: readonly Omit<Link, "name" | "a" | "b">[]) {
  const nodes = Array.from({ length: links.length + 1 }, (_, i) => ({ name: `n${i}`, kind: "switch" as const }));
  const topology = buildTopology(
    nodes,
    links.map((l, i) => ({ ...l, name: `l${i}`, a: i, b: i + 1 })),
  );
  const sim = new Simulator(1);
  return { sim, network: new FlowNetwork(sim, topology), route: (a: number, b: number) => shortestPath(topology, a, b)! };
}

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, expected), `${actual} != ${expected}`);
}

test("one flow takes latency + bytes / bandwidth", () => {
  const { sim, network, route } = line([
    { bandwidthBytesPerSec: 1000, latencySec: 0.25 },
    { bandwidthBytesPerSec: 400, latencySec: 0.5 },
  ]);
  let doneAt = -1;
  network.startFlow(route(0, 2), 2000, () => (doneAt = sim.now));
  sim.run(100);
  close(doneAt, 0.75 + 2000 / 400);
});

test("n equal flows on one link take n times as long to move their bytes", () => {
  for (const n of [1, 2, 5]) {
    const { sim, network, route } = line([{ bandwidthBytesPerSec: 100, latencySec: 1 }]);
    const done: number[] = [];
    for (let i = 0; i < n; i++) network.startFlow(route(0, 1), 500, () => done.push(sim.now));
    sim.run(1e6);
    assert.equal(done.length, n);
    for (const t of done) close(t, 1 + (n * 500) / 100);
  }
});

test("a flow that finishes frees its bandwidth for the others", () => {
  // Link of 100 B/s, latency 1 s; flows of 100, 200 and 300 bytes start at 0 and share from t = 1.
  // At 100/3 B/s each, the first ends at 1 + 3 = 4; the others, 100 and 200 bytes left, share 50 B/s each,
  // so the second ends at 4 + 2 = 6; the last, 100 bytes left, runs alone at 100 B/s and ends at 7.
  const { sim, network, route } = line([{ bandwidthBytesPerSec: 100, latencySec: 1 }]);
  const done: [number, number][] = [];
  for (const bytes of [100, 200, 300]) network.startFlow(route(0, 1), bytes, (f) => done.push([f.bytes, sim.now]));
  sim.run(100);
  assert.deepEqual(done.map(([bytes]) => bytes), [100, 200, 300]);
  close(done[0]![1], 4);
  close(done[1]![1], 6);
  close(done[2]![1], 7);
});

test("a flow started later slows the running one from the moment it joins", () => {
  // 1000 bytes alone at 100 B/s (no latency) from t = 0; a 200-byte flow joins at t = 4 (600 left).
  // They share 50 B/s each: the short one ends at 8; the long one has 400 left and ends at 12.
  const { sim, network, route } = line([{ bandwidthBytesPerSec: 100, latencySec: 0 }]);
  const done: Record<string, number> = {};
  const long = network.startFlow(route(0, 1), 1000, () => (done.long = sim.now));
  sim.schedule(4, () => {
    close(network.remainingBytes(long), 600);
    network.startFlow(route(0, 1), 200, () => (done.short = sim.now));
  });
  sim.schedule(6, () => {
    close(network.rateOf(long), 50);
    close(network.remainingBytes(long), 500);
  });
  sim.run(100);
  close(done.short!, 8);
  close(done.long!, 12);
});

test("flows in opposite directions do not share a full-duplex link", () => {
  const { sim, network, route } = line([{ bandwidthBytesPerSec: 100, latencySec: 0 }]);
  const done: number[] = [];
  network.startFlow(route(0, 1), 100, () => done.push(sim.now));
  network.startFlow(route(1, 0), 100, () => done.push(sim.now));
  sim.run(100);
  assert.deepEqual(done, [1, 1]);
});

test("an empty flow still pays the latency", () => {
  const { sim, network, route } = line([{ bandwidthBytesPerSec: 100, latencySec: 0.3 }]);
  let doneAt = -1;
  network.startFlow(route(0, 1), 0, () => (doneAt = sim.now));
  sim.run(100);
  close(doneAt, 0.3);
});
