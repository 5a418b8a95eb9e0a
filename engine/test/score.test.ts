import { test } from "node:test";
import assert from "node:assert/strict";
import { mapRacks } from "../src/placement/levels.js";
import { runScore, THESIS_LEVEL_COSTS, type ScoreProblem } from "../src/placement/score.js";
import { tokenRound, type TokenView } from "../src/placement/tokens.js";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import type { SimulationEvent } from "../src/results.js";
import type { ScorePlacementSpec } from "../src/scenario.js";
import { assertClose, RecordingSink } from "./fixtures.js";
import { dataCentre } from "./scoreFixtures.js";

// Two pods (aggregations) of one access switch with two racks of two hosts: hosts 0–1 rack 0, 2–3 rack 1
// (same access switch), 4–5 rack 2 and 6–7 rack 3 (the other pod, across the core).
const small = dataCentre({ aggregations: 2, accessPerAggregation: 1, torsPerAccess: 2, hostsPerRack: 2, vmsPerHost: 0 });
const racks = mapRacks(small);
const reach = (level: number) => THESIS_LEVEL_COSTS.slice(0, level).reduce((sum, c) => sum + c, 0);

/** A problem on the small tree: VMs on `hosts`, traffic `[from, to, bytes/s]`, every host with `slots`. */
function problem(hosts: number[], flows: [number, number, number][], spec: Partial<ScorePlacementSpec> = {}, slots = 16, memoryBytes = 16 * 2 ** 30): ScoreProblem {
  const vmCount = hosts.length;
  return {
    hosts: small.hosts.map(() => ({ memoryBytes, slots })),
    vmMemoryBytes: hosts.map(() => 2 ** 30),
    initialHost: hosts,
    racks,
    traffic: { vmCount, rates: new Map(flows.map(([from, to, rate]) => [from * vmCount + to, rate])), hotspotRacks: [], flows: [] },
    spec: { token: "round-robin", iterations: 1, ...spec },
  };
}

test("communication levels follow the tree: same rack 1, same access switch 2, across the core 4", () => {
  assert.deepEqual(racks.rackOfHost, [0, 0, 1, 1, 2, 2, 3, 3]);
  assert.deepEqual(racks.levels[0], [1, 2, 4, 4]);
  assert.equal(racks.maxLevel, 4);
});

test("eq. 3.1: C^A counts each pair's traffic twice, weighted by c_1 + … + c_ℓ", () => {
  const outcome = runScore(problem([0, 4, 1], [[0, 1, 100], [1, 0, 50], [0, 2, 10]], { iterations: 0 }));
  assertClose(outcome.iterations[0]!.cost, 2 * 150 * reach(4) + 2 * 10 * reach(1), 1e-12, "cost");
});

test("eq. 3.2: the token holder joins its correspondent's host when the benefit exceeds c_m", () => {
  const benefit = 2 * 150 * reach(4);
  const moved = runScore(problem([0, 4], [[0, 1, 100], [1, 0, 50]], { migrationCost: benefit * 0.999 }));
  assert.deepEqual(moved.iterations[1]!.moves, [{ vm: 0, from: 0, to: 4 }]);
  assert.equal(moved.iterations[1]!.cost, 0);
  assert.deepEqual(moved.finalHost, [4, 4]);
  const stayed = runScore(problem([0, 4], [[0, 1, 100], [1, 0, 50]], { migrationCost: benefit }));
  assert.equal(stayed.iterations[1]!.moves.length, 0);
  const share = runScore(problem([0, 4], [[0, 1, 100], [1, 0, 50]], { migrationCostShare: 2 }));
  assert.equal(share.iterations[1]!.moves.length, 0, "c_m = 2 C^A(u) is the whole benefit");
});

test("the holder picks the correspondent's server that reduces its cost most", () => {
  const outcome = runScore(problem([0, 2, 4], [[0, 1, 50], [0, 2, 10]], { iterations: 1 }));
  // VM 0 talks to VM 1 (host 2, level 2) and VM 2 (host 4, level 4); joining VM 1 saves more.
  const toHost2 = 2 * (50 * reach(2) + 10 * reach(4) - (0 + 10 * reach(4)));
  const toHost4 = 2 * (50 * reach(2) + 10 * reach(4) - (50 * reach(4) + 0));
  assert.ok(toHost2 > toHost4);
  assert.deepEqual(outcome.iterations[1]!.moves[0], { vm: 0, from: 0, to: 2 });
});

test("capacity checks: no move to a host without a free slot or enough free memory", () => {
  const noSlot = runScore(problem([0, 4], [[0, 1, 100]], {}, 1));
  assert.equal(noSlot.iterations[1]!.moves.length, 0);
  const noMemory = runScore(problem([0, 4], [[0, 1, 100]], {}, 16, 1.5 * 2 ** 30));
  assert.equal(noMemory.iterations[1]!.moves.length, 0);
});

