import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeActionRequest,
  CodeLensRequest,
  DefinitionRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type Position,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { RunScenarioRequest } from "@vmig/protocol";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

const quickstart = readFileSync(join(repositoryRoot, "samples", "quickstart.vmig"), "utf8");
const client = serverForThisFile();
let version = 0;

/** Opens `source` with the `|` removed and returns the document URI and the position of the `|`. */
async function openAt(source: string): Promise<{ uri: string; position: Position; text: string }> {
  const offset = source.indexOf("|");
  const text = offset < 0 ? source : source.slice(0, offset) + source.slice(offset + 1);
  const uri = pathToFileURL(join(repositoryRoot, "test-documents", `editing-${++version}.vmig`)).href;
  await client.open(uri, text);
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { uri, text, position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}

/** Applies the edits of a single-document workspace edit to `text`. */
function apply(text: string, edit: WorkspaceEdit, uri: string): string {
  const lines = text.split("\n");
  const offsetOf = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...(edit.changes?.[uri] ?? [])].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offsetOf(e.range.start)) + e.newText + out.slice(offsetOf(e.range.end));
  return out;
}

const hoverCases: [string, string, RegExp][] = [
  ["a VM name shows its kind and documentation", quickstart.replace("migrate web", "migrate w|eb"), /\*\*vm\*\* `web`\n\nA web server with a modest writable working set\./],
  ["a quantity shows its SI value", quickstart.replace("memory 1 GiB", "memory 1 G|iB"), /\*\*size\*\* 1 GiB = 1,073,741,824 B \(1 GiB\)/],
  ["an attribute shows its meaning", quickstart.replace("  dirty 2500", "  di|rty 2500"), /\*\*vm\.dirty\*\* — a rate/],
  ["the migrate keyword shows the forecast", quickstart.replace("migrate web", "mig|rate web"), /1 GiB at 2500 pages\/s over a 1 Gbps path: ~5 rounds, ~9\.38 s total, ~20\.5 ms downtime/],
];

for (const [name, source, expected] of hoverCases) {
  test(`hover: ${name}`, async () => {
    const { uri, position } = await openAt(source);
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    const value = result && typeof result.contents === "object" && "value" in result.contents ? result.contents.value : "";
    assert.match(value, expected);
  });
}

test("definition: a reference leads to the declaration", async () => {
  const { uri, position } = await openAt(quickstart.replace("migrate web to h2", "migrate web to h|2"));
  const result = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  assert.deepEqual(result, { uri, range: { start: { line: 17, character: 7 }, end: { line: 17, character: 9 } } });
});

test("references: every use of a host, with and without its declaration", async () => {
  const { uri, position } = await openAt(quickstart.replace("host h1 {", "host h|1 {"));
  const withDecl = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } });
  assert.deepEqual(withDecl?.map((l) => l.range.start.line), [16, 18, 23]);
  const without = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } });
  assert.deepEqual(without?.map((l) => l.range.start.line), [18, 23]);
});

test("rename: a VM is renamed at its declaration and every use", async () => {
  const { uri, position, text } = await openAt(quickstart.replace("vm web on", "vm w|eb on"));
  const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "frontend" });
  const renamed = apply(text, edit!, uri);
  assert.equal(renamed, text.replaceAll("vm web", "vm frontend").replace("migrate web", "migrate frontend").replace("expect web.", "expect frontend."));
});

test("rename: a name that is taken or a keyword is refused with a reason", async () => {
  const { uri, position } = await openAt(quickstart.replace("vm web on", "vm w|eb on"));
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "h1" }), /already declared as a host/);
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "migrate" }), /is a keyword/);
});

test("inlay hints: each migrate shows its predicted total time and downtime", async () => {
  const { uri } = await openAt(quickstart);
  const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
  assert.deepEqual(hints?.map((h) => [h.position.line, h.label]), [[29, "≈ 9.38 s total, 20.5 ms downtime"]]);
});

test("code lens: a Run scenario lens sits on the scenario and runs the extension's command", async () => {
  const { uri } = await openAt(quickstart);
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.deepEqual(lenses?.map((l) => [l.range.start.line, l.command?.command, l.command?.arguments]), [[1, "vmig.runScenario", [uri]]]);
});

const fixCases: [string, string, string, string][] = [
  ["a misspelt name is corrected", quickstart.replace("migrate web", "migrate w|be"), "Change to 'web'", "migrate web to h2"],
  ["a missing unit is added", quickstart.replace("memory 1 GiB\n", "memory 1|\n"), "Add the unit 'GiB'", "  memory 1 GiB\n"],
  [
    "a migration that cannot converge offers a faster link",
    quickstart.replace("dirty 2500 pages/s", "dirty 40000 pages/s").replace("migrate web", "mig|rate web"),
    "Raise the bandwidth of link 'h1 -- tor' to 5 Gbps",
    "link h1 -- tor { bandwidth 5 Gbps  latency 50 us }",
  ],
  [
    "a destination without room offers a host with room",
    quickstart.replace("host h2 { hypervisor xen30  cores 16  memory 64 GiB  slots 8 }", "host h2 { hypervisor xen30  cores 16  memory 64 GiB  slots 0 }\n  host h3 { hypervisor xen30 }\n  link h3 -- tor { bandwidth 1 Gbps }").replace("migrate web to h2", "migrate web to h|2"),
    "Migrate 'web' to 'h3', which has room",
    "migrate web to h3 at 1 s",
  ],
];

for (const [name, source, title, expectedLine] of fixCases) {
  test(`quick fix: ${name}`, async () => {
    const { uri, position, text } = await openAt(source);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    const action = actions?.find((a) => a.title === title);
    assert.ok(action && "edit" in action && action.edit, `no '${title}' among ${actions?.map((a) => a.title).join(", ")}`);
    assert.ok(apply(text, action.edit, uri).includes(expectedLine));
  });
}

test("imports: a name from an imported file leads to that file, and the run uses it", async () => {
  const lib = pathToFileURL(join(repositoryRoot, "test-documents", "shared-lab.vmig")).href;
  await client.open(lib, "hypervisor p kind xen { }\ntopology t {\n  switch s\n  host a { hypervisor p }\n  host b { hypervisor p }\n  link a -- s { bandwidth 1 Gbps }\n  link b -- s { bandwidth 1 Gbps }\n}\n");
  const { uri, position } = await openAt('import "shared-lab.vmig"\nscenario "s" { }\nvm v on a { memory 1 GiB }\nmigrate v to |b\n');
  assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
  const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  assert.deepEqual(definition, { uri: lib, range: { start: { line: 4, character: 7 }, end: { line: 4, character: 8 } } });
  const result = await client.connection.sendRequest(RunScenarioRequest.type, { uri, runId: "imports" });
  assert.equal(result.results?.migrations[0]?.target, "b");
});

test("imports: a file outside the workspace is not read", async () => {
  const { uri } = await openAt('import "../../../../../etc/hostname"\nscenario "s" { }\n');
  const { diagnostics } = await client.diagnosticsFor(uri, 1);
  assert.match(String(diagnostics[0]?.message), /cannot import .*outside the workspace/);
});

test("workspace symbols: names of open documents match the query as a subsequence", async () => {
  await openAt(quickstart);
  const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "xn30" });
  assert.ok(symbols && symbols.length > 0);
  assert.ok(symbols.every((s) => s.name === "xen30"), symbols.map((s) => s.name).join());
});
