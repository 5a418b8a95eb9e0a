import { test } from "node:test";
import assert from "node:assert/strict";
import { changedRange } from "../src/incremental/reparse.js";
import { check, rehearsal, warmUp } from "../src/index.js";
import { snapshot } from "./checkSnapshot.js";

// The rehearsal a language server runs to warm the incremental check, and its warm-up, which includes one:
// each of the rehearsal's checks must be what a fresh check of its text gives, its edits must keep the
// scenario valid (so the whole check runs, forecasts included) and each must move the text after it, and
// they must touch every kind of declaration they name.

/**
 * Each step of a rehearsal as it was made: a later check moves the previous one's tree into its own, so
 * what a step gives is read before the next step runs.
 */
const steps = Array.from(rehearsal(12, 20), ({ text, result }) => ({
  text,
  problems: result.diagnostics.length,
  forecasts: result.forecasts.length,
  valid: result.scenario !== undefined,
  snapshot: snapshot(result),
}));

test("the rehearsal checks its scenario once, then once per edit", () => {
  assert.equal(steps.length, 21);
  assert.equal(steps[0]!.forecasts, 12, "every VM's migration is forecast");
});

test("every check of the rehearsal equals a fresh check of its text, and has no problem", () => {
  for (const [i, step] of steps.entries()) {
    assert.equal(step.problems, 0, `step ${i} has no diagnostics`);
    assert.ok(step.valid, `step ${i} has a scenario`);
    assert.equal(step.snapshot, snapshot(check(step.text)), `step ${i} equals a fresh check`);
  }
});

test("each edit of the rehearsal changes one character, typed in or over, and every other one undoes the one before", () => {
  let moving = 0;
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1]!.text;
    const after = steps[i]!.text;
    const { start, oldEnd, newEnd } = changedRange(before, after);
    assert.ok(oldEnd - start <= 1 && newEnd - start <= 1 && newEnd - start + oldEnd - start >= 1, `edit ${i} changes one character`);
    if (before.length !== after.length) moving++;
    if (i % 2 === 0) assert.equal(after, steps[i - 2]!.text, `edit ${i} undoes edit ${i - 1}`);
  }
  // Typed in, a digit moves the text after it; typed over, it moves nothing: both paths are rehearsed.
  assert.ok(moving > 0 && moving < steps.length - 1, `${moving} of ${steps.length - 1} edits move the text`);
});

test("the rehearsal's edits touch VMs, migrations and the topology's hosts and links", () => {
  const touched = new Set<string>();
  for (let i = 1; i < steps.length; i += 2) {
    const text = steps[i]!.text;
    const { start } = changedRange(steps[i - 1]!.text, text);
    const line = text.slice(text.lastIndexOf("\n", start - 1) + 1, text.indexOf("\n", start));
    touched.add(line.trim().split(" ")[0]!);
  }
  assert.deepEqual([...touched].sort(), ["host", "link", "migrate", "vm"]);
});

test("the warm-up rehearses edits of a 2,000-line scenario, then checks it twice more, with no problem", () => {
  const sizes: number[] = [];
  let problems = 0;
  for (const { text, result } of warmUp()) {
    sizes.push(text.split("\n").length);
    problems += result.diagnostics.length;
  }
  assert.equal(sizes.length, 43, "a check, 40 edits, two more checks");
  assert.ok(sizes.every((lines) => lines >= 2_000), `${Math.min(...sizes)} lines`);
  assert.equal(problems, 0);
});
