import { test } from "node:test";
import assert from "node:assert/strict";
import { toResultsDocument } from "../src/document.js";

test("the results document renames every field to its snake_case, unit-suffixed form", () => {
  const doc = toResultsDocument({
    scenario: "s",
    seed: 3,
    endSec: 10,
    truncated: false,
    cancelled: false,
    migrations: [
      {
        vm: "web", source: "h1", target: "h2", startSec: 1, endSec: 9, totalTimeSec: 8, downtimeSec: 0.02,
        bytesSent: 1000, stopReason: "below-threshold",
        rounds: [{ index: 0, phase: "precopy", startSec: 1, durationSec: 8, bytes: 1000, dirtyRateBytesPerSec: 5 }],
      },
    ],
  });
  assert.deepEqual(doc.migrations[0], {
    vm: "web", source: "h1", target: "h2", start_s: 1, end_s: 9, total_time_s: 8, downtime_s: 0.02,
    bytes_sent: 1000, stop_reason: "below-threshold",
    rounds: [{ index: 0, phase: "precopy", start_s: 1, duration_s: 8, bytes: 1000, dirty_rate_bytes_per_s: 5 }],
  });
  assert.equal(doc.schema, "vmig-results/1");
});