test("the link weights must increase with the level and cover the topology's levels", () => {
  assert.throws(() => runScore(problem([0, 4], [[0, 1, 1]], { levelCosts: [1, 3, 2, 5] })), /increase/);
  assert.throws(() => runScore(problem([0, 4], [[0, 1, 1]], { levelCosts: [1, 2] })), /level 4/);
});

/** A token view over fixed data: highest levels, loads, benefits, and the peers each holder raises. */
function view(levels: number[], options: { load?: number[]; benefit?: number[]; raises?: Record<number, [number, number][]> } = {}): TokenView {
  return {
    vmCount: levels.length,
    highestLevel: (u) => levels[u]!,
    forEachPeerLevel: (u, visit) => (options.raises?.[u] ?? []).forEach(([v, level]) => visit(v, level)),
    load: (u) => options.load?.[u] ?? 0,
    bestBenefit: (u) => options.benefit?.[u] ?? 0,
  };
}

function order(round: { next(): number | undefined }): number[] {
  const seen: number[] = [];
  for (let u = round.next(); u !== undefined; u = round.next()) seen.push(u);
  return seen;
}

test("token orders: round-robin by ID, global by benefit, distributed by level then ID, load-aware by level then load", () => {
  const levels = [1, 4, 2, 4, 0, 2];
  assert.deepEqual(order(tokenRound("round-robin", view(levels))), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(order(tokenRound("global", view(levels, { benefit: [1, 0, 5, 3, 0, 9] }))), [5, 2, 3, 0, 1, 4]);
  assert.deepEqual(order(tokenRound("distributed", view(levels))), [1, 3, 2, 5, 0, 4]);
  assert.deepEqual(order(tokenRound("load-aware", view(levels, { load: [5, 1, 3, 9, 0, 7] }))), [3, 1, 5, 2, 0, 4]);
});

test("Algorithm 1: a holder raises a correspondent's entry, which then waits its turn at the higher level", () => {
  const raised = order(tokenRound("distributed", view([1, 4, 2, 4, 0, 2], { raises: { 1: [[0, 4]] } })));
  assert.deepEqual(raised, [1, 3, 0, 2, 5, 4]);
});

test("simulate: S-CORE's moves become pre-copy migrations, iteration k + 1 released after iteration k", () => {
  const scenario = dataCentre({
    aggregations: 2, accessPerAggregation: 2, torsPerAccess: 2, hostsPerRack: 4, vmsPerHost: 2,
    placement: { token: "distributed", iterations: 3 },
  });
  const events: SimulationEvent[] = [];
  const sink = Object.assign(new RecordingSink(), { events: (batch: readonly SimulationEvent[]) => void events.push(...batch) });
  const result = simulate(scenario, sink);
  const report = result.placement!;
  assert.equal(report.token, "distributed");
  assert.equal(report.iterations.length, 4);
  const total = report.iterations.reduce((sum, it) => sum + it.migrations, 0);
  assert.ok(total > 0, "some VMs move");
  assert.equal(result.migrations.length, total);
  assert.ok(report.iterations[report.iterations.length - 1]!.cost < report.iterations[0]!.cost);

  const marks = events.filter((e) => e.kind === "placement-iteration");
  assert.deepEqual(marks.map((e) => e.iteration), [0, 1, 2, 3]);
  marks.forEach((mark, k) => assert.equal(mark.kind === "placement-iteration" && mark.cost, report.iterations[k]!.cost));
  let first = 0;
  for (const { iteration, migrations } of report.iterations.slice(1)) {
    const batch = result.migrations.slice(first, first + migrations);
    first += migrations;
    for (const m of batch) {
      assert.ok(m.startSec >= marks[iteration - 1]!.timeSec, `iteration ${iteration} starts after iteration ${iteration - 1} ended`);
      assert.ok(m.endSec <= marks[iteration]!.timeSec + 1e-12, `iteration ${iteration} ends by its event`);
    }
  }
  const racksTotal = (matrix: readonly (readonly number[])[]) => matrix.flat().reduce((sum, x) => sum + x, 0);
  assertClose(racksTotal(report.torTrafficAfter), racksTotal(report.torTrafficBefore), 1e-9, "moving VMs moves traffic, never creates it");
});

test("simulate: the same seed gives the same placement; racks that no path joins are a SimulationError", () => {
  const scenario = dataCentre({ aggregations: 2, accessPerAggregation: 1, torsPerAccess: 2, hostsPerRack: 2, vmsPerHost: 2, placement: { token: "global", iterations: 2 } });
  assert.deepEqual(simulate(scenario, new RecordingSink()).placement, simulate(scenario, new RecordingSink()).placement);
  const cut = { ...scenario, links: scenario.links.filter((link) => link.level !== 4) };
  assert.throws(() => simulate(cut, new RecordingSink()), SimulationError);
});
