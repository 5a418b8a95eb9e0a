import { test } from "node:test";
import assert from "node:assert/strict";
import type { MigrationResult, SimulationResult } from "@vmig/engine";
import { toResultsDocument } from "../src/document.js";

/** A finished run of scenario "s" with seed 3 that holds one migration. */
function runOf(migration: MigrationResult): SimulationResult {
  return { scenario: "s", seed: 3, endSec: 10, truncated: false, cancelled: false, migrations: [migration] };
}

test("the results document renames every field to its snake_case, unit-suffixed form", () => {
  const doc = toResultsDocument(runOf({
    vm: "web", source: "h1", target: "h2", startSec: 1, endSec: 9, totalTimeSec: 8, downtimeSec: 0.02,
    bytesSent: 1000, stopReason: "below-threshold",
    rounds: [{ index: 0, phase: "precopy", startSec: 1, durationSec: 8, bytes: 1000, dirtyRateBytesPerSec: 5 }],
  }));
  assert.deepEqual(doc.migrations[0], {
    vm: "web", source: "h1", target: "h2", start_s: 1, end_s: 9, total_time_s: 8, downtime_s: 0.02,
    bytes_sent: 1000, stop_reason: "below-threshold",
    rounds: [{ index: 0, phase: "precopy", start_s: 1, duration_s: 8, bytes: 1000, dirty_rate_bytes_per_s: 5 }],
  });
  assert.equal(doc.schema, "vmig-results/1");
});

test("optional engine fields appear in the document only when the engine set them", () => {
  const doc = toResultsDocument(runOf({
    vm: "db", source: "a", target: "b", startSec: 0, endSec: 9, totalTimeSec: 9, downtimeSec: 0.2,
    bytesSent: 3000, stopReason: "max-rounds", stopRule: "postcopy", degradedSec: 1.5, remoteFaults: 42,
    allocatedRateBytesPerSec: 1e8,
    rounds: [
      { index: 0, phase: "precopy", startSec: 0, durationSec: 4, bytes: 1000, dirtyRateBytesPerSec: 5, stage: "disk" },
      { index: 1, phase: "precopy", startSec: 4, durationSec: 4, bytes: 1000, dirtyRateBytesPerSec: 5, wireBytes: 600, throttle: 0.2 },
      { index: 2, phase: "stop-and-copy", startSec: 8, durationSec: 1, bytes: 1000, dirtyRateBytesPerSec: 0 },
    ],
  }));
  const m = doc.migrations[0]!;
  assert.equal(m.stop_rule, "postcopy");
  assert.equal(m.degraded_s, 1.5);
  assert.equal(m.remote_faults, 42);
  assert.equal(m.allocated_rate_bytes_per_s, 1e8);
  assert.equal(m.rounds[0]!.stage, "disk");
  assert.equal(m.rounds[1]!.wire_bytes, 600);
  assert.equal(m.rounds[1]!.throttle, 0.2);
  assert.deepEqual(Object.keys(m.rounds[2]!), ["index", "phase", "start_s", "duration_s", "bytes", "dirty_rate_bytes_per_s"]);
});
