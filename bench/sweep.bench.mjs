// Benchmark of `vmig sweep`: the same 96-run sweep of the fat-tree sample (three concurrent migrations per
// run) with 1, 2, 4 and all worker threads, timed from the outside. Run after `npm run build`.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = [
  join(root, "cli", "bin", "vmig.js"), "sweep", join(root, "samples", "fattree-three-migrations.vmig"),
  "--param", "vm.guest.dirty=2000 pages/s,5000 pages/s,10000 pages/s",
  "--param", "topology.dc.link.bandwidth=500 Mbps,1 Gbps",
  "--seeds", "16",
];
const runs = 3 * 2 * 16;
let reference;
for (const jobs of [...new Set([1, 2, 4, availableParallelism()])].sort((a, b) => a - b)) {
  const start = performance.now();
  const sweep = spawnSync(process.execPath, [...args, "--jobs", String(jobs)], { encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  if (sweep.status !== 0) throw new Error(`vmig sweep exited ${sweep.status}: ${sweep.stderr}`);
  reference ??= sweep.stdout;
  if (sweep.stdout !== reference) throw new Error(`--jobs ${jobs} changed the CSV`);
  console.log(`sweep, ${runs} runs, --jobs ${String(jobs).padStart(2)}: ${seconds.toFixed(2)} s (${(runs / seconds).toFixed(1)} runs/s)`);
}
