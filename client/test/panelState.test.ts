import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { MigrationDocument, ResultsDocument } from "@vmig/protocol";
import { applyMessage, emptyState, isCharted, restoreState, tabIds, worthSaving, type PanelState } from "../webview/panelState.js";

const web: MigrationDocument = {
  vm: "web",
  source: "h1",
  target: "h2",
  start_s: 0,
  end_s: 10,
  total_time_s: 10,
  downtime_s: 0.1,
  bytes_sent: 1e9,
  stop_reason: "max-rounds",
  rounds: [],
};

function results(overrides: Partial<ResultsDocument>): ResultsDocument {
  return {
    schema: "vmig-results/1",
    scenario: "demo",
    seed: 1,
    end_s: 10,
    truncated: false,
    cancelled: false,
    migrations: [web],
    ...overrides,
  };
}

function started(runId = "run-1"): PanelState {
  const state = emptyState();
  applyMessage(state, { type: "runStarted", runId, scenario: "demo.vmig" });
  return state;
}

describe("panel state", () => {
  it("starts a run from a clean slate", () => {
    const state = started("run-1");
    applyMessage(state, {
      type: "series",
      params: { runId: "run-1", chunks: [{ series: "remaining/web", unit: "bytes", points: [0, 5] }], finished: [web] },
    });
    applyMessage(state, { type: "runStarted", runId: "run-2", scenario: "next.vmig" });
    assert.equal(state.runId, "run-2");
    assert.equal(state.scenario, "next.vmig");
    assert.equal(state.status, "running");
    assert.deepEqual(state.series, {});
    assert.deepEqual(state.migrations, []);
  });

  it("accumulates the remaining-bytes series and finished migrations of the current run", () => {
    const state = started();
    const changed = applyMessage(state, {
      type: "series",
      params: {
        runId: "run-1",
        chunks: [
          { series: "remaining/web", unit: "bytes", points: [0, 100, 1, 60] },
          { series: "rate/web", unit: "bytes/s", points: [0, 9] },
        ],
        finished: [web],
      },
    });
    assert.equal(changed, true);
    assert.deepEqual(state.series, { "remaining/web": [0, 100, 1, 60] });
    assert.deepEqual(state.migrations, [web]);
  });

  it("ignores messages of another run", () => {
    const state = started("run-2");
    const series = applyMessage(state, {
      type: "series",
      params: { runId: "run-1", chunks: [{ series: "remaining/web", unit: "bytes", points: [0, 1] }], finished: [web] },
    });
    const done = applyMessage(state, { type: "runDone", params: { runId: "run-1", error: "old failure" } });
    assert.equal(series, false);
    assert.equal(done, false);
    assert.equal(state.status, "running");
    assert.deepEqual(state.migrations, []);
  });

  it("takes the final results as authoritative", () => {
    const state = started();
    applyMessage(state, { type: "series", params: { runId: "run-1", chunks: [], finished: [web, web] } });
    applyMessage(state, { type: "runDone", params: { runId: "run-1", results: results({ truncated: true }) } });
    assert.equal(state.status, "finished");
    assert.equal(state.truncated, true);
    assert.deepEqual(state.migrations, [web]);
  });

  it("keeps the server's note on what the results leave out, and a new run clears it", () => {
    const state = started();
    applyMessage(state, { type: "runDone", params: { runId: "run-1", results: results({}), note: "the editor ran the first of 10 repetitions" } });
    assert.equal(state.note, "the editor ran the first of 10 repetitions");
    applyMessage(state, { type: "runStarted", runId: "run-2", scenario: "quickstart.vmig" });
    assert.equal(state.note, undefined);
  });

  it("tells cancelled, failed and result-less runs apart", () => {
    const cancelled = started();
    applyMessage(cancelled, { type: "runDone", params: { runId: "run-1", results: results({ cancelled: true }) } });
    assert.equal(cancelled.status, "cancelled");

    const failed = started();
    applyMessage(failed, { type: "runDone", params: { runId: "run-1", error: "line 3: unknown host h9" } });
    assert.equal(failed.status, "failed");
    assert.equal(failed.error, "line 3: unknown host h9");

    const empty = started();
    applyMessage(empty, { type: "runDone", params: { runId: "run-1" } });
    assert.equal(empty.status, "cancelled");
  });

  it("ignores series that arrive after the run ended", () => {
    const state = started();
    applyMessage(state, { type: "runDone", params: { runId: "run-1", results: results({}) } });
    const changed = applyMessage(state, {
      type: "series",
      params: { runId: "run-1", chunks: [{ series: "remaining/web", unit: "bytes", points: [9, 9] }], finished: [] },
    });
    assert.equal(changed, false);
    assert.deepEqual(state.series, {});
  });

  it("saves on run boundaries and finished migrations, not on every batch of points", () => {
    assert.equal(worthSaving({ type: "runStarted", runId: "r", scenario: "s" }), true);
    assert.equal(worthSaving({ type: "series", params: { runId: "r", chunks: [], finished: [] } }), false);
    assert.equal(worthSaving({ type: "series", params: { runId: "r", chunks: [], finished: [web] } }), true);
    assert.equal(worthSaving({ type: "runDone", params: { runId: "r" } }), true);
  });

  it("restores only a state of the current shape", () => {
    const state = started();
    assert.deepEqual(restoreState(JSON.parse(JSON.stringify(state))), state);
    assert.equal(restoreState({ version: 0, rows: [] }), undefined);
    assert.equal(restoreState(undefined), undefined);
  });

  it("keeps link utilisation series too, and records the seed the run used", () => {
    const state = started();
    applyMessage(state, {
      type: "series",
      params: { runId: "run-1", chunks: [{ series: "link/h1--sw", unit: "ratio", points: [0, 0.5] }], finished: [] },
    });
    applyMessage(state, { type: "runDone", params: { runId: "run-1", results: results({ seed: 42 }) } });
    assert.deepEqual(state.series, { "link/h1--sw": [0, 0.5] });
    assert.equal(state.seed, 42);
  });

  it("keeps TCP window series, and drops the series it does not chart", () => {
    const state = started();
    applyMessage(state, {
      type: "series",
      params: {
        runId: "run-1",
        chunks: [
          { series: "cwnd/web", unit: "bytes", points: [0, 14600, 0.1, 29200] },
          { series: "rate/web", unit: "bytes/s", points: [0, 1e8] },
        ],
        finished: [],
      },
    });
    assert.deepEqual(state.series, { "cwnd/web": [0, 14600, 0.1, 29200] });
    assert.ok(isCharted("cwnd/web") && isCharted("link/x") && isCharted("remaining/web") && !isCharted("rate/web"));
  });

  it("has a TCP window tab after the links, and restores it", () => {
    assert.equal(tabIds.indexOf("window"), tabIds.indexOf("links") + 1);
    assert.equal(restoreState({ ...emptyState(), tab: "window" })?.tab, "window");
  });

  it("keeps the tab and the point budget across runs, but not the comparison", () => {
    const state = started();
    state.tab = "timeline";
    applyMessage(state, { type: "configure", maxPoints: 500 });
    applyMessage(state, {
      type: "compare",
      baseline: { runId: "run-0", scenario: "demo.vmig", seed: 1, migrations: [web], remaining: {} },
    });
    assert.equal(state.baseline?.runId, "run-0");
    applyMessage(state, { type: "runStarted", runId: "run-2", scenario: "demo.vmig" });
    assert.equal(state.tab, "timeline");
    assert.equal(state.maxPoints, 500);
    assert.equal(state.baseline, undefined);
  });

  it("compacts stored series beyond twice the point budget", () => {
    const state = started();
    applyMessage(state, { type: "configure", maxPoints: 10 });
    const points = Array.from({ length: 50 }, (_, i) => [i, 50 - i]).flat();
    applyMessage(state, { type: "series", params: { runId: "run-1", chunks: [{ series: "remaining/web", unit: "bytes", points }], finished: [] } });
    const kept = state.series["remaining/web"]!;
    assert.ok(kept.length / 2 <= 10, `${kept.length / 2} points kept`);
    assert.deepEqual(kept.slice(0, 2), [0, 50]);
    assert.deepEqual(kept.slice(-2), [49, 1]);
  });

  it("drops a state saved by the previous version, and an unknown tab", () => {
    assert.equal(restoreState({ ...emptyState(), version: 1 }), undefined);
    assert.equal(restoreState({ ...emptyState(), tab: "gone" })?.tab, "remaining");
  });
});
