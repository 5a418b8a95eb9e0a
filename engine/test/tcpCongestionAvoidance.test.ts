import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { SEGMENT_BYTES } from "../src/transport/tcp.js";
import type { TcpTransportSpec } from "../src/scenario.js";
import { only, RecordingSink, twoHosts } from "./fixtures.js";

/**
 * RFC 5681 §3.1 congestion avoidance after paper 000 §3.2's losses: the window grows by at most one segment
 * per acknowledged window above ssthresh = max(cwnd / 2, 2 MSS) at the loss, and doubles below it.
 * One 256 MB VM dirtying 20 MB/s over two 1 Gbps links of 5 ms (RTT 20 ms, BDP 2.5 MB); every round loses a
 * tail segment, so the window series holds many losses and recoveries.
 */
function windows(tcp: TcpTransportSpec): { points: (readonly [number, number])[]; fastRetransmits: number; timeouts: number } {
  const scenario = { ...twoHosts([{ name: "vm", memoryBytes: 256e6, dirtyBytesPerSec: 20e6 }], { bandwidthBytesPerSec: 1.25e8, linkLatencySec: 0.005 }), transport: tcp };
  const sink = new RecordingSink();
  const migration = only(simulate(scenario, sink));
  return { points: sink.points("cwnd/vm"), fastRetransmits: migration.tcp!.fastRetransmits, timeouts: migration.tcp!.retransmissionTimeouts };
}

/** Walks the window series, following ssthresh through every loss, and checks each growth step. */
function checkGrowth(points: readonly (readonly [number, number])[], lossWindow: (before: number) => number): number {
  let ssthresh = Number.POSITIVE_INFINITY;
  let linearSteps = 0;
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]![1];
    const after = points[i]![1];
    if (after < before) {
      // A loss (the window falls to its loss value) sets ssthresh to half the window; an idle restart would not.
      assert.equal(after, lossWindow(before), `point ${i}: ${before} -> ${after}`);
      ssthresh = Math.max(before / 2, 2 * SEGMENT_BYTES);
      continue;
    }
    if (before >= ssthresh) {
      assert.ok(after - before <= SEGMENT_BYTES * (1 + 1e-12), `point ${i}: ${before} -> ${after} above ssthresh ${ssthresh}`);
      linearSteps++;
    } else {
      // Slow start: doubling at most, and never past ssthresh by more than the linear step.
      assert.ok(after <= 2 * before * (1 + 1e-12), `point ${i}: ${before} -> ${after} in slow start`);
      assert.ok(after <= ssthresh + SEGMENT_BYTES * (1 + 1e-12), `point ${i}: ${after} past ssthresh ${ssthresh}`);
    }
  }
  return linearSteps;
}

test("after a retransmission timeout: one segment, slow start up to half the old window, then one segment per RTT", () => {
  const run = windows({ kind: "tcp", tailLossProbability: 1 });
  assert.ok(run.timeouts >= 3, `${run.timeouts} timeouts`);
  const linear = checkGrowth(run.points, () => SEGMENT_BYTES);
  assert.ok(linear >= 10, `${linear} congestion-avoidance steps`);
});

test("after fast retransmit (Early Notification): the window halves to ssthresh and grows back linearly", () => {
  const run = windows({ kind: "tcp", tailLossProbability: 1, earlyNotification: true });
  assert.ok(run.fastRetransmits >= 3, `${run.fastRetransmits} fast retransmits`);
  const linear = checkGrowth(run.points, (before) => Math.max(before / 2, 2 * SEGMENT_BYTES));
  assert.ok(linear >= 10, `${linear} congestion-avoidance steps`);
});
