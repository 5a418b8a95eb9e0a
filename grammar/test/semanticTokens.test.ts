import { test } from "node:test";
import assert from "node:assert/strict";
import { check, semanticTokens } from "../src/index.js";

/** Renders each semantic token as `text:type[:modifier...]`. */
function render(text: string): string[] {
  return semanticTokens(text, check(text)).map((t) => [text.slice(t.start, t.end), t.type, ...t.modifiers].join(":"));
}

const topology = "topology lab { switch tor  router gw  host h1 { hypervisor x  cores 2 }  link h1 -- tor { bandwidth 1 Gbps } }\n";

const cases: [string, string, string[]][] = [
  [
    "declarations, their kinds and the declaration modifier",
    "/// Doc.\nhypervisor x kind xen { max_sent 300% }\n" + topology,
    [
      "/// Doc.:comment:documentation", "hypervisor:keyword", "x:interface:declaration", "kind:keyword", "xen:enumMember", "{", "max_sent:property", "300:number", "%:type",
      "topology:keyword", "lab:namespace:declaration", "switch:keyword", "tor:struct:declaration", "router:keyword", "gw:struct:declaration",
      "host:keyword", "h1:class:declaration", "hypervisor:property", "x:interface", "cores:property", "2:number",
      "link:keyword", "h1:class", "--:operator", "tor:struct", "bandwidth:property", "1:number", "Gbps:type",
    ].filter((t) => t.includes(":")),
  ],
  [
    "references, metrics, units and comments",
    topology + "vm web on h1 { dirty 2 pages/s } // note\nmigrate web to h1 at 1 s\n/* end */ expect web.downtime <= 3 ms",
    [
      "vm:keyword", "web:variable:declaration", "on:keyword", "h1:class", "dirty:property", "2:number", "pages/s:type", "// note:comment",
      "migrate:keyword", "web:variable", "to:keyword", "h1:class", "at:keyword", "1:number", "s:type",
      "/* end */:comment", "expect:keyword", "web:variable", "downtime:property", "<=:operator", "3:number", "ms:type",
    ],
  ],
  [
    "members of a numbered family, flows and policies",
    "topology t { host a  host b }\nvm web[1..2] on a\nmigrate web[1] to b together\ntraffic { background a -> b cbr 1 Mbps during 0 s .. 9 s }\npolicy routing dynamic",
    [
      "topology:keyword", "t:namespace:declaration", "host:keyword", "a:class:declaration", "host:keyword", "b:class:declaration",
      "vm:keyword", "web:variable:declaration", "1:number", "..:operator", "2:number", "on:keyword", "a:class",
      "migrate:keyword", "web:variable", "1:number", "to:keyword", "b:class", "together:keyword",
      "traffic:keyword", "background:keyword", "a:class", "->:operator", "b:class", "cbr:enumMember", "1:number", "Mbps:type",
      "during:keyword", "0:number", "s:type", "..:operator", "9:number", "s:type",
      "policy:keyword", "routing:property", "dynamic:enumMember",
    ],
  ],
  ["unknown names are left to the TextMate grammar", 'scenario "s" { seed 1 }\nmigrate ghost to nowhere', ['scenario:keyword', '"s":string', "seed:property", "1:number", "migrate:keyword", "to:keyword"]],
  ["an unterminated string is a string", 'scenario "open', ["scenario:keyword", '"open:string']],
];

for (const [name, text, expected] of cases) {
  test(`semantic tokens: ${name}`, () => {
    const rendered = render(text);
    const fromTopology = rendered.length - expected.length;
    assert.deepEqual(name.startsWith("references") ? rendered.slice(fromTopology) : rendered, expected);
  });
}

test("semantic tokens are sorted, do not overlap and never throw on broken text", () => {
  const text = topology + "vm web on h1 { memory 1 GiB\nmigrate web to at }} {{ expect web. < \n/* open";
  for (let cut = 0; cut <= text.length; cut++) {
    const prefix = text.slice(0, cut);
    const tokens = semanticTokens(prefix, check(prefix));
    tokens.forEach((t, i) => {
      assert.ok(t.end > t.start && t.end <= prefix.length);
      if (i > 0) assert.ok(t.start >= tokens[i - 1]!.end, `overlap at ${t.start} in ${JSON.stringify(prefix)}`);
    });
  }
});
