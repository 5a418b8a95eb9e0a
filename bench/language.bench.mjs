// Benchmarks of the language layer as the server uses it: checking a large generated scenario (what a
// one-character edit costs) and completion in it. Run after `npm run build`.
import { performance } from "node:perf_hooks";
import { check, complete } from "../grammar/build/src/index.js";

/** A scenario of about `lines` lines: one topology with many hosts and links, VMs and migrations. */
function generate(lines) {
  const hosts = Math.floor(lines / 6);
  const out = ['scenario "big" { seed 1 horizon 600 s }', "hypervisor xen30 kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < hosts; i++) out.push(`  host h${i} { hypervisor xen30 memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`);
  out.push("}");
  for (let i = 0; i < hosts; i++) out.push(`/// VM ${i}.`, `vm v${i} on h${i} { memory 2 GiB dirty 2000 pages/s }`, `migrate v${i} to h${(i + 1) % hosts} at ${i % 60} s`);
  out.push("expect v0.downtime < 1 s");
  return out.join("\n");
}

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

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

const text = generate(10_000);
const lineCount = text.split("\n").length;
const edits = measure(() => check(text.replace("memory 2 GiB", "memory 3 GiB")), 30);
const symbols = check(text).symbols;
const offset = text.indexOf("migrate v10 ") + "migrate ".length;
const completions = measure(() => complete(text, offset, symbols), 100);
console.log(`generated scenario: ${lineCount} lines, ${(text.length / 1024).toFixed(0)} KiB`);
console.log(`check after an edit   p50 ${percentile(edits, 50).toFixed(1)} ms   p95 ${percentile(edits, 95).toFixed(1)} ms`);
console.log(`completion            p50 ${percentile(completions, 50).toFixed(2)} ms   p95 ${percentile(completions, 95).toFixed(2)} ms`);
globalThis.gc?.();
console.log(`heap after checking   ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
