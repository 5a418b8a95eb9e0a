import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { check, type ImportResolver } from "../src/index.js";

const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");

/** Reads imports from disk, as the CLI and the server do. */
const fromDisk: ImportResolver = (path, from) => {
  const uri = new URL(path, from).href;
  try {
    return { uri, text: readFileSync(fileURLToPath(uri), "utf8") };
  } catch {
    return undefined;
  }
};

for (const name of readdirSync(samples).filter((f) => f.endsWith(".vmig")).sort()) {
  test(`sample ${name} checks clean and yields a scenario`, () => {
    const file = join(samples, name);
    const result = check(readFileSync(file, "utf8"), { uri: pathToFileURL(file).href, resolveImport: fromDisk });
    assert.deepEqual(result.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
    // A sample either migrates VMs itself or lets a placement policy (S-CORE, paper 004) decide the migrations.
    assert.ok(result.scenario && (result.scenario.migrations.length > 0 || result.scenario.placement !== undefined));
  });
}
