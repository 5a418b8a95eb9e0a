/**
 * The Node.js options the language server runs with, wherever it is started: by the extension
 * (client/src/languageClient.ts), by the tests that speak to it over stdio, and by the benchmark.
 *
 * `--no-memory-reducer`: once a process has been idle for a few seconds after its heap grew, V8's memory
 * reducer runs a full collection meant to shrink the heap, and that collection also drops the optimised code
 * of every function. A user pauses between edits all the time, so the check after it ran unoptimised: 53–63
 * ms instead of 10–20 for an edit in a 10,000-line scenario, timed inside the server (BENCHMARKS.md, "Language
 * server"). Without it, V8 still collects garbage as the heap grows.
 *
 * `--min-semi-space-size=16`: the young generation starts at 16 MB a half, the size V8 lets it grow to by
 * default and the size it has by the time the server's first check ends, so it changes nothing once the
 * server is at work. What it changes is the start: V8 otherwise starts at 1 MB and doubles it after each
 * collection, and opening a large file as the server's first work paid for those collections, each copying
 * the syntax tree built so far. Opening the 10,000-line scenario as the file that starts the server took
 * 202–248 ms against 229–282 without it (six alternated runs; BENCHMARKS.md).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ["--no-memory-reducer", "--min-semi-space-size=16"];
