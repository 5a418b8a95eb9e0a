import { test } from "node:test";
import assert from "node:assert/strict";
import { check, complete, hover, semanticTokens } from "../src/index.js";
import { runDocument } from "../src/run.js";

// The language edges of papers 002 and 004: `to any`, the reuse table's rows, `datacentre`, and the two
// choices of `policy placement`, each with its own schema.
const world =
  'scenario "w" { seed 1  horizon 600 s }\nhypervisor x41 kind xen { version "xen-4.1" }\n' +
  "topology dc star { hosts 4  link { bandwidth 1 Gbps } }\nhosts dc.host[*] { hypervisor x41  memory 16 GiB  slots 4 }\n" +
  'vm db on dc.host[1] { memory 2 GiB  os "ubuntu" }\nvm web on dc.host[0] { memory 1 GiB  os "ubuntu" }\n';
const table = 'policy content_reuse static_content {\n  "ubuntu" on "xen-4.1" 300 MiB\n}\n';
const scorePolicy = "traffic {\n  datacentre { flows_per_vm 4 }\n}\npolicy placement s-core { token global  iterations 2 }\n";
const similarityFile = world + table + "policy placement similarity\nmigrate web to any dc.host[1..3]\n";
const scoreFile = world + scorePolicy;

/** The diagnostics of `text` as `severity code: message`. */
const summary = (text: string) => check(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

const schemaCases: { why: string; text: string; expected: string[] }[] = [
  {
    why: "an S-CORE attribute under similarity is unknown, and the message names the choice",
    text: world + "policy placement similarity { token global }\n",
    expected: ["error unknown-attribute: policy placement similarity has no attribute 'token'"],
  },
  {
    why: "an attribute of neither choice under s-core lists s-core's attributes",
    text: world + "traffic { datacentre { } }\npolicy placement s-core { interval 5 s }\n",
    expected: ["error unknown-attribute: policy placement s-core has no attribute 'interval' (expected token, iterations, migration_cost, migration_cost_share, level1_cost, level2_cost, level3_cost, level4_cost, start)"],
  },
  {
    why: "s-core's own attributes are accepted",
    text: scoreFile,
    expected: [],
  },
  {
    why: "an XIA transport attribute under tcp is unknown, and the message lists tcp's attributes",
    text: world + "policy transport tcp { chunk 8 KiB }\n",
    expected: ["error unknown-attribute: policy transport tcp has no attribute 'chunk' (expected early_notification, min_rto, initial_window, tail_loss, scan)"],
  },
  {
    why: "a TCP attribute under xia is unknown",
    text: world + "policy transport xia { early_notification on }\n",
    expected: ["error unknown-attribute: policy transport xia has no attribute 'early_notification' (expected chunk, window, chunk_cost)"],
  },
  {
    why: "a category with one schema keeps its message",
    text: world + "policy routing dynamic { token global }\n",
    expected: ["error unknown-attribute: policy routing has no attribute 'token' (expected interval)"],
  },
];
for (const c of schemaCases) {
  test(`policy schema per choice: ${c.why}`, () => {
    const got = summary(c.text).filter((line) => !line.startsWith("warning"));
    assert.deepEqual(got, c.expected);
  });
}

/** Completes at the `|` in `source` and returns the labels. */
function labels(source: string): string[] {
  const offset = source.indexOf("|");
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return complete(text, offset, check(text).symbols).map((c) => c.label);
}

test("completion offers only the chosen placement's attributes", () => {
  assert.deepEqual(labels(world + "policy placement similarity {\n  |\n}"), []);
  assert.deepEqual(labels(world + "policy placement s-core {\n  |\n}"), ["token", "iterations", "migration_cost", "migration_cost_share", "level1_cost", "level2_cost", "level3_cost", "level4_cost", "start"]);
  assert.deepEqual(labels(world + "policy placement s-core { token |"), ["round-robin", "global", "distributed", "load-aware"]);
});

test("completion documents the policies and their choices", () => {
  const items = (source: string) => {
    const offset = source.indexOf("|");
    const text = source.slice(0, offset) + source.slice(offset + 1);
    return complete(text, offset, check(text).symbols);
  };
  const categories = items("policy |");
  assert.deepEqual(categories.map((c) => c.label), ["routing", "allocation", "schedule", "transport", "content_reuse", "placement"]);
  assert.ok(categories.every((c) => (c.documentation ?? "").length > 0));
  const choices = items("policy placement |");
  assert.deepEqual(choices.map((c) => c.label), ["similarity", "s-core"]);
  assert.match(choices[1]!.documentation!, /S-CORE/);
  assert.ok(labels(world + "migrate web to |").includes("any"));
});

/** The hover text at the `nth` occurrence (from 0) of `word` in `text`, one character into it. */
function hoverAt(text: string, word: string, nth = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `${word} in the text`);
  return hover(check(text), at + 1)?.contents;
}

