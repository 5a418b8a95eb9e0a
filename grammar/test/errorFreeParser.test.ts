import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Random } from "@vmig/engine";
import { parse, type ParseResult } from "../src/index.js";
import { parseErrorFree } from "../src/syntax/errorFreeParser.js";
import { vmigLexer } from "../src/syntax/tokens.js";
import { samples } from "./samplesOnDisk.js";

// The error-free reader in front of Chevrotain's parser must change nothing: every text parses to exactly
// the tree, errors and comments that Chevrotain's rules alone give, whether the reader reads all of it,
// part of it, or none.

/** A parse as the editor sees it: the tree (key order included), the errors and the comments. */
function parseSnapshot(parsed: ParseResult): string {
  return JSON.stringify({ declarations: parsed.file.declarations, errors: parsed.errors, comments: parsed.comments.map((c) => [c.startOffset, c.image]) });
}

function assertSameParse(text: string, what: string): void {
  assert.equal(parseSnapshot(parse(text)), parseSnapshot(parse(text, { chevrotainOnly: true })), what);
}

/** Every .vmig file under `dir`, by path. */
function vmigFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return vmigFiles(path);
    return name.endsWith(".vmig") ? [path] : [];
  });
}

const fixtures = join(samples, "..", "grammar", "test", "fixtures");
const texts = [...vmigFiles(samples), ...vmigFiles(fixtures)].map((path) => ({ path, text: readFileSync(path, "utf8") }));

test("the reader reads every sample to its end, and its tree is Chevrotain's", () => {
  assert.ok(texts.length >= 12, `only ${texts.length} files found`);
  for (const { path, text } of texts.filter((t) => t.path.startsWith(samples))) {
    const tokens = vmigLexer.tokenize(text).tokens;
    const read = parseErrorFree(tokens, 0);
    assert.equal(read.next, tokens.length, `${path}: the reader stopped at '${tokens[read.next]?.image}' (token ${read.next})`);
    assertSameParse(text, path);
  }
});

test("the reader stops at the first declaration with a syntax error, and Chevrotain parses from there", () => {
  const text = ['scenario "s" { seed 1 }', "host a { memory 1 GiB }", "vm v on { memory 1 GiB }", "host b"].join("\n");
  const tokens = vmigLexer.tokenize(text).tokens;
  const read = parseErrorFree(tokens, 0);
  assert.equal(read.declarations.length, 2);
  assert.equal(tokens[read.next]!.image, "vm");
  const parsed = parse(text);
  assert.deepEqual(
    parsed.file.declarations.map((d) => d.kind),
    ["scenario", "host", "vm", "host"],
  );
  assert.equal(parsed.errors.length, 1);
  assertSameParse(text, "a VM without its host");
});

test("the reader decides like Chevrotain's gates: words that are attributes, groups, sweeps or `any`", () => {
  const cases = [
    "network xia { domain ad1 { router r1 } subnet { } }",
    'scenario "s" { sweep "vm.v.dirty" 1 pages/s, 2 pages/s sweep 3 }',
    "topology t { datacentre { flows_per_vm 10 } datacentre 3 hypervisor xen hypervisor x kind xen hosts 4 hosts a on 2 s on x }",
    "migrate v to any dc.host[*] at 1 s together sequential precopy",
    "migrate v to any at 1 s",
    "migrate v to any.host[1..3] postcopy",
    "vm w[1..3] on h { memory 2 GiB os \"ubuntu\" storage shared-nfs }",
    'policy schedule sequential { "ubuntu-22.04" on "xen-4.1" 300 MiB }',
    "traffic { background a -> b cbr 100 Mbps during 0 s .. 60 s { } background a -> b }",
    "expect v.downtime <= 1 s expect v.total >= 2 s expect v == 3",
    "link a -- b link { bandwidth 1 Gbps } link a -- { }",
    "host h { memory 64 GiB cpu 50 % } hosts dc.host[*] { hypervisor xen }",
  ];
  for (const text of cases) assertSameParse(text, text);
});

test("nesting deeper than the reader goes is left to Chevrotain: no exception, and the same parse", () => {
  const nested = (depth: number, closed: boolean) => "network x { " + "subnet a { ".repeat(depth) + (closed ? "}".repeat(depth + 1) : "");
  for (const [depth, closed] of [[3, true], [64, true], [65, true], [10_000, true], [10_000, false]] as const) {
    const text = nested(depth, closed);
    assert.doesNotThrow(() => parse(text), `${depth} levels`);
    assertSameParse(text, `${depth} levels, ${closed ? "closed" : "unclosed"}`);
  }
  const tokens = vmigLexer.tokenize(nested(3, true)).tokens;
  assert.equal(parseErrorFree(tokens, 0).next, tokens.length, "three levels are read");
});

test("mutated samples and fixtures parse exactly as with Chevrotain alone", () => {
  const random = new Random(2026);
  const pieces = [" ", "{", "}", "x", "1", "..", ".", "[", "]", '"', "-", "--", "->", "on ", "host ", "GiB", "%", "*", "\n", "any ", "sweep ", "datacentre ", "subnet a ", "hosts ", "hypervisor ", "kind ", "/*", "///", ",", "<="];
  for (let k = 0; k < 1500; k++) {
    let text = texts[random.int(texts.length)]!.text;
    const edits = 1 + random.int(3);
    for (let m = 0; m < edits; m++) {
      const at = random.int(text.length + 1);
      text = random.int(2) === 0 ? text.slice(0, at) + pieces[random.int(pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + random.int(6));
    }
    assertSameParse(text, `mutation ${k}`);
  }
});

test("truncations of every sample parse exactly as with Chevrotain alone", () => {
  for (const { path, text } of texts) {
    for (let end = 0; end < text.length; end += 37) assertSameParse(text.slice(0, end), `${path} cut at ${end}`);
  }
});

setFlagsFromString("--allow-natives-syntax");
/** Whether V8 gives `a` and `b` the same hidden class (map). */
const sameShape = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

test("the reader's nodes have the shapes of Chevrotain's, so code optimised for one is not deoptimised by the other", () => {
  const text = readFileSync(join(samples, "fattree-three-migrations.vmig"), "utf8");
  const nodes = (parsed: ParseResult): object[] => {
    const out: object[] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === "object" && !("tokenType" in value)) {
        out.push(value);
        Object.values(value).forEach(visit);
      }
    };
    visit(parsed.file.declarations);
    return out;
  };
  const read = nodes(parse(text));
  const chevrotain = nodes(parse(text, { chevrotainOnly: true }));
  assert.equal(read.length, chevrotain.length);
  assert.ok(read.length > 50);
  for (let i = 0; i < read.length; i++) assert.ok(sameShape(read[i]!, chevrotain[i]!), `node ${i} (${JSON.stringify(read[i]).slice(0, 80)})`);
});
