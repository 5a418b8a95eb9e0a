import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { FRAMES_PER_DOUBLING, activityIntervalSec } from "../src/output/linkFrames.js";
import type { LinkLoadFrame, SimulationEvent, SimulationOptions, SimulationResult, SimulationSink, TopologySnapshot } from "../src/results.js";
import type { BackgroundFlow, Scenario } from "../src/scenario.js";
import { assertClose, RecordingSink, twoHosts } from "./fixtures.js";

const C = 1.25e8;

interface Recorded {
  readonly result: SimulationResult;
  readonly plain: RecordingSink;
  /** The sink's methods in the order they were called. */
  readonly calls: string[];
  readonly snapshots: TopologySnapshot[];
  readonly events: SimulationEvent[];
  readonly frames: LinkLoadFrame[];
}

/** Runs `scenario` with a sink that implements every optional method and records what it hears. */
function record(scenario: Scenario, options: SimulationOptions = {}): Recorded {
  const plain = new RecordingSink();
  const calls: string[] = [];
  const snapshots: TopologySnapshot[] = [];
  const events: SimulationEvent[] = [];
  const frames: LinkLoadFrame[] = [];
  const sink: SimulationSink = {
    series: (batches) => (calls.push("series"), plain.series(batches)),
    migrationDone: (m) => (calls.push("migrationDone"), plain.migrationDone(m)),
    topology: (snapshot) => (calls.push("topology"), snapshots.push(snapshot)),
    events: (list) => (calls.push("events"), events.push(...list)),
    linkLoads: (list) => (calls.push("linkLoads"), frames.push(...list)),
  };
  const result = simulate(scenario, sink, options);
  return { result, plain, calls, snapshots, events, frames };
}

const busy = (horizonSec = 1e6): Scenario =>
  twoHosts(
    [
      { name: "a", memoryBytes: 2e9, dirtyBytesPerSec: 4e7 },
      { name: "b", memoryBytes: 1e9, dirtyBytesPerSec: 9e7, startSec: 1.5 },
      { name: "c", memoryBytes: 3e9, dirtyBytesPerSec: 1e7, startSec: 1.5 },
    ],
    { linkLatencySec: 0.0003, profile: { prepareSec: 0.2 }, horizonSec },
  );

test("the topology comes once, before anything else, and is the result's", () => {
  const run = record(busy());
  assert.equal(run.calls[0], "topology");
  assert.equal(run.calls.filter((c) => c === "topology").length, 1);
  assert.deepEqual(run.snapshots[0], run.result.topology);
  assert.deepEqual(run.result.topology, {
    nodes: [
      { name: "n1", kind: "host" },
      { name: "sw", kind: "switch" },
      { name: "n2", kind: "host" },
    ],
    links: [
      { name: "l1", a: 0, b: 1, bandwidthBytesPerSec: C },
      { name: "l2", a: 1, b: 2, bandwidthBytesPerSec: C },
    ],
  });
  // A sink without the optional methods still gets the topology in the result.
  assert.deepEqual(simulate(busy(), new RecordingSink()).topology, run.result.topology);
});

test("events: in time order, one start, a round-start per live round, one stop-and-copy and one end per migration", () => {
  const { result, events } = record(busy());
  for (let i = 1; i < events.length; i++) assert.ok(events[i]!.timeSec >= events[i - 1]!.timeSec, "time order");
  for (const m of result.migrations) {
    const mine = events.filter((e) => "vm" in e && e.vm === m.vm);
    assert.deepEqual(mine[0], { kind: "migration-start", timeSec: m.startSec, vm: m.vm, source: "h1", target: "h2", links: [0, 1] });
    const live = m.rounds.filter((r) => r.phase === "precopy");
    const final = m.rounds.find((r) => r.phase === "stop-and-copy")!;
    assert.deepEqual(
      mine.filter((e) => e.kind === "round-start"),
      live.map((r) => ({ kind: "round-start", timeSec: r.startSec, vm: m.vm, round: r.index, bytes: r.bytes })),
    );
    assert.deepEqual(mine.filter((e) => e.kind === "stop-and-copy"), [{ kind: "stop-and-copy", timeSec: final.startSec, vm: m.vm, bytes: final.bytes }]);
    assert.deepEqual(mine.at(-1), { kind: "migration-end", timeSec: m.endSec, vm: m.vm, downtimeSec: m.downtimeSec });
  }
});

test("a migration's end event and series reach the sink before its migrationDone", () => {
  const { calls, events, plain } = record(busy(), { batchSize: 5 });
  const firstDone = calls.indexOf("migrationDone");
  const endsBefore = calls.slice(0, firstDone).filter((c) => c === "events").length;
  assert.ok(endsBefore > 0);
  const finishedFirst = plain.done[0]!.vm;
  const endIndex = events.findIndex((e) => e.kind === "migration-end" && e.vm === finishedFirst);
  assert.ok(endIndex >= 0);
});

