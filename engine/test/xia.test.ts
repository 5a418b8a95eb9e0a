/**
 * The network architectures and migration modes of paper 001 (engine/src/architecture/): the stream's
 * overhead formula, the relayed transport against the closed form, reachability and the checks.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { StreamCost, sumOfCapped } from "../src/architecture/streamCost.js";
import { simulate } from "../src/simulate.js";
import { forecastMigrations } from "../src/forecast.js";
import { SimulationError } from "../src/errors.js";
import type { Scenario } from "../src/scenario.js";
import { assertClose, RecordingSink } from "./fixtures.js";
import { GATEWAY_CACHE, testbed } from "./xiaFixtures.js";

const run = (scenario: Scenario) => {
  const result = simulate(scenario, new RecordingSink()).migrations[0];
  assert.ok(result !== undefined, "the migration finished");
  return result;
};

test("sumOfCapped counts min(k, cap) over a run of lookups, below, across and above the cap", () => {
  const cases: readonly [first: number, count: number, cap: number][] = [[0, 5, 10], [8, 5, 10], [20, 3, 10], [0, 1, 0]];
  for (const [first, count, cap] of cases) {
    let expected = 0;
    for (let k = first; k < first + count; k++) expected += Math.min(k, cap);
    assert.equal(sumOfCapped(first, count, cap), expected, `first ${first} count ${count} cap ${cap}`);
  }
});

test("a chunked round costs the relay copy, four latencies per window less one, the chunk work and the lookups", () => {
  const cache = { capacityBytes: 4 * 1000, lookupSec: 1e-5, scanSecPerChunk: 1e-6 };
  const cost = new StreamCost({
    relayBytesPerSec: 1e6,
    chunks: { spec: { kind: "xia", chunkBytes: 1000, windowChunks: 4, chunkSec: 1e-3 }, latencySec: 0.01, caches: [cache] },
  });
  // 10 chunks in 3 windows; the cache holds 4 chunks, so lookups scan 0, 1, 2, 3, 4, 4, 4, 4, 4, 4 chunks.
  const expected = 10_000 / 1e6 + (4 * 0.01 * 3 - 0.01) + 10 * 1e-3 + 10 * 1e-5 + 30 * 1e-6;
  assertClose(cost.roundOverheadSec(10_000), expected, 1e-12, "first round");
  // The next round starts with a full cache: every lookup scans 4 chunks.
  assertClose(cost.roundOverheadSec(1000), 1000 / 1e6 + 3 * 0.01 + 1e-3 + 1e-5 + 4e-6, 1e-12, "second round");
  assert.equal(cost.chunksSent, 11);
  assert.equal(cost.roundOverheadSec(0), 0, "an empty round costs nothing");
});

test("the simulated relayed stream follows the closed-form forecast (exec and xia-chunk, with and without disk)", () => {
  for (const options of [
    { architecture: "ip", mode: "exec", disk: false },
    { architecture: "xia", mode: "xia-chunk", disk: false },
    { architecture: "xia", mode: "xia-chunk", across: true },
  ] as const) {
    const scenario = testbed(options);
    const simulated = run(scenario);
    const predicted = forecastMigrations(scenario)[0]!.prediction!;
    assertClose(simulated.totalTimeSec, predicted.totalTimeSec, 1e-6, `${scenario.name} total time`);
    assertClose(simulated.downtimeSec, predicted.downtimeSec, 1e-6, `${scenario.name} downtime`);
  }
});

test("exec adds the relay hand-over to the downtime and xia-chunk adds the DONE message's latency", () => {
  const tcp = run(testbed({ architecture: "ip", mode: "tcp", disk: false }));
  const exec = run(testbed({ architecture: "ip", mode: "exec", disk: false, memoryDirtyBytesPerSec: 0 }));
  const xia = run(testbed({ architecture: "xia", mode: "xia-chunk", disk: false, memoryDirtyBytesPerSec: 0 }));
  assert.ok(exec.downtimeSec > tcp.downtimeSec + 0.9, `exec ${exec.downtimeSec} s vs tcp ${tcp.downtimeSec} s`);
  const last = (r: typeof xia) => r.rounds.at(-1)!.durationSec;
  // Without dirtying, the final round carries nothing: the downtime is resume + hand-over (+ DONE over XIA).
  assertClose(xia.downtimeSec - last(xia) - (exec.downtimeSec - last(exec)), 2e-4, 1e-6, "DONE over a two-link path");
});

test("an IP migration across subnets without mobility leaves the VM unreachable; a tunnel or one subnet does not", () => {
  const lost = run(testbed({ architecture: "ip", mode: "exec", across: true, disk: false }));
  assert.deepEqual(lost.reachability, { architecture: "ip", crossed: true, unreachable: true });
  const tunnel = run(testbed({ architecture: "ip", mode: "exec", across: true, mobility: "tunnel", disk: false }));
  assert.equal(tunnel.reachability?.unreachable, false);
  assertClose(tunnel.reachability!.recoverySec!, 2 * 3e-4, 1e-9, "tunnel set-up: one round trip across three links");
  const lan = run(testbed({ architecture: "ip", mode: "exec", disk: false }));
  assertClose(lan.reachability!.recoverySec!, 2e-4, 1e-9, "gratuitous ARP: one one-way latency");
});

test("over XIA the VM waits for the next beacon, and across ADs also re-registers and moves its HID entry", () => {
  for (const across of [false, true]) {
    const result = run(testbed({ architecture: "xia", mode: "xia-chunk", across, disk: false }));
    const reach = result.reachability!;
    const nextBeacon = Math.ceil(result.endSec / 0.5) * 0.5 - result.endSec;
    // Announce to the gateway: one link. Across: the route update between routers (1 link) and the
    // registration round trip HOST_B to HOST_A (3 links each way) run side by side; the latter is longer.
    const expected = nextBeacon + 1e-4 + (across ? 6e-4 : 0);
    assertClose(reach.recoverySec!, expected, 1e-9, `recovery, across ${across}`);
    const lost = Math.ceil((result.endSec + reach.recoverySec!) / 0.1 - 1e-9) - Math.ceil((result.endSec - result.downtimeSec) / 0.1 - 1e-9);
    assert.equal(reach.lostProbes, lost);
    assertClose(reach.probeDowntimeSec!, lost * 0.1, 1e-9, "probe downtime");
    assert.equal(reach.crossed, across);
  }
});

test("a full chunk cache makes every lookup scan it, so a larger cache slows the migration", () => {
  const withCache = (capacityBytes: number) => {
    const scenario = testbed({ architecture: "xia", mode: "xia-chunk", disk: false });
    const network = scenario.network!;
    assert.equal(network.kind, "xia");
    const domains = network.kind === "xia" ? network.domains.map((d) => ({ ...d, cache: { ...GATEWAY_CACHE, capacityBytes } })) : [];
    return run({ ...scenario, network: { ...network, kind: "xia", nameServiceHost: 0, domains } });
  };
  const small = withCache(1024 * 1024);
  const large = withCache(256 * 1024 * 1024);
  assert.ok(large.totalTimeSec > small.totalTimeSec + 1, `large ${large.totalTimeSec} s vs small ${small.totalTimeSec} s`);
});

test("modes that do not fit the network and broken architectures are refused before the run", () => {
  const cases: readonly [Scenario, RegExp][] = [
    [testbed({ architecture: "xia", mode: "tcp", disk: false }), /XIA has no TCP/],
    [testbed({ architecture: "ip", mode: "xia-chunk", disk: false }), /needs an xia network/],
    [{ ...testbed({ architecture: "ip", mode: "exec" }), network: { kind: "ip", subnets: [{ name: "s", hosts: [0] }] } }, /HOST_B takes part in a migration but is in no subnet/],
    [{ ...testbed({ architecture: "ip", mode: "exec" }), network: { kind: "ip", subnets: [{ name: "s", hosts: [0, 1] }, { name: "t", hosts: [1] }] } }, /in both s and t/],
    [{ ...testbed({ architecture: "xia", mode: "xia-chunk" }), network: { kind: "xia", nameServiceHost: 0, domains: [{ name: "d", hosts: [0, 1], gateway: 0 }] } }, /gateway 0 is not a router/],
    [{ ...testbed({ architecture: "xia", mode: "xia-chunk" }), transport: { kind: "xia", chunkBytes: 0 } }, /chunkBytes must be a finite number > 0/],
  ];
  for (const [scenario, message] of cases) {
    assert.throws(() => simulate(scenario, new RecordingSink()), (error: unknown) => error instanceof SimulationError && message.test(error.message));
  }
});

test("the same scenario gives identical results", () => {
  const scenario = testbed({ architecture: "xia", mode: "xia-chunk", across: true, disk: false });
  assert.deepEqual(run(scenario), run(scenario));
});
