import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { defaultMaxPoints, maxSeed, parseSeed, readSettings } from "../src/settings.js";

const read = (values: Record<string, unknown>) => readSettings((key) => values[key]);

describe("readSettings", () => {
  it("gives the defaults when nothing is set", () => {
    assert.deepEqual(read({}), { settings: { maxPoints: defaultMaxPoints, autoRunOnSave: false, defaultSeed: undefined }, problems: [] });
  });

  it("takes valid values as they are", () => {
    const { settings, problems } = read({ "chart.maxPoints": 500, "run.autoRunOnSave": true, "run.defaultSeed": 42 });
    assert.deepEqual(settings, { maxPoints: 500, autoRunOnSave: true, defaultSeed: 42 });
    assert.deepEqual(problems, []);
  });

  it("clamps the point budget into its range and says so", () => {
    const low = read({ "chart.maxPoints": 3 });
    assert.equal(low.settings.maxPoints, 100);
    assert.match(low.problems[0]!, /vmig.chart.maxPoints 3 .*using 100/);
    assert.equal(read({ "chart.maxPoints": 1e9 }).settings.maxPoints, 100_000);
    assert.equal(read({ "chart.maxPoints": "many" }).settings.maxPoints, defaultMaxPoints);
  });

  it("treats null as the scenario's own seed, and rejects seeds that are not unsigned 32-bit integers", () => {
    assert.deepEqual(read({ "run.defaultSeed": null }).problems, []);
    for (const bad of [-1, 1.5, maxSeed + 1, "7"]) {
      const { settings, problems } = read({ "run.defaultSeed": bad });
      assert.equal(settings.defaultSeed, undefined, String(bad));
      assert.equal(problems.length, 1, String(bad));
    }
    assert.equal(read({ "run.defaultSeed": maxSeed }).settings.defaultSeed, maxSeed);
  });

  it("runs on save only when the setting is exactly true", () => {
    assert.equal(read({ "run.autoRunOnSave": "yes" }).settings.autoRunOnSave, false);
    assert.equal(read({ "run.autoRunOnSave": "yes" }).problems.length, 1);
  });
});

describe("parseSeed", () => {
  it("accepts whole numbers from 0 to 2^32 - 1, with surrounding spaces", () => {
    assert.equal(parseSeed("0"), 0);
    assert.equal(parseSeed(" 12345 "), 12345);
    assert.equal(parseSeed("4294967295"), maxSeed);
  });

  it("explains what is wrong with anything else", () => {
    assert.match(parseSeed("") as string, /Enter a seed/);
    for (const text of ["-1", "1.5", "1e3", "0x10", "seven", "12 34"]) {
      assert.equal(typeof parseSeed(text), "string", text);
    }
    assert.match(parseSeed("4294967296") as string, /outside 0\.\.4294967295/);
  });
});
