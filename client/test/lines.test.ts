import { strict as assert } from "node:assert";
import { describe, it, test } from "node:test";
import { MAX_LINES, holdBetweenPoints, linkLines, pickLines, previousLabel, remainingLines, valueAt, windowLines } from "../webview/lines.js";

describe("remainingLines", () => {
  it("draws each VM in its own colour, aligned on the union of times", () => {
    const { specs, aligned } = remainingLines({ "remaining/web": [0, 10, 2, 0], "remaining/db": [1, 5], "link/x": [0, 1] }, undefined, 100);
    assert.deepEqual(specs, [
      { label: "web", colour: 0, dashed: false },
      { label: "db", colour: 1, dashed: false },
    ]);
    assert.deepEqual(aligned.data, [[0, 1, 2], [10, null, 0], [null, 5, null]]);
  });

  it("overlays the earlier run dashed, in the colour of the same VM", () => {
    const { specs } = remainingLines({ "remaining/web": [0, 10] }, { "remaining/old": [0, 3], "remaining/web": [0, 12] }, 100);
    assert.deepEqual(specs, [
      { label: "web", colour: 0, dashed: false },
      { label: previousLabel("old"), colour: 1, dashed: true },
      { label: previousLabel("web"), colour: 0, dashed: true },
    ]);
  });

  it("decimates every line to the point budget", () => {
    const long = Array.from({ length: 1000 }, (_, i) => [i, 1000 - i]).flat();
    const { aligned } = remainingLines({ "remaining/web": long }, undefined, 50);
    assert.ok(aligned.data[0].length <= 50);
    assert.equal(aligned.data[0][0], 0);
    assert.equal(aligned.data[0][aligned.data[0].length - 1], 999);
  });
});

describe("linkLines", () => {
  it("draws only the link series, labelled by link name", () => {
    const { specs } = linkLines({ "remaining/web": [0, 1], "link/h1--sw": [0, 0.5], "link/h2--sw": [0, 0.25] }, 100);
    assert.deepEqual(specs.map((s) => s.label), ["h1--sw", "h2--sw"]);
  });
});

describe("windowLines", () => {
  it("draws each VM's TCP window in its own colour, aligned on the union of times", () => {
    const { specs, aligned } = windowLines({ "remaining/web": [0, 1], "cwnd/web": [0, 14600, 2, 29200], "cwnd/db": [1, 2920] }, 100);
    assert.deepEqual(specs, [
      { label: "web", colour: 0, dashed: false },
      { label: "db", colour: 1, dashed: false },
    ]);
    // web's window holds 14600 until it changes at 2 s; db's single point stays alone.
    assert.deepEqual(aligned.data, [[0, 1, 2], [14600, 14600, 29200], [null, 2920, null]]);
  });

  it("draws nothing for a run with the fluid transport", () => {
    const { specs, aligned } = windowLines({ "remaining/web": [0, 1], "link/h1--sw": [0, 0.5] }, 100);
    assert.deepEqual(specs, []);
    assert.deepEqual(aligned.data, [[]]);
  });
});

describe("holdBetweenPoints", () => {
  const cases: readonly [input: (number | null)[], held: (number | null)[]][] = [
    [[null, 5, null, null, 7, null], [null, 5, 5, 5, 7, null]],
    [[1, null, 2], [1, 1, 2]],
    [[null, null], [null, null]],
    [[], []],
    [[0, null, 0], [0, 0, 0]],
  ];
  for (const [input, held] of cases) {
    it(`holds ${JSON.stringify(input)} as ${JSON.stringify(held)}`, () => {
      assert.deepEqual(holdBetweenPoints(input), held);
    });
  }
});

describe("valueAt", () => {
  const times = [0, 1, 2, 4, 5];
  const values = [null, 10, null, 4, null];
  const cases: readonly [index: number, expected: number | null][] = [
    [0, null], // before the line's first point
    [1, 10], // its own point
    [2, 8], // a third of the way from (1 s, 10) to (4 s, 4)
    [3, 4],
    [4, null], // after its last point
  ];
  for (const [index, expected] of cases) {
    it(`reads ${expected} at ${times[index]} s`, () => {
      assert.equal(valueAt(times, values, index), expected);
    });
  }
});

test("a chart draws at most MAX_LINES lines, the first ones, however many VMs stream", () => {
  const store: Record<string, number[]> = {};
  for (let i = 0; i < 500; i++) store[`remaining/v${i}`] = [0, 100, 1, 50];
  const lines = remainingLines(store, undefined, 1000);
  assert.equal(lines.specs.length, MAX_LINES);
  assert.equal(lines.specs[0]!.label, "v0");
  assert.equal(lines.aligned.data.length, MAX_LINES + 1);
});

test("the highest-now choice draws the lines with the largest latest value, in their original order and colours", () => {
  const store: Record<string, number[]> = {};
  // v0..v99 end at their index, so the 24 highest now are v76..v99; v5 peaked high but ends low.
  for (let i = 0; i < 100; i++) store[`remaining/v${i}`] = [0, i === 5 ? 1e9 : i, 1, i];
  const lines = remainingLines(store, undefined, 1000, "highest-now");
  assert.deepEqual(
    lines.specs.map((s) => s.label),
    Array.from({ length: MAX_LINES }, (_, k) => `v${100 - MAX_LINES + k}`),
  );
  assert.equal(lines.specs[0]!.colour, 100 - MAX_LINES, "a line keeps the colour of its place among all lines");
});

test("the highest-peak choice draws the lines whose largest value is largest, ties in order", () => {
  const lines = Array.from({ length: 30 }, (_, i) => ({ label: `l${i}`, points: i === 29 ? [0, 5, 1, 0] : [0, 1, 1, 1] }));
  const picked = pickLines(lines, "highest-peak");
  assert.equal(picked.length, MAX_LINES);
  assert.deepEqual(picked.map((l) => l.label), [...Array.from({ length: MAX_LINES - 1 }, (_, i) => `l${i}`), "l29"]);
});

test("with no more lines than a chart draws, every choice keeps them all", () => {
  const lines = Array.from({ length: MAX_LINES }, (_, i) => ({ label: `l${i}`, points: [0, MAX_LINES - i] }));
  for (const choice of ["first", "highest-now", "highest-peak"] as const) assert.deepEqual(pickLines(lines, choice), lines);
});

test("the longest choice draws the lines that span the most time: the migrations running longest", () => {
  const lines = Array.from({ length: 30 }, (_, i) => ({ label: `l${i}`, points: [i, 1, 100, 0] }));
  assert.deepEqual(
    pickLines(lines, "longest").map((l) => l.label),
    Array.from({ length: MAX_LINES }, (_, i) => `l${i}`),
  );
  const reversed = Array.from({ length: 30 }, (_, i) => ({ label: `l${i}`, points: [30 - i, 1, 100, 0] }));
  assert.deepEqual(pickLines(reversed, "longest").map((l) => l.label), Array.from({ length: MAX_LINES }, (_, i) => `l${i + 30 - MAX_LINES}`));
});
