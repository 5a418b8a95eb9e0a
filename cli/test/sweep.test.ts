import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArguments } from "../src/arguments.js";
import { csvField, csvHeader, csvRows } from "../src/sweep/csv.js";
import { runAt, runCount, shardIndices } from "../src/sweep/plan.js";
import { applyEdits, resolveParameters } from "../src/sweep/splice.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const quickstart = join(root, "samples", "quickstart.vmig");
const quickstartText = readFileSync(quickstart, "utf8");

function vmig(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "cli", "bin", "vmig.js"), ...args], { encoding: "utf8", cwd: root });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scenarioFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "vmig-sweep-")), name);
  writeFileSync(file, text);
  return file;
}

/** Sets `params` (address → one value) in `text` the way a sweep run does. */
function spliced(text: string, params: Record<string, string>): string {
  const resolved = resolveParameters(text, Object.entries(params).map(([address, value]) => ({ address, values: [value] })));
  if ("error" in resolved) throw new Error(resolved.error);
  return applyEdits(text, resolved.map((p) => p.edits[0]!));
}

const sweepArguments: [string[], object | RegExp][] = [
  [["sweep", "f.vmig", "--param", "vm.web.dirty=1 pages/s, 2 pages/s"], { name: "sweep", file: "f.vmig", params: [{ address: "vm.web.dirty", values: ["1 pages/s", "2 pages/s"] }] }],
  [["sweep", "f.vmig", "--param", "a.b=1", "--param", "c.d=2,3", "--seeds", "4", "--shard", "2/3", "--jobs", "2", "--out", "r.csv"],
    { params: [{ address: "a.b", values: ["1"] }, { address: "c.d", values: ["2", "3"] }], seeds: 4, shard: { index: 2, count: 3 }, jobs: 2, out: "r.csv" }],
  [["sweep", "f.vmig", "--seed", "0"], { seed: 0, params: [] }],
  [["sweep", "f.vmig", "--param", 'vm.w.os="a, \\"b\\"",c'], { params: [{ address: "vm.w.os", values: ['"a, \\"b\\""', "c"] }] }],
  [["sweep", "--param", "a.b=1"], /'sweep' needs a FILE/],
  [["sweep", "f.vmig", "--param", "vm.web.dirty"], /--param needs ADDRESS=VALUE/],
  [["sweep", "f.vmig", "--param", "dirty=1"], /not an address such as vm\.web\.dirty/],
  [["sweep", "f.vmig", "--param", "a.b=1,,2"], /empty value/],
  [["sweep", "f.vmig", "--param", "a.b=1", "--param", "a.b=2"], /given twice/],
  [["sweep", "f.vmig", "--seeds", "0"], /--seeds needs a whole number from 1/],
  [["sweep", "f.vmig", "--seeds", "2", "--seed", "3"], /cannot be combined/],
  [["sweep", "f.vmig", "--seed", "3", "--param", "scenario.seed=1,2"], /scenario\.seed cannot be combined with --seed/],
  [["sweep", "f.vmig", "--shard", "0/3"], /--shard needs I\/N/],
  [["sweep", "f.vmig", "--shard", "4/3"], /--shard needs I\/N/],
  [["sweep", "f.vmig", "--jobs", "0"], /--jobs needs a whole number/],
  [["sweep", "f.vmig", "--out"], /--out needs a value/],
  [["sweep", "f.vmig", "--json"], /unknown option '--json' for 'sweep'/],
];

test("sweep arguments: options parse, and each error names its argument", () => {
  for (const [argv, expected] of sweepArguments) {
    const parsed = parseArguments(argv);
    if (expected instanceof RegExp) {
      assert.ok("error" in parsed, `${argv.join(" ")} should fail`);
      assert.match(parsed.error, expected, argv.join(" "));
    } else {
      assert.ok(!("error" in parsed), `${argv.join(" ")}: ${"error" in parsed ? parsed.error : ""}`);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual((parsed as unknown as Record<string, unknown>)[key], value, `${argv.join(" ")}: ${key}`);
    }
  }
});

