import { test } from "node:test";
import assert from "node:assert/strict";
import { fatTree, leafSpine, star, threeTier, type GeneratedTopology } from "../src/network/generators.js";
import { buildTopology } from "../src/network/topology.js";
import { shortestPath } from "../src/network/routing.js";

/** Hops between two generated hosts on the fewest-hops path. */
function hops(topology: GeneratedTopology, a: number, b: number): number {
  const graph = buildTopology(topology.nodes, topology.links);
  return shortestPath(graph, topology.hosts[a]!.node, topology.hosts[b]!.node)!.links.length;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

test("fat-tree k=4 and k=16: k^3/4 hosts, 5k^2/4 switches, 3k^3/4 links, k^3/4 per level", () => {
  for (const k of [4, 16]) {
    const t = fatTree({ k });
    assert.equal(t.hosts.length, k ** 3 / 4);
    assert.equal(t.nodes.length, k ** 3 / 4 + (5 * k * k) / 4);
    assert.equal(t.nodes.filter((n) => n.kind === "switch").length, (5 * k * k) / 4);
    assert.equal(t.nodes.filter((n) => n.name.startsWith("core[")).length, (k / 2) ** 2);
    assert.equal(t.links.length, (3 * k ** 3) / 4);
    assert.deepEqual([...countBy(t.links, (l) => l.level!)], [[1, k ** 3 / 4], [2, k ** 3 / 4], [3, k ** 3 / 4]]);
    // Every switch uses exactly k ports.
    const degree = new Map<number, number>();
    for (const l of t.links) for (const end of [l.a, l.b]) degree.set(end, (degree.get(end) ?? 0) + 1);
    t.nodes.forEach((n, i) => assert.equal(degree.get(i), n.kind === "host" ? 1 : k, n.name));
    // Placement: k/2 hosts per rack, k^2/4 per pod; host i is node i.
    assert.deepEqual(new Set(countBy(t.hosts, (h) => h.rack).values()), new Set([k / 2]));
    assert.deepEqual(new Set(countBy(t.hosts, (h) => h.pod!).values()), new Set([(k * k) / 4]));
    t.hosts.forEach((h, i) => assert.equal(h.node, i));
  }
});

test("fat-tree hop counts: 2 in a rack, 4 in a pod, 6 across pods", () => {
  const t = fatTree({ k: 4 });
  assert.equal(hops(t, 0, 1), 2); // same edge switch
  assert.equal(hops(t, 0, 2), 4); // same pod, other edge switch
  assert.equal(hops(t, 0, 4), 6); // other pod
  assert.equal(hops(t, 0, 15), 6);
  const big = fatTree({ k: 16 });
  assert.deepEqual([hops(big, 0, 7), hops(big, 0, 8), hops(big, 0, 64), hops(big, 5, 1023)], [2, 4, 6, 6]);
});

test("names are deterministic and take the caller's prefix", () => {
  const t = fatTree({ k: 4, prefix: "dc.", bufferBytes: 65536, latencySec: 1e-5 });
  assert.equal(t.hosts[3]!.name, "dc.host[3]");
  assert.equal(t.nodes[16]!.name, "dc.edge[0]");
  assert.equal(t.links[0]!.name, "dc.host[0]-edge[0]");
  assert.equal(t.links.at(-1)!.name, "dc.agg[7]-core[3]");
  assert.ok(t.links.every((l) => l.bufferBytes === 65536 && l.latencySec === 1e-5));
  assert.deepEqual(fatTree({ k: 4 }), fatTree({ k: 4 }));
  assert.throws(() => fatTree({ k: 5 }), RangeError);
});

test("three-tier: per-level over-subscription sets the uplink capacities", () => {
  // 20 hosts per rack at 1 Gbps, ToR ratio 2.5: one 8 Gbps uplink; 4 ToRs per access switch, ratio 2:
  // 16 Gbps up; 2 access switches per aggregation, ratio 4 over 2 cores: 4 Gbps to each core.
  const G = 1.25e8;
  const t = threeTier({ aggregations: 3, accessPerAggregation: 2, torsPerAccess: 4, hostsPerRack: 20, cores: 2, oversubscription: { tor: 2.5, access: 2, aggregation: 4 } });
  const bw = (level: number) => [...new Set(t.links.filter((l) => l.level === level).map((l) => l.bandwidthBytesPerSec))];
  assert.deepEqual(bw(1), [G]);
  assert.deepEqual(bw(2), [8 * G]);
  assert.deepEqual(bw(3), [16 * G]);
  assert.deepEqual(bw(4), [4 * G]);
  assert.equal(t.hosts.length, 3 * 2 * 4 * 20);
  assert.equal(t.links.filter((l) => l.level === 4).length, 3 * 2);
  assert.equal(t.nodes.filter((n) => n.kind === "router").length, 2);
  // Hops: same rack 2, same access switch 4, same pod 6, across pods 8 (through a core).
  assert.deepEqual([hops(t, 0, 1), hops(t, 0, 20), hops(t, 0, 80), hops(t, 0, 160)], [2, 4, 6, 8]);
  assert.deepEqual([t.hosts[159]!.rack, t.hosts[159]!.pod, t.hosts[160]!.pod], [7, 0, 1]);
  // An explicit level bandwidth wins over the derived one.
  const fixed = threeTier({ aggregations: 1, accessPerAggregation: 1, torsPerAccess: 1, hostsPerRack: 2, levelBandwidthBytesPerSec: [undefined, 42] });
  assert.equal(fixed.links.find((l) => l.level === 2)!.bandwidthBytesPerSec, 42);
});

test("leaf-spine and star", () => {
  const G = 1.25e8;
  const ls = leafSpine({ leaves: 4, spines: 2, hostsPerLeaf: 8, oversubscription: 2 });
  assert.equal(ls.links.length, 32 + 8);
  assert.equal(ls.links.find((l) => l.level === 2)!.bandwidthBytesPerSec, (8 * G) / (2 * 2));
  assert.deepEqual([hops(ls, 0, 7), hops(ls, 0, 8)], [2, 4]);
  assert.equal(ls.hosts[0]!.pod, undefined);
  const s = star({ hosts: 5, bandwidthBytesPerSec: 10 });
  assert.equal(s.nodes.length, 6);
  assert.deepEqual(s.links.map((l) => [l.a, l.b, l.level, l.bandwidthBytesPerSec]), [0, 1, 2, 3, 4].map((i) => [i, 5, 1, 10]));
  assert.equal(hops(s, 1, 3), 2);
});
