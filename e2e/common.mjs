// What the end-to-end test's modules share: paths, limits, logging and failing.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CACHE = resolve(process.env.VMIG_E2E_CACHE ?? join(ROOT, ".cache", "e2e"));
export const ARTIFACTS = join(ROOT, "test-artifacts", "e2e");
export const DOC_IMAGES = join(ROOT, "docs", "images");
export const WAIT_MS = 60_000; // any single wait inside a step
export const writeDocs = process.env.VMIG_E2E_NO_DOCS !== "1";

export const started = Date.now();
export const log = (message) => console.log(`# [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function fail(message) {
  throw new Error(message);
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
