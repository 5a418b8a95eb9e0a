import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { sampleSummary } from "../src/sampleSummary.js";

describe("sampleSummary", () => {
  it("joins the leading doc-comment paragraph into one line", () => {
    assert.equal(sampleSummary("/// One VM\n/// between two hosts.\nscenario \"q\" {}\n/// later"), "One VM between two hosts.");
  });

  it("skips blank lines before it and is empty without one", () => {
    assert.equal(sampleSummary("\n\n///  Spaced.\n"), "Spaced.");
    assert.equal(sampleSummary("// a plain comment\nscenario \"q\" {}"), "");
    assert.equal(sampleSummary(""), "");
  });

  it("describes every bundled sample", () => {
    const folder = new URL("../../../samples/", import.meta.url);
    const samples = readdirSync(folder).filter((name) => name.endsWith(".vmig"));
    assert.ok(samples.length > 0);
    for (const name of samples) assert.notEqual(sampleSummary(readFileSync(new URL(name, folder), "utf8")), "", name);
  });
});
