import { test } from "node:test";
import assert from "node:assert/strict";
import { buildTopology } from "../src/network/topology.js";
import { ShortestPathRouting, shortestPath } from "../src/network/routing.js";
import { SimulationError } from "../src/errors.js";
import type { Link, NetworkNode } from "../src/scenario.js";
import { Random } from "../src/kernel/random.js";

const node = (name: string): NetworkNode => ({ name, kind: "switch" });
const link = (a: number, b: number, latencySec = 0.001, bandwidthBytesPerSec = 100): Link => ({
  name: `${a}-${b}`,
  a,
  b,
  bandwidthBytesPerSec,
  latencySec,
});

test("each full-duplex link gives two directed links with the full bandwidth", () => {
  const topology = buildTopology([node("x"), node("y")], [link(0, 1, 0.5, 42)]);
  assert.deepEqual(
    topology.directedLinks.map((l) => [l.id, l.link, l.from, l.to, l.bandwidthBytesPerSec]),
    [
      [0, 0, 0, 1, 42],
      [1, 0, 1, 0, 42],
    ],
  );
});

test("the shortest path by hops wins over a lower-latency longer one", () => {
  // 0-1-2-3 is three hops with tiny latency; 0-4-3 is two hops with large latency.
  const nodes = [0, 1, 2, 3, 4].map((i) => node(`n${i}`));
  const links = [link(0, 1, 1e-6), link(1, 2, 1e-6), link(2, 3, 1e-6), link(0, 4, 1), link(4, 3, 1, 50)];
  const route = shortestPath(buildTopology(nodes, links), 0, 3)!;
  assert.deepEqual(route.links, [2 * 3, 2 * 4]);
  assert.equal(route.latencySec, 2);
  assert.equal(route.bottleneckBytesPerSec, 50);
});

test("ties between equally short paths go to the lowest node index", () => {
  // Two two-hop paths from 0 to 3: through node 2 and through node 1; node 1 must be chosen.
  const nodes = [0, 1, 2, 3].map((i) => node(`n${i}`));
  const links = [link(0, 2), link(2, 3), link(0, 1), link(1, 3)];
  const route = shortestPath(buildTopology(nodes, links), 0, 3)!;
  assert.deepEqual(route.links, [2 * 2, 2 * 3]);
});

test("the reverse direction uses the odd directed ids", () => {
  const topology = buildTopology([node("a"), node("b"), node("c")], [link(0, 1), link(1, 2)]);
  assert.deepEqual(shortestPath(topology, 2, 0)!.links, [3, 1]);
});

test("no route gives undefined, and the cache keeps answering the same", () => {
  const topology = buildTopology([node("a"), node("b"), node("c")], [link(0, 1)]);
  const routing = new ShortestPathRouting(topology);
  assert.equal(routing.route(0, 2), undefined);
  assert.equal(routing.route(0, 2), undefined);
  assert.equal(routing.route(0, 1), routing.route(0, 1));
});

test("a link to a missing node is reported", () => {
  assert.throws(() => buildTopology([node("a")], [link(0, 3)]), SimulationError);
});

/** The definition the search must match: a complete breadth-first search, then the path through the tree it built. */
function referenceShortestPath(topology: ReturnType<typeof buildTopology>, from: number, to: number): readonly number[] | undefined {
  const reachedBy = new Array<number>(topology.nodeCount).fill(-1);
  const seen = new Set([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    for (const l of topology.outgoing[queue[head]!]!) {
      if (seen.has(l.to)) continue;
      seen.add(l.to);
      reachedBy[l.to] = l.id;
      queue.push(l.to);
    }
  }
  if (!seen.has(to)) return undefined;
  const links: number[] = [];
  for (let n = to; n !== from; n = topology.directedLinks[reachedBy[n]!]!.from) links.push(reachedBy[n]!);
  return links.reverse();
}

test("the early-stopping search finds the same route as a complete one, on graphs of changing sizes", () => {
  const random = new Random(7);
  for (let graph = 0; graph < 200; graph++) {
    // Sizes go up and down, so the shared scratch space is both grown and reused larger than needed.
    const count = 2 + Math.floor(random.next() * (graph % 2 === 0 ? 40 : 8));
    const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`));
    // Sparse enough that some pairs are disconnected; duplicate links between a pair are allowed.
    const links = Array.from({ length: Math.floor(random.next() * count * 1.5) }, () => link(Math.floor(random.next() * count), Math.floor(random.next() * count)));
    const topology = buildTopology(nodes, links);
    for (let pair = 0; pair < 20; pair++) {
      const from = Math.floor(random.next() * count);
      const to = Math.floor(random.next() * count);
      assert.deepEqual(shortestPath(topology, from, to)?.links, referenceShortestPath(topology, from, to), `graph ${graph}, ${from} → ${to}`);
    }
  }
});
