import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Random } from "@vmig/engine";
import { fromDisk, samples } from "./samplesOnDisk.js";
import { check, CheckCache, complete, parse, type CheckResult } from "../src/index.js";
import { snapshot } from "./checkSnapshot.js";
import { changedRange } from "../src/incremental/reparse.js";

// An incremental check (re-parsing only the edited declarations) must equal a fresh full check, byte for
// byte: random single-character edits, each followed by its undo, are applied to every sample and to a
// generated large scenario, and both checks of every version are compared.

/** Characters an edit inserts: words, numbers, blank space, and every character that opens or closes something. */
const inserted = ["a", "x", "_", "0", "7", " ", "\n", "\t", "{", "}", '"', "/", "*", ".", "-", "[", "]", "<", "%", "#"];


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

/**
 * Applies `count` random edits to `original`, each followed by its undo, carrying each version's parse and
 * the document's check cache (forecasts of unchanged migrations) into the next check; returns how many
 * checks reused declarations of the previous parse.
 */
function compareEdits(original: string, uri: string, seed: number, count: number): { checks: number; reused: number } {
  // The engine's seeded generator, so that a failure is reproduced by the test's name.
  const rng = new Random(seed);
  const random = () => rng.next();
  const options = { uri, resolveImport: fromDisk };
  let text = original;
  const cache = new CheckCache();
  let previous = check(text, { ...options, cache });
  let checks = 0;
  let reused = 0;
  for (let i = 0; i < count; i++) {
    const edit = randomEdit(original, random);
    for (const next of [apply(original, edit), original]) {
      const before = new Set(previous.parsed.file.declarations);
      const incremental = check(next, { ...options, previous: { text, parsed: previous.parsed }, cache });
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

/** `original` with its first `find` replaced by `replace`, and the offset of the edit. */
function edited(original: string, find: string, replace: string): { text: string; at: number } {
  const at = original.indexOf(find);
  assert.ok(at >= 0, find);
  return { text: original.slice(0, at) + replace + original.slice(at + find.length), at };
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
    const { text } = edited(original, find, replace);
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
    const { text, at } = edited(original, find, replace);
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

test("the changed range found by halving is the one a character-by-character comparison finds", () => {
  const random = new Random(11);
  const letters = "ab\n";
  const word = (length: number) => Array.from({ length }, () => letters[Math.floor(random.next() * letters.length)]).join("");
  for (let i = 0; i < 2_000; i++) {
    // Few distinct letters, so that edits often repeat the characters around them.
    const oldText = word(Math.floor(random.next() * 60));
    const at = Math.floor(random.next() * (oldText.length + 1));
    const removed = Math.floor(random.next() * (oldText.length - at + 1));
    const newText = oldText.slice(0, at) + word(Math.floor(random.next() * 4)) + oldText.slice(at + removed);
    let start = 0;
    while (start < Math.min(oldText.length, newText.length) && oldText[start] === newText[start]) start++;
    let suffix = 0;
    while (suffix < Math.min(oldText.length, newText.length) - start && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
    assert.deepEqual(changedRange(oldText, newText), { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix }, JSON.stringify([oldText, newText]));
  }
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

test("edits that change what forecasts read, kept with one check cache: every check equals a full check", () => {
  const original = generated(30);
  // Each edit applies to the text the previous one left: a VM's memory and dirty rate, a link's bandwidth,
  // the profile, the network of routes (a host linked through another and back), and back to the start.
  const edits: [string, string][] = [
    ["vm v5 on h5 { memory 2 GiB", "vm v5 on h5 { memory 3 GiB"],
    ["vm v5 on h5 { memory 3 GiB dirty 5000", "vm v5 on h5 { memory 3 GiB dirty 9000"],
    ["link h6 -- core { bandwidth 7 Gbps", "link h6 -- core { bandwidth 1 Gbps"],
    ["{ max_rounds 30 }", "{ max_rounds 4 }"],
    ["link h7 -- core", "link h7 -- h6"],
    ["vm v5 on h5 { memory 3 GiB", "vm v5 on h5 { memory 2 GiB"],
    ["link h7 -- h6", "link h7 -- core"],
  ];
  const cache = new CheckCache();
  let text = original;
  let previous = check(text, { cache });
  const forecasts = new Set<string>([JSON.stringify(previous.forecasts)]);
  for (const [find, replace] of edits) {
    const { text: next } = edited(text, find, replace);
    const incremental = check(next, { previous: { text, parsed: previous.parsed }, cache });
    const full = check(next);
    assert.equal(snapshot(incremental), snapshot(full), JSON.stringify([find, replace]));
    assert.equal(full.diagnostics.filter((d) => d.severity === "error").length, 0, JSON.stringify([find, replace]));
    forecasts.add(JSON.stringify(full.forecasts));
    text = next;
    previous = incremental;
  }
  // The edits change the forecasts, so the comparisons above cover forecasts computed anew and reused.
  assert.ok(forecasts.size >= 5, `only ${forecasts.size} different forecasts`);
});

test("edits around the network, kept with one check cache: every check equals a full check, and the network is reused when it may be", () => {
  const original = generated(30);
  // Each edit applies to the text the previous one left, and says whether the lowered network of the check
  // before may be reused: only when the hypervisors, topologies and hosts keep their text and offsets, the
  // declared names stay the same and the network reported nothing.
  const edits: [find: string, replace: string, reused: boolean][] = [
    ["vm v5 on h5 { memory 2 GiB", "vm v5 on h5 { memory 3 GiB", true],
    ["migrate v6 to h7 at 6 s", "migrate v6 to h0 at 6 s", true],
    ["/* profiles */", "/* the profiles */", false],
    ["vm v5 on h5 { memory 3 GiB", "vm v5 on h5 { memory 2 GiB", true],
    ["vm v9 on h9", "vm h9 on h9", false],
    ["vm h9 on h9", "vm v9 on h9", false],
    ["vm pool[1..3] on h0", "vm pool[1..4] on h0", false],
    ["link h4 -- core", "link h4 -- kore", false],
    ["vm v5 on h5 { memory 2 GiB", "vm v5 on h5 { memory 3 GiB", false],
    ["link h4 -- kore", "link h4 -- core", false],
    ["vm v5 on h5 { memory 3 GiB", "vm v5 on h5 { memory 2 GiB", true],
    ["max_rounds 30", "max_rounds 31", false],
    ["expect v1.total_time < 2 s", "expect v1.total_time < 3 s", true],
  ];
  // A reused network stage shares its very arrays with the check before.
  compareReuse(original, edits, (previous, incremental) => incremental.scenario !== undefined && previous.scenario !== undefined && incremental.scenario.nodes === previous.scenario.nodes);
});

test("edits of VMs, kept with one check cache: every check equals a full check, and unchanged VMs are reused, moved", () => {
  const original = generated(30).replace("vm v2 on h2 { memory 3 GiB", "vm v2 on h2 { sla 1 s memory 3 GiB");
  // Each edit applies to the text the previous one left; `v2 reused` says whether the lowered VM v2 (with its
  // `sla` expectation) of the check before may be reused: its text, the declared names and the hosts'
  // indices are the same.
  const edits: [find: string, replace: string, v2Reused: boolean][] = [
    ["/// VM 1.", "/// VM 11.", true],
    ["vm v2 on h2 { sla 1 s", "vm v2 on h2 { sla 2 s", false],
    ["/// VM 0.", "/// VM.", true],
    ["vm v1 on h1 { memory", "vm v1 on h3 { memory", true],
    ["link h4 -- core { bandwidth 5 Gbps", "link h4 -- core { bandwidth 6 Gbps", true],
    ["host h2 { hypervisor xen30 memory 64 GiB", "host h2 { hypervisor xen30 memory 65 GiB", true],
    ["vm pool[1..3] on h0", "vm extra on h3 { memory 1 GiB }\nvm pool[1..3] on h0", false],
    ["vm extra on h3 { memory 1 GiB }\n", "", false],
    ["/// VM 11.", "/// VM 11", true],
    ["/// VM 11", "/// VM 11.", true],
    ["vm pool[1..3] on h0", "vm pool[1..2] on h0", false],
    ["vm pool[1..2] on h0", "vm pool[1..3] on h0", false],
  ];
  const v2 = (result: CheckResult) => result.scenario?.vms.find((vm) => vm.name === "v2");
  compareReuse(original, edits, (previous, incremental, full) => {
    assert.deepEqual(incremental.expectations, full.expectations);
    assert.ok(v2(full));
    return v2(incremental) === v2(previous);
  });
});

/**
 * Applies `edits` one after the other to `original` with one check cache, comparing every check with a full
 * check and `reused(previous, incremental, full)` (what was reused from the check before) with the edit's
 * `expected`.
 */
function compareReuse<T>(
  original: string,
  edits: readonly (readonly [find: string, replace: string, expected: T])[],
  reused: (previous: CheckResult, incremental: CheckResult, full: CheckResult) => T,
): void {
  const cache = new CheckCache();
  let text = original;
  let previous = check(text, { cache });
  for (const [find, replace, expected] of edits) {
    const where = JSON.stringify([find, replace]);
    const { text: next } = edited(text, find, replace);
    const incremental = check(next, { previous: { text, parsed: previous.parsed }, cache });
    const full = check(next);
    assert.equal(snapshot(incremental), snapshot(full), where);
    assert.deepEqual(reused(previous, incremental, full), expected, where);
    text = next;
    previous = incremental;
  }
}

test("edits around migrations, kept with one check cache: every check equals a full check, and unchanged migrations are reused, moved", () => {
  // `v6 reused` says whether the lowered migration of v6 of the check before may be reused: its text, the
  // declared names, the hosts' indices and v6's index and host are the same.
  const edits: [find: string, replace: string, v6Reused: boolean][] = [
    ["vm v5 on h5 { memory 2 GiB", "vm v5 on h5 { memory 3 GiB", true],
    ["vm v6 on h6 { memory 3 GiB", "vm v6 on h6 { memory 4 GiB", true],
    ["/// VM 1.", "/// VM 11.", true],
    ["migrate v6 to h7 at 6 s", "migrate v6 to h7 at 7 s", false],
    ["migrate v6 to h7 at 7 s", "migrate v6 to h7 at 6 s", false],
    ["vm v6 on h6", "vm v6 on h5", false],
    ["vm v6 on h5", "vm v6 on h6", false],
    ["/// VM 11.", "/// VM 1.", true],
    ["/// VM 6.", "vm extra on h3 { memory 1 GiB }\n/// VM 6.", false],
    ["vm extra on h3 { memory 1 GiB }\n", "", false],
    ["host h6 { hypervisor xen30 memory 64 GiB", "host h6 { hypervisor xen30 memory 65 GiB", true],
    ["link h7 -- core { bandwidth 8 Gbps", "link h7 -- core { bandwidth 9 Gbps", true],
    ["migrate v6 to h7", "migrate v6 to h8", false],
  ];
  const v6 = (result: CheckResult) => result.scenario?.migrations.find((m) => result.scenario!.vms[m.vm]!.name === "v6");
  compareReuse(generated(30), edits, (previous, incremental) => {
    assert.ok(v6(incremental));
    return v6(incremental) === v6(previous);
  });
});

test("edits around declarations, kept with one check cache: every check equals a full check, and unchanged names are declared again as they were", () => {
  // Whether the symbols of v20 and of the topology's host h21 are the very objects of the check before: the
  // text, doc and offset of what declares them are the same, and they were not declared twice then.
  const edits: [find: string, replace: string, reused: [v20: boolean, h21: boolean]][] = [
    ["vm v5 on h5 { memory 2 GiB", "vm v5 on h5 { memory 3 GiB", [true, true]],
    ["/// VM 20.", "/// VM 20!", [false, true]],
    ["/// VM 1.", "/// VM 11.", [false, true]],
    ["/// VM 11.", "/// VM 1.", [false, true]],
    ["host h20 { hypervisor xen30 memory 64 GiB", "host h20 { hypervisor xen30 memory 65 GiB", [true, true]],
    ["host h21 { hypervisor xen30 memory 64 GiB", "host h21 { hypervisor xen30 memory 65 GiB", [true, false]],
    ["  host h1 {", "  host h21 {", [false, false]],
    ["  host h21 {", "  host h1 {", [false, false]],
    ["vm v9 on h9", "vm v20 on h9", [false, true]],
    ["vm v20 on h9", "vm v9 on h9", [false, true]],
    ["vm v5 on h5 { memory 3 GiB", "vm v5 on h5 { memory 2 GiB", [true, true]],
  ];
  const symbols = (result: CheckResult) => [result.symbols.lookup("v20"), result.symbols.lookup("h21")];
  compareReuse(generated(30), edits, (previous, incremental) => {
    const now = symbols(incremental);
    assert.ok(now.every((s) => s !== undefined));
    return now.map((s, i) => s === symbols(previous)[i]);
  });
});

test("edits inside the topology, kept with one check cache: every check equals a full check, and unchanged hosts, links and profiles are reused one by one", () => {
  // Whether host h7, the link of h7 and the profile xen30 are the very objects of the check before: the
  // member's text is the same, the names too (a new name lowers every member again), and every index it
  // holds (its node, its profile, its ends) still means the same.
  const edits: [find: string, replace: string, reused: [host: boolean, link: boolean, profile: boolean]][] = [
    ["host h6 { hypervisor xen30 memory 64 GiB", "host h6 { hypervisor xen30 memory 65 GiB", [true, true, true]],
    ["link h6 -- core { bandwidth 7 Gbps", "link h6 -- core { bandwidth 8 Gbps", [true, true, true]],
    ["host h7 { hypervisor xen30 memory 64 GiB", "host h7 { hypervisor xen30 memory 63 GiB", [false, true, true]],
    ["link h7 -- core { bandwidth 8 Gbps", "link h7 -- core { bandwidth 9 Gbps", [true, false, true]],
    ["/* profiles */", "/* the profiles */", [true, true, true]],
    ["{ max_rounds 30 }", "{ max_rounds 31 }", [true, true, false]],
    ["  switch core", "  switch core\n  switch spare", [false, false, false]],
    ["  switch core\n  switch spare", "  switch core", [false, false, false]],
    ["vm v5 on h5 { memory 2 GiB", "vm v5 on h5 { memory 3 GiB", [true, true, true]],
  ];
  const members = (result: CheckResult) => {
    const scenario = result.scenario!;
    return [scenario.hosts.find((h) => h.name === "h7"), scenario.links.find((l) => l.name === "h7--core"), scenario.profiles.find((p) => p.name === "xen30")];
  };
  compareReuse(generated(30), edits, (previous, incremental) => {
    const now = members(incremental);
    assert.ok(now.every((m) => m !== undefined));
    return now.map((m, i) => m === members(previous)[i]);
  });
});