test("splice: a written attribute gets the new value in place", () => {
  const text = spliced(quickstartText, { "vm.web.dirty": "5000 pages/s", "link.tor--h1.bandwidth": "500 Mbps", "hypervisor.xen30.max_rounds": "10", "scenario.seed": "3" });
  assert.match(text, /vm web on h1 \{\n {2}memory 1 GiB\n {2}vcpus 2\n {2}dirty 5000 pages\/s\n\}/);
  assert.match(text, /link h1 -- tor \{ bandwidth 500 Mbps {2}latency 50 us \}/, "a link's ends may be given in either order");
  assert.match(text, /max_rounds 10\n/);
  assert.match(text, /seed 3\n/);
  assert.equal(text.split("\n").length, quickstartText.split("\n").length);
});

test("splice: an absent attribute is inserted after the block's last member, and a missing block is added", () => {
  const text = "vm a on h { memory 1 GiB }\nhypervisor x kind xen { }\ntopology t {\n  switch s\n  host h\n  link h -- s { bandwidth 1 Gbps }\n}\nmigrate a to h\n";
  assert.equal(
    spliced(text, { "vm.a.vcpus": "4", "vm.a.dirty": "1 MB/s", "hypervisor.x.resume": "0 s", "host.h.cores": "2", "migrate.a.at": "5 s" }),
    "vm a on h { memory 1 GiB  vcpus 4  dirty 1 MB/s }\nhypervisor x kind xen { resume 0 s }\ntopology t {\n  switch s\n  host h { cores 2 }\n  link h -- s { bandwidth 1 Gbps }\n}\nmigrate a to h at 5 s\n",
  );
});

test("splice: an unknown target or attribute is an error that lists what exists", () => {
  const unknown = resolveParameters(quickstartText, [{ address: "vm.wbe.dirty", values: ["1 pages/s"] }]);
  assert.deepEqual(unknown, {
    error: "--param vm.wbe.dirty: the file has no 'vm.wbe'; it has: scenario, hypervisor.xen30, host.h1, host.h2, link.h1--tor, link.h2--tor, vm.web, migrate.web",
  });
  const attribute = resolveParameters(quickstartText, [{ address: "migrate.web.when", values: ["1 s"] }]);
  assert.deepEqual(attribute, { error: "--param migrate.web.when: 'migrate.web' has no attribute 'when'; it accepts: at" });
});

test("plan: the first parameter varies slowest, seeds fastest; shards interleave", () => {
  const plan = { sizes: [2, 3], seeds: [1, 2] };
  assert.equal(runCount(plan), 12);
  const order = Array.from({ length: 12 }, (_, i) => runAt(plan, i + 1)).map((r) => `${r.choice.join("")}s${r.seed}`);
  assert.deepEqual(order, ["00s1", "00s2", "01s1", "01s2", "02s1", "02s2", "10s1", "10s2", "11s1", "11s2", "12s1", "12s2"]);
  assert.deepEqual([...shardIndices(12, { index: 2, count: 5 })], [2, 7, 12]);
  assert.deepEqual(runAt({ sizes: [2], seeds: [undefined] }, 2), { index: 2, choice: [1] });
});

test("csv: fields with commas, quotes or line breaks are quoted; numbers keep full precision", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField("a,b"), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvHeader(["vm.web.os"]), "run,vm.web.os,seed,vm,source,target,start_s,total_time_s,downtime_s,bytes_sent,rounds,stop_reason,expect\n");
  const migration = { vm: "web", source: "h1", target: "h2", start_s: 1, total_time_s: 0.1 + 0.2, downtime_s: 1e-7, bytes_sent: 1149046015.2559898, rounds: 5, stop_reason: "max-rounds" as const };
  assert.deepEqual(csvRows(3, ['"x,y"'], 7, [migration], [{ vm: "web", passed: true }, { vm: "db", passed: false }]), [
    '3,"""x,y""",7,web,h1,h2,1,0.30000000000000004,1e-7,1149046015.2559898,5,max-rounds,pass\n',
    '3,"""x,y""",7,db,,,,,,,,,fail\n',
  ]);
});