test("link frames: every link, ratios in [0, 1], at most one per interval, a final frame at the end", () => {
  const interval = 0.5;
  const { result, frames } = record(busy(), { linkFrameIntervalSec: interval });
  assert.ok(frames.length > 5);
  for (const frame of frames) {
    assert.equal(frame.ratios.length, 2);
    for (const ratio of frame.ratios) assert.ok(ratio >= 0 && ratio <= 1, `${ratio}`);
  }
  for (let i = 1; i < frames.length - 1; i++) assert.ok(frames[i]!.timeSec - frames[i - 1]!.timeSec >= interval);
  assert.equal(frames.at(-1)!.timeSec, result.endSec);
});

test("link frames are mean loads: over the frames, each link carried every byte the migrations sent", () => {
  for (const options of [{}, { linkFrameIntervalSec: 2 }, { linkFrameIntervalSec: 1e-3 }]) {
    const { result, frames } = record(busy(), options);
    const sent = result.migrations.reduce((sum, m) => sum + m.bytesSent, 0);
    for (const link of [0, 1]) {
      let carried = 0;
      for (let i = 0; i < frames.length; i++) carried += frames[i]!.ratios[link]! * (frames[i]!.timeSec - (frames[i - 1]?.timeSec ?? 0)) * C;
      assertClose(carried, sent, 1e-9, `bytes over link ${link} with ${JSON.stringify(options)}`);
    }
  }
});

test("frames follow the activity: a 3,600 s horizon does not thin out a short run", () => {
  const { result, frames } = record(busy(3600));
  assert.ok(result.endSec < 200);
  const changes = result.migrations.reduce((n, m) => n + m.rounds.length, 0);
  // Loads change only at round boundaries here, so every change gets its frame.
  assert.ok(frames.length >= changes / 2 && frames.length <= 2 * changes + 1, `${frames.length} frames, ${changes} rounds`);
});

test("frames stay bounded when loads change far more often than the interval", () => {
  const onoff: BackgroundFlow = { kind: "onoff", from: 0, to: 2, rateBytesPerSec: 0.5 * C, onSec: 0.001, offSec: 0.001, startSec: 0, periods: "exponential" };
  const scenario: Scenario = { ...busy(), background: [onoff] };
  const { result, frames } = record(scenario);
  const doublings = Math.ceil(Math.log2(result.endSec / (200 * FRAMES_PER_DOUBLING * 1e-4)));
  assert.ok(frames.length <= FRAMES_PER_DOUBLING * (2 + Math.max(0, doublings)), `${frames.length} frames`);
  assert.ok(frames.length >= FRAMES_PER_DOUBLING / 2, `${frames.length} frames`);
});

test("the default interval: the predicted span of activity, by schedule", () => {
  const migrations = [
    { startSec: 10, durationSec: 5 },
    { startSec: 12, durationSec: 20 },
    { startSec: 11, durationSec: 4 },
  ];
  assert.equal(activityIntervalSec(migrations, 3, 3600), (32 - 10) / FRAMES_PER_DOUBLING);
  assert.equal(activityIntervalSec(migrations, 1, 3600), (5 + 4 + 20) / FRAMES_PER_DOUBLING);
  assert.equal(activityIntervalSec(migrations, 2, 3600), (15 + 20 - 10) / FRAMES_PER_DOUBLING);
  assert.equal(activityIntervalSec([], 1, 3600), 3600 / FRAMES_PER_DOUBLING);
  assert.equal(activityIntervalSec(migrations, 3, 20), (20 - 10) / FRAMES_PER_DOUBLING);
});

test("rate series: mean rates whose spans add up to the bytes each migration sent", () => {
  const { result, plain } = record(busy());
  for (const m of result.migrations) {
    const points = plain.points(`rate/${m.vm}`);
    assert.deepEqual(points[0], [m.startSec + 0.2, 0]);
    let bytes = 0;
    for (let i = 1; i < points.length; i++) {
      assert.ok(points[i]![0] > points[i - 1]![0], "strictly increasing time");
      assert.ok(points[i]![1] >= 0 && points[i]![1] <= C * (1 + 1e-12), `${points[i]![1]}`);
      bytes += points[i]![1] * (points[i]![0] - points[i - 1]![0]);
    }
    assertClose(bytes, m.bytesSent, 1e-9, `bytes of ${m.vm}`);
    assert.equal(points.at(-1)![0], m.endSec - m.downtimeSec + m.rounds.at(-1)!.durationSec);
  }
  assert.ok(plain.batches.flat().filter((b) => b.series.startsWith("rate/")).every((b) => b.unit === "bytes/s"));
});

test("listening changes nothing: same results and series, deterministic events and frames", () => {
  const quiet = new RecordingSink();
  const plainResult = simulate(busy(), quiet);
  const first = record(busy());
  const second = record(busy());
  assert.equal(JSON.stringify(first.result), JSON.stringify(plainResult));
  // Events and frames count towards the batch size, so batches split differently; each series is the same.
  const names = [...new Set(quiet.batches.flat().map((b) => b.series))];
  assert.deepEqual([...new Set(first.plain.batches.flat().map((b) => b.series))].sort(), [...names].sort());
  for (const name of names) assert.deepEqual(first.plain.points(name), quiet.points(name), name);
  assert.equal(JSON.stringify([first.events, first.frames]), JSON.stringify([second.events, second.frames]));
});

test("a bad frame interval is refused", () => {
  for (const linkFrameIntervalSec of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => record(busy(), { linkFrameIntervalSec }), RangeError);
  }
});
