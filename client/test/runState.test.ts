import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { presentRunState } from "../src/runState.js";

describe("run state in the status bar", () => {
  it("hides when idle", () => {
    assert.equal(presentRunState({ kind: "idle" }), undefined);
  });

  it("offers Stop while running and Run otherwise", () => {
    assert.equal(presentRunState({ kind: "running", scenario: "a.vmig" })?.command, "vmig.stopScenario");
    const done = presentRunState({ kind: "finished", scenario: "a.vmig", migrations: 1, truncated: false });
    assert.equal(done?.command, "vmig.runScenario");
    assert.equal(done?.text, "$(pass) vmig: 1 migration");
  });

  it("says how a run ended", () => {
    const truncated = presentRunState({ kind: "finished", scenario: "a.vmig", migrations: 3, truncated: true });
    assert.equal(truncated?.text, "$(pass) vmig: 3 migrations (horizon reached)");
    const stopped = presentRunState({ kind: "cancelled", scenario: "a.vmig", migrations: 0 });
    assert.equal(stopped?.text, "$(debug-stop) vmig: stopped after 0 migrations");
    const failed = presentRunState({ kind: "failed", scenario: "a.vmig", error: "no such host" });
    assert.equal(failed?.error, true);
    assert.match(failed?.tooltip ?? "", /no such host/);
  });
});
