/**
 * The repository's samples/ folder and an import resolver that reads from disk, as the CLI and the server do;
 * shared by the tests that check every sample.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ImportResolver } from "../src/index.js";

export const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "samples");

/** Reads imports from disk, relative to the importing file. */
export const fromDisk: ImportResolver = (path, from) => {
  const uri = new URL(path, from).href;
  try {
    return { uri, text: readFileSync(fileURLToPath(uri), "utf8") };
  } catch {
    return undefined;
  }
};
