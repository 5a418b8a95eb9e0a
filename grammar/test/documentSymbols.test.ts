import { test } from "node:test";
import assert from "node:assert/strict";
import { documentSymbols, parse, type OutlineEntry } from "../src/index.js";

/** Renders an outline as indented `kind name (detail) [selected text]` lines. */
function render(text: string): string[] {
  const lines: string[] = [];
  const visit = (entry: OutlineEntry, depth: number): void => {
    assert.ok(entry.range.start <= entry.selection.start && entry.selection.end <= entry.range.end, `${entry.name}: selection outside its range`);
    const detail = entry.detail ? ` (${entry.detail})` : "";
    lines.push(`${"  ".repeat(depth)}${entry.kind} ${entry.name}${detail} [${text.slice(entry.selection.start, entry.selection.end)}]`);
    for (const child of entry.children) visit(child, depth + 1);
  };
  for (const entry of documentSymbols(text, parse(text))) visit(entry, 0);
  return lines;
}

const full = `scenario "demo" { seed 1 }
hypervisor xen30 kind xen { max_rounds 30 }
topology lab {
  switch tor
  router gw
  host h1 { cores 2 }
  link h1 -- tor { bandwidth 1 Gbps }
}
host solo
vm web on h1 { memory 1 GiB }
migrate web to solo at 2 s
expect web.downtime < 300 ms
`;

const cases: [string, string, string[]][] = [
  [
    "every declaration, with a topology's members as children",
    full,
    [
      'scenario demo ["demo"]',
      "hypervisor xen30 (kind xen) [xen30]",
      "topology lab [lab]",
      "  switch tor [tor]",
      "  router gw [gw]",
      "  host h1 [h1]",
      "  link h1 -- tor [h1 -- tor]",
      "host solo [solo]",
      "vm web (on h1) [web]",
      "migrate migrate web → solo (at 2 s) [web to solo]",
      "expect expect web.downtime < 300 ms [web.downtime]",
    ],
  ],
  [
    "numbered families, migration modifiers, traffic and policies",
    "vm web[1..3] on h\nmigrate web[2] to g at 1 s together\ntraffic { background a -> b cbr 1 Mbps }\npolicy routing dynamic",
    [
      "vm web[1..3] (on h) [web[1..3]]",
      "migrate migrate web[2] → g (at 1 s together) [web[2] to g]",
      "traffic traffic [traffic]",
      "  background a -> b (cbr 1 Mbps) [a -> b]",
      "policy routing dynamic [routing dynamic]",
    ],
  ],
  [
    "declarations without names are still listed",
    "vm\nmigrate\nexpect",
    ["vm vm (unnamed) [vm]", "migrate migrate ? → ? [migrate]", "expect expect (unnamed) [expect]"],
  ],
];

for (const [name, text, expected] of cases) {
  test(`document symbols: ${name}`, () => assert.deepEqual(render(text), expected));
}

test("document symbols: the range is the whole declaration", () => {
  const [vm] = documentSymbols(full, parse(full)).filter((e) => e.kind === "vm");
  assert.equal(full.slice(vm!.range.start, vm!.range.end), "vm web on h1 { memory 1 GiB }");
});
