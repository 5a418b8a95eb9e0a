import { test } from "node:test";
import assert from "node:assert/strict";
import { migrationsTable } from "../src/format.js";

const base = { source: "h1", target: "h2", start_s: 0, end_s: 6, total_time_s: 6, downtime_s: 0.015, bytes_sent: 2 ** 30, stop_reason: "below-threshold", rounds: [] } as const;

test("a reused column appears when content reuse saved bytes (paper 002), with the VM copied from", () => {
  const lines = migrationsTable([
    { ...base, vm: "web", reused_bytes: 300 * 2 ** 20, reused_from: "db" },
    { ...base, vm: "plain" },
  ]).split("\n");
  assert.match(lines[0]!, /stop reason\s+reused$/);
  assert.match(lines[2]!, /below-threshold\s+300 MiB from db$/);
  assert.match(lines[3]!, /below-threshold\s+-$/);
});

test("without content reuse the table has no reused column", () => {
  assert.doesNotMatch(migrationsTable([{ ...base, vm: "web" }]), /reused/);
});

test("a reachability column appears with a network declaration (paper 001): unreachable, or the probe-measured loss", () => {
  const lines = migrationsTable([
    { ...base, vm: "lost", reachability: { architecture: "ip", crossed: true, unreachable: true } },
    { ...base, vm: "moved", reachability: { architecture: "xia", crossed: true, unreachable: false, recovery_s: 0.4, lost_probes: 15, probe_downtime_s: 1.5 } },
    { ...base, vm: "plain" },
  ]).split("\n");
  assert.match(lines[0]!, /stop reason\s+reachability$/);
  assert.match(lines[2]!, /UNREACHABLE \(ip, left its subnet\)$/);
  assert.match(lines[3]!, /xia inter-AD, probes lost 1\.50 s$/);
  assert.match(lines[4]!, /below-threshold\s+-$/);
});

test("content reuse and reachability columns appear together, in that order", () => {
  const header = migrationsTable([
    { ...base, vm: "web", reused_bytes: 2 ** 20, reachability: { architecture: "ip", crossed: false, unreachable: false, probe_downtime_s: 0 } },
  ]).split("\n")[0]!;
  assert.match(header, /reused\s+reachability$/);
});
