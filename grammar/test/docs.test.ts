import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../src/index.js";

const reference = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "docs", "language.md"), "utf8");
const examples = [...reference.matchAll(/```vmig\n([\s\S]*?)```/g)].map((m) => m[1]!);

test("docs/language.md has an example for every construct", () => {
  const text = examples.join("\n");
  for (const word of ["scenario", "topology", "fattree", "threetier", "leafspine", "star", "hosts", "hypervisor", "vm", "traffic", "background", "policy", "migrate", "expect", "import", "postcopy", "wws", "hot", "storage", "network", "subnet", "domain", "mode", "mobility", "name_service", "content_reuse", "static_content", "datacentre", "s-core", "similarity", "any", "block_migration", "version", "os"]) {
    assert.match(text, new RegExp(`\\b${word}\\b`), word);
  }
});

examples.forEach((example, i) => {
  test(`docs/language.md example ${i + 1} parses without a syntax error`, () => {
    assert.deepEqual(parse(example).errors, [], example);
  });
});
