/**
 * Fuzzing the language server over its real stdio connection: mutated samples, token soup, truncations,
 * a 10 MB single line, 10,000 nested braces and 10,000 nested subnets. For every input the server must
 * publish diagnostics and answer completion, hover, formatting, semantic tokens, folding and the outline.
 * The count is bounded and seeded, so a failure names an input that reproduces. The watchdog is a hang
 * detector, not a speed claim.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
} from "vscode-languageserver-protocol/node";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

/** Far above any real answer time, so that only a hang (or a lost answer) trips it. */
const WATCHDOG_MS = 60_000;
const samples = readdirSync(join(repositoryRoot, "samples"))
  .filter((f) => f.endsWith(".vmig"))
  .sort()
  .map((f) => readFileSync(join(repositoryRoot, "samples", f), "utf8"));
const pieces = ["vm", "host", "hosts", "{", "}", "link", "--", "->", "1", "GiB", "pages/s", "migrate", "to", "at", '"x"', "expect", ".", "<", "topology", "fattree", "k", "%", "[", "]", "..", "*", "///d\n", "/*", "*/", "\n", "hypervisor", "kind", "on", "@", '"', "9e99", "policy", "traffic", "background", "import", "-1", "0"];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The fuzz inputs, each with a name that says how to rebuild it. */
function inputs(): { name: string; text: string }[] {
  const next = random(20261122);
  const out: { name: string; text: string }[] = [];
  samples.forEach((sample, s) => {
    for (let m = 0; m < 4; m++) {
      const chars = [...sample];
      for (let k = 0; k < 8; k++) {
        const at = Math.floor(next() * chars.length);
        const op = Math.floor(next() * 3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, pieces[Math.floor(next() * pieces.length)]!);
        else chars[at] = chars[Math.floor(next() * chars.length)]!;
      }
      out.push({ name: `sample ${s} mutation ${m}`, text: chars.join("") });
    }
    out.push({ name: `sample ${s} truncated`, text: sample.slice(0, Math.floor(next() * sample.length)) });
  });
  for (let n = 0; n < 10; n++) {
    out.push({ name: `token soup ${n}`, text: Array.from({ length: 300 }, () => pieces[Math.floor(next() * pieces.length)]).join(" ") });
  }
  out.push({ name: "10 MB single line", text: "vm a on b { memory 1 GiB } ".repeat(Math.ceil(10e6 / 27)) });
  out.push({ name: "10,000 nested braces", text: "topology t " + "{".repeat(10_000) + "}".repeat(10_000) });
  out.push({ name: "10,000 unclosed braces", text: "vm v on h " + "{ memory 1 GiB ".repeat(10_000) });
  // Nested blocks that are each valid: the error-free reader reads them, up to its depth limit.
  out.push({ name: "10,000 nested subnets", text: "network x { " + "subnet a { ".repeat(10_000) + "}".repeat(10_001) });
  return out;
}

const client = serverForThisFile();

function withinWatchdog<T>(name: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer for '${name}' within ${WATCHDOG_MS} ms`)), WATCHDOG_MS);
  });
  return Promise.race([work, watchdog]).finally(() => clearTimeout(timer));
}

test("the server answers every request on every fuzz input and never dies", async () => {
  const list = inputs();
  for (const [i, input] of list.entries()) {
    const uri = pathToFileURL(join(repositoryRoot, "test-documents", `fuzz-${i}.vmig`)).href;
    await withinWatchdog(input.name, (async () => {
      await client.open(uri, input.text);
      const published = await client.diagnosticsFor(uri, 1);
      assert.ok(Array.isArray(published.diagnostics), input.name);
      const lines = input.text.split("\n");
      const line = Math.min(lines.length - 1, 3);
      const position = { line, character: Math.min(lines[line]!.length, 7) };
      const textDocument = { uri };
      await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
      await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
      await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } });
      await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
      await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    })());
  }
  assert.equal(client.stderr.includes("Error"), false, client.stderr.slice(0, 2000));
});
