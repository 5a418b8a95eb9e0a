import { test } from "node:test";
import assert from "node:assert/strict";
import { check, complete, declaredSweeps, formatText, parse } from "../src/index.js";

/** A small scenario whose scenario block holds `sweeps`. */
function withSweeps(sweeps: string): string {
  return `scenario "s" {
  seed 1
${sweeps}
}
hypervisor x kind xen { }
topology lab {
  switch sw
  host h1 { hypervisor x }
  host h2 { hypervisor x }
  link h1 -- sw { bandwidth 1 Gbps }
  link h2 -- sw { bandwidth 1 Gbps }
}
vm web on h1 { memory 1 GiB  dirty 1000 pages/s }
migrate web to h2 at 0 s
`;
}

const messages = (text: string) => check(text).diagnostics.map((d) => `${d.code}: ${d.message}`);

test("sweeps parse, check clean and give their values as written", () => {
  const text = withSweeps(`  sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s
  sweep "link.sw--h1.bandwidth" 500 Mbps, 1 Gbps, 10 Gbps
  sweep "migrate.web.at" 0 s, 5 s
  sweep "hypervisor.x.max_rounds" 10, 30`);
  assert.deepEqual(parse(text).errors, []);
  assert.deepEqual(messages(text), []);
  assert.deepEqual(declaredSweeps(text, parse(text).file), [
    { address: "vm.web.dirty", values: ["1000 pages/s", "5000 pages/s"] },
    { address: "link.sw--h1.bandwidth", values: ["500 Mbps", "1 Gbps", "10 Gbps"] },
    { address: "migrate.web.at", values: ["0 s", "5 s"] },
    { address: "hypervisor.x.max_rounds", values: ["10", "30"] },
  ]);
  // The run itself is the file as written: sweeps change nothing of the scenario.
  assert.deepEqual(check(text).scenario, check(withSweeps("")).scenario);
});

test("values are checked as the attribute they set: units, ranges and words", () => {
  assert.deepEqual(messages(withSweeps(`  sweep "vm.web.dirty" 1000 pages/s, 5 s`)), [
    "wrong-unit: 'dirty' is a rate, but 's' is a unit of time",
  ]);
  assert.ok(messages(withSweeps(`  sweep "hypervisor.x.max_rounds" 10, 0`)).some((m) => m.startsWith("out-of-range:")));
  assert.ok(messages(withSweeps(`  sweep "vm.web.memory" 2`)).some((m) => m.startsWith("missing-unit:")));
  assert.ok(messages(withSweeps(`  sweep "migrate.web.at" 5 GB`)).some((m) => m.startsWith("wrong-unit:")));
});

test("a bad address, an attribute the target lacks, a repeated address and a sweep outside the scenario", () => {
  const unknown = messages(withSweeps(`  sweep "vm.db.dirty" 1000 pages/s`));
  assert.equal(unknown.length, 1);
  assert.match(unknown[0]!, /^unknown-name: sweep: the file has no 'vm\.db'; it has: scenario, hypervisor\.x, host\.h1/);
  assert.deepEqual(messages(withSweeps(`  sweep "vm.web.colour" 1`)).map((m) => m.split(";")[0]), ["unknown-attribute: sweep: 'vm.web' has no attribute 'colour'"]);
  assert.deepEqual(messages(withSweeps(`  sweep "vm.web.dirty" 1000 pages/s\n  sweep "vm.web.dirty" 2000 pages/s`)), [
    "duplicate-attribute: sweep: 'vm.web.dirty' sets the same attribute as the earlier sweep 'vm.web.dirty'",
  ]);
  assert.ok(messages(withSweeps(`  sweep "dirty" 1000 pages/s`)).some((m) => m.startsWith("unknown-name: sweep: 'dirty' is not an address")));
  const misplaced = withSweeps("").replace("vm web on h1 { memory 1 GiB", `vm web on h1 { sweep "vm.web.dirty" 1 pages/s  memory 1 GiB`);
  assert.ok(messages(misplaced).some((m) => m.includes("belongs in the scenario block")), messages(misplaced).join("\n"));
});

test("sweeps format to themselves: no space before a comma", () => {
  const text = withSweeps(`  sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s`);
  assert.equal(formatText(text.replace("pages/s, 5000", "pages/s ,5000")), text);
});

test("completion offers the file's addresses after 'sweep' and the sweep snippet in the scenario block", () => {
  const text = withSweeps(`  sweep `);
  const offset = text.indexOf("sweep ") + "sweep ".length;
  const labels = complete(text, offset, check(text).symbols).map((c) => c.label);
  for (const address of ['"vm.web.dirty"', '"link.h1--sw.bandwidth"', '"migrate.web.at"', '"scenario.horizon"']) assert.ok(labels.includes(address), `${address} in ${labels.join(" ")}`);
  const inScenario = withSweeps("  ");
  const scenarioLabels = complete(inScenario, inScenario.indexOf("{") + 1, check(inScenario).symbols).map((c) => c.label);
  assert.ok(scenarioLabels.includes("sweep") && scenarioLabels.includes("repetitions"), scenarioLabels.join(" "));
});
