import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Random } from "@vmig/engine";
import { check, parse, type ParseResult } from "../src/index.js";
import { reparseEdit } from "../src/incremental/reparse.js";
import { snapshot } from "./checkSnapshot.js";
import { samples } from "./samplesOnDisk.js";

// An edit that breaks the syntax of one declaration re-parses that declaration and a few witnesses after
// it, not the file, and must give exactly what a full parse gives: the same tree, errors and comments.

/** A parse as the editor sees it: the tree, the errors and the comments. */
function parseSnapshot(parsed: ParseResult): string {
  return JSON.stringify({ declarations: parsed.file.declarations, errors: parsed.errors, comments: parsed.comments.map((c) => [c.startOffset, c.image]) });
}

const scenario = [
  'scenario "broken" { seed 1 horizon 60 s }',
  "hypervisor xen kind xen { max_rounds 30 }",
  "topology dc {",
  "  switch core",
  ...[0, 1, 2, 3].flatMap((i) => [`  host h${i} { hypervisor xen memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`]),
  "}",
  ...[0, 1, 2, 3].flatMap((i) => [`/// VM ${i}.`, `vm v${i} on h${i} { memory 2 GiB dirty 2000 pages/s }`, `migrate v${i} to h${(i + 1) % 4} at ${i} s`]),
  "expect v0.downtime < 1 s",
].join("\n");

/** `scenario` with `find` (which must occur) replaced by `replace`. */
function edit(find: string, replace: string): string {
  assert.ok(scenario.includes(find), find);
  return scenario.replace(find, replace);
}

test("a letter typed into a VM's number re-parses that VM only, and equals a full check", () => {
  const text = edit("vm v1 on h1 { memory 2 GiB dirty 2000", "vm v1 on h1 { memory 2 GiB dirty 2x000");
  const before = check(scenario);
  const kept = before.parsed.file.declarations.filter((d) => d.kind === "topology" || d.kind === "migrate");
  const incremental = check(text, { previous: { text: scenario, parsed: before.parsed } });
  assert.equal(snapshot(incremental), snapshot(check(text)));
  assert.ok(incremental.parsed.errors.length > 0);
  for (const declaration of kept) assert.ok(incremental.parsed.file.declarations.includes(declaration), `${declaration.kind} at ${declaration.start} was parsed again`);
  // Removing the letter again is an edit of a file with errors, inside the region that has them.
  const fixed = check(scenario, { previous: { text, parsed: incremental.parsed } });
  assert.equal(snapshot(fixed), snapshot(check(scenario)));
  assert.ok(fixed.parsed.file.declarations.includes(kept[0]!));
});

test("breaking edits whose effect could reach past the declaration are parsed in full, and equal a full check", () => {
  const cases: [string, string][] = [
    // An unclosed block: the braces the region opens are not all closed.
    ["vm v1 on h1 { memory 2 GiB dirty 2000 pages/s }", "vm v1 on h1 { memory 2 GiB dirty 2000 pages/s"],
    // An unclosed string runs to the end of its line only, but the VM's block then never closes.
    ['vm v1 on h1 { memory 2 GiB dirty 2000 pages/s }', 'vm v1 on h1 { memory 2 GiB dirty 2000 pages/s "}'],
    // A block comment opened and never closed does not lex.
    ["migrate v1 to h2 at 1 s", "migrate v1 to h2 at 1 s /*"],
  ];
  for (const [find, replace] of cases) {
    const text = edit(find, replace);
    const before = check(scenario);
    const incremental = check(text, { previous: { text: scenario, parsed: before.parsed } });
    assert.equal(snapshot(incremental), snapshot(check(text)), replace);
    assert.ok(!incremental.parsed.file.declarations.includes(before.parsed.file.declarations[0]!), `${replace}: reused the first declaration`);
  }
});

test("a broken last declaration is re-parsed alone, and equals a full check", () => {
  const text = edit("expect v0.downtime < 1 s", "expect v0.downtime < < 1 s");
  const before = check(scenario);
  const incremental = check(text, { previous: { text: scenario, parsed: before.parsed } });
  assert.equal(snapshot(incremental), snapshot(check(text)));
  assert.ok(incremental.parsed.errors.length > 0);
  assert.ok(incremental.parsed.file.declarations.includes(before.parsed.file.declarations[0]!));
});

/** What an edit inserts: characters that open or close things, words that start declarations, units. */
const inserted = ["a", "x", "0", " ", "\n", "{", "}", '"', "/", "*", ".", "-", "[", "]", "<", "%", "vm ", "migrate ", "host ", "{ ", "} ", "..", "to ", "at ", "GiB", "//", "/*", "*/", "///", "on "];

test("chains of random edits, each of a text that may already have errors: every re-parse equals a full parse", () => {
  const texts = readdirSync(samples).filter((f) => f.endsWith(".vmig")).sort().map((f) => readFileSync(join(samples, f), "utf8"));
  texts.push(scenario);
  const random = new Random(23);
  let brokenReparses = 0;
  for (const original of texts) {
    for (let chain = 0; chain < 25; chain++) {
      let text = original;
      for (let step = 0; step < 3; step++) {
        const at = Math.floor(random.next() * (text.length + 1));
        const next = random.next() < 0.3 && at < text.length
          ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random.next() * 3))
          : text.slice(0, at) + inserted[Math.floor(random.next() * inserted.length)]! + text.slice(at);
        const reparsed = reparseEdit(next, { text, parsed: parse(text) });
        if (reparsed) {
          assert.equal(parseSnapshot(reparsed), parseSnapshot(parse(next)), `${JSON.stringify(text.slice(at - 30, at + 30))} → ${JSON.stringify(next.slice(at - 30, at + 30))}`);
          if (reparsed.errors.length > 0) brokenReparses++;
        }
        text = next;
      }
    }
  }
  // The comparison only means something if edits that leave errors were re-parsed in part often.
  assert.ok(brokenReparses >= 100, `only ${brokenReparses} re-parses with errors`);
});
