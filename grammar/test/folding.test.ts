import { test } from "node:test";
import assert from "node:assert/strict";
import { foldingRanges } from "../src/index.js";

/** Renders each folding range as `kind startLine-endLine` (zero-based lines). */
function render(lines: string[]): string[] {
  return foldingRanges(lines.join("\n")).map((r) => `${r.kind} ${r.startLine}-${r.endLine}`);
}

const cases: [string, string[], string[]][] = [
  ["a block keeps its closing brace visible", ["vm a on h {", "  memory 1 GiB", "}"], ["region 0-1"]],
  ["nested blocks", ["topology t {", "  host h {", "    cores 2", "  }", "}"], ["region 0-3", "region 1-2"]],
  ["a block closed after code folds to the brace's line", ["vm a on h {", "  memory 1 GiB", "  vcpus 2 }"], ["region 0-2"]],
  ["one-line blocks and two-line blocks ending on their own line do not fold", ["host h { cores 2 }", "vm a on h {", "}"], []],
  ["an unclosed block does not fold", ["vm a on h {", "  memory 1 GiB", ""], []],
  ["a multi-line block comment", ["/* one", "   two */", "vm a on h"], ["comment 0-1"]],
  ["runs of line comments, split by kind and by code", ["// a", "// b", "/// c", "/// d", "x // e", "// f", "", "// g", "// h"], ["comment 0-1", "comment 2-3", "comment 7-8"]],
  ["a single comment line does not fold", ["// a", "vm a on h"], []],
];

for (const [name, lines, expected] of cases) {
  test(`folding: ${name}`, () => assert.deepEqual(render(lines), expected));
}
