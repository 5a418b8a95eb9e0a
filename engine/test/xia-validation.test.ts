/**
 * Validation against paper 001's measurements (Zhang et al., ../shared/papers/001_8f5b642fc8edd1eb.txt,
 * §5.1 Fig. 5 and §5.2 Table 1); docs/validation.md lists each claim, our result and its tolerance. The
 * testbeds are in ./xiaFixtures.ts. Two of Table 1's numbers are fits: the chunk cost (DEFAULT_CHUNK_SEC)
 * to the intra-AD total time and the gateways' lookup cost to the inter-AD minus intra-AD difference; the
 * relay's rate and hand-over to the TCP/IP row. The remaining claims are consequences.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import type { MigrationResult } from "../src/results.js";
import { RecordingSink } from "./fixtures.js";
import { testbed, type TestbedOptions } from "./xiaFixtures.js";

const migrate = (options: TestbedOptions): MigrationResult => simulate(testbed(options), new RecordingSink()).migrations[0]!;
const minutes = (result: MigrationResult) => result.totalTimeSec / 60;

/** Table 1, full migration (4 GB disk, 640 MB memory) in exec mode: [total time in minutes, downtime in s]. */
const table1 = [
  { what: "TCP/IP LAN", options: { architecture: "ip", mode: "exec" }, minutes: 6.5, downtimeSec: 1.0 },
  { what: "XIA intra-AD", options: { architecture: "xia", mode: "xia-chunk" }, minutes: 14, downtimeSec: 1.2 },
  { what: "XIA inter-AD", options: { architecture: "xia", mode: "xia-chunk", across: true }, minutes: 15, downtimeSec: 1.2 },
] as const;

for (const row of table1) {
  test(`Table 1, ${row.what}: ${row.minutes} min within 5 %, probe-measured downtime ${row.downtimeSec} s within 0.2 s`, () => {
    const result = migrate(row.options);
    assert.ok(Math.abs(minutes(result) - row.minutes) <= 0.05 * row.minutes, `total ${minutes(result)} min`);
    const measured = result.reachability!.probeDowntimeSec!;
    assert.ok(Math.abs(measured - row.downtimeSec) <= 0.2 + 1e-9, `probe downtime ${measured} s`);
  });
}

test("§5.2: XIA takes about twice TCP/IP's total time (ratio 1.8 to 2.4) and its downtime is longer", () => {
  const ip = migrate({ architecture: "ip", mode: "exec" });
  const xia = migrate({ architecture: "xia", mode: "xia-chunk" });
  const ratio = xia.totalTimeSec / ip.totalTimeSec;
  assert.ok(ratio >= 1.8 && ratio <= 2.4, `ratio ${ratio}`);
  assert.ok(xia.reachability!.probeDowntimeSec! > ip.reachability!.probeDowntimeSec!, "XIA's probe downtime exceeds TCP/IP's");
});

test("§5.2: inter-AD total time varies little from intra-AD (under 10 % more)", () => {
  const intra = migrate({ architecture: "xia", mode: "xia-chunk" });
  const inter = migrate({ architecture: "xia", mode: "xia-chunk", across: true });
  assert.ok(inter.totalTimeSec > intra.totalTimeSec && inter.totalTimeSec < 1.1 * intra.totalTimeSec, `${minutes(inter)} vs ${minutes(intra)} min`);
});

test("§5.2: over TCP/IP across subnets the VM is inaccessible after the migration; over XIA it is reachable", () => {
  assert.equal(migrate({ architecture: "ip", mode: "exec", across: true }).reachability?.unreachable, true);
  assert.equal(migrate({ architecture: "xia", mode: "xia-chunk", across: true }).reachability?.unreachable, false);
});

test("Fig. 5: exec takes longer than tcp, in total time and especially in downtime, with and without disk", () => {
  for (const disk of [false, true]) {
    const tcp = migrate({ architecture: "ip", mode: "tcp", disk });
    const exec = migrate({ architecture: "ip", mode: "exec", disk });
    assert.ok(exec.totalTimeSec > tcp.totalTimeSec, `total, disk ${disk}`);
    // "Slightly lower" throughput: under 10 % more time, while the downtime grows many times.
    assert.ok(exec.totalTimeSec < 1.1 * tcp.totalTimeSec, `exec's throughput only slightly lower, disk ${disk}`);
    assert.ok(exec.downtimeSec > 5 * tcp.downtimeSec, `downtime, disk ${disk}: ${exec.downtimeSec} vs ${tcp.downtimeSec}`);
  }
});
