import { test } from "node:test";
import assert from "node:assert/strict";
import { Simulator } from "../src/kernel/simulator.js";
import { DynamicRouting, MAX_WEIGHT } from "../src/network/dynamicRouting.js";
import { EcmpRouting } from "../src/network/ecmp.js";
import { FlowNetwork } from "../src/network/flows.js";
import { fatTree } from "../src/network/generators.js";
import { buildTopology } from "../src/network/topology.js";
import { simulate } from "../src/simulate.js";
import { RecordingSink } from "./fixtures.js";
import { fatTreeScenario } from "./networkFixtures.js";

const k4 = fatTree({ k: 4 });
const graph = buildTopology(k4.nodes, k4.links);
const coreOf = (links: readonly number[]): string =>
  links.map((id) => k4.nodes[graph.directedLinks[id]!.to]!.name).find((name) => name.startsWith("core"))!;

test("ECMP counts the equal-cost paths of a k=4 fat-tree: 1 in a rack, 2 in a pod, 4 across pods", () => {
  const ecmp = new EcmpRouting(graph);
  assert.deepEqual([ecmp.pathCount(0, 1), ecmp.pathCount(0, 2), ecmp.pathCount(0, 15)], [1, 2, 4]);
  assert.equal(new EcmpRouting(buildTopology(fatTree({ k: 16 }).nodes, fatTree({ k: 16 }).links)).pathCount(0, 1023), 64);
});

test("ECMP spreads distinct flows over every core path and keeps a flow on its path", () => {
  const ecmp = new EcmpRouting(graph);
  const uses = new Map<string, number>();
  for (let flow = 0; flow < 64; flow++) {
    const route = ecmp.route(0, 15, flow)!;
    assert.equal(route.links.length, 6, "only fewest-hops paths");
    assert.deepEqual(ecmp.route(0, 15, flow), route, `flow ${flow} is stable`);
    const core = coreOf(route.links);
    uses.set(core, (uses.get(core) ?? 0) + 1);
  }
  assert.deepEqual([...uses.keys()].sort(), ["core[0]", "core[1]", "core[2]", "core[3]"]);
  for (const [core, n] of uses) assert.ok(n >= 8 && n <= 24, `${core} used ${n} times of 64 (16 expected)`);
  // Same flow id, other pair: the hash covers the endpoints too.
  const cores = new Set([0, 1, 2, 3].map((src) => coreOf(ecmp.route(src, 12 + src, 0)!.links)));
  assert.ok(cores.size >= 2, "different pairs with the same flow id do not all collide");
});

test("dynamic routing sends the second of two concurrent transfers over a different path", () => {
  const sim = new Simulator(1);
  const network = new FlowNetwork(sim, graph);
  const routing = new DynamicRouting(graph, network, () => sim.now);
  const first = routing.route(0, 15)!;
  const second = routing.route(1, 14)!;
  assert.equal(first.links.length, 6);
  assert.equal(second.links.length, 6, "an equally short free path exists");
  assert.deepEqual(first.links.filter((l) => second.links.includes(l)), [], "no link shared");
  assert.equal(routing.weightOf(graph.directedLinks[first.links[2]!]!.link), MAX_WEIGHT);
});

test("dynamic routing weighs links by the bytes of the last polling interval", () => {
  const sim = new Simulator(1);
  const network = new FlowNetwork(sim, graph);
  const routing = new DynamicRouting(graph, network, () => sim.now, 5);
  const busy = routing.route(0, 15)!;
  network.startFlow(busy, Number.POSITIVE_INFINITY, () => undefined);
  let later: readonly number[] = [];
  sim.schedule(6, () => {
    // The poll at 5 s replaced the marks with the bytes carried in [0, 5): 5 s at 1 Gbps on each busy link.
    for (const id of busy.links) assert.equal(routing.weightOf(graph.directedLinks[id]!.link), 5 * 1.25e8);
    later = routing.route(1, 14)!.links;
  });
  sim.run(7);
  const shared = later.filter((l) => busy.links.some((b) => graph.directedLinks[b]!.link === graph.directedLinks[l]!.link));
  assert.deepEqual(shared, [], "the loaded links are avoided");
});

test("paper 000 Fig. 9/10: dynamic routing lets concurrent migrations run at full speed", () => {
  // Two idle 1 GB VMs move from pod 0 to pod 3 at once. Shortest-path routing puts both on the same
  // aggregation and core links (half speed each); dynamic routing gives each its own path.
  const moves = [
    { from: 0, to: 15, memoryBytes: 1e9 },
    { from: 1, to: 14, memoryBytes: 1e9 },
  ];
  const time = (kind: "shortest" | "dynamic" | "ecmp") =>
    simulate(fatTreeScenario(4, moves, { routing: { kind } }), new RecordingSink()).migrations.map((m) => m.totalTimeSec);
  const alone = 1e9 / 1.25e8;
  for (const t of time("shortest")) assert.ok(t > 1.9 * alone, `shortest: ${t}`);
  for (const t of time("dynamic")) assert.ok(t < 1.01 * alone + 0.02, `dynamic: ${t}`);
  assert.equal(time("ecmp").length, 2);
});

test("determinism: background traffic, dynamic routing and link series repeat byte for byte", () => {
  const scenario = fatTreeScenario(
    4,
    [
      { from: 0, to: 15, memoryBytes: 5e8, dirtyBytesPerSec: 2e7 },
      { from: 1, to: 14, memoryBytes: 5e8, dirtyBytesPerSec: 1e7, startSec: 0.5 },
      { from: 4, to: 9, memoryBytes: 3e8, dirtyBytesPerSec: 3e7 },
    ],
    {
      routing: { kind: "dynamic", pollIntervalSec: 1 },
      background: [
        { kind: "onoff", from: 2, to: 13, rateBytesPerSec: 1e8, onSec: 0.3, offSec: 0.2, periods: "exponential", startSec: 0 },
        { kind: "cbr", from: 3, to: 12, rateBytesPerSec: 5e7, startSec: 0.2, share: "priority" },
        { kind: "bulk", from: 5, to: 10, bytes: 2e8, startSec: 1 },
      ],
    },
  );
  const a = new RecordingSink();
  const b = new RecordingSink();
  const first = simulate(scenario, a, { batchSize: 11 });
  const second = simulate(scenario, b, { batchSize: 11 });
  assert.equal(JSON.stringify(first), JSON.stringify(second));
  assert.equal(JSON.stringify(a.batches), JSON.stringify(b.batches));
  assert.equal(first.migrations.length, 3);
  assert.ok(a.batches.flat().some((batch) => batch.series.startsWith("link/")));
});
