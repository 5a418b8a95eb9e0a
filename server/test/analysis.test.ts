import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "@vmig/grammar";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache } from "../src/analysis.js";
import { repositoryRoot } from "./lspClient.js";

// The server's cache of parses and checks, with the real grammar: a check run in steps, a check under way
// when a newer version arrives, and a large document's first check without a cache that `fill` then fills.
// Each must give the diagnostics of a fresh check of the same text.

const noImports = () => undefined;
const sample = readFileSync(join(repositoryRoot, "samples", "fattree-three-migrations.vmig"), "utf8");

function fresh(text: string) {
  return check(text).diagnostics;
}

/** The next version of `document`, with its first `from` replaced by `to` (`document` stays as it is). */
function edited(document: TextDocument, from: string, to: string): TextDocument {
  const text = document.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0, `'${from}' is in the document`);
  return TextDocument.create(document.uri, "vmig", document.version + 1, text.slice(0, at) + to + text.slice(at + from.length));
}

/** A valid document of more than 64 KiB: a topology of 100 hosts and 1,600 VMs, one migrating. */
function largeDocument(): string {
  const lines = ['scenario "large" { seed 1 horizon 600 s }', "hypervisor xen30 kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < 100; i++) lines.push(`  host h${i} { hypervisor xen30 memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`);
  lines.push("}");
  for (let i = 0; i < 1600; i++) lines.push(`vm v${i} on h${i % 100} { memory 1 GiB dirty 100 pages/s }`);
  lines.push("migrate v1 to h2 at 1 s");
  const text = lines.join("\n");
  assert.ok(text.length > 64 * 1024);
  return text;
}

test("a check run in steps stops between its stages and gives the diagnostics of a check run at once", () => {
  const cache = new AnalysisCache(noImports);
  const document = TextDocument.create("file:///steps.vmig", "vmig", 1, sample);
  let steps = 1;
  let result = cache.step(document);
  while (!result) {
    steps++;
    result = cache.step(document);
  }
  assert.ok(steps >= 4, `${steps} steps`);
  assert.deepEqual(result.diagnostics, fresh(sample));
  // Once done, the same version is not checked again.
  assert.equal(cache.step(document), result);
  assert.equal(cache.get(document), result);
});

test("a newer version's parse finishes the check under way first, so that the check sees the parse it started with", () => {
  const cache = new AnalysisCache(noImports);
  // An unknown name at the end: its diagnostic moves with every edit above it.
  const text = `${sample}\nmigrate guest[1] to nowhere at 5 s\n`;
  const first = TextDocument.create("file:///underway.vmig", "vmig", 1, text);
  cache.get(first);
  const second = edited(first, "dirty 10000 pages", "dirty 1000 pages");
  assert.equal(cache.step(second), undefined, "the check of version 2 is under way");
  const third = edited(second, "dirty 1000 pages", "dirty 10000 pages");
  // Completion asks for the parse of the newest version, which moves what follows the edit.
  assert.equal(cache.syntax(third).text, text);
  assert.ok(cache.names(third).lookup("guest[1]"), "the names of the check that was finished");
  assert.deepEqual(cache.get(second).diagnostics, fresh(second.getText()));
  assert.deepEqual(cache.get(third).diagnostics, fresh(text));
});

test("a large document is first checked without a cache, which fill then fills; checks after an edit match fresh ones", () => {
  const cache = new AnalysisCache(noImports);
  const text = largeDocument();
  const opened = TextDocument.create("file:///large.vmig", "vmig", 1, text);
  const first = cache.get(opened);
  assert.deepEqual(first.diagnostics, fresh(text));
  assert.equal(cache.fill(opened), true);
  let filled = cache.step(opened);
  while (!filled) filled = cache.step(opened);
  assert.deepEqual(filled.diagnostics, first.diagnostics);
  assert.equal(cache.fill(opened), false, "a cache is filled once");
  let document = opened;
  for (const [from, to] of [["memory 1 GiB dirty 100", "memory 1 GiB dirty 1000000"], ["migrate v1 to h2", "migrate v1 to h3"], ["vm v7 on h7", "vm v7 on h8"]] as const) {
    document = edited(document, from, to);
    assert.deepEqual(cache.get(document).diagnostics, fresh(document.getText()), `after '${from}' became '${to}'`);
  }
});

test("an edit before the cache is filled is checked with the cache, which the check fills", () => {
  const cache = new AnalysisCache(noImports);
  const opened = TextDocument.create("file:///large-early.vmig", "vmig", 1, largeDocument());
  cache.get(opened);
  const document = edited(opened, "migrate v1 to h2", "migrate v1 to nowhere");
  const codes = cache.get(document).diagnostics.map((d) => d.code);
  assert.deepEqual(cache.get(document).diagnostics, fresh(document.getText()));
  assert.ok(codes.includes("unknown-name"), JSON.stringify(codes));
  assert.equal(cache.fill(document), false, "nothing is left to fill");
});
