import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type SymbolInformation,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

const quickstart = readFileSync(join(repositoryRoot, "samples", "quickstart.vmig"), "utf8");
const client = serverForThisFile();

function uri(name: string): string {
  return pathToFileURL(join(repositoryRoot, "test-documents", "features", name)).href;
}

const options = { tabSize: 2, insertSpaces: true };

test("formatting answers with edits that format the document, and none for a formatted one", async () => {
  const doc = uri("format.vmig");
  const text = "vm  web on h1{\nmemory 1GiB   // required\n\n\n}\n\n\n";
  await client.open(doc, text);
  const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: doc }, options });
  const formatted = TextDocument.applyEdits(TextDocument.create(doc, "vmig", 1, text), edits ?? []);
  assert.equal(formatted, "vm web on h1 {\n  memory 1 GiB  // required\n}\n");

  const clean = uri("formatted.vmig");
  await client.open(clean, quickstart);
  assert.deepEqual(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: clean }, options }), []);
});

test("range formatting changes only the lines of the range, with the editor's indentation", async () => {
  const doc = uri("range.vmig");
  const text = "vm web on h1 {\nmemory   1 GiB\nvcpus   2\n}\n";
  await client.open(doc, text);
  const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } };
  const edits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri: doc }, range, options: { tabSize: 4, insertSpaces: true } });
  const formatted = TextDocument.applyEdits(TextDocument.create(doc, "vmig", 1, text), edits ?? []);
  assert.equal(formatted, "vm web on h1 {\nmemory   1 GiB\n    vcpus 2\n}\n");
});

test("semantic tokens decode with the advertised legend, one token per line for a block comment", async () => {
  const legend = client.initialized!.capabilities.semanticTokensProvider?.legend;
  assert.ok(legend, "no semantic tokens legend");
  const doc = uri("tokens.vmig");
  const text = "/* two\n   lines */\ntopology t { host h1 }\nvm web on h1 { memory 1 GiB }\nexpect web.downtime < 3 ms";
  await client.open(doc, text);
  const { data } = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: doc } }) ?? { data: [] };
  const lines = text.split("\n");
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
    decoded.push([lines[line]!.slice(character, character + data[i + 2]!), legend.tokenTypes[data[i + 3]!], ...modifiers].join(":"));
  }
  assert.deepEqual(decoded, [
    "/* two:comment", "   lines */:comment",
    "topology:keyword", "t:namespace:declaration", "host:keyword", "h1:class:declaration",
    "vm:keyword", "web:variable:declaration", "on:keyword", "h1:class", "memory:property", "1:number", "GiB:type",
    "expect:keyword", "web:variable", "downtime:property", "<:operator", "3:number", "ms:type",
  ]);
});

test("folding ranges cover multi-line blocks and comment runs", async () => {
  const doc = uri("folding.vmig");
  await client.open(doc, "// one\n// two\ntopology t {\n  host h {\n    cores 2\n  }\n}\n");
  const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: doc } });
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 1, kind: "comment" },
    { startLine: 2, endLine: 5, kind: "region" },
    { startLine: 3, endLine: 4, kind: "region" },
  ]);
});

test("document symbols form the outline, a topology's members nested under it", async () => {
  const doc = uri("outline.vmig");
  await client.open(doc, quickstart);
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc } })) as DocumentSymbol[] | SymbolInformation[] | null;
  const outline = (symbols ?? []) as DocumentSymbol[];
  const render = (s: DocumentSymbol): string => (s.children?.length ? `${s.name} [${s.children.map(render).join(", ")}]` : s.name);
  assert.deepEqual(outline.map(render), [
    "quickstart", "xen30", "lab [tor, h1, h2, h1 -- tor, h2 -- tor]", "web", "migrate web → h2", "expect web.downtime < 300 ms",
  ]);
  const web = outline.find((s) => s.name === "web")!;
  const lines = quickstart.split("\n");
  const webLine = lines.findIndex((l) => l.startsWith("vm web"));
  assert.deepEqual(web.selectionRange, { start: { line: webLine, character: 3 }, end: { line: webLine, character: 6 } });
  assert.deepEqual(web.range.start, { line: webLine, character: 0 });
  assert.equal(lines[web.range.end.line]!.slice(0, web.range.end.character), "}");
});
