import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "@vmig/grammar";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache } from "../src/analysis.js";

// The server's cache of parses and checks, with the real grammar: a large document's first check runs
// without a cache, which `fill` then fills. Each version must get the diagnostics of a fresh check of its text.

const noImports = () => undefined;

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

test("a large document is first checked without a cache, which fill then fills; checks after an edit match fresh ones", () => {
  const cache = new AnalysisCache(noImports);
  const text = largeDocument();
  const opened = TextDocument.create("file:///large.vmig", "vmig", 1, text);
  const first = cache.get(opened);
  assert.deepEqual(first.diagnostics, fresh(text));
  assert.equal(cache.needsFill(opened.uri), true);
  assert.equal(cache.fill(opened), true);
  assert.notEqual(cache.get(opened), first, "the check that filled the cache is the version's check now");
  assert.deepEqual(cache.get(opened).diagnostics, first.diagnostics);
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
  assert.equal(cache.needsFill(document.uri), false, "nothing is left to fill");
  assert.equal(cache.fill(document), false);
});
