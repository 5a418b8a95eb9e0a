import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { withDeclaredSweeps } from "../src/sweep/sweep.js";
import { seedsOf } from "../src/sweep/plan.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const sample = join(root, "samples", "vm-traffic.vmig");

function vmig(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "cli", "bin", "vmig.js"), ...args], { encoding: "utf8", cwd: root });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The sample with `repetitions 10` replaced by `line`, in a temporary file. */
function variant(line: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "vmig-sweeps-")), "s.vmig");
  writeFileSync(file, readFileSync(sample, "utf8").replace("  repetitions 10\n", line));
  return file;
}

const column = (csv: string, name: string) => {
  const [header, ...rows] = csv.trim().split("\n");
  const at = header!.split(",").indexOf(name);
  return rows.map((row) => row.split(",")[at]);
};

test("withDeclaredSweeps: --param overrides a declared address in place and adds the others after", () => {
  const declared = [{ address: "vm.web.dirty", values: ["1 pages/s"] }, { address: "scenario.horizon", values: ["60 s"] }];
  const merged = withDeclaredSweeps(declared, { params: [{ address: "scenario.seed", values: ["3"] }, { address: " vm.web.dirty", values: ["2 pages/s"] }] });
  assert.deepEqual(merged, [{ address: " vm.web.dirty", values: ["2 pages/s"] }, declared[1], { address: "scenario.seed", values: ["3"] }]);
  assert.match((withDeclaredSweeps([{ address: "scenario.seed", values: ["1"] }], { params: [], seeds: 2 }) as { error: string }).error, /--seeds/);
});

test("seedsOf: repetitions run S..S+R-1 unless --seeds says otherwise", () => {
  assert.deepEqual(seedsOf({}, { seed: 5, repetitions: 3 }), [5, 6, 7]);
  assert.deepEqual(seedsOf({ seed: 9 }, { seed: 5, repetitions: 2 }), [9, 10]);
  assert.deepEqual(seedsOf({ seeds: 2 }, { seed: 5, repetitions: 3 }), [1, 2]);
  assert.deepEqual(seedsOf({}, { seed: 5 }), [undefined]);
});

test("vmig sweep FILE runs the sweeps the file declares, one row per value", () => {
  const r = vmig("sweep", variant(""), "--jobs", "1");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(column(r.stdout, "vm.web.dirty"), ["2000 pages/s", "8000 pages/s"]);
  const totals = column(r.stdout, "total_time_s").map(Number);
  assert.ok(totals[1]! > totals[0]!, `dirtier is slower: ${totals.join(", ")}`);
});

test("--param overrides a declared sweep and adds to it; repetitions give the seeds", () => {
  const r = vmig("sweep", variant("  repetitions 2\n"), "--jobs", "1", "--param", "vm.web.dirty=500 pages/s", "--param", "vm.web.memory=1 GiB,2 GiB");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(column(r.stdout, "vm.web.dirty"), ["500 pages/s", "500 pages/s", "500 pages/s", "500 pages/s"]);
  assert.deepEqual(column(r.stdout, "vm.web.memory"), ["1 GiB", "1 GiB", "2 GiB", "2 GiB"]);
  assert.deepEqual(column(r.stdout, "seed"), ["1", "2", "1", "2"]);
});

test("a declared sweep with a bad value stops the sweep with the checker's diagnostic", () => {
  const file = variant("");
  writeFileSync(file, readFileSync(file, "utf8").replace("8000 pages/s", "8000 GB"));
  const r = vmig("sweep", file);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: 'dirty' is a rate, but 'GB' is a unit of size \[wrong-unit\]/);
});
