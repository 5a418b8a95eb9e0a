import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { samples } from "./samplesOnDisk.js";
import { parse } from "../src/index.js";
import { shiftOffsets } from "../src/incremental/shift.js";

const docs = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "docs", "language.md"), "utf8");
/** Every construct of the language: the samples, and the reference's examples (one for every construct). */
const sources = [
  ...readdirSync(samples).filter((f) => f.endsWith(".vmig")).map((f) => readFileSync(join(samples, f), "utf8")),
  readFileSync(join(samples, "shared", "lab.vmig"), "utf8"),
  ...[...docs.matchAll(/```vmig\n([\s\S]*?)```/g)].map((m) => m[1]!),
];

/** The definition of a shift: every `start` and `end` number anywhere in the tree moves by `delta`. */
function shiftEverySpan(node: unknown, delta: number): void {
  if (typeof node !== "object" || node === null) return;
  if (Array.isArray(node)) return node.forEach((item) => shiftEverySpan(item, delta));
  const fields = node as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if ((key === "start" || key === "end") && typeof fields[key] === "number") fields[key] = (fields[key] as number) + delta;
    else shiftEverySpan(fields[key], delta);
  }
}

test("shifting a declaration moves every span in it, for every construct of the language", () => {
  let spans = 0;
  for (const source of sources) {
    const walked = parse(source).file.declarations;
    const expected = parse(source).file.declarations;
    for (const declaration of walked) shiftOffsets(declaration, 7);
    for (const declaration of expected) shiftEverySpan(declaration, 7);
    assert.deepEqual(walked, expected, source);
    spans += JSON.stringify(expected).split('"start"').length - 1;
  }
  // The sources are not trivially small: the walk met thousands of spans.
  assert.ok(spans > 1_000, `${spans} spans`);
});

test("a shift by zero changes nothing", () => {
  const source = sources[0]!;
  const parsed = parse(source).file.declarations;
  for (const declaration of parsed) shiftOffsets(declaration, 0);
  assert.deepEqual(parsed, parse(source).file.declarations);
});
