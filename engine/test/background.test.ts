import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import type { BackgroundFlow, Scenario } from "../src/scenario.js";
import { UTILISATION_BUCKETS } from "../src/network/utilisation.js";
import { assertClose, only, RecordingSink, twoHosts } from "./fixtures.js";

const C = 1.25e8; // 1 Gbps
const RESUME = 0.015;

/** One idle VM of `memoryBytes` from n1 to n2 over two 1 Gbps links, with background sources n1 -> n2. */
function withBackground(memoryBytes: number, background: BackgroundFlow[], dirtyBytesPerSec = 0): Scenario {
  return { ...twoHosts([{ name: "vm", memoryBytes, dirtyBytesPerSec }]), background };
}

const run = (scenario: Scenario) => simulate(scenario, new RecordingSink());

test("a fair CBR stream is capped at its rate and only during [start, end)", () => {
  // 0.5 C for 4 s leaves the migration 0.5 C (2.5e8 bytes), then 1e9 bytes alone at C: 8 s.
  const m = only(run(withBackground(1.25e9, [{ kind: "cbr", from: 0, to: 2, rateBytesPerSec: 0.5 * C, startSec: 0, endSec: 4 }])));
  assertClose(m.totalTimeSec, 12 + RESUME, 1e-9, "total time");
  // A fair stream above the fair share only gets the fair share: C/2 each, same timing.
  const half = only(run(withBackground(1.25e9, [{ kind: "cbr", from: 0, to: 2, rateBytesPerSec: 10 * C, startSec: 0, endSec: 4 }])));
  assertClose(half.totalTimeSec, 12 + RESUME, 1e-9, "total time against a fast stream");
});

test("a priority stream takes its rate first; the migration gets what is left", () => {
  // 0.75 C first for 4 s: the migration moves 0.25 C · 4 = 1.25e8, then 1.125e9 alone: 9 s.
  const m = only(run(withBackground(1.25e9, [{ kind: "cbr", from: 0, to: 2, rateBytesPerSec: 0.75 * C, startSec: 0, endSec: 4, share: "priority" }])));
  assertClose(m.totalTimeSec, 13 + RESUME, 1e-9, "total time");
  // A stream in the other direction does not compete (full duplex).
  const back = only(run(withBackground(1.25e9, [{ kind: "cbr", from: 2, to: 0, rateBytesPerSec: C, startSec: 0, share: "priority" }])));
  assertClose(back.totalTimeSec, 10 + RESUME, 1e-9, "reverse stream");
});

test("a bulk background flow shares fairly until it has moved its bytes", () => {
  // Both at C/2: the 5e8-byte flow ends at 8 s; the migration has 7.5e8 left, 6 s alone.
  const m = only(run(withBackground(1.25e9, [{ kind: "bulk", from: 0, to: 2, bytes: 5e8, startSec: 0 }])));
  assertClose(m.totalTimeSec, 14 + RESUME, 1e-9, "total time");
});

test("fixed on/off periods alternate the share", () => {
  // On 1 s at a fair share of C/2, off 1 s at C: 1.875e8 bytes per 2 s. After 6 cycles (12 s) 1.25e8 is
  // left: 6.25e7 in the next on second, the rest in 0.5 s of the off period: 13.5 s.
  const source: BackgroundFlow = { kind: "onoff", from: 0, to: 2, rateBytesPerSec: C, onSec: 1, offSec: 1, startSec: 0 };
  assertClose(only(run(withBackground(1.25e9, [source]))).totalTimeSec, 13.5 + RESUME, 1e-9, "total time");
});

test("exponential on/off periods are drawn from the seed: same seed same run, other seed other run", () => {
  const source: BackgroundFlow = { kind: "onoff", from: 0, to: 2, rateBytesPerSec: C, onSec: 0.5, offSec: 0.5, startSec: 0, periods: "exponential", share: "priority" };
  const scenario = withBackground(1.25e9, [source]);
  const a = only(run(scenario)).totalTimeSec;
  assert.equal(only(run(scenario)).totalTimeSec, a);
  const b = only(simulate(scenario, new RecordingSink(), { seed: 99 })).totalTimeSec;
  assert.notEqual(a, b);
  // Half the time on, at full priority: about twice the 10 s alone.
  for (const t of [a, b]) assert.ok(t > 14 && t < 28, `${t}`);
});

test("link utilisation series: the busiest links, bounded points, ratios in [0, 1]", () => {
  const sink = new RecordingSink();
  const result = simulate(withBackground(1.25e9, [{ kind: "cbr", from: 0, to: 2, rateBytesPerSec: 0.5 * C, startSec: 0, endSec: 4 }]), sink);
  const names = [...new Set(sink.batches.flat().map((b) => b.series))];
  assert.deepEqual(names.filter((n) => n.startsWith("link/")).sort(), ["link/l1", "link/l2"]);
  for (const name of ["link/l1", "link/l2"]) {
    const points = sink.points(name);
    assert.ok(points.length >= 10 && points.length <= UTILISATION_BUCKETS + 1, `${points.length} points`);
    for (const [, v] of points) assert.ok(v >= 0 && v <= 1);
    assert.equal(points.at(-1)![0], result.endSec);
    // The link is saturated from 0 to 12 s, idle during the 15 ms resume.
    assert.ok(points.slice(0, -3).every(([, v]) => Math.abs(v - 1) < 1e-9), name);
  }
  assert.ok(sink.batches.flat().filter((b) => b.series.startsWith("link/")).every((b) => b.unit === "ratio"));
  // No background, no link series unless asked for.
  const quiet = new RecordingSink();
  simulate(twoHosts([{ name: "vm", memoryBytes: 1e9, dirtyBytesPerSec: 0 }]), quiet);
  assert.ok(quiet.batches.flat().every((b) => !b.series.startsWith("link/")));
  const asked = new RecordingSink();
  simulate({ ...twoHosts([{ name: "vm", memoryBytes: 1e9, dirtyBytesPerSec: 0 }]), linkSeries: 1 }, asked);
  assert.equal(new Set(asked.batches.flat().map((b) => b.series).filter((n) => n.startsWith("link/"))).size, 1);
});

test("background sources are checked before the run", () => {
  const bad = (source: Partial<BackgroundFlow>) => withBackground(1e9, [{ kind: "cbr", from: 0, to: 2, rateBytesPerSec: 1, startSec: 0, ...source } as BackgroundFlow]);
  assert.throws(() => run(bad({ to: 9 })), SimulationError);
  assert.throws(() => run(bad({ to: 0 })), SimulationError);
  assert.throws(() => run(bad({ startSec: -1 })), SimulationError);
  assert.throws(() => run(bad({ startSec: 5, endSec: 1 })), SimulationError);
});
