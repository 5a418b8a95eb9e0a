// The step runner and the tally: each step prints `ok - name` or `not ok - name` (with the reason) and leaves
// test-artifacts/e2e/<name>.png, pass or fail; the run's closing line is `N passed, N failed`.
import { join } from "node:path";
import { ARTIFACTS, withTimeout } from "./common.mjs";

const STEP_TIMEOUT_MS = 90_000; // no single step may take longer

const tally = { passed: 0, failed: 0 };

/** Runs one named step; a thrown error or a timeout fails it. Always leaves a screenshot. */
export async function step(page, name, body) {
  const t0 = Date.now();
  let error;
  try {
    await withTimeout(Promise.resolve().then(body), STEP_TIMEOUT_MS, `step ${name}`);
  } catch (e) {
    error = e;
  }
  try {
    await withTimeout(page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }), 20_000, "screenshot");
  } catch (e) {
    console.log(`# could not take the screenshot of ${name}: ${e.message}`);
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (error === undefined) {
    tally.passed++;
    console.log(`ok - ${name} (${seconds} s)`);
  } else {
    tally.failed++;
    console.log(`not ok - ${name} (${seconds} s)`);
    for (const line of stackLines(error)) console.log(`#   ${line}`);
  }
  return error === undefined;
}

/** Counts a failure outside any step (the harness, a server that did not start) under its `not ok` line. */
export function failOutsideStep(notOkLine, details = []) {
  tally.failed++;
  console.log(`not ok - ${notOkLine}`);
  for (const line of details) console.log(`#   ${line}`);
}

/** The first lines of an error's stack, as `#` comment lines. */
export function stackLines(error) {
  return String(error?.stack ?? error).split("\n").slice(0, 8);
}

/** Prints the closing `N passed, N failed` line; returns the exit code the run ends with. */
export function printSummary() {
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}
