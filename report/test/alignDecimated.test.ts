import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { alignDecimated, alignPoints, type NamedSeries } from "../src/series.js";

/** `count` points from `t0`, one every `step` seconds, with values from `value`. */
function series(label: string, count: number, t0: number, step: number, value: (i: number) => number): NamedSeries {
  const points: number[] = [];
  for (let i = 0; i < count; i++) points.push(t0 + i * step, value(i));
  return { label, points };
}

describe("alignDecimated", () => {
  it("aligns series within the budget exactly, as alignPoints does", () => {
    const lines = [series("a", 10, 0, 1, (i) => i), series("b", 8, 0.5, 1, (i) => -i)];
    assert.deepEqual(alignDecimated(lines, 100), alignPoints(lines));
  });

  // Eight lines whose min and max fall at different instants, as bytes-left lines of VMs dirtying memory
  // at different rates do: decimated one by one they would share almost no times.
  const lines = Array.from({ length: 8 }, (_, v) => series(`vm${v}`, 100_000, 0, 0.001, (i) => Math.sin(i * 0.001 * (v + 1) * 7) + v));
  const aligned = alignDecimated(lines, 2000);

  it("keeps the number of shared times near the budget whatever the number of lines", () => {
    assert.ok(aligned.data[0].length <= 2000 + 2 * lines.length, `${aligned.data[0].length} times`);
    assert.equal(aligned.data.length, 9);
  });

  it("keeps every line's first and last point, and its extremes", () => {
    for (let v = 0; v < lines.length; v++) {
      const column = (aligned.data[v + 1] as (number | null)[]).filter((y): y is number => y !== null);
      const values = lines[v]!.points.filter((_, i) => i % 2 === 1);
      assert.equal(column[0], values[0]);
      assert.equal(column[column.length - 1], values[values.length - 1]);
      assert.equal(Math.max(...column), Math.max(...values));
      assert.equal(Math.min(...column), Math.min(...values));
    }
  });

  it("moves no point by more than half a bucket, and keeps times in order", () => {
    const xs = aligned.data[0];
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! > xs[i - 1]!, "strictly increasing times");
    const bucket = 99.999 / 999;
    // The highest point of vm0: its snapped time is within half a bucket of its true time.
    const values = lines[0]!.points;
    let top = 1;
    for (let i = 3; i < values.length; i += 2) if (values[i]! > values[top]!) top = i;
    const snapped = xs[aligned.data[1]!.indexOf(values[top]!)]!;
    assert.ok(Math.abs(snapped - values[top - 1]!) <= bucket / 2 + 1e-9, `${snapped} vs ${values[top - 1]}`);
  });

  it("handles lines that start late and tiny lines among long ones", () => {
    const late = series("late", 50_000, 50, 0.001, (i) => i % 7);
    const tiny = series("tiny", 2, 10, 1, (i) => i);
    const result = alignDecimated([lines[0]!, late, tiny], 400);
    assert.ok(result.data[0].length <= 400 + 6);
    assert.deepEqual(result.data[3]!.filter((y) => y !== null), [0, 1]);
    assert.equal(result.data[2]![0], null, "the late line has no point at the first time");
  });
});
