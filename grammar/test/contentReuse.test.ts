import { test } from "node:test";
import assert from "node:assert/strict";
import { check, complete, hover, inlayHints, type Diagnostic } from "../src/index.js";

const world =
  'scenario "s" { }\n' +
  'hypervisor x41 kind xen { version "xen-4.1" }\nhypervisor x42 kind xen { version "xen-4.2" }\n' +
  "topology dc star { hosts 5  link { bandwidth 1 Gbps } }\nhosts dc.host[*] { hypervisor x41 }\nhosts dc.host[3] { hypervisor x42 }\n";
const table = 'policy content_reuse static_content {\n  "ubuntu" on "xen-4.1" 300 MiB\n  "ubuntu" on "xen-4.2" 76800 pages\n}\n';
const vms = 'vm db on dc.host[1] { memory 2 GiB  os "ubuntu" }\nvm web on dc.host[0] { memory 1 GiB  os "ubuntu" }\n';

const MiB = 2 ** 20;
const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

test("the static-page table, OS and hypervisor versions reach the scenario in SI", () => {
  const { scenario, diagnostics } = check(world + table + vms + "migrate web to dc.host[1]");
  assert.deepEqual(summary(diagnostics), []);
  assert.deepEqual(scenario!.contentReuse, {
    kind: "static-content",
    table: [
      { os: "ubuntu", hypervisorVersion: "xen-4.1", staticBytes: 300 * MiB },
      { os: "ubuntu", hypervisorVersion: "xen-4.2", staticBytes: 300 * MiB },
    ],
  });
  assert.equal(scenario!.vms[1]!.os, "ubuntu");
  assert.deepEqual(scenario!.profiles.flatMap((p) => (p.version === undefined ? [] : [p.version])), ["xen-4.1", "xen-4.2"]);
});

const diagnosticCases: { why: string; text: string; expected: string[] }[] = [
  {
    why: "a row written twice",
    text: world + 'policy content_reuse static_content { "ubuntu" on "xen-4.1" 300 MiB  "ubuntu" on "xen-4.1" 200 MiB }\n' + vms + "migrate web to dc.host[1]",
    expected: ['error duplicate-name: the table already has a row for "ubuntu" on "xen-4.1" (300 MiB)'],
  },
  {
    why: "a row outside the content reuse policy",
    text: world + 'vm db on dc.host[1] { memory 2 GiB  "ubuntu" on "xen-4.1" 300 MiB }\nmigrate db to dc.host[2]',
    expected: ["error wrong-value: vm 'db' has no table rows: '\"OS\" on \"version\" SIZE' belongs in 'policy content_reuse static_content { … }'"],
  },
  {
    why: "a row's size without a unit",
    text: world + 'policy content_reuse static_content { "ubuntu" on "xen-4.1" 300 }\n' + vms + "migrate web to dc.host[1]",
    expected: ["error missing-unit"],
  },
  {
    why: "a migrated VM without an OS, and rows no VM and host can match",
    text: world + 'policy content_reuse static_content { "ubuntu" on "xen-4.1" 300 MiB  "debian" on "xen-4.1" 1 MiB  "ubuntu" on "xen-9" 1 MiB }\nvm db on dc.host[1] { memory 2 GiB  os "ubuntu" }\nvm anon on dc.host[0] { memory 1 GiB }\nmigrate anon to dc.host[1]',
    expected: [
      'warning unused: this row can never match: no VM runs "debian"',
      'warning unused: this row can never match: no host runs hypervisor version "xen-9"',
      "warning unused: 'db' is never migrated",
      "warning missing-attribute: 'anon' has no 'os', so the content reuse table cannot key it: round 0 sends all of its 1 GiB",
    ],
  },
  {
    why: "a VM whose OS has no row, and a VM whose hypervisor version contradicts its host's",
    text: world + table + 'vm db on dc.host[1] { memory 2 GiB  os "ubuntu" }\nvm w on dc.host[0] { memory 1 GiB  os "windows"  hypervisor_version "xen-4.0" }\nmigrate w to dc.host[1]',
    expected: [
      "warning unused: 'db' is never migrated",
      "warning wrong-value: 'w' says hypervisor_version \"xen-4.0\", but its host 'dc.host[0]' runs 'x41' version \"xen-4.1\"; the host's version is the one content reuse uses",
      "warning missing-attribute: the content reuse table has no row for \"windows\" on \"xen-4.1\", so 'w' reuses nothing",
    ],
  },
];
for (const c of diagnosticCases) {
  test(`content reuse diagnostics: ${c.why}`, () => {
    const got = summary(check(c.text).diagnostics);
    assert.equal(got.length, c.expected.length, got.join("\n"));
    c.expected.forEach((e, i) => assert.ok(got[i]!.startsWith(e), `${got[i]} should start with ${e}`));
  });
}

