import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { check, complete, parse, type CheckResult, type ImportResolver } from "../src/index.js";
import { changedRange } from "../src/incremental/reparse.js";

// An incremental check (re-parsing only the edited declarations) must equal a fresh full check, byte for
// byte: random single-character edits, each followed by its undo, are applied to every sample and to a
// generated large scenario, and both checks of every version are compared.

const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");

const fromDisk: ImportResolver = (path, from) => {
  const uri = new URL(path, from).href;
  try {
    return { uri, text: readFileSync(fileURLToPath(uri), "utf8") };
  } catch {
    return undefined;
  }
};

/** Characters an edit inserts: words, numbers, blank space, and every character that opens or closes something. */
const inserted = ["a", "x", "_", "0", "7", " ", "\n", "\t", "{", "}", '"', "/", "*", ".", "-", "[", "]", "<", "%", "#"];

/** A seeded generator (mulberry32), so that a failure is reproduced by the test's name. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edit {
  readonly offset: number;
  readonly remove: number;
  readonly insert: string;
}

function randomEdit(text: string, random: () => number): Edit {
  const offset = Math.floor(random() * (text.length + 1));
  if (random() < 0.5 && offset < text.length) return { offset, remove: 1, insert: "" };
  return { offset, remove: 0, insert: inserted[Math.floor(random() * inserted.length)]! };
}

function apply(text: string, edit: Edit): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
}

/** Everything a check gives the editor: diagnostics, the tree, the names navigation reads, the scenario and forecasts. */
function snapshot(result: CheckResult): string {
  return JSON.stringify({
    diagnostics: result.diagnostics,
    errors: result.parsed.errors,
    declarations: result.parsed.file.declarations,
    comments: result.parsed.comments.map((c) => [c.startOffset, c.image, c.tokenType.name]),
    symbols: result.symbols.all().map((s) => ({ ...s, declaration: [s.declaration.start, s.declaration.end] })),
    references: result.symbols.references.map((r) => [r.start, r.end, r.symbol.name, r.uri]),
    scenario: result.scenario,
    forecasts: result.forecasts,
    migrations: result.migrationDeclarations.map((d) => [d.start, d.end]),
  });
}

/**
 * Applies `count` random edits to `original`, each followed by its undo, carrying each version's parse into
 * the next check; returns how many checks reused declarations of the previous parse.
 */
function compareEdits(original: string, uri: string, seed: number, count: number): { checks: number; reused: number } {
  const random = generator(seed);
  const options = { uri, resolveImport: fromDisk };
  let text = original;
  let previous = check(text, options);
  let checks = 0;
  let reused = 0;
  for (let i = 0; i < count; i++) {
    const edit = randomEdit(original, random);
    for (const next of [apply(original, edit), original]) {
      const before = new Set(previous.parsed.file.declarations);
      const incremental = check(next, { ...options, previous: { text, parsed: previous.parsed } });
      const full = check(next, options);
      const where = `edit ${i} (${JSON.stringify(edit)}) ${next === original ? "undone" : "applied"}`;
      assert.equal(snapshot(incremental), snapshot(full), where);
      checks++;
      if (incremental.parsed.file.declarations.some((d) => before.has(d))) reused++;
      text = next;
      previous = incremental;
    }
  }
  return { checks, reused };
}

