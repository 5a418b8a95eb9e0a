import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { MigrationDocument } from "@vmig/protocol";
import { compareMigrations, diffRow } from "../webview/compare.js";

function migration(vm: string, total: number, downtime: number, bytes: number, rounds: number): MigrationDocument {
  const round = { index: 0, phase: "precopy" as const, start_s: 0, duration_s: 1, bytes: 1, dirty_rate_bytes_per_s: 0 };
  return {
    vm,
    source: "h1",
    target: "h2",
    start_s: 0,
    end_s: total,
    total_time_s: total,
    downtime_s: downtime,
    bytes_sent: bytes,
    stop_reason: "below-threshold",
    rounds: Array.from({ length: rounds }, (_, index) => ({ ...round, index })),
  };
}

describe("compareMigrations", () => {
  it("gives each metric's difference and percentage per VM", () => {
    const diffs = compareMigrations([migration("web", 10, 0.1, 1000, 4)], [migration("web", 8, 0.15, 1000, 5)]);
    assert.deepEqual(
      diffs.map((d) => [d.metric, d.before, d.after, d.delta, d.percent]),
      [
        ["total", 10, 8, -2, -20],
        ["downtime", 0.1, 0.15, 0.15 - 0.1, ((0.15 - 0.1) / 0.1) * 100],
        ["bytes", 1000, 1000, 0, 0],
        ["rounds", 4, 5, 1, 25],
      ],
    );
  });

  it("lists this run's VMs first, then VMs only the earlier run had, with the missing side empty", () => {
    const diffs = compareMigrations([migration("old", 1, 0.1, 10, 1), migration("web", 1, 0.1, 10, 1)], [migration("web", 1, 0.1, 10, 1), migration("new", 2, 0.2, 20, 2)]);
    assert.deepEqual([...new Set(diffs.map((d) => d.vm))], ["web", "new", "old"]);
    const added = diffs.find((d) => d.vm === "new" && d.metric === "total")!;
    assert.deepEqual([added.before, added.after, added.delta, added.percent], [undefined, 2, undefined, undefined]);
    const gone = diffs.find((d) => d.vm === "old" && d.metric === "rounds")!;
    assert.deepEqual([gone.before, gone.after, gone.delta], [1, undefined, undefined]);
  });

  it("has no percentage from zero, except zero to zero", () => {
    const [fromZero] = compareMigrations([migration("web", 0, 0, 0, 0)], [migration("web", 3, 0, 0, 0)]);
    assert.equal(fromZero!.percent, undefined);
    const stillZero = compareMigrations([migration("web", 0, 0, 0, 0)], [migration("web", 0, 0, 0, 0)]).find((d) => d.metric === "downtime")!;
    assert.equal(stillZero.percent, 0);
  });
});

describe("diffRow", () => {
  it("formats values in human units with signed differences", () => {
    const [total, downtime, bytes, rounds] = compareMigrations(
      [migration("web", 10, 0.1, 2 * 1024 ** 3, 4)],
      [migration("web", 12.5, 0.05, 1024 ** 3, 4)],
    ).map(diffRow);
    assert.deepEqual(total, { vm: "web", metric: "Total time", before: "10.0 s", after: "12.5 s", delta: "+2.50 s", percent: "+25.0 %" });
    assert.deepEqual([downtime!.delta, downtime!.percent], ["−50.0 ms", "−50.0 %"]);
    assert.deepEqual([bytes!.before, bytes!.after, bytes!.delta], ["2.00 GiB", "1.00 GiB", "−1.00 GiB"]);
    assert.deepEqual([rounds!.delta, rounds!.percent], ["0", "0.0 %"]);
  });

  it("shows a dash where a run has no value", () => {
    const [row] = compareMigrations([], [migration("web", 1, 0.1, 1, 1)]).map(diffRow);
    assert.deepEqual([row!.before, row!.delta, row!.percent], ["—", "—", "—"]);
  });
});
