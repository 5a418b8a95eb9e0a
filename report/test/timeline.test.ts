import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { MigrationDocument, RoundDocument } from "@vmig/protocol";
import { layoutRoundBars } from "../src/roundBars.js";
import { layoutTimeline, pauseStart, timelineGeometry, timelineSvg } from "../src/timeline.js";
import { svgToString } from "../src/svg.js";

function round(index: number, start: number, duration: number, bytes: number, extra: Partial<RoundDocument> = {}): RoundDocument {
  return { index, phase: "precopy", start_s: start, duration_s: duration, bytes, dirty_rate_bytes_per_s: 0, ...extra };
}

/** Pre-copy from 0 to 10 s in two rounds, stop-and-copy 10..10.05 s, resumed at 10.1 s. */
const web: MigrationDocument = {
  vm: "web",
  source: "h1",
  target: "h2",
  start_s: 0,
  end_s: 10.1,
  total_time_s: 10.1,
  downtime_s: 0.1,
  bytes_sent: 1124,
  stop_reason: "below-threshold",
  rounds: [round(0, 0, 8, 1024), round(1, 8, 2, 64), round(2, 10, 0.05, 36, { phase: "stop-and-copy" })],
};

/** Post-copy: paused first (stop-and-copy at 20 s), then the push. */
const db: MigrationDocument = {
  ...web,
  vm: "database-primary",
  start_s: 20,
  end_s: 30.2,
  total_time_s: 10.2,
  downtime_s: 0.2,
  rounds: [round(0, 20, 0.01, 0, { phase: "stop-and-copy" }), round(1, 20.2, 10, 4096, { stage: "push" })],
};

describe("layoutTimeline", () => {
  const width = 800;
  const layout = layoutTimeline([web, db], width);
  const { plot } = layout;
  const xOf = (t: number): number => plot.x + (t / 30.2) * plot.width;

  it("gives one row per migration, the label column sized to the longest name", () => {
    assert.deepEqual(layout.rows.map((r) => r.vm), ["web", "database-primary"]);
    assert.equal(plot.x, "database-primary".length * timelineGeometry.charWidth + 12);
    assert.equal(plot.x + plot.width, width - timelineGeometry.right);
    assert.equal(layout.rows[1]!.band.y - layout.rows[0]!.band.y, timelineGeometry.rowHeight);
    assert.equal(layout.height, plot.y + 2 * timelineGeometry.rowHeight + timelineGeometry.axisHeight);
  });

  it("maps rounds to bars on a time axis from the first start to the last end", () => {
    const [first, second, stop] = layout.bars;
    assert.equal(first!.x, plot.x);
    assert.ok(Math.abs(first!.width - (xOf(8) - xOf(0))) < 1e-9);
    assert.ok(Math.abs(second!.x - xOf(8)) < 1e-9);
    assert.deepEqual([first!.kind, second!.kind, stop!.kind], ["precopy", "precopy", "stop-and-copy"]);
    assert.deepEqual([first!.alternate, second!.alternate], [false, true]);
    assert.equal(layout.bars[4]!.kind, "push");
    assert.ok(layout.bars.every((b) => b.width >= timelineGeometry.minBarWidth));
  });

  it("highlights the downtime from the start of the stop-and-copy, at least a few pixels wide", () => {
    const [pre, post] = layout.downtimes;
    assert.ok(Math.abs(pre!.x - xOf(10)) < 1e-9);
    assert.equal(pre!.width, timelineGeometry.minDowntimeWidth);
    assert.ok(Math.abs(post!.x - xOf(20)) < 1e-9, "post-copy pauses before its push");
    assert.ok(post!.y > pre!.y);
  });

  it("puts ticks inside the plot, labelled in time units", () => {
    assert.ok(layout.ticks.length >= 3);
    for (const tick of layout.ticks) assert.ok(tick.x >= plot.x - 1e-9 && tick.x <= plot.x + plot.width + 1e-9);
    assert.equal(layout.ticks[0]!.label, "0");
    assert.match(layout.ticks[1]!.label, /^\d+ s$/);
  });

  it("falls back to the end of the migration when there is no stop-and-copy round", () => {
    assert.equal(pauseStart({ ...web, rounds: [] }), 10);
  });

  it("lays out no run at all without failing", () => {
    const empty = layoutTimeline([], 400);
    assert.deepEqual([empty.rows.length, empty.bars.length, empty.ticks.length], [0, 0, 0]);
  });

  it("writes escaped SVG with a tooltip per bar", () => {
    const text = svgToString(timelineSvg(layoutTimeline([{ ...web, vm: "a<b" }], 400)));
    assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="timeline"/);
    assert.match(text, />a&lt;b</);
    assert.equal(text.match(/<title>/g)?.length, 1 + 3 + 1);
  });
});

describe("layoutRoundBars", () => {
  const layout = layoutRoundBars([web, db], 600, 300);

  it("draws one bar per round with bytes, grouped by round index, VMs side by side", () => {
    assert.equal(layout.bars.length, 3 + 1, "the empty stop-and-copy has no bar");
    const [r0, r1, r2, push] = layout.bars;
    assert.ok(r0!.x < r1!.x && r1!.x < r2!.x);
    assert.equal(push!.series, 1);
    assert.ok(push!.x > r1!.x && push!.x < r2!.x, "db's round 1 sits beside web's round 1");
    assert.equal(r2!.final, true);
  });

  it("scales bytes logarithmically, so that every bar has a height and twice the bytes is one step higher", () => {
    const [r0, r1] = layout.bars;
    for (const bar of layout.bars) assert.ok(bar.height > 0);
    const perDoubling = (r0!.height - r1!.height) / Math.log2(1024 / 64);
    const push = layout.bars[3]!;
    assert.ok(Math.abs(push.height - r0!.height - 2 * perDoubling) < 1e-9);
    assert.ok(r0!.y >= layout.plot.y);
  });

  it("labels the byte axis with powers of two and every round", () => {
    assert.ok(layout.yTicks.every((t) => /^\d+ (B|KiB)$/.test(t.label)), JSON.stringify(layout.yTicks));
    assert.deepEqual(layout.xTicks.map((t) => t.label), ["0", "1", "2"]);
    assert.deepEqual(layout.legend, ["web", "database-primary"]);
  });
});

describe("layoutRoundBars scale", () => {
  it("gives the smallest round at least one doubling of height", () => {
    const layout = layoutRoundBars([{ ...web, rounds: [round(0, 0, 1, 2 ** 30), round(1, 1, 1, 2 ** 28 + 5)] }], 600, 300);
    const [big, small] = layout.bars;
    const perDoubling = (big!.height - small!.height) / Math.log2(2 ** 30 / (2 ** 28 + 5));
    assert.ok(small!.height >= perDoubling - 1e-9, `${small!.height} < ${perDoubling}`);
  });
});
