import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const quickstart = join(root, "samples", "quickstart.vmig");

function vmig(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "cli", "bin", "vmig.js"), ...args], { encoding: "utf8", cwd: root });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function withTypo(): string {
  const dir = mkdtempSync(join(tmpdir(), "vmig-cli-"));
  const file = join(dir, "typo.vmig");
  writeFileSync(file, readFileSync(quickstart, "utf8").replace("migrate web to h2", "migrate wbe to h2"));
  return file;
}

test("check: the quickstart sample has no problems and exits 0", () => {
  const r = vmig("check", quickstart);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /no problems/);
});

test("check: a typo in a VM name exits 1 and names the line and column", () => {
  const file = withTypo();
  const r = vmig("check", file);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim(), `${file}:30:9: error: unknown vm 'wbe'; did you mean 'web'? [unknown-name]`);
});

test("run: prints one results row per migration and writes a self-contained report", () => {
  const report = join(mkdtempSync(join(tmpdir(), "vmig-cli-")), "report.html");
  const r = vmig("run", quickstart, "--report", report);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^vm\s+source\s+target\s+start\s+total time\s+downtime\s+bytes sent\s+rounds\s+stop reason$/m);
  assert.match(r.stdout, /^web\s+h1\s+h2\s+/m);
  assert.match(r.stdout, /pass {2}expect web\.downtime < 300 ms/);
  const html = readFileSync(report, "utf8");
  assert.match(html, /<h2>Bytes left to copy<\/h2>\s*<svg/);
  assert.match(html, /<path class="lc-line series-0" d="M[^"]{200,}"/, "the remaining-bytes chart has a drawn line");
  assert.match(html, /<h2>Timeline<\/h2>/);
  assert.match(html, /Each link is coloured by the highest utilisation it reached\. Arrows follow the migrations' routes\./, "the network section has the run's link loads and routes");
  assert.match(html, /<td>web\.downtime &lt; 300 ms<\/td><td class="n">20\.5 ms<\/td><td class="pass">passed<\/td>/);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, "the report needs no script and no network");
});

test("run --json: follows docs/results-schema.md", () => {
  const r = vmig("run", quickstart, "--json");
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.scenario, "quickstart");
  assert.equal(doc.seed, 1);
  assert.equal(doc.migrations.length, 1);
  const m = doc.migrations[0];
  for (const key of ["vm", "source", "target", "start_s", "end_s", "total_time_s", "downtime_s", "bytes_sent", "rounds"]) assert.ok(key in m, key);
  assert.equal(m.rounds.reduce((sum: number, round: { bytes: number }) => sum + round.bytes, 0), m.bytes_sent);
  assert.ok(Math.abs(m.end_s - m.start_s - m.total_time_s) < 1e-9);
  assert.deepEqual(doc.expectations.map((e: { passed: boolean }) => e.passed), [true]);
});

test("run: the same scenario and seed give byte-identical JSON; another seed is recorded", () => {
  const a = vmig("run", quickstart, "--json", "--seed", "42");
  const b = vmig("run", quickstart, "--json", "--seed", "42");
  assert.equal(a.stdout, b.stdout);
  assert.equal(JSON.parse(a.stdout).seed, 42);
});

test("run: a scenario with errors prints diagnostics and exits 1", () => {
  const r = vmig("run", withTypo());
  assert.equal(r.code, 1);
  assert.match(r.stderr, /:30:9: error: unknown vm 'wbe'/);
});

test("usage errors exit 2 with a message", () => {
  assert.equal(vmig("frobnicate").code, 2);
  assert.match(vmig("run", quickstart, "--seed", "x").stderr, /--seed needs a whole number/);
  const missing = vmig("check", join(root, "does-not-exist.vmig"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read/);
});

test("the report file is only written when asked for", () => {
  const dir = mkdtempSync(join(tmpdir(), "vmig-cli-"));
  vmig("run", quickstart);
  assert.ok(!existsSync(join(dir, "report.html")));
});

test("run --json includes the topology; --events writes one JSON event per line, in time order", () => {
  const events = join(mkdtempSync(join(tmpdir(), "vmig-cli-")), "events.jsonl");
  const r = vmig("run", quickstart, "--json", "--events", events);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.topology.nodes.map((n: { name: string }) => n.name).sort(), ["h1", "h2", "tor"]);
  assert.deepEqual(doc.topology.links.map((l: { bandwidth_bytes_per_s: number }) => l.bandwidth_bytes_per_s), [1.25e8, 1.25e8]);
  const lines = readFileSync(events, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
  const m = doc.migrations[0];
  const live = m.rounds.length - 1;
  assert.deepEqual(lines.map((e: { kind: string }) => e.kind), ["migration-start", ...Array(live).fill("round-start"), "stop-and-copy", "migration-end"]);
  assert.equal(lines[0].t_s, m.start_s);
  assert.deepEqual(lines.at(-1), { kind: "migration-end", t_s: m.end_s, vm: "web", downtime_s: m.downtime_s });
  for (let i = 1; i < lines.length; i++) assert.ok(lines[i].t_s >= lines[i - 1].t_s);
  assert.match(vmig("run", quickstart, "--events").stderr, /--events needs a file name/);
  // A scenario with errors writes no events and keeps the file of an earlier run as it was.
  const broken = join(dirname(events), "broken.vmig");
  writeFileSync(broken, readFileSync(quickstart, "utf8").replace("migrate web to h2", "migrate web to h9"));
  const before = readFileSync(events, "utf8");
  assert.equal(vmig("run", broken, "--events", events).code, 1);
  assert.equal(readFileSync(events, "utf8"), before);
  assert.ok(!existsSync(`${events}.partial`));
  assert.equal(vmig("run", quickstart, "--events", join(root, "no-such-dir", "e.jsonl")).code, 2);
});
