import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { MigrationDocument } from "@vmig/protocol";
import { migrationColumns, migrationRow } from "../webview/rows.js";

const migration: MigrationDocument = {
  vm: "web",
  source: "h1",
  target: "h2",
  start_s: 0,
  end_s: 12.5,
  total_time_s: 12.5,
  downtime_s: 0.032,
  bytes_sent: 1.5 * 1024 ** 3,
  stop_reason: "below-threshold",
  rounds: [
    { index: 0, phase: "precopy", start_s: 0, duration_s: 10, bytes: 1024 ** 3, dirty_rate_bytes_per_s: 1e6 },
    { index: 1, phase: "stop-and-copy", start_s: 10, duration_s: 0.03, bytes: 1e6, dirty_rate_bytes_per_s: 1e6 },
  ],
};

describe("migrationRow", () => {
  it("formats every cell of a finished migration", () => {
    assert.deepEqual(migrationRow(migration), {
      vm: "web",
      route: "h1 → h2",
      total: "12.5 s",
      downtime: "32.0 ms",
      sent: "1.50 GiB",
      rounds: "2",
      stop: "below threshold",
    });
  });

  it("has a column for every cell", () => {
    assert.deepEqual(
      migrationColumns.map((c) => c.key).sort(),
      Object.keys(migrationRow(migration)).sort(),
    );
  });
});
