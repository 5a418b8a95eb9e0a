import { test } from "node:test";
import assert from "node:assert/strict";
import type { MigrationDocument, SeriesChunk } from "@vmig/protocol";
import { SeriesCoalescer, type StreamExtras } from "../src/seriesCoalescer.js";

/** A coalescer on a hand-driven clock, recording what it sends. */
function harness(intervalMs: number) {
  let clock = 0;
  const sent: { chunks: SeriesChunk[]; finished: MigrationDocument[] }[] = [];
  const coalescer = new SeriesCoalescer((chunks, finished) => sent.push({ chunks, finished }), intervalMs, () => clock);
  return { coalescer, sent, advance: (ms: number) => (clock += ms) };
}

const done = { vm: "a" } as MigrationDocument;

test("points within one interval are merged per series, in order, and sent once the interval has passed", () => {
  const { coalescer, sent, advance } = harness(50);
  coalescer.addPoints("remaining/a", "bytes", [0, 10]);
  coalescer.addPoints("remaining/b", "bytes", [0, 20]);
  coalescer.addPoints("remaining/a", "bytes", [1, 9]);
  assert.equal(sent.length, 0);
  advance(50);
  coalescer.addPoints("remaining/a", "bytes", [2, 8]);
  assert.deepEqual(sent, [
    {
      chunks: [
        { series: "remaining/a", unit: "bytes", points: [0, 10, 1, 9, 2, 8] },
        { series: "remaining/b", unit: "bytes", points: [0, 20] },
      ],
      finished: [],
    },
  ]);
});

test("finished migrations travel with the points, and flush sends the rest at the end", () => {
  const { coalescer, sent } = harness(50);
  coalescer.addPoints("remaining/a", "bytes", [0, 10]);
  coalescer.addFinished(done);
  coalescer.flush();
  coalescer.flush();
  assert.deepEqual(sent, [{ chunks: [{ series: "remaining/a", unit: "bytes", points: [0, 10] }], finished: [done] }]);
});

test("the topology goes with the next message, events accumulate, and only the latest link frame is kept", () => {
  let clock = 0;
  const sent: { finished: MigrationDocument[]; extras: StreamExtras }[] = [];
  const coalescer = new SeriesCoalescer((_chunks, finished, extras) => sent.push({ finished, extras }), 50, () => clock);
  const topology = { nodes: [{ name: "h", kind: "host" as const }], links: [] };
  coalescer.setTopology(topology);
  coalescer.addEvents([{ kind: "round-start", t_s: 0, vm: "a", round: 0, bytes: 1 }]);
  coalescer.addLinkLoads([{ t_s: 1, ratios: [0.1] }, { t_s: 2, ratios: [0.2] }]);
  coalescer.addEvents([{ kind: "migration-end", t_s: 3, vm: "a", downtime_s: 0.1 }]);
  coalescer.addLinkLoads([{ t_s: 3, ratios: [0.3] }]);
  assert.equal(sent.length, 0);
  clock += 50;
  coalescer.addFinished(done);
  coalescer.addLinkLoads([]);
  coalescer.flush();
  assert.deepEqual(sent, [
    {
      finished: [done],
      extras: {
        topology,
        events: [
          { kind: "round-start", t_s: 0, vm: "a", round: 0, bytes: 1 },
          { kind: "migration-end", t_s: 3, vm: "a", downtime_s: 0.1 },
        ],
        link_loads: [{ t_s: 3, ratios: [0.3] }],
      },
    },
  ]);
  coalescer.addLinkLoads([{ t_s: 4, ratios: [0] }]);
  coalescer.flush();
  assert.deepEqual(sent[1], { finished: [], extras: { link_loads: [{ t_s: 4, ratios: [0] }] } });
});
