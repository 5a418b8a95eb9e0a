/**
 * Paper 004 §5.1.3 at the thesis' scale: 2,560 hosts (128 ToRs of 20 hosts), 8 VMs of 1 GB per host
 * (20,480 VMs, half the 16 slots), §5.1.1's traffic, c_i = e^0, e^1, e^3, e^5, 5 iterations. The decisions
 * are computed without simulating the migrations (S-CORE's decisions do not depend on their timing).
 * docs/validation.md lists each claim, our figures and the tolerances held here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mapRacks } from "../src/placement/levels.js";
import { runScore, type ScoreOutcome } from "../src/placement/score.js";
import { generateDatacentreTraffic } from "../src/traffic/datacentre.js";
import type { ScorePlacementSpec, TokenPolicy } from "../src/scenario.js";
import { dataCentre, THESIS_NETWORK } from "./scoreFixtures.js";

const scenario = dataCentre({ ...THESIS_NETWORK, vmsPerHost: 8 });
const racks = mapRacks(scenario);
const traffic = generateDatacentreTraffic({}, scenario.vms.map((vm) => racks.rackOfHost[vm.host]!), racks.rackNames.length, scenario.seed);
const run = (spec: Partial<ScorePlacementSpec> & { token: TokenPolicy }): ScoreOutcome =>
  runScore({
    hosts: scenario.hosts,
    vmMemoryBytes: scenario.vms.map((vm) => vm.memoryBytes),
    initialHost: scenario.vms.map((vm) => vm.host),
    racks,
    traffic,
    spec: { iterations: 5, ...spec },
  });
const policies: TokenPolicy[] = ["round-robin", "global", "distributed", "load-aware"];
const outcomes = new Map(policies.map((token) => [token, run({ token })]));
/** C^A after each iteration over C^A before the first. */
const relative = (token: TokenPolicy) => outcomes.get(token)!.iterations.map((it, _, all) => it.cost / all[0]!.cost);
const table = policies.map((token) => `${token}: ${relative(token).map((r) => r.toFixed(3)).join(" ")}`).join("; ");

test("Fig. 5.2: every token policy cuts the communication cost, most of it in the first iteration, and converges", (t) => {
  t.diagnostic(table);
  for (const token of policies) {
    const r = relative(token);
    const fifth = 1 - r[5]!;
    assert.ok(fifth > 0.75, `${token}: reduction after 5 iterations ${fifth}`);
    assert.ok((1 - r[1]!) / fifth > 0.9, `${token}: first iteration's share of the reduction ${(1 - r[1]!) / fifth}`);
    assert.ok(r[4]! - r[5]! < 0.005, `${token}: fifth iteration still gains ${r[4]! - r[5]!}`);
  }
});

test("Fig. 5.2: the global token policy is best at every iteration; distributed beats round-robin at every iteration", () => {
  const global = relative("global");
  for (const token of policies) relative(token).forEach((r, k) => assert.ok(global[k]! <= r + 1e-12, `global vs ${token} at iteration ${k}`));
  const distributed = relative("distributed");
  relative("round-robin").forEach((r, k) => assert.ok(k === 0 || distributed[k]! < r, `distributed vs round-robin at iteration ${k}`));
});

test("Fig. 5.2: distributed and load-aware end close to global (within 10 % of the initial cost)", () => {
  const global = relative("global")[5]!;
  for (const token of ["distributed", "load-aware"] as const) {
    assert.ok(relative(token)[5]! - global < 0.1, `${token} ${relative(token)[5]} vs global ${global}`);
  }
});

test("Fig. 5.3: with c_m at 10 % of the VM's own cost the reduction stays pronounced, with far fewer migrations", (t) => {
  const free = outcomes.get("distributed")!;
  const costly = run({ token: "distributed", migrationCostShare: 0.1 });
  const moves = (o: ScoreOutcome) => o.iterations.reduce((sum, it) => sum + it.moves.length, 0);
  const reduction = 1 - costly.iterations[5]!.cost / costly.iterations[0]!.cost;
  t.diagnostic(`c_m = 10 %: reduction ${reduction.toFixed(3)}, migrations ${moves(costly)} (c_m = 0: ${moves(free)})`);
  assert.ok(reduction > 0.75, `reduction ${reduction}`);
  assert.ok(moves(costly) < 0.5 * moves(free), `migrations ${moves(costly)} vs ${moves(free)}`);
});

test("Fig. 5.1 and 5.4: after 5 iterations the ToR traffic matrix concentrates on its diagonal and leaves the core", (t) => {
  const outcome = outcomes.get("distributed")!;
  const diagonalShare = (m: readonly (readonly number[])[]) => m.reduce((sum, row, i) => sum + row[i]!, 0) / m.flat().reduce((a, b) => a + b, 0);
  const coreShare = (m: readonly (readonly number[])[]) =>
    m.reduce((sum, row, i) => sum + row.reduce((s, x, j) => s + (racks.levels[i]![j] === 4 ? x : 0), 0), 0) / m.flat().reduce((a, b) => a + b, 0);
  const total = outcome.torBefore.flat().reduce((a, b) => a + b, 0);
  const hotPairs = (m: readonly (readonly number[])[]) => m.flatMap((row, i) => row.filter((x, j) => i !== j && x > 0.001 * total)).length;
  const before = { diagonal: diagonalShare(outcome.torBefore), core: coreShare(outcome.torBefore), hot: hotPairs(outcome.torBefore) };
  const after = { diagonal: diagonalShare(outcome.torAfter), core: coreShare(outcome.torAfter), hot: hotPairs(outcome.torAfter) };
  t.diagnostic(`before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
  assert.ok(after.diagonal > before.diagonal + 0.1, "more traffic stays within racks");
  assert.ok(after.core < 0.25 * before.core, "core traffic falls by more than 4x");
  assert.ok(after.hot < 0.5 * before.hot, "fewer hot ToR pairs");
});
