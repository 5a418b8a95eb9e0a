import { test } from "node:test";
import assert from "node:assert/strict";
import type { MigrationResult, SimulationEvent, SimulationResult, TopologySnapshot } from "@vmig/engine";
import { toEventDocument, toLinkLoadDocument, toResultsDocument, type EventDocument } from "../src/document.js";

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

const MIGRATION: MigrationResult = {
  vm: "w", source: "h1", target: "h2", startSec: 1, endSec: 4, totalTimeSec: 3, downtimeSec: 0.1,
  bytesSent: 15, stopReason: "below-threshold",
  rounds: [{ index: 0, phase: "stop-and-copy", startSec: 3, durationSec: 0.9, bytes: 15, dirtyRateBytesPerSec: 0 }],
};

test("topology, events and link frames keep their order and gain snake_case units", () => {
  const topology: TopologySnapshot = {
    nodes: [{ name: "h1", kind: "host", rack: 0, pod: 1 }, { name: "tor", kind: "switch" }],
    links: [{ name: "l1", a: 0, b: 1, bandwidthBytesPerSec: 1.25e8, level: 1 }, { name: "l2", a: 1, b: 0, bandwidthBytesPerSec: 1e9 }],
  };
  const doc = toResultsDocument({ ...runOf(MIGRATION), topology });
  assert.deepEqual(doc.topology, {
    nodes: [{ name: "h1", kind: "host", rack: 0, pod: 1 }, { name: "tor", kind: "switch" }],
    links: [{ name: "l1", a: 0, b: 1, bandwidth_bytes_per_s: 1.25e8, level: 1 }, { name: "l2", a: 1, b: 0, bandwidth_bytes_per_s: 1e9 }],
  });
  assert.equal("topology" in toResultsDocument(runOf(MIGRATION)), false);
  const events: [SimulationEvent, EventDocument][] = [
    [{ kind: "migration-start", timeSec: 1, vm: "w", source: "h1", target: "h2", links: [3, 0] }, { kind: "migration-start", t_s: 1, vm: "w", source: "h1", target: "h2", links: [3, 0] }],
    [{ kind: "round-start", timeSec: 2, vm: "w", round: 1, bytes: 10 }, { kind: "round-start", t_s: 2, vm: "w", round: 1, bytes: 10 }],
    [{ kind: "stop-and-copy", timeSec: 3, vm: "w", bytes: 5 }, { kind: "stop-and-copy", t_s: 3, vm: "w", bytes: 5 }],
    [{ kind: "migration-end", timeSec: 4, vm: "w", downtimeSec: 0.1 }, { kind: "migration-end", t_s: 4, vm: "w", downtime_s: 0.1 }],
    [{ kind: "placement-iteration", timeSec: 5, iteration: 2, cost: 7, migrations: 3 }, { kind: "placement-iteration", t_s: 5, iteration: 2, cost: 7, migrations: 3 }],
  ];
  for (const [event, expected] of events) assert.deepEqual(toEventDocument(event), expected);
  assert.deepEqual(toLinkLoadDocument({ timeSec: 2.5, ratios: [0, 0.5, 1] }), { t_s: 2.5, ratios: [0, 0.5, 1] });
});

test("S-CORE's placement report becomes the document's `placement`, matrices as tor_traffic_before/after", () => {
  const result: SimulationResult = {
    scenario: "dc", seed: 1, endSec: 5, migrations: [], truncated: false, cancelled: false,
    placement: {
      policy: "s-core", token: "distributed",
      iterations: [{ iteration: 0, cost: 100, migrations: 0 }, { iteration: 1, cost: 40, migrations: 3 }],
      racks: ["tor0", "tor1"],
      torTrafficBefore: [[1, 2], [3, 4]],
      torTrafficAfter: [[3, 0], [0, 7]],
    },
  };
  const doc = toResultsDocument(result);
  assert.deepEqual(doc.placement, {
    policy: "s-core", token: "distributed",
    iterations: [{ iteration: 0, cost: 100, migrations: 0 }, { iteration: 1, cost: 40, migrations: 3 }],
    racks: ["tor0", "tor1"],
    tor_traffic_before: [[1, 2], [3, 4]],
    tor_traffic_after: [[3, 0], [0, 7]],
  });
  assert.equal("placement" in toResultsDocument({ ...result, placement: undefined as never }), false);
});
