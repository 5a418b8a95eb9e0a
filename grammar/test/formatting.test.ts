import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { formatDocument, formatRange, formatText, tokenImages, type FormattingOptions, type TextEdit } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = join(here, "..", "..", "test", "fixtures", "formatting");
const samplesDir = join(here, "..", "..", "..", "samples");

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** Formats `text`, checking the properties every formatting must have, and returns the result. */
function formatChecked(text: string, options?: FormattingOptions): string {
  const formatted = apply(text, formatDocument(text, options));
  assert.deepEqual(tokenImages(formatted), tokenImages(text), "the formatted text has other tokens");
  assert.deepEqual(formatDocument(formatted, options), [], "formatting a second time changes the text");
  assert.doesNotMatch(formatted, /[ \t]+(\r?\n|$)/, "trailing whitespace");
  return formatted;
}

const inputs = readdirSync(fixturesDir).filter((f) => f.endsWith(".vmig") && !f.endsWith(".expected.vmig")).sort();

test("formatting: there are fixtures", () => assert.ok(inputs.length >= 5));

for (const name of inputs) {
  test(`formatting fixture ${name}`, () => {
    const input = readFileSync(join(fixturesDir, name), "utf8");
    const expected = readFileSync(join(fixturesDir, name.replace(/\.vmig$/, ".expected.vmig")), "utf8");
    assert.equal(formatChecked(input), expected);
    assert.equal(formatChecked(expected), expected);
  });
}

for (const name of readdirSync(samplesDir).filter((f) => f.endsWith(".vmig")).sort()) {
  test(`formatting sample ${name} keeps its tokens, is idempotent and finds the sample formatted`, () => {
    const text = readFileSync(join(samplesDir, name), "utf8");
    assert.equal(formatChecked(text), text, "the samples follow the house style; format the sample or fix the rule");
  });
}

const cases: [string, string, string, FormattingOptions?][] = [
  ["an empty document stays empty", "", ""],
  ["a document of blank lines becomes empty", "\n\n  \n", ""],
  ["exactly one final line break", "migrate a to b\n\n\n", "migrate a to b\n"],
  ["the editor's tab size", "vm a on h {\nmemory 1 GiB\n}", "vm a on h {\n    memory 1 GiB\n}\n", { tabSize: 4, insertSpaces: true }],
  ["tabs when the editor asks for them", "topology t {\nhost h {\ncores 2\n}\n}", "topology t {\n\thost h {\n\t\tcores 2\n\t}\n}\n", { tabSize: 4, insertSpaces: false }],
  ["no space is removed where tokens would merge", "expect a.b<1 .5 s", "expect a.b < 1 . 5 s\n"],
  ["an index is part of its name", "migrate web [ 1 .. 3 ] to dc . host [ * ]\nexpect web [2] . downtime<1 s", "migrate web[1..3] to dc.host[*]\nexpect web[2].downtime < 1 s\n"],
  ["a range outside brackets and an arrow are spaced", "background a->b cbr 100 Mbps during 0 s..60 s", "background a -> b cbr 100 Mbps during 0 s .. 60 s\n"],
  ["a lone trailing comment gets two spaces", "seed 1      // one", "seed 1  // one\n"],
  ["a stray closing brace does not indent below zero", "}\n}\nvm a on h", "}\n}\nvm a on h\n"],
  ["the first line break between tokens sets the style", "/* a\nb */\r\nvm a on h\n", "/* a\nb */\r\nvm a on h\r\n"],
  ["an unterminated string is kept as written", 'scenario  "open \\" x\nvm', 'scenario "open \\" x\nvm\n'],
];

for (const [name, input, expected, options] of cases) {
  test(`formatting: ${name}`, () => assert.equal(formatChecked(input, options), expected));
}

test("formatting: a document with a character the lexer rejects gets no edit", () => {
  const text = "vm  a on h { memory 1 GiB $ }";
  assert.deepEqual(formatDocument(text), []);
  assert.equal(formatText(text), undefined);
  assert.deepEqual(formatRange(text, { start: 0, end: text.length }), []);
});

test("formatting: the edit is minimal", () => {
  const text = "vm a on h {\n  memory   1 GiB\n}\n";
  assert.deepEqual(formatDocument(text), [{ start: 21, end: 23, newText: "" }]);
});

test("formatting: the trailing spaces of an unterminated string are part of it", () => {
  assert.equal(formatText('scenario  "open  \n'), 'scenario "open  \n');
});

/** Range formatting of the lines between the `[` and `]` markers (the markers are removed). */
function formatMarkedRange(source: string): string {
  const start = source.indexOf("[");
  const end = source.indexOf("]") - 1;
  const text = source.replace("[", "").replace("]", "");
  return apply(text, formatRange(text, { start, end }));
}

const rangeCases: [string, string, string][] = [
  ["only the touched line changes", "vm a on h {\nmemory  1 GiB\n  vcpus   [2]\n}\n", "vm a on h {\nmemory  1 GiB\n  vcpus 2\n}\n"],
  ["every touched line changes, blank runs between them collapse", "vm a on h {\n[memory  1 GiB\n\n\nvcpus  ]2\n}   \n", "vm a on h {\n  memory 1 GiB\n\n  vcpus 2\n}   \n"],
  ["a range ending at the start of a line leaves that line alone", "a  b\n[c  d\n]e  f\n", "a  b\nc d\ne  f\n"],
  ["a range over blank lines only changes nothing", "a  b\n\n[\n]\nc  d\n", "a  b\n\n\n\nc  d\n"],
  ["trailing whitespace of the last touched line goes", "vm a on h [{   \n]", "vm a on h {\n"],
];

for (const [name, source, expected] of rangeCases) {
  test(`range formatting: ${name}`, () => assert.equal(formatMarkedRange(source), expected));
}

test("formatting: broken prefixes of every sample keep their tokens and are idempotent", () => {
  for (const name of readdirSync(samplesDir).filter((f) => f.endsWith(".vmig"))) {
    const text = readFileSync(join(samplesDir, name), "utf8");
    for (let cut = 0; cut < text.length; cut += 7) {
      const broken = text.slice(0, cut) + text.slice(cut + 3, text.length - (cut % 11));
      if (tokenImages(broken) === undefined) continue;
      formatChecked(broken);
    }
  }
});

/** Pieces of .vmig, valid and not, from which texts are generated. */
const atoms = [
  "{", "}", " ", "  ", "\t", "\n", "\n\n", "\r\n", "// c ", "/// d", "/* b */", "/* x\n y */", "vm", "host", "h1", "topology",
  "link", "--", "1", "2.5", "GiB", "%", ".", "web", "expect", "<", "<=", '"s"', '"u', "memory", "hypervisor", "kind", "xen",
  "pages/s", "migrate", "to", "at", "s", "[", "]", "*", "..", "->", "during",
];

test("formatting: generated texts keep their tokens and format in one pass", () => {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 3000; i++) {
    let text = "";
    for (let n = next(40); n > 0; n--) text += atoms[next(atoms.length)];
    const formatted = formatText(text);
    // Glued pieces may spell a character the lexer rejects (`linkpages/s`): such a text is left alone.
    if (tokenImages(text) === undefined) {
      assert.equal(formatted, undefined);
      continue;
    }
    assert.ok(formatted !== undefined, JSON.stringify(text));
    assert.deepEqual(tokenImages(formatted), tokenImages(text), JSON.stringify(text));
    assert.equal(formatText(formatted), formatted, JSON.stringify(text));
  }
});
