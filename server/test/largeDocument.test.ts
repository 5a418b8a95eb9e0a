import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

// Opening a large document publishes its syntax errors as soon as it is parsed, then every diagnostic when
// its check ends; later versions are published once, with every diagnostic.

const client = serverForThisFile();

/** A document of more than 64 KiB with one syntax error (an unclosed block) and one unknown name. */
function largeDocument(): string {
  const lines = ["hypervisor xen30 kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < 100; i++) lines.push(`  host h${i} { hypervisor xen30 memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`);
  lines.push("}");
  for (let i = 0; i < 1600; i++) lines.push(`vm v${i} on h${i % 100} { memory 1 GiB dirty 100 pages/s }`);
  lines.push("migrate v1 to nowhere", "vm broken on h0 { memory 1 GiB");
  const text = lines.join("\n");
  assert.ok(text.length > 64 * 1024);
  return text;
}

test("a large document's syntax errors are published first, then every diagnostic; an edit is published once", async () => {
  const uri = pathToFileURL(join(repositoryRoot, "test-documents", "large.vmig")).href;
  const text = largeDocument();
  await client.open(uri, text);
  const [syntax, all] = await client.allDiagnosticsFor(uri, 1, 2);
  const codes = (params: typeof syntax) => params!.diagnostics.map((d) => d.code);
  assert.ok(codes(syntax).length > 0 && codes(syntax).every((code) => code === "syntax"), JSON.stringify(codes(syntax)));
  assert.ok(codes(all).includes("unknown-name"), JSON.stringify(codes(all)));
  assert.deepEqual(all!.diagnostics.filter((d) => d.code === "syntax"), syntax!.diagnostics);
  await client.replace(uri, text.replace("migrate v1 to nowhere", "migrate v1 to h2"), 2);
  const edited = await client.diagnosticsFor(uri, 2);
  assert.ok(!codes(edited).includes("unknown-name") && codes(edited).includes("syntax"), JSON.stringify(codes(edited)));
  // Versions are published in order: once version 3's diagnostics came, version 2 had its only publication.
  await client.replace(uri, text, 3);
  await client.diagnosticsFor(uri, 3);
  assert.equal((await client.allDiagnosticsFor(uri, 2, 1)).length, 1);
});
