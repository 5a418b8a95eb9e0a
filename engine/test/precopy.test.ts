import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { assertClose, only, RecordingSink, twoHosts } from "./fixtures.js";

const GB = 1e9;

test("closed form: with no latency, live round i sends V_mem (D/R)^i", () => {
  // R = 1e8 B/s, D = 2e7 B/s, so D/R = 0.2: rounds of 1e9, 2e8, 4e7, 8e6, 1.6e6, 3.2e5 bytes; the next,
  // 6.4e4, is under Xen's 204,800-byte threshold, so it is the stop-and-copy.
  const scenario = twoHosts([{ name: "vm", memoryBytes: GB, dirtyBytesPerSec: 2e7 }], {
    bandwidthBytesPerSec: 1e8,
    profile: { resumeSec: 0, prepareSec: 0 },
  });
  const migration = only(simulate(scenario, new RecordingSink()));
  const live = migration.rounds.filter((r) => r.phase === "precopy");
  assert.equal(live.length, 6);
  live.forEach((round, i) => {
    assertClose(round.bytes, GB * 0.2 ** i, 1e-3, `round ${i} bytes`);
    assertClose(round.durationSec, (GB * 0.2 ** i) / 1e8, 1e-3, `round ${i} duration`);
    assert.equal(round.dirtyRateBytesPerSec, 2e7);
  });
  const last = migration.rounds.at(-1)!;
  assert.equal(last.phase, "stop-and-copy");
  assert.equal(last.index, 6);
  assert.equal(last.dirtyRateBytesPerSec, 0);
  assertClose(last.bytes, GB * 0.2 ** 6, 1e-3, "stop-and-copy bytes");
  assert.equal(migration.stopReason, "below-threshold");
  // Downtime = the last round's transfer (and no resume time); total = the geometric sum of all rounds.
  assertClose(migration.downtimeSec, (GB * 0.2 ** 6) / 1e8, 1e-3, "downtime");
  const total = (GB / 1e8) * ((1 - 0.2 ** 7) / (1 - 0.2));
  assertClose(migration.totalTimeSec, total, 1e-3, "total time");
});

test("idle VM: one live round, then an empty stop-and-copy that pays latency and resume", () => {
  // Path latency 2 × 1 ms; total = prepare + (L + M/R) + (L + 0) + resume; downtime = L + resume.
  const L = 0.002;
  const scenario = twoHosts([{ name: "idle", memoryBytes: GB, dirtyBytesPerSec: 0 }], {
    bandwidthBytesPerSec: 1e8,
    linkLatencySec: L / 2,
    profile: { prepareSec: 0.5, resumeSec: 0.02 },
  });
  const migration = only(simulate(scenario, new RecordingSink()));
  assert.equal(migration.stopReason, "nothing-dirty");
  assert.deepEqual(
    migration.rounds.map((r) => [r.index, r.phase, r.bytes]),
    [
      [0, "precopy", GB],
      [1, "stop-and-copy", 0],
    ],
  );
  assertClose(migration.rounds[0]!.startSec, 0.5, 1e-12, "round 0 starts after preparation");
  assertClose(migration.totalTimeSec, 0.5 + (L + GB / 1e8) + L + 0.02, 1e-9, "total time");
  assertClose(migration.downtimeSec, L + 0.02, 1e-9, "downtime");
});

test("dirty rate equal to the bandwidth stops on max-sent after exactly four live rounds", () => {
  // Every round resends the whole memory (D·T_i >= V_mem, capped). After round 3 the sent total is 4 × V_mem,
  // above 3 × V_mem, so round 4 is the stop-and-copy: 5 rounds, 5 × V_mem bytes.
  const scenario = twoHosts([{ name: "hot", memoryBytes: GB, dirtyBytesPerSec: 1e8 }], {
    bandwidthBytesPerSec: 1e8,
    linkLatencySec: 0.001,
  });
  const migration = only(simulate(scenario, new RecordingSink()));
  assert.equal(migration.stopReason, "max-sent");
  assert.equal(migration.rounds.length, 5);
  assert.deepEqual(
    migration.rounds.map((r) => r.bytes),
    [GB, GB, GB, GB, GB],
  );
});

test("a slow but converging VM stops on max-rounds: 30 rounds with Xen's cap, stop-and-copy index 29", () => {
  // D/R = 0.95 keeps every round far above the threshold; a large maxSentFactor leaves max-rounds to act.
  const scenario = twoHosts([{ name: "warm", memoryBytes: GB, dirtyBytesPerSec: 0.95e8 }], {
    bandwidthBytesPerSec: 1e8,
    profile: { maxSentFactor: 100 },
  });
  const migration = only(simulate(scenario, new RecordingSink()));
  assert.equal(migration.stopReason, "max-rounds");
  assert.equal(migration.rounds.length, 30);
  assert.equal(migration.rounds.at(-1)!.index, 29);
  assert.equal(migration.rounds.filter((r) => r.phase === "stop-and-copy").length, 1);
});

test("maxRounds 3 gives two live rounds and a stop-and-copy; maxRounds 1 gives a non-live copy", () => {
  const three = only(
    simulate(
      twoHosts([{ name: "vm", memoryBytes: GB, dirtyBytesPerSec: 0.9e8 }], {
        bandwidthBytesPerSec: 1e8,
        profile: { maxRounds: 3 },
      }),
      new RecordingSink(),
    ),
  );
  assert.equal(three.stopReason, "max-rounds");
  assert.deepEqual(
    three.rounds.map((r) => r.phase),
    ["precopy", "precopy", "stop-and-copy"],
  );
  assertClose(three.rounds[2]!.bytes, 0.81 * GB, 1e-9, "last round");

  const one = only(
    simulate(
      twoHosts([{ name: "vm", memoryBytes: GB, dirtyBytesPerSec: 0.9e8 }], {
        bandwidthBytesPerSec: 1e8,
        profile: { maxRounds: 1, resumeSec: 0 },
      }),
      new RecordingSink(),
    ),
  );
  assert.deepEqual(
    one.rounds.map((r) => [r.phase, r.bytes]),
    [["stop-and-copy", GB]],
  );
  assertClose(one.downtimeSec, 10, 1e-9, "non-live downtime");
});

test("conservation: bytesSent is the sum of the rounds' bytes, and rounds follow each other", () => {
  const scenario = twoHosts(
    [
      { name: "a", memoryBytes: 2 * GB, dirtyBytesPerSec: 3e7 },
      { name: "b", memoryBytes: 0.5 * GB, dirtyBytesPerSec: 8e7, startSec: 3 },
    ],
    { linkLatencySec: 0.0005, profile: { prepareSec: 0.1 } },
  );
  const result = simulate(scenario, new RecordingSink());
  assert.equal(result.migrations.length, 2);
  for (const migration of result.migrations) {
    assert.equal(
      migration.bytesSent,
      migration.rounds.reduce((sum, r) => sum + r.bytes, 0),
    );
    migration.rounds.forEach((round, i) => {
      assert.equal(round.index, i);
      if (i > 0) {
        const previous = migration.rounds[i - 1]!;
        assertClose(round.startSec, previous.startSec + previous.durationSec, 1e-12, "rounds are back to back");
      }
    });
    const last = migration.rounds.at(-1)!;
    assertClose(migration.endSec, last.startSec + last.durationSec + 0.015, 1e-12, "end = last round + resume");
  }
});