const hoverCases: [string, string, string, number, RegExp][] = [
  ["`any` says what it does and where the VM goes", similarityFile, "any", 0, /^\*\*any\*\* `migrate VMS to any HOSTS`[\s\S]*\*\*Destination of web:\*\* dc\.host\[1\]/],
  ["the similarity choice, from the schema", similarityFile, "similarity", 0, /^\*\*policy placement similarity\*\* — Paper 002[\s\S]*Takes no attributes\.$/],
  ["the s-core choice lists its attributes", scoreFile, "s-core", 0, /^\*\*policy placement s-core\*\* — Paper 004's S-CORE[\s\S]*Attributes: `token`, `iterations`/],
  ["the placement category lists both choices", scoreFile, "placement", 0, /^\*\*policy placement\*\*[\s\S]*- `similarity` —[\s\S]*- `s-core` —/],
  ["the content reuse choice", similarityFile, "static_content", 0, /^\*\*policy content_reuse static_content\*\*/],
  ["a row of the reuse table", similarityFile, '"ubuntu" on', 0, /^\*\*static pages\*\* `"OS" on "hypervisor version" SIZE`/],
  ["a row's size in SI", similarityFile, "300 MiB", 0, /^\*\*size\*\* 300 MiB = 314,572,800 B/],
  ["the datacentre generator", scoreFile, "datacentre", 0, /^\*\*datacentre\*\* `traffic \{ datacentre/],
  ["an S-CORE attribute, named by its choice", scoreFile, "token global", 0, /^\*\*policy\.placement\.s-core\.token\*\* — one of round-robin, global, distributed, load-aware/],
  ["an attribute of a policy with one schema", world + "policy routing dynamic { interval 5 s }\n", "interval", 0, /^\*\*policy\.routing\.interval\*\* — a time/],
  ["an attribute of a generated topology", world, "hosts 4", 0, /^\*\*topology\.star\.hosts\*\* — a whole number/],
  ["an attribute of a set of hosts", world, "slots", 0, /^\*\*host\.slots\*\* — a whole number/],
  ["the traffic keyword", scoreFile, "traffic", 0, /^\*\*traffic\*\*/],
  ["a hypervisor's version", world, "version", 0, /^\*\*hypervisor\.version\*\* — a string[\s\S]*static-page table/],
];
for (const [why, text, word, nth, expected] of hoverCases) {
  test(`hover: ${why}`, () => assert.match(hoverAt(text, word, nth) ?? "(no hover)", expected));
}

/** Each semantic token of `text` as `text:type`. */
function classes(text: string): string[] {
  return semanticTokens(text, check(text)).map((t) => `${text.slice(t.start, t.end)}:${t.type}`);
}

test("semantic tokens: `any` and `datacentre` are keywords, policy choices enum members, a row's unit a type", () => {
  const similarity = classes(similarityFile);
  for (const token of ["any:keyword", "similarity:enumMember", "static_content:enumMember", "content_reuse:property", "MiB:type", '"xen-4.1":string']) {
    assert.ok(similarity.includes(token), `${token} in ${similarity.join(" ")}`);
  }
  const score = classes(scoreFile);
  for (const token of ["datacentre:keyword", "s-core:enumMember", "placement:property", "token:property"]) {
    assert.ok(score.includes(token), `${token} in ${score.join(" ")}`);
  }
});

test("a host named `any` is still a host", () => {
  const text = 'scenario "a" { }\ntopology lab { switch s  host h0  host any  link h0 -- s { bandwidth 1 Gbps }  link any -- s { bandwidth 1 Gbps } }\nvm web on h0 { memory 1 GiB }\nmigrate web to any\n';
  const checked = check(text);
  assert.deepEqual(checked.diagnostics.filter((d) => d.severity === "error"), []);
  assert.ok(classes(text).includes("any:class"));
});

// Two similar VMs migrate to an empty host. The editor used to count the first on the host from its start
// and promise reuse to the second whenever they overlapped; the run counts it only once it has arrived.
const overlapCases: { why: string; secondAt: string; schedule: string; reused: boolean }[] = [
  { why: "the second starts while the first is in flight", secondAt: "1 s", schedule: "", reused: false },
  { why: "the second starts after the first has arrived", secondAt: "30 s", schedule: "", reused: true },
  { why: "a sequential schedule holds the second until the first has arrived", secondAt: "1 s", schedule: "policy schedule sequential\n", reused: true },
];
for (const c of overlapCases) {
  test(`content reuse in hover agrees with the run: ${c.why}`, () => {
    const text = world + table + c.schedule + `vm app on dc.host[0] { memory 1 GiB  os "ubuntu" }\nmigrate app to dc.host[3] at 0 s\nmigrate web to dc.host[3] at ${c.secondAt}\n`;
    const shown = hoverAt(text, "migrate web") ?? "";
    const outcome = runDocument(text, { series: () => {}, migrationDone: () => {} });
    assert.ok(outcome.ok);
    const web = outcome.result.migrations.find((m) => m.vm === "web")!;
    assert.equal(web.reusedFrom, c.reused ? "app" : undefined);
    assert.match(shown, c.reused ? /\*\*Content reuse:\*\* 300 MiB of web's static pages copied from app on dc\.host\[3\]/ : /\*\*Content reuse:\*\* nothing predicted for web/);
  });
}
