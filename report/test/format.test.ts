import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { bytesTicks, formatBytes, formatSeconds, secondsTicks } from "../src/format.js";

describe("formatBytes", () => {
  it("uses binary units with three significant digits", () => {
    assert.equal(formatBytes(1073741824), "1.00 GiB");
    assert.equal(formatBytes(1536), "1.50 KiB");
    assert.equal(formatBytes(12.5 * 1024 ** 2), "12.5 MiB");
    assert.equal(formatBytes(512 * 1024), "512 KiB");
    assert.equal(formatBytes(3 * 1024 ** 4), "3.00 TiB");
  });

  it("keeps small counts in bytes", () => {
    assert.equal(formatBytes(0), "0 B");
    assert.equal(formatBytes(1023), "1023 B");
  });

  it("moves to the next unit when rounding reaches 1024", () => {
    assert.equal(formatBytes(1024 ** 2 - 1), "1.00 MiB");
  });

  it("signs negative sizes and marks non-numbers", () => {
    assert.equal(formatBytes(-2048), "-2.00 KiB");
    assert.equal(formatBytes(Number.NaN), "—");
  });
});

describe("formatSeconds", () => {
  it("picks the unit from the magnitude", () => {
    assert.equal(formatSeconds(0), "0 s");
    assert.equal(formatSeconds(0.000025), "25.0 µs");
    assert.equal(formatSeconds(0.25), "250 ms");
    assert.equal(formatSeconds(0.0305), "30.5 ms");
    assert.equal(formatSeconds(12.345), "12.3 s");
    assert.equal(formatSeconds(90), "1 min 30 s");
    assert.equal(formatSeconds(7500), "2 h 5 min");
  });

  it("does not show 1000 ms or 60.0 s", () => {
    assert.equal(formatSeconds(0.9999), "1.00 s");
    assert.equal(formatSeconds(59.97), "1 min 0 s");
  });
});

describe("axis ticks", () => {
  it("labels a bytes axis in one unit, chosen from the largest tick", () => {
    const gib = 1024 ** 3;
    assert.deepEqual(bytesTicks([0, 0.5 * gib, gib, 1.5 * gib]), ["0", "0.5 GiB", "1.0 GiB", "1.5 GiB"]);
    assert.deepEqual(bytesTicks([0, 256 * 1024 ** 2, 512 * 1024 ** 2]), ["0", "256 MiB", "512 MiB"]);
  });

  it("labels a time axis in ms, s or min depending on the span", () => {
    assert.deepEqual(secondsTicks([0, 0.2, 0.4]), ["0", "200 ms", "400 ms"]);
    assert.deepEqual(secondsTicks([0, 2.5, 5]), ["0", "2.5 s", "5.0 s"]);
    assert.deepEqual(secondsTicks([0, 600, 1200]), ["0", "10 min", "20 min"]);
  });
});
