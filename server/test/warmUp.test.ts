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

/** Runs `work` against a server of its own, started and initialized now, and shut down after. */
async function withServer(work: (client: TestClient) => Promise<void>): Promise<void> {
  const client = new TestClient();
  try {
    await client.initialize();
    await work(client);
  } finally {
    await client.shutdown();
  }
}

/** Opens the large scenario and waits for its diagnostics, which must hold no error. */
async function openLargeScenario(client: TestClient): Promise<void> {
  const uri = pathToFileURL(join(repositoryRoot, "test-documents", "large.vmig")).href;
  await client.open(uri, largeScenario());
  assert.deepEqual((await client.allDiagnosticsFor(uri, 1, 2))[1]!.diagnostics.filter((d) => d.severity === 1), []);
}

/** Whether the server logged a message that matches `pattern`. */
const hasLogged = (client: TestClient, pattern: RegExp) => client.logs.some((m) => pattern.test(m));

test("a server with no document a moment after initialization warms up, says so, and then serves documents", { timeout: 60_000 }, () =>
  withServer(async (client) => {
    assert.match(await client.logged(/warming up/), /^vmig: warming up done: 43 steps in \d+ ms$/);
    const uri = pathToFileURL(sample).href;
    await client.open(uri, readFileSync(sample, "utf8"));
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics.filter((d) => d.severity === 1), []);
    assert.ok(!hasLogged(client, /rehears|failed/), client.logs.join("\n"));
  }));

test("a server whose first document comes at once does not warm up, and rehearses an edit after checking it", { timeout: 60_000 }, () =>
  withServer(async (client) => {
    await openLargeScenario(client);
    assert.match(await client.logged(/rehearsing an edit/), /^vmig: rehearsing an edit done: \d+ steps in \d+ ms$/);
    assert.ok(!hasLogged(client, /warming up|failed/), client.logs.join("\n"));
  }));

test("a document opened during the warm-up stops it, and the rehearsal of an edit follows its check", { timeout: 60_000 }, () =>
  withServer(async (client) => {
    // The warm-up starts 200 ms after initialization, and its first step alone (a 2,000-line check in code
    // not yet compiled) takes longer than the 150 ms after that.
    await new Promise((resolve) => setTimeout(resolve, 350));
    await openLargeScenario(client);
    assert.match(await client.logged(/rehearsing an edit/), /done/);
    assert.ok(hasLogged(client, /^vmig: warming up stopped after \d+ steps/), client.logs.join("\n"));
    assert.ok(!hasLogged(client, /warming up done|failed/), client.logs.join("\n"));
  }));
