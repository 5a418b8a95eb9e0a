// The generated scenario the language benchmarks edit: one topology with many hosts and links, and one VM
// (with a doc comment) and one migration per host, `lines` lines in all.

import { Random } from "../engine/build/src/index.js";

/** A scenario of exactly `lines` lines (at least 16). */
export function largeScenario(lines) {
  const hosts = Math.floor((lines - 6) / 5);
  const out = ['scenario "big" { seed 1 horizon 600 s }', "hypervisor xen30 kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < hosts; i++) out.push(`  host h${i} { hypervisor xen30 memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`);
  out.push("}");
  for (let i = 0; i < hosts; i++) out.push(`/// VM ${i}.`, `vm v${i} on h${i} { memory 2 GiB dirty 2000 pages/s }`, `migrate v${i} to h${(i + 1) % hosts} at ${i % 60} s`);
  while (out.length < lines - 1) out.push("// padding");
  out.push("expect v0.downtime < 1 s");
  return out.join("\n");
}

export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A seeded generator (the engine's sfc32): the same edits on every run. */
export function generator(seed) {
  const random = new Random(seed);
  return () => random.next();
}
