import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repositoryRoot, TestClient } from "./lspClient.js";

// Once in its life, the server makes V8 compile the parser and the check before the user waits for them: it
// warms up when it has no document a moment after it was initialized (started with the workspace), until a
// document is opened, and rehearses an edit after its first large document's check otherwise (the file that
// started it came at once, or came during the warm-up).

const sample = join(repositoryRoot, "samples", "quickstart.vmig");

/** A valid scenario of more than 64 KiB: the size from which opening checks first and fills the cache after. */
function largeScenario(): string {
  const lines = ['scenario "large" { seed 1 horizon 600 s }', "hypervisor xen30 kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < 400; i++) lines.push(`  host h${i} { hypervisor xen30 memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`);
  lines.push("}");
  for (let i = 0; i < 400; i++) lines.push(`vm v${i} on h${i} { memory 2 GiB dirty 2000 pages/s }`, `migrate v${i} to h${(i + 1) % 400} at ${i % 60} s`);
  const text = lines.join("\n");
  assert.ok(text.length > 64 * 1024);
  return text;
}

test("a server with no document a moment after initialization warms up, says so, and then serves documents", { timeout: 60_000 }, async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    assert.match(await client.logged(/warming up/), /^vmig: warming up done: 43 steps in \d+ ms$/);
    const uri = pathToFileURL(sample).href;
    await client.open(uri, readFileSync(sample, "utf8"));
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics.filter((d) => d.severity === 1), []);
    assert.ok(!client.logs.some((m) => /rehears|failed/.test(m)), client.logs.join("\n"));
  } finally {
    await client.shutdown();
  }
});

test("a server whose first document comes at once does not warm up, and rehearses an edit after checking it", { timeout: 60_000 }, async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = pathToFileURL(join(repositoryRoot, "test-documents", "large.vmig")).href;
    await client.open(uri, largeScenario());
    assert.deepEqual((await client.allDiagnosticsFor(uri, 1, 2))[1]!.diagnostics.filter((d) => d.severity === 1), []);
    assert.match(await client.logged(/rehearsing an edit/), /^vmig: rehearsing an edit done: \d+ steps in \d+ ms$/);
    assert.ok(!client.logs.some((m) => /warming up|failed/.test(m)), client.logs.join("\n"));
  } finally {
    await client.shutdown();
  }
});

test("a document opened during the warm-up stops it, and the rehearsal of an edit follows its check", { timeout: 60_000 }, async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    // The warm-up starts 200 ms after initialization, and its first step alone (a 2,000-line check in code
    // not yet compiled) takes longer than the 150 ms after that.
    await new Promise((resolve) => setTimeout(resolve, 350));
    const uri = pathToFileURL(join(repositoryRoot, "test-documents", "large.vmig")).href;
    await client.open(uri, largeScenario());
    assert.deepEqual((await client.allDiagnosticsFor(uri, 1, 2))[1]!.diagnostics.filter((d) => d.severity === 1), []);
    assert.match(await client.logged(/rehearsing an edit/), /done/);
    assert.ok(client.logs.some((m) => /^vmig: warming up stopped after \d+ steps/.test(m)), client.logs.join("\n"));
    assert.ok(!client.logs.some((m) => /warming up done|failed/.test(m)), client.logs.join("\n"));
  } finally {
    await client.shutdown();
  }
});
