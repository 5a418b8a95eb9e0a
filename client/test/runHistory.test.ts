import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { ResultsDocument } from "@vmig/protocol";
import { RunHistory, type RunRecord } from "../src/runHistory.js";

function record(runId: string, seed: number, uri = "file:///a.vmig"): RunRecord {
  const document: ResultsDocument = { schema: "vmig-results/1", scenario: "a", seed, end_s: 1, truncated: false, cancelled: false, migrations: [] };
  return { runId, scenario: "a.vmig", uri, document, remaining: {} };
}

describe("RunHistory", () => {
  it("has nothing to re-run, export or compare at first", () => {
    const history = new RunHistory();
    assert.equal(history.lastRun, undefined);
    assert.equal(history.latest, undefined);
    assert.equal(history.baselineFor(undefined), undefined);
  });

  it("re-runs with the seed the run actually used", () => {
    const history = new RunHistory();
    history.started("file:///a.vmig", undefined);
    assert.deepEqual(history.lastRun, { uri: "file:///a.vmig", seed: undefined });
    history.finished(record("r1", 7));
    assert.deepEqual(history.lastRun, { uri: "file:///a.vmig", seed: 7 });
  });

  it("keeps the asked seed of a run that failed, and the last scenario started", () => {
    const history = new RunHistory();
    history.started("file:///a.vmig", undefined);
    history.finished(record("r1", 7));
    history.started("file:///b.vmig", 99);
    assert.deepEqual(history.lastRun, { uri: "file:///b.vmig", seed: 99 });
  });

  it("compares the run on show with the run before it", () => {
    const history = new RunHistory();
    history.finished(record("r1", 1));
    assert.equal(history.baselineFor("r1"), undefined, "one run cannot be compared");
    history.finished(record("r2", 2));
    history.finished(record("r3", 3));
    assert.equal(history.latest?.runId, "r3");
    assert.equal(history.baselineFor("r3")?.runId, "r2");
    // A run in progress is compared with the latest finished one.
    assert.equal(history.baselineFor("r4")?.runId, "r3");
  });
});
