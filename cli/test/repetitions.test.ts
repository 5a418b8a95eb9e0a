import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { repetitionSeeds, spread, summarise, type RepetitionDocument } from "../src/repetitions.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const sample = join(root, "samples", "vm-traffic.vmig");

function vmig(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "cli", "bin", "vmig.js"), ...args], { encoding: "utf8", cwd: root });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The sample with its `repetitions` line replaced. */
function withRepetitions(line: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "vmig-rep-")), "rep.vmig");
  writeFileSync(file, readFileSync(sample, "utf8").replace("  repetitions 10\n", line));
  return file;
}

test("spread: mean, sample standard deviation, min and max", () => {
  assert.deepEqual(spread([2, 4, 4, 4, 5, 5, 7, 9]), { mean: 5, sd: Math.sqrt(32 / 7), min: 2, max: 9 });
  assert.deepEqual(spread([3]), { mean: 3, sd: 0, min: 3, max: 3 });
  assert.deepEqual(repetitionSeeds(2 ** 32 - 2, 3), [2 ** 32 - 2, 2 ** 32 - 1, 0]);
});

test("summarise: migrations matched by VM and occurrence; expectations counted per repetition", () => {
  const migration = (vm: string, total: number) => ({ vm, total_time_s: total, downtime_s: total / 100 }) as unknown as RepetitionDocument["migrations"][number];
  const run = (seed: number, migrations: RepetitionDocument["migrations"], passed: boolean) =>
    ({ seed, migrations, expectations: [{ vm: "a", metric: "downtime", op: "<", bound: 1, actual: 0, passed }] }) as unknown as RepetitionDocument;
  const summary = summarise([run(1, [migration("a", 10), migration("a", 20)], true), run(2, [migration("a", 30)], false)]);
  assert.deepEqual(summary.seeds, [1, 2]);
  assert.deepEqual(summary.migrations.map((m) => [m.vm, m.occurrence, m.runs, m.total_time_s.mean]), [["a", 1, 2, 20], ["a", 2, 1, 20]]);
  assert.deepEqual(summary.expectations.map((e) => [e.passed_runs, e.runs]), [[1, 2]]);
});

test("run: repetitions 1 prints exactly the single-run output", () => {
  const single = vmig("run", withRepetitions(""));
  const one = vmig("run", withRepetitions("  repetitions 1\n"));
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout, single.stdout);
  assert.match(one.stdout, /^scenario "vm-traffic" \(seed 1\)/);
});

test("run: repetitions N summarises seeds S..S+N-1, each repetition identical to a single run with its seed", () => {
  const r = vmig("run", withRepetitions("  repetitions 3\n"), "--json", "--seed", "7");
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.schema, "vmig-repetitions/1");
  assert.deepEqual(doc.summary.seeds, [7, 8, 9]);
  assert.equal(doc.runs.length, 3);
  const single = JSON.parse(vmig("run", withRepetitions(""), "--json", "--seed", "8").stdout);
  assert.deepEqual(doc.runs[1], single);
  const totals = doc.runs.map((run: { migrations: { total_time_s: number }[] }) => run.migrations[0]!.total_time_s);
  const web = doc.summary.migrations[0];
  assert.equal(web.runs, 3);
  assert.equal(web.total_time_s.min, Math.min(...totals));
  assert.equal(web.total_time_s.max, Math.max(...totals));
  assert.ok(web.total_time_s.sd > 0, "the exponential on/off source makes the seeds differ");
  assert.deepEqual(doc.summary.expectations.map((e: { passed_runs: number; runs: number }) => [e.passed_runs, e.runs]), [[3, 3]]);
});

test("run: the text summary has one row per migration and fails when an expectation fails in any repetition", () => {
  const file = withRepetitions("  repetitions 4\n");
  const r = vmig("run", file);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^scenario "vm-traffic": 4 repetitions, seeds 1 to 4\n/);
  assert.match(r.stdout, /\nweb +4 /);
  assert.match(r.stdout, /pass {2}expect web\.downtime < 1\.00 s \(passed in 4 of 4 repetitions\)/);
  writeFileSync(file, readFileSync(file, "utf8").replace("expect web.downtime < 1 s", "expect web.downtime < 1 ms"));
  const failing = vmig("run", file);
  assert.equal(failing.code, 1);
  assert.match(failing.stdout, /FAIL {2}expect web\.downtime < 1\.00 ms \(passed in 0 of 4 repetitions\)/);
});
