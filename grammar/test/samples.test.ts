import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "../src/index.js";

const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");

for (const name of readdirSync(samples).filter((f) => f.endsWith(".vmig")).sort()) {
  test(`sample ${name} checks clean and yields a scenario`, () => {
    const result = check(readFileSync(join(samples, name), "utf8"));
    assert.deepEqual(result.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    assert.ok(result.scenario && result.scenario.migrations.length > 0);
  });
}
