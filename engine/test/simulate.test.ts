import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import { SAMPLES_PER_ROUND } from "../src/migration/precopy.js";
import type { Scenario } from "../src/scenario.js";
import { only, RecordingSink, twoHosts } from "./fixtures.js";

const GB = 1e9;

const busy = (): Scenario =>
  twoHosts(
    [
      { name: "a", memoryBytes: 2 * GB, dirtyBytesPerSec: 4e7 },
      { name: "b", memoryBytes: 1 * GB, dirtyBytesPerSec: 9e7, startSec: 1.5 },
      { name: "c", memoryBytes: 3 * GB, dirtyBytesPerSec: 1e7, startSec: 1.5 },
    ],
    { linkLatencySec: 0.0003, profile: { prepareSec: 0.2 } },
  );

test("determinism: two runs give identical results and identical series batches", () => {
  const first = new RecordingSink();
  const second = new RecordingSink();
  const a = simulate(busy(), first, { batchSize: 7 });
  const b = simulate(busy(), second, { batchSize: 7 });
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.equal(JSON.stringify(first.batches), JSON.stringify(second.batches));
  assert.equal(JSON.stringify(first.done), JSON.stringify(second.done));
  assert.ok(first.batches.length > 10);
});

test("the result lists migrations in declaration order; the sink hears them in finish order", () => {
  const sink = new RecordingSink();
  const result = simulate(busy(), sink);
  assert.deepEqual(result.migrations.map((m) => m.vm), ["a", "b", "c"]);
  const finishOrder = [...result.migrations].sort((x, y) => x.endSec - y.endSec).map((m) => m.vm);
  assert.deepEqual(sink.done.map((m) => m.vm), finishOrder);
  assert.notDeepEqual(finishOrder, ["a", "b", "c"], "the fixture should finish out of declaration order");
  assert.equal(result.truncated, false);
  assert.equal(result.cancelled, false);
  assert.equal(result.endSec, Math.max(...result.migrations.map((m) => m.endSec)));
  assert.equal(result.seed, 42);
});

test("cancellation stops the run and the result says so", () => {
  const full = simulate(busy(), new RecordingSink());
  let polls = 0;
  // The full run takes between one and two polling periods of events: cancel at the second poll.
  const result = simulate(busy(), new RecordingSink(), { isCancelled: () => ++polls > 1 });
  assert.equal(result.cancelled, true);
  assert.equal(result.truncated, true);
  assert.ok(result.endSec > 0 && result.endSec < full.endSec);
  assert.ok(result.migrations.length < full.migrations.length);
  assert.equal(polls, 2);

  const immediate = simulate(busy(), new RecordingSink(), { isCancelled: () => true });
  assert.equal(immediate.cancelled, true);
  assert.deepEqual(immediate.migrations, []);
});

test("the horizon truncates the run", () => {
  const scenario = { ...busy(), horizonSec: 5 };
  const result = simulate(scenario, new RecordingSink());
  assert.equal(result.truncated, true);
  assert.equal(result.cancelled, false);
  assert.equal(result.endSec, 5);
  assert.ok(result.migrations.every((m) => m.endSec <= 5));
});

test("two VMs migrating together over a shared link each finish later than alone", () => {
  const vmA = { name: "a", memoryBytes: GB, dirtyBytesPerSec: 1e7 };
  const vmB = { name: "b", memoryBytes: 1.5 * GB, dirtyBytesPerSec: 2e7 };
  const alone = (vm: typeof vmA) => only(simulate(twoHosts([vm]), new RecordingSink())).totalTimeSec;
  const together = simulate(twoHosts([vmA, vmB]), new RecordingSink()).migrations;
  assert.ok(together[0]!.totalTimeSec > alone(vmA) * 1.2);
  assert.ok(together[1]!.totalTimeSec > alone(vmB) * 1.2);
  // Work conservation: the pair cannot finish before all of round 0 (2.5 GB) has crossed the link.
  assert.ok(Math.max(together[0]!.endSec, together[1]!.endSec) > (2.5 * GB) / 1.25e8);
});

test("seed from the options overrides the scenario's", () => {
  assert.equal(simulate(busy(), new RecordingSink(), { seed: 9 }).seed, 9);
});