const sweep = ["sweep", quickstart, "--param", "vm.web.dirty=1000 pages/s,5000 pages/s", "--param", "link.h1--tor.bandwidth=250 Mbps,500 Mbps,1 Gbps", "--seeds", "2"];

test("sweep: one row per run in run order, and --jobs 1 and --jobs 3 write byte-identical CSV", () => {
  const one = vmig(...sweep, "--jobs", "1");
  const three = vmig(...sweep, "--jobs", "3");
  assert.equal(one.code, 0, one.stderr);
  assert.equal(three.code, 0, three.stderr);
  assert.equal(one.stdout, three.stdout);
  const lines = one.stdout.trimEnd().split("\n");
  assert.equal(lines[0], "run,vm.web.dirty,link.h1--tor.bandwidth,seed,vm,source,target,start_s,total_time_s,downtime_s,bytes_sent,rounds,stop_reason,expect");
  assert.deepEqual(lines.slice(1).map((l) => l.split(",").slice(0, 7).join(",")), [
    "1,1000 pages/s,250 Mbps,1,web,h1,h2", "2,1000 pages/s,250 Mbps,2,web,h1,h2", "3,1000 pages/s,500 Mbps,1,web,h1,h2", "4,1000 pages/s,500 Mbps,2,web,h1,h2",
    "5,1000 pages/s,1 Gbps,1,web,h1,h2", "6,1000 pages/s,1 Gbps,2,web,h1,h2", "7,5000 pages/s,250 Mbps,1,web,h1,h2", "8,5000 pages/s,250 Mbps,2,web,h1,h2",
    "9,5000 pages/s,500 Mbps,1,web,h1,h2", "10,5000 pages/s,500 Mbps,2,web,h1,h2", "11,5000 pages/s,1 Gbps,1,web,h1,h2", "12,5000 pages/s,1 Gbps,2,web,h1,h2",
  ]);
  const time = (run: number) => Number(lines[run]!.split(",")[8]);
  assert.ok(time(1) > time(3) && time(3) > time(5), "more bandwidth, shorter migration");
  assert.ok(time(7) > time(1), "more dirtying, longer migration");
  assert.match(one.stderr, /^vmig sweep: 12 runs, 12 rows written to stdout; 0 with a failed expect, 0 with errors, 0 failed$/m);
});

test("sweep: shards 1/3, 2/3 and 3/3 concatenated and sorted by run equal the full sweep", () => {
  const full = vmig(...sweep).stdout.split("\n");
  const dir = mkdtempSync(join(tmpdir(), "vmig-sweep-"));
  const rows: string[] = [];
  for (const index of [1, 2, 3]) {
    const out = join(dir, `shard-${index}.csv`);
    const r = vmig(...sweep, "--shard", `${index}/3`, "--out", out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "", "--out leaves stdout empty");
    assert.match(r.stderr, new RegExp(`4 of 12 runs \\(shard ${index}/3\\), 4 rows written to .*shard-${index}\\.csv`));
    const [header, ...body] = readFileSync(out, "utf8").split("\n");
    assert.equal(header, full[0]);
    rows.push(...body.filter((line) => line !== ""));
  }
  const run = (line: string) => Number(line.slice(0, line.indexOf(",")));
  assert.deepEqual([full[0], ...rows.sort((a, b) => run(a) - run(b)), ""], full);
});

