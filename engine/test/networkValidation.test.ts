import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import type { BackgroundFlow, Scenario } from "../src/scenario.js";
import { assertClose, only, RecordingSink, twoHosts } from "./fixtures.js";

const C = 1.25e8; // 1 Gbps

test("n equal concurrent idle migrations on one link take n times as long", () => {
  const alone = only(simulate(twoHosts([{ name: "a", memoryBytes: 1e9, dirtyBytesPerSec: 0 }]), new RecordingSink()));
  for (const n of [2, 4, 8]) {
    const vms = Array.from({ length: n }, (_, i) => ({ name: `v${i}`, memoryBytes: 1e9, dirtyBytesPerSec: 0 }));
    const result = simulate(twoHosts(vms), new RecordingSink());
    for (const m of result.migrations) {
      assertClose(m.totalTimeSec - 0.015, n * (alone.totalTimeSec - 0.015), 1e-9, `${n} migrations`);
    }
  }
});

/**
 * Paper 004 §5.2.4 (Xen 4.1, 1 Gbps, ~127 MB migrated, constant bit-rate UDP background on the same path):
 * 2.94 s with no background, 4.29 s with 100 Mb/s (x1.46), 9.34 s with 1 Gb/s (x3.18), growing
 * sub-linearly between. The testbed moved only ~43 MB/s with no background (dom0 on a Pentium 4), so vmig,
 * at line rate, cannot match the absolute times; the test holds the trend:
 *  - time never decreases as the load grows (monotone);
 *  - 100 Mb/s costs at most x1.6 (paper x1.46; the fair model gives ~x1.1: a fair stream under the fair
 *    share takes only its rate);
 *  - 1 Gb/s costs between x1.8 and x4 (paper x3.18; the fair model gives ~x2: the stream is held to half the
 *    link). The rest of the paper's slowdown — dom0 CPU shared with the UDP sender, TCP losses — is not
 *    modelled;
 *  - growth is sub-linear: ten times the load (100 Mb/s to 1 Gb/s) costs far less than ten times the time,
 *    and the time stays finite at a fully loaded link, which a strict-priority stream would not allow
 *    (checked last: the migration then starves and the run is truncated).
 */
test("paper 004 trend: migration time grows sub-linearly with UDP background load on a 1 Gbps link", () => {
  const vm = { name: "web", memoryBytes: 1.2e8, dirtyBytesPerSec: 2e6 };
  const scenario = (mbps: number, share: "fair" | "priority" = "fair"): Scenario => ({
    ...twoHosts([vm], { bandwidthBytesPerSec: C, linkLatencySec: 5e-5, horizonSec: 600 }),
    background: mbps === 0 ? [] : [{ kind: "cbr", from: 0, to: 2, rateBytesPerSec: (mbps * 1e6) / 8, startSec: 0, share } as BackgroundFlow],
  });
  const loads = [0, 100, 250, 500, 750, 1000];
  const times = loads.map((mbps) => only(simulate(scenario(mbps), new RecordingSink())).totalTimeSec);
  const bytes = only(simulate(scenario(0), new RecordingSink())).bytesSent;
  assert.ok(bytes > 1.2e8 && bytes < 1.35e8, `about 127 MB migrated: ${bytes}`);
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! >= times[i - 1]! * (1 - 1e-12), `monotone at ${loads[i]} Mb/s: ${times}`);
  const ratio = (mbps: number) => times[loads.indexOf(mbps)]! / times[0]!;
  assert.ok(ratio(100) >= 1 && ratio(100) <= 1.6, `100 Mb/s: x${ratio(100)}`);
  assert.ok(ratio(1000) >= 1.8 && ratio(1000) <= 4, `1 Gb/s: x${ratio(1000)}`);
  assert.ok(ratio(1000) / ratio(100) < 10 / 2, "sub-linear");
  // Strict priority, the alternative model of UDP: same at 100 Mb/s, but a full link starves the migration.
  assertClose(only(simulate(scenario(100, "priority"), new RecordingSink())).totalTimeSec, times[1]!, 1e-9, "priority at 100 Mb/s");
  assert.equal(simulate(scenario(1000, "priority"), new RecordingSink()).truncated, true);
});
