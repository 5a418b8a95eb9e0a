import { test } from "node:test";
import assert from "node:assert/strict";
import { SimulationError } from "../src/errors.js";
import type { Scenario, TransportSpec } from "../src/scenario.js";
import { simulate } from "../src/simulate.js";
import { SEGMENT_BYTES } from "../src/transport/tcp.js";
import { assertClose, only, RecordingSink, twoHosts } from "./fixtures.js";

const R = 1.25e8;
const IW = 10 * SEGMENT_BYTES;

/** One idle VM of `bytes` over two 1 Gbps links of 5 ms each: L = 10 ms, RTT = 20 ms, BDP = 2.5 MB. */
function idleVm(bytes: number, transport?: TransportSpec, linkLatencySec = 0.005): Scenario {
  const base = twoHosts([{ name: "vm", memoryBytes: bytes, dirtyBytesPerSec: 0 }], { bandwidthBytesPerSec: R, linkLatencySec });
  return transport === undefined ? base : { ...base, transport };
}

const round0 = (scenario: Scenario): number => only(simulate(scenario, new RecordingSink())).rounds[0]!.durationSec;

test("slow start: a 100 kB round takes two RTTs and the ACK's return longer than the fluid round", () => {
  // Windows of 14,480 and 28,960 B fill two RTTs; the last 56,560 B fit the third window (57,920 B) and
  // leave as one burst. Round 0 lasts L + 2 RTT + 56,560 / R, plus L until the last ACK reaches the source.
  const L = 0.01;
  const rtt = 0.02;
  const tcp = round0(idleVm(100_000, { kind: "tcp" }));
  assertClose(tcp, L + 2 * rtt + (100_000 - 3 * IW) / R + L, 1e-9, "tcp round");
  const fluid = round0(idleVm(100_000));
  assertClose(fluid, L + 100_000 / R, 1e-9, "fluid round");
  // 0.0604525 − 0.0108 = 2 RTT + L − 43,440 / R = 0.04965248 s.
  assertClose(tcp - fluid, 2 * rtt + L - 3 * IW / R, 1e-9, "slow-start excess");
  const result = only(simulate(idleVm(100_000, { kind: "tcp" }), new RecordingSink()));
  assertClose(result.totalTimeSec, tcp + L + 0.015, 1e-9, "total: round 0, the empty stop-and-copy, resume");
  assert.deepEqual(result.tcp, { slowStartRestarts: 0, retransmissionTimeouts: 0, fastRetransmits: 0 });
});

test("slow start: a long round pays a fixed excess and converges to the fluid time", () => {
  // Windows 14,480 · 2^k stay under the BDP (2.5 MB) for k = 0…7: eight RTTs carry 3,692,400 B, then the
  // window covers the path. Excess over the fluid round: 8 RTT + L − 3,692,400 / R = 0.1404608 s.
  const excess = 8 * 0.02 + 0.01 - IW * 255 / R;
  for (const bytes of [1e9, 1e10]) {
    const tcp = round0(idleVm(bytes, { kind: "tcp" }));
    const fluid = round0(idleVm(bytes));
    assertClose(tcp - fluid, excess, 1e-6, `excess for ${bytes} B`);
  }
  const big = round0(idleVm(1e10, { kind: "tcp" }));
  assertClose(big, round0(idleVm(1e10)), 2e-3, "10 GB round within 0.2 % of fluid");
});

test("zero latency: the TCP round is the fluid round", () => {
  assertClose(round0(idleVm(1e8, { kind: "tcp" }, 0)), round0(idleVm(1e8, undefined, 0)), 1e-12, "round 0");
});

test("idle restart (RFC 5681 §4.1): a scan longer than RTO − RTT restarts slow start without E-N only", () => {
  // L = 20 ms, RTT = 40 ms, RTO = 240 ms. Without E-N the connection idles RTT + scan = 250 ms > RTO at every
  // round boundary; with E-N it idles the scan alone, 210 ms < RTO.
  const base = twoHosts([{ name: "vm", memoryBytes: 512e6, dirtyBytesPerSec: 20e6 }], { bandwidthBytesPerSec: R, linkLatencySec: 0.02 });
  const off = only(simulate({ ...base, transport: { kind: "tcp", scanSec: 0.21 } }, new RecordingSink()));
  const on = only(simulate({ ...base, transport: { kind: "tcp", scanSec: 0.21, earlyNotification: true } }, new RecordingSink()));
  // Every boundary after round 0 restarts, except where the window had not grown past IW.
  assert.ok(off.tcp!.slowStartRestarts >= off.rounds.length - 2, `restarts ${off.tcp!.slowStartRestarts} for ${off.rounds.length} rounds`);
  assert.equal(on.tcp!.slowStartRestarts, 0);
  assert.ok(on.totalTimeSec < off.totalTimeSec);
});

/** Three VMs sharing one 1 Gbps path with 1 ms links, so rounds contend and tail losses matter. */
function threeVms(transport?: TransportSpec, seed = 42): Scenario {
  const base = twoHosts(
    [
      { name: "a", memoryBytes: 1e9, dirtyBytesPerSec: 1e7 },
      { name: "b", memoryBytes: 5e8, dirtyBytesPerSec: 2e7 },
      { name: "c", memoryBytes: 2e9, dirtyBytesPerSec: 5e6, startSec: 1 },
    ],
    { bandwidthBytesPerSec: R, linkLatencySec: 0.001, seed },
  );
  return transport === undefined ? base : { ...base, transport };
}

function runJson(scenario: Scenario): string {
  const sink = new RecordingSink();
  const result = simulate(scenario, sink);
  return JSON.stringify([result, sink.batches, sink.done]);
}

test("the same seed gives byte-identical TCP runs; another seed other losses", () => {
  const tcp = { kind: "tcp", tailLossProbability: 0.3 } as const;
  assert.equal(runJson(threeVms(tcp)), runJson(threeVms(tcp)));
  assert.notEqual(runJson(threeVms(tcp, 43)), runJson(threeVms(tcp)));
  assert.match(runJson(threeVms(tcp)), /"cwnd\/a"/);
});

test("fluid is the default: no transport and transport fluid give identical output without TCP fields", () => {
  const json = runJson(threeVms());
  assert.equal(runJson(threeVms({ kind: "fluid" })), json);
  assert.doesNotMatch(json, /cwnd|"tcp"/);
});

test("bad TCP parameters are SimulationErrors before the run", () => {
  for (const transport of [
    { kind: "tcp", tailLossProbability: 1.5 },
    { kind: "tcp", minRtoSec: -1 },
    { kind: "tcp", initialWindowSegments: 0 },
    { kind: "tcp", scanSec: Number.NaN },
  ] as const) {
    assert.throws(() => simulate(idleVm(1e6, transport), new RecordingSink()), SimulationError);
  }
});