test("sweep: a value the language rejects is reported with the checker's diagnostic and exits 1", () => {
  const r = vmig("sweep", quickstart, "--param", "vm.web.dirty=2500 pages/s,5000 pages");
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr, `vmig: --param vm.web.dirty=5000 pages is not valid here:\n${quickstart}:27:14: error: 'dirty' is a rate, but 'pages' is a unit of size [wrong-unit]\n`);
  const spill = vmig("sweep", quickstart, "--param", "vm.web.dirty=1 MB/s } vm x on h1 { memory 1 GiB");
  assert.equal(spill.code, 1);
  assert.match(spill.stderr, /'1 MB\/s \} vm x on h1 \{ memory 1 GiB' is not one value of the language/);
});

test("sweep: an unknown target is a usage error (exit 2) naming what exists", () => {
  const r = vmig("sweep", quickstart, "--param", "link.h1--h2.bandwidth=1 Gbps");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /the file has no 'link\.h1--h2'; it has: scenario, hypervisor\.xen30, .*link\.h1--tor, link\.h2--tor/);
});

test("sweep: a combination with errors and a failed expect exit 1; the other runs are still written", () => {
  const r = vmig("sweep", quickstart, "--param", "vm.web.memory=1 GiB,32 GiB", "--param", "host.h1.memory=2 GiB,64 GiB", "--param", "vm.web.sla=300 ms");
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^vmig: run 3 \(vm\.web\.memory=32 GiB, host\.h1\.memory=2 GiB, vm\.web\.sla=300 ms\) has errors:\n.*quickstart\.vmig:\d+:\d+: error: host 'h1' has 2 GiB of memory, but the VMs placed on it need 32 GiB \[out-of-range\]$/m);
  const runs = r.stdout.trimEnd().split("\n").slice(1);
  assert.deepEqual(runs.map((l) => l.split(",")[0]), ["1", "2", "4"]);
  assert.match(runs[2]!, /^4,32 GiB,64 GiB,300 ms,1,web,,,,,,,,,fail$/, "a VM that did not finish in time fails its expectations");
});

test("sweep: a failed simulation exits 3 and names the run", () => {
  const file = scenarioFile("noroute.vmig", [
    'scenario "noroute" { horizon 60 s }',
    "topology lab {",
    "  switch s1  switch s2  host h1  host h2  host h3",
    "  link h1 -- s1 { bandwidth 1 Gbps }  link h3 -- s1 { bandwidth 1 Gbps }  link h2 -- s2 { bandwidth 1 Gbps }",
    "}",
    "vm web on h1 { memory 1 GiB }",
    "traffic { background h1 -> h2 udp 100 Mbps during 0 s .. 10 s }",
    "migrate web to h3",
    "",
  ].join("\n"));
  const r = vmig("sweep", file, "--param", "vm.web.dirty=0 pages/s,10 pages/s", "--seed", "5");
  assert.equal(r.code, 3);
  assert.match(r.stderr, /^vmig: run 2 \(vm\.web\.dirty=10 pages\/s, seed 5\): the simulation failed: background flow 1: no network route from h1 to h2$/m);
});

test("sweep: string values keep their quotes, which the CSV doubles", () => {
  const r = vmig("sweep", quickstart, "--param", 'vm.web.workload="web, busy"');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout.split("\n")[1]!, /^1,"""web, busy""",1,web,h1,h2,/);
});

test("splice: a placement policy accepts its own choice's attributes only", () => {
  const text = "policy placement s-core { token global }\npolicy routing dynamic\n";
  assert.equal(spliced(text, { "policy.placement.iterations": "3", "policy.routing.interval": "2 s" }), "policy placement s-core { token global  iterations 3 }\npolicy routing dynamic { interval 2 s }\n");
  const similarity = resolveParameters("policy placement similarity\n", [{ address: "policy.placement.iterations", values: ["3"] }]);
  assert.deepEqual(similarity, { error: "--param policy.placement.iterations: 'policy.placement' has no attribute 'iterations'; it accepts: none" });
});
