import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CancellationTokenSource, CompletionRequest, CompletionResolveRequest, type CompletionItem, type CompletionList } from "vscode-languageserver-protocol/node";
import { RunDoneNotification, RunScenarioRequest, SeriesNotification, type RunDoneParams, type SeriesParams } from "@vmig/protocol";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

const quickstartText = readFileSync(join(repositoryRoot, "samples", "quickstart.vmig"), "utf8");
const client = serverForThisFile();

function uri(name: string): string {
  return pathToFileURL(join(repositoryRoot, "test-documents", name)).href;
}

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

test("opening a clean sample publishes no diagnostics", async () => {
  const doc = uri("clean.vmig");
  await client.open(doc, quickstartText);
  assert.deepEqual((await client.diagnosticsFor(doc, 1)).diagnostics, []);
});

test("a typo in a VM name is published with its range, code and message", async () => {
  const doc = uri("typo.vmig");
  await client.open(doc, quickstartText.replace("migrate web to h2", "migrate wbe to h2"));
  const { diagnostics } = await client.diagnosticsFor(doc, 1);
  assert.equal(diagnostics.length, 1);
  assert.deepEqual(diagnostics[0]!.range, { start: { line: 29, character: 8 }, end: { line: 29, character: 11 } });
  assert.equal(diagnostics[0]!.code, "unknown-name");
  assert.equal(diagnostics[0]!.severity, 1);
  assert.match(String(diagnostics[0]!.message), /did you mean 'web'/);
});

test("an edit that fixes the error clears the diagnostics", async () => {
  const doc = uri("edit.vmig");
  await client.open(doc, quickstartText.replace("migrate web", "migrate wbe"));
  assert.equal((await client.diagnosticsFor(doc, 1)).diagnostics.length, 1);
  await client.replace(doc, quickstartText, 2);
  assert.deepEqual((await client.diagnosticsFor(doc, 2)).diagnostics, []);
});

test("a syntax error still gets diagnostics for the rest of the file", async () => {
  const doc = uri("broken.vmig");
  const broken = quickstartText.replace("  dirty 2500 pages/s\n}", "  dirty 2500 pages/s\n").replace("migrate web to h2", "migrate web to h3");
  await client.open(doc, broken);
  const codes = (await client.diagnosticsFor(doc, 1)).diagnostics.map((d) => d.code);
  assert.deepEqual(codes, ["syntax", "unknown-name"]);
});

/** Opens the quickstart with an unfinished `migrate ` on a last line, and gives the position after it. */
async function openWithMigrateAtEnd(name: string) {
  const doc = uri(name);
  const text = quickstartText + "\nmigrate ";
  await client.open(doc, text);
  const lines = text.split("\n");
  return { doc, atEnd: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}

test("completion offers keywords at the top level and names after migrate", async () => {
  const { doc, atEnd } = await openWithMigrateAtEnd("complete.vmig");
  assert.deepEqual(labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc }, position: atEnd })), ["web"]);
  const topLevel = labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc }, position: { line: 5, character: 0 } }));
  assert.ok(topLevel.includes("migrate") && topLevel.includes("vm") && topLevel.includes("topology"), topLevel.join());
});

test("a completion list leaves documentation to completionItem/resolve, for its latest list only", async () => {
  const { doc, atEnd } = await openWithMigrateAtEnd("resolve.vmig");
  const ask = async () => (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc }, position: atEnd })) as CompletionItem[];
  const older = (await ask()).find((item) => item.label === "web")!;
  const web = (await ask()).find((item) => item.label === "web")!;
  assert.equal(web.documentation, undefined);
  const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, web);
  assert.deepEqual(resolved.documentation, { kind: "markdown", value: "A web server with a modest writable working set." });
  // An item of a list that a newer one replaced comes back as it was sent.
  assert.deepEqual(await client.connection.sendRequest(CompletionResolveRequest.type, older), older);
});