/** A generated scenario with doc, line and block comments, families, a generated topology and expectations. */
function generated(hosts: number): string {
  const lines = ['scenario "large" { seed 3 horizon 900 s }', "/* profiles */", "hypervisor xen30 kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < hosts; i++) lines.push(`  host h${i} { hypervisor xen30 memory 64 GiB }`, `  link h${i} -- core { bandwidth ${1 + (i % 10)} Gbps latency 20 us } // uplink`);
  lines.push("}", "topology fabric fattree { k 4 }");
  for (let i = 0; i < hosts; i++) {
    lines.push(`/// VM ${i}.`, `vm v${i} on h${i} { memory ${1 + (i % 4)} GiB dirty ${1000 * (i % 7)} pages/s }`, `migrate v${i} to h${(i + 1) % hosts} at ${i % 60} s`, "");
  }
  lines.push("vm pool[1..3] on h0 { memory 1 GiB }", "expect v0.downtime < 1 s", "expect v1.total_time < 2 s");
  return lines.join("\n");
}

for (const name of readdirSync(samples).filter((f) => f.endsWith(".vmig")).sort()) {
  test(`random one-character edits of ${name}: the incremental check equals a full check`, () => {
    const file = join(samples, name);
    const { checks, reused } = compareEdits(readFileSync(file, "utf8"), pathToFileURL(file).href, name.length, 60);
    // The comparison only means something if the incremental path was taken often.
    assert.ok(reused >= checks / 4, `only ${reused} of ${checks} checks reused the previous parse`);
  });
}

test("random one-character edits of a generated 1,800-line scenario: the incremental check equals a full check", () => {
  const text = generated(300);
  assert.ok(text.split("\n").length > 1800);
  const { checks, reused } = compareEdits(text, "file:///large.vmig", 7, 10);
  assert.ok(reused >= checks / 4, `only ${reused} of ${checks} checks reused the previous parse`);
});

test("edits of doc comments and of the lines between declarations: the incremental check equals a full check", () => {
  const original = generated(20);
  // Each edit: the text it finds, and what replaces it. Doc comments sit at the end of the previous
  // declaration's region, so these edits change the doc of the declaration after the re-parsed one.
  const edits: [string, string][] = [
    ["/// VM 5.", "// VM 5."],
    ["/// VM 5.", "/// VM 55."],
    ["/// VM 5.\n", "/// VM 5.\n// note\n"],
    ["/// VM 5.\n", "/// VM 5.\n\n"],
    ["s\n\n/// VM 5.", "s\n\n/// more\n/// VM 5."],
    ["s\n\n/// VM 5.", "s /// VM 5."],
    ["/// VM 5.", ""],
  ];
  for (const [find, replace] of edits) {
    const at = original.indexOf(find);
    assert.ok(at >= 0, find);
    const text = original.slice(0, at) + replace + original.slice(at + find.length);
    const before = check(original);
    const incremental = check(text, { previous: { text: original, parsed: before.parsed } });
    const full = check(text);
    assert.equal(snapshot(incremental), snapshot(full), JSON.stringify([find, replace]));
    assert.ok(incremental.parsed.file.declarations.includes(before.parsed.file.declarations[0]!), `${JSON.stringify(find)} was re-parsed in full`);
  }
});

test("an edit inside a block re-parses only the members it touched, and equals a full check", () => {
  const original = generated(50);
  const edits: [string, string][] = [
    ["host h20 { hypervisor xen30 memory 64 GiB }", "host h20 { hypervisor xen30 memory 65 GiB }"],
    ["host h20 { hypervisor xen30 memory 64 GiB }", "host h20 { hypervisor xen30 memory 64 GiB cores 8 }"],
    ["  link h20 -- core", "  link h20 -- core\n  link h20 -- h21 { bandwidth 1 Gbps }\n  link h20 -- core"],
    ["  host h49 { hypervisor xen30 memory 64 GiB }", "  host h49 { hypervisor xen30 memory 64 GiB } /* the last */"],
  ];
  for (const [find, replace] of edits) {
    const at = original.indexOf(find);
    assert.ok(at >= 0, find);
    const text = original.slice(0, at) + replace + original.slice(at + find.length);
    const before = check(original);
    const block = (result: CheckResult) => result.parsed.file.declarations.find((d) => d.start <= at && at < d.end)!;
    const firstMember = (block(before) as { body?: { members: readonly unknown[] } }).body!.members[0];
    const incremental = check(text, { previous: { text: original, parsed: before.parsed } });
    assert.equal(snapshot(incremental), snapshot(check(text)), JSON.stringify([find, replace]));
    const members = (block(incremental) as { body?: { members: readonly unknown[] } }).body!.members;
    assert.equal(members[0], firstMember, `${JSON.stringify(find)}: the block's first member was parsed again`);
  }
  // An attribute left without a value takes the next line's `host` as its value (a reference), an error the
  // edited member alone would not show: the re-parse must give the full parse's errors.
  const withCores = original.replace("  host h20 {", "  cores 4\n  host h20 {");
  const valueless = withCores.replace("  cores 4\n", "  cores\n");
  const before = check(withCores);
  assert.equal(snapshot(check(valueless, { previous: { text: withCores, parsed: before.parsed } })), snapshot(check(valueless)));
});

test("the changed range of two texts leaves out their common prefix and suffix", () => {
  assert.deepEqual(changedRange("host h1", "host h12"), { start: 7, oldEnd: 7, newEnd: 8 });
  assert.deepEqual(changedRange("aaa", "aa"), { start: 2, oldEnd: 3, newEnd: 2 });
  assert.deepEqual(changedRange("vm a", "vm a"), { start: 4, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(changedRange("x = 1;", "x = 22;"), { start: 4, oldEnd: 5, newEnd: 6 });
});

for (const name of readdirSync(samples).filter((f) => f.endsWith(".vmig")).sort()) {
  test(`completion in ${name} is the same when lexed from a few declarations back`, () => {
    const text = readFileSync(join(samples, name), "utf8");
    const symbols = check(text).symbols;
    const parsed = parse(text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(complete(text, offset, symbols, parsed), complete(text, offset, symbols), `at offset ${offset}`);
    }
  });
}
