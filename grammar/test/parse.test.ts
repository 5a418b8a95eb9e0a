import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../src/index.js";

test("doc comments attach to the declaration right below them", () => {
  const { file } = parse("/// A web server.\n/// Busy.\nvm web on h1 { memory 1 GiB }\n\n/// Orphan.\n\n// plain\nmigrate web to h2");
  assert.equal(file.declarations[0]!.doc, "A web server.\nBusy.");
  assert.equal(file.declarations[1]!.doc, undefined);
});

test("offsets of names and values point at the source text", () => {
  const text = "vm web on h1 { memory 1 GiB }";
  const vm = parse(text).file.declarations[0]!;
  assert.equal(vm.kind, "vm");
  if (vm.kind !== "vm") return;
  assert.equal(text.slice(vm.name!.start, vm.name!.end), "web");
  const attribute = vm.body!.members[0]!;
  assert.equal(attribute.kind, "attribute");
  if (attribute.kind !== "attribute") return;
  assert.equal(text.slice(attribute.value!.start, attribute.value!.end), "1 GiB");
});

test("a word after a number is a unit only if it spells one", () => {
  const vm = parse("vm web on h1 { vcpus 2 memory 1 GiB }").file.declarations[0]!;
  assert.equal(vm.kind === "vm" && vm.body!.members.length, 2);
});

/** A deterministic generator, so that a failing input can be reproduced from the test's name. */
function* soup(seed: number, count: number): Generator<string> {
  const pieces = ["vm", "host", "{", "}", "link", "--", "1", "GiB", "migrate", "to", "at", '"x"', "expect", ".", "<", "topology", "%", "///d\n", "/*", "*/", "\n", "hypervisor", "kind", "on", "@", "\"", "9e99"];
  let state = seed;
  for (let n = 0; n < count; n++) {
    let text = "";
    for (let i = 0; i < 60; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      text += pieces[state % pieces.length] + " ";
    }
    yield text;
  }
}

test("the parser never throws, on random token soup and on every truncation of a sample", () => {
  for (const text of soup(7, 300)) assert.doesNotThrow(() => parse(text), text);
  const sample = 'scenario "s" { seed 1 }\ntopology t { host a { memory 1 GiB } host b link a -- b { bandwidth 1 Gbps } }\nvm v on a { memory 1 GiB }\nmigrate v to b at 1 s\nexpect v.downtime < 1 s';
  for (let i = 0; i <= sample.length; i++) assert.doesNotThrow(() => parse(sample.slice(0, i)));
});

test("deeply nested braces are reported, not a stack overflow", () => {
  const text = "topology t " + "{".repeat(2000) + "}".repeat(2000);
  const result = parse(text);
  assert.ok(result.errors.length >= 1);
});