test("remaining series: a bounded, decreasing sawtooth per migration, batches within batchSize", () => {
  const sink = new RecordingSink();
  const result = simulate(busy(), sink, { batchSize: 32 });
  for (const batch of sink.batches) {
    assert.ok(batch.reduce((n, b) => n + b.points.length, 0) <= 32);
    for (const b of batch) assert.equal(b.unit, b.series.startsWith("rate/") ? "bytes/s" : "bytes");
  }
  for (const migration of result.migrations) {
    const points = sink.points(`remaining/${migration.vm}`);
    for (let i = 1; i < points.length; i++) assert.ok(points[i]![0] >= points[i - 1]![0], "time order");
    assert.ok(points.length <= migration.rounds.length * (SAMPLES_PER_ROUND + 2) + 1);
    assert.ok(points.length >= migration.rounds.length * 4, "intermediate samples were taken");
    for (const round of migration.rounds) {
      const inRound = points.filter(([t]) => t >= round.startSec && t <= round.startSec + round.durationSec);
      assert.ok(inRound.some(([t, v]) => t === round.startSec && v === round.bytes), `round ${round.index} starts at its size`);
      assert.ok(inRound.some(([t, v]) => t === round.startSec + round.durationSec && v === 0), `round ${round.index} ends at 0`);
      const during = inRound.filter(([t]) => t > round.startSec && t < round.startSec + round.durationSec);
      for (let i = 1; i < during.length; i++) assert.ok(during[i]![1] <= during[i - 1]![1], "decreasing within a round");
    }
    assert.deepEqual(points.at(-1), [migration.rounds.at(-1)!.startSec + migration.rounds.at(-1)!.durationSec, 0]);
  }
});

test("series points up to a migration's end are flushed before migrationDone", () => {
  const seen: string[] = [];
  let lastPoint = -1;
  simulate(busy(), {
    series: (batches) => {
      for (const b of batches) for (const [t] of b.points) lastPoint = Math.max(lastPoint, t);
    },
    migrationDone: (result) => {
      seen.push(result.vm);
      assert.ok(lastPoint >= result.endSec - 0.015 - 1e-12, "the stop-and-copy's end point was delivered");
    },
  });
  assert.equal(seen.length, 3);
});

test("a VM migrated twice goes on from where the first migration left it, after it ends", () => {
  const base = twoHosts([{ name: "vm", memoryBytes: GB, dirtyBytesPerSec: 1e7 }]);
  const scenario: Scenario = {
    ...base,
    migrations: [
      { vm: 0, target: 1, startSec: 0 },
      { vm: 0, target: 0, startSec: 1 },
    ],
  };
  const [there, back] = simulate(scenario, new RecordingSink()).migrations;
  assert.deepEqual([there!.source, there!.target, back!.source, back!.target], ["h1", "h2", "h2", "h1"]);
  assert.equal(back!.startSec, there!.endSec);
});

test("a migration with no route raises SimulationError naming the hosts", () => {
  const base = twoHosts([{ name: "vm", memoryBytes: GB, dirtyBytesPerSec: 0 }]);
  const scenario: Scenario = { ...base, links: base.links.slice(0, 1) };
  assert.throws(() => simulate(scenario, new RecordingSink()), (error: unknown) => {
    assert.ok(error instanceof SimulationError);
    assert.match(error.message, /no network route from n1 \(host h1\) to n2 \(host h2\)/);
    return true;
  });
});

test("bad references and same-host migrations raise SimulationError", () => {
  const base = twoHosts([{ name: "vm", memoryBytes: GB, dirtyBytesPerSec: 0 }]);
  const broken: Scenario[] = [
    { ...base, migrations: [{ vm: 3, target: 1, startSec: 0 }] },
    { ...base, migrations: [{ vm: 0, target: 7, startSec: 0 }] },
    { ...base, migrations: [{ vm: 0, target: 0, startSec: 0 }] },
    { ...base, migrations: [{ vm: 0, target: 1, startSec: -1 }] },
    { ...base, profiles: [{ ...base.profiles[0]!, maxRounds: 0 }] },
  ];
  for (const scenario of broken) assert.throws(() => simulate(scenario, new RecordingSink()), SimulationError);
});
