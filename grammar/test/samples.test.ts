import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fromDisk, samples } from "./samplesOnDisk.js";
import { check } from "../src/index.js";

for (const name of readdirSync(samples).filter((f) => f.endsWith(".vmig")).sort()) {
  test(`sample ${name} checks clean and yields a scenario`, () => {
    const file = join(samples, name);
    const result = check(readFileSync(file, "utf8"), { uri: pathToFileURL(file).href, resolveImport: fromDisk });
    assert.deepEqual(result.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    // A sample either migrates VMs itself or lets a placement policy (S-CORE, paper 004) decide the migrations.
    assert.ok(result.scenario && (result.scenario.migrations.length > 0 || result.scenario.placement !== undefined));
  });
}