test("running a scenario streams series, sends runDone and answers with the results", async () => {
  const doc = uri("run.vmig");
  await client.open(doc, quickstartText);
  const series: SeriesParams[] = [];
  const done: RunDoneParams[] = [];
  const a = client.connection.onNotification(SeriesNotification.type, (p) => void series.push(p));
  const b = client.connection.onNotification(RunDoneNotification.type, (p) => void done.push(p));
  const result = await client.connection.sendRequest(RunScenarioRequest.type, { uri: doc, runId: "r1" });
  a.dispose();
  b.dispose();
  assert.equal(result.error, undefined);
  assert.equal(result.results!.migrations.length, 1);
  assert.equal(result.results!.migrations[0]!.vm, "web");
  const points = series.flatMap((s) => s.chunks).filter((c) => c.series === "remaining/web").flatMap((c) => c.points);
  assert.ok(points.length >= 10, `expected remaining-bytes points, got ${points.length / 2}`);
  assert.deepEqual(series.flatMap((s) => s.finished).map((m) => m.vm), ["web"]);
  assert.deepEqual(done.map((d) => d.runId), ["r1"]);
  assert.deepEqual(done[0]!.results, result.results);
});

test("a run of a document with errors answers with an error, and the server keeps serving", async () => {
  const doc = uri("run-broken.vmig");
  await client.open(doc, "vm a on nowhere { memory 1 GiB }");
  const result = await client.connection.sendRequest(RunScenarioRequest.type, { uri: doc, runId: "r2" });
  assert.match(result.error ?? "", /1 error; the first: unknown host 'nowhere'/);
  const again = await client.connection.sendRequest(RunScenarioRequest.type, { uri: uri("run.vmig"), runId: "r3" });
  assert.equal(again.results?.migrations.length, 1);
});

test("a run that the engine rejects (no route) is an error, not a crash", async () => {
  const doc = uri("no-route.vmig");
  await client.open(doc, quickstartText.replace("  link h2 -- tor { bandwidth 1 Gbps  latency 50 us }\n", ""));
  const result = await client.connection.sendRequest(RunScenarioRequest.type, { uri: doc, runId: "r4" });
  assert.match(result.error ?? "", /route/);
});

/** A run long enough to be stopped midway: many VMs that cannot converge, sharing one link. */
function longScenario(vms: number): string {
  const lines = ['scenario "long" { horizon 100000 s }', "topology t {", "  switch s", "  host a { slots 5000  memory 1 TiB }", "  host b { slots 5000  memory 1 TiB }"];
  lines.push("  link a -- s { bandwidth 1 Gbps }", "  link b -- s { bandwidth 1 Gbps }", "}");
  for (let i = 0; i < vms; i++) lines.push(`vm v${i} on a { memory 64 MiB  dirty 1 MB/s }`, `migrate v${i} to b at ${i} ms`);
  return lines.join("\n");
}

test("stopping a run midway answers with the results so far, marked cancelled", async () => {
  const doc = uri("cancel.vmig");
  await client.open(doc, longScenario(2000));
  const source = new CancellationTokenSource();
  const firstBatch = new Promise<void>((resolve) => {
    const d = client.connection.onNotification(SeriesNotification.type, (p) => {
      if (p.runId !== "r5") return;
      d.dispose();
      resolve();
    });
  });
  const pending = client.connection.sendRequest(RunScenarioRequest.type, { uri: doc, runId: "r5" }, source.token);
  // A run that ends before its first batch (a scenario error) must fail the test, not hang it.
  const early = await Promise.race([firstBatch.then(() => undefined), pending]);
  assert.equal(early, undefined, `the run ended before streaming: ${String(JSON.stringify(early)).slice(0, 300)}`);
  source.cancel();
  const result = await pending;
  assert.equal(result.results?.cancelled, true, JSON.stringify(result).slice(0, 300));
  assert.ok(result.results!.migrations.length < 2000);
  const after = await client.connection.sendRequest(RunScenarioRequest.type, { uri: uri("run.vmig"), runId: "r6" });
  assert.equal(after.results?.cancelled, false);
});
