import { strict as assert } from "node:assert";
import { test } from "node:test";
import { opaque } from "../webview/theme.js";

const cases: readonly [input: string, expected: string][] = [
  ["#ea5c0080", "#ea5c00"],
  ["#EA5C00", "#EA5C00"],
  ["#f808", "#f80"],
  ["#f80", "#f80"],
  [" #3794ffcc ", "#3794ff"],
  ["rgba(234, 92, 0, 0.5)", "rgb(234, 92, 0)"],
  ["rgba(234,92,0,50%)", "rgb(234, 92, 0)"],
  ["rgb(234, 92, 0)", "rgb(234, 92, 0)"],
  ["orange", "orange"],
  ["#12345", "#12345"],
];

for (const [input, expected] of cases) {
  test(`opaque(${JSON.stringify(input)}) is ${JSON.stringify(expected)}`, () => {
    assert.equal(opaque(input), expected);
  });
}