test("migrate … to any: policy placement similarity chooses, and hover and inlay hints show the host", () => {
  const text = world + table + "policy placement similarity\n" + vms + "migrate web to any dc.host[1..4]";
  const checked = check(text);
  assert.deepEqual(summary(checked.diagnostics), []);
  const scenario = checked.scenario!;
  assert.equal(scenario.hosts[scenario.migrations[0]!.target]!.name, "dc.host[1]");
  const hints = inlayHints(checked);
  assert.equal(hints.length, 1);
  assert.match(hints[0]!.label, /^→ dc\.host\[1\] ≈ /);
  const shown = hover(checked, text.indexOf("migrate web") + 2)!.contents;
  assert.match(shown, /\*\*Destination of web:\*\* dc\.host\[1\], chosen by `policy placement similarity`/);
  assert.match(shown, /\*\*Content reuse:\*\* 300 MiB of web's static pages copied from db on dc\.host\[1\]/);
});

test("to any without a placement policy is an error whose fix adds the policy", () => {
  const text = world + vms + "migrate db to dc.host[2]\nmigrate web to any dc.host[1..4]";
  const [d] = check(text).diagnostics;
  assert.equal(d!.code, "missing-attribute");
  const edit = d!.fixes![0]!.edits[0]!;
  const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  assert.deepEqual(summary(check(fixed).diagnostics), []);
});

test("to any where no candidate has room is an error with the numbers", () => {
  const text = world + "policy placement similarity\nhosts dc.host[*] { memory 1 GiB }\nvm big on dc.host[0] { memory 1 GiB }\nvm f on dc.host[1] { memory 1 GiB }\nmigrate big to any dc.host[1]";
  const got = summary(check(text).diagnostics);
  assert.ok(got.some((line) => line.startsWith("error out-of-range: none of the 1 candidate hosts can take 'big' (1 GiB) at 0 s")), got.join("\n"));
});

test("local storage under a hypervisor without block migration is an error; its fix turns block migration on", () => {
  const text = world + 'vm legacy on dc.host[0] { memory 1 GiB  disk 40 GiB  storage local }\nmigrate legacy to dc.host[1]';
  const [d] = check(text).diagnostics;
  assert.equal(d!.code, "no-block-migration");
  assert.equal(d!.message, "'legacy' has 40 GiB on local storage, but 'dc.host[0]' runs 'x41' (xen), which does not do block migration: turn on 'block_migration' in 'x41', or use shared storage");
  const edit = d!.fixes![0]!.edits[0]!;
  const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  assert.match(fixed, /hypervisor x41 kind xen \{ block_migration on/);
  assert.deepEqual(summary(check(fixed).diagnostics), []);
  assert.deepEqual(summary(check(text.replace("kind xen { version \"xen-4.1\" }", "kind xen { version \"xen-4.1\"  block_migration on }")).diagnostics), []);
});

/** Completes at the `|` in `source` and returns the labels. */
function labels(source: string): string[] {
  const offset = source.indexOf("|");
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return complete(text, offset, check(text).symbols).map((c) => c.label);
}

const completionCases: [string, string, string[]][] = [
  ["a table row inside the content reuse block", "policy content_reuse static_content {\n  |\n}", ['"OS" on "hypervisor version" size']],
  ["on after a row's OS", 'policy content_reuse static_content {\n  "ubuntu" |\n}', ["on"]],
  ["a hypervisor version after on", 'policy content_reuse static_content {\n  "ubuntu" on |\n}', ['"hypervisor version"']],
  ["size units after a row's number", 'policy content_reuse static_content {\n  "ubuntu" on "xen-4.1" 300 |\n}', ["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "pages"]],
  ["the content reuse choice", "policy content_reuse |", ["static_content"]],
  ["the similarity placement", "policy placement |", ["similarity"]],
  ["hypervisor attributes include version and block migration", "hypervisor p kind xen { | }", ["version", "block_migration"]],
];
for (const [why, source, expected] of completionCases) {
  test(`completion: ${why}`, () => {
    const got = labels(source);
    for (const label of expected) assert.ok(got.includes(label), `${label} in ${got.join(", ")}`);
  });
}
