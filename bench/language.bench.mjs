// Benchmarks of the language layer in-process, stage by stage, on a generated 10,000-line scenario: a
// full parse and check, the incremental re-parse and check after a one-character edit (what the server
// does on each change), and completion. bench/lsp.bench.mjs measures the same over the server's stdio
// connection. Run after `npm run build`.
import { performance } from "node:perf_hooks";
import { check, CheckCache, complete, parse, reparse } from "../grammar/build/src/index.js";
import { largeScenario, percentile } from "./largeScenario.mjs";

function measure(fn, repeat) {
  fn();
  const samples = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const text = largeScenario(10_000);
/** Two versions a one-character edit apart; each measured step goes from one to the other. */
function alternating(original, edited) {
  const versions = [original, edited];
  let at = 0;
  let parsed = parse(original);
  // One cache per document, as the server keeps it: what checks of successive versions share.
  const cache = new CheckCache();
  let checked = check(original, { cache });
  return {
    reparse() {
      const next = versions[1 - at];
      parsed = reparse(next, { text: versions[at], parsed });
      at = 1 - at;
    },
    check() {
      const next = versions[1 - at];
      checked = check(next, { previous: { text: versions[at], parsed: checked.parsed }, cache });
      at = 1 - at;
    },
  };
}

const vmEdit = alternating(text, text.replace("vm v700 on h700 { memory 2 GiB", "vm v700 on h700 { memory 3 GiB"));
const topologyEdit = alternating(text, text.replace("host h700 { hypervisor xen30 memory 64 GiB", "host h700 { hypervisor xen30 memory 65 GiB"));
const rows = [
  ["full parse", measure(() => parse(text), 10)],
  ["full check", measure(() => check(text), 10)],
  ["re-parse after an edit in a VM", measure(() => vmEdit.reparse(), 40)],
  ["re-parse after an edit in the 4,000-line topology", measure(() => topologyEdit.reparse(), 20)],
  ["check after an edit in a VM (re-parse, names, lowering, forecasts)", measure(() => vmEdit.check(), 30)],
  ["check after an edit in the topology", measure(() => topologyEdit.check(), 20)],
];
const checked = check(text);
const offset = text.indexOf("migrate v1000 ") + "migrate ".length;
rows.push(["completion, lexing from the start of the file", measure(() => complete(text, offset, checked.symbols), 100)]);
rows.push(["completion, lexing from a few declarations back", measure(() => complete(text, offset, checked.symbols, checked.parsed), 100)]);

console.log(`generated scenario: ${text.split("\n").length} lines, ${(text.length / 1024).toFixed(0)} KiB`);
for (const [label, samples] of rows) {
  console.log(`${label.padEnd(70)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`);
}
globalThis.gc?.();
console.log(`heap after checking   ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
