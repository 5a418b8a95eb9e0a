import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

// The server re-parses each version of a document from the previous one's parse. Over the real connection,
// every version of an edited document must get the diagnostics that a fresh document with the same text
// gets, edit after edit.

const client = serverForThisFile();

/** A seeded linear congruential generator: the same edits on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const characters = ["1", "a", " ", "\n", "{", "}", '"', "/", "."];

for (const sample of ["fattree-three-migrations.vmig", "multi-vm-optimal.vmig"]) {
  test(`each edited version of ${sample} gets the diagnostics of a fresh document with its text`, async () => {
    const original = readFileSync(join(repositoryRoot, "samples", sample), "utf8");
    const uri = pathToFileURL(join(repositoryRoot, "test-documents", `edited-${sample}`)).href;
    const next = random(sample.length);
    let text = original;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    for (let version = 2; version <= 41; version++) {
      // Every other edit undoes the previous one, so that the file is often valid again.
      if (version % 2 === 1) text = original;
      else {
        const at = Math.floor(next() * text.length);
        text = next() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + characters[Math.floor(next() * characters.length)] + text.slice(at);
      }
      await client.replace(uri, text, version);
      const edited = await client.diagnosticsFor(uri, version);
      const freshUri = pathToFileURL(join(repositoryRoot, "test-documents", `fresh-${version}-${sample}`)).href;
      await client.open(freshUri, text);
      const fresh = await client.diagnosticsFor(freshUri, 1);
      assert.deepEqual(edited.diagnostics, fresh.diagnostics, `version ${version}`);
    }
  });
}
