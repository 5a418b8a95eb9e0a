/**
 * The Node.js options the language server runs with, wherever it is started: by the extension
 * (client/src/languageClient.ts), by the tests that speak to it over stdio, and by the benchmark.
 *
 * `--no-memory-reducer`: once a process has been idle for a few seconds after its heap grew, V8's memory
 * reducer runs a full collection meant to shrink the heap, and that collection also drops the optimised code
 * of every function. A user pauses between edits all the time, so the check after it ran unoptimised: 53–63
 * ms instead of 10–20 for an edit in a 10,000-line scenario, timed inside the server (BENCHMARKS.md, "Language
 * server"). Without it, V8 still collects garbage as the heap grows.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ["--no-memory-reducer"];
