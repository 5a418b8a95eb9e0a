import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { powerOfTwoLabel } from "../src/format.js";
import { escapeXml, svg, svgToString } from "../src/svg.js";
import { linearTicks, log2Ticks } from "../src/ticks.js";

describe("linearTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    assert.deepEqual(linearTicks(0, 10, 5), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(linearTicks(0, 50.05, 6), [0, 10, 20, 30, 40, 50]);
    assert.deepEqual(linearTicks(0.3, 0.9, 3), [0.4, 0.6, 0.8]);
  });

  it("handles a single value and a reversed range", () => {
    assert.deepEqual(linearTicks(3, 3, 5), [3]);
    assert.deepEqual(linearTicks(5, 3, 5), []);
  });
});

describe("log2Ticks", () => {
  it("puts ticks on KiB, MiB and GiB when the range is wide", () => {
    assert.deepEqual(log2Ticks(2 ** 10, 2 ** 40, 4), [2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40]);
  });

  it("never returns more than asked", () => {
    for (let count = 2; count < 10; count++) assert.ok(log2Ticks(1, 2 ** 33, count).length <= count, String(count));
  });
});

describe("axis labels and SVG text", () => {
  it("labels powers of two in whole units", () => {
    assert.deepEqual([1, 512, 2 ** 10, 2 ** 26, 2 ** 30].map(powerOfTwoLabel), ["1 B", "512 B", "1 KiB", "64 MiB", "1 GiB"]);
  });

  it("escapes attributes and text, and rounds coordinates", () => {
    assert.equal(escapeXml(`<a & "b">`), "&lt;a &amp; &quot;b&quot;&gt;");
    assert.equal(svgToString(svg("text", { x: 1.23456, class: 'a"b' }, [], "x<y")), '<text x="1.23" class="a&quot;b">x&lt;y</text>');
  });
});
