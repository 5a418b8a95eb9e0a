import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { scopesOf, tokenizeLine, type Grammar } from "./textmate.js";

const grammar = JSON.parse(
  readFileSync(new URL("../../syntaxes/vmig.tmLanguage.json", import.meta.url), "utf8"),
) as Grammar;

/** Asserts that `text`, the first token with that text in `line`, carries `scope`. */
function check(line: string, text: string, scope: string): void {
  const scopes = scopesOf(tokenizeLine(grammar, line), text);
  assert.ok(scopes.includes(scope), `"${text}" in ${JSON.stringify(line)} has ${JSON.stringify(scopes)}, not ${scope}`);
}

describe("vmig TextMate grammar", () => {
  it("is the source.vmig grammar", () => {
    assert.equal(grammar.scopeName, "source.vmig");
  });

  it("tells doc comments, line comments and block comments apart", () => {
    check("/// Three concurrent migrations.", " Three concurrent migrations.", "comment.line.documentation.vmig");
    check("seed 7 // fixed", " fixed", "comment.line.double-slash.vmig");
    check("k 4 /* four pods */ link", " four pods ", "comment.block.vmig");
    check("k 4 /* four pods */ link", "link", "storage.type.link.vmig");
  });

  it("scopes strings, and ends an unterminated one at the end of the line", () => {
    check('import "common.vmig"', "common.vmig", "string.quoted.double.vmig");
    const tokens = tokenizeLine(grammar, 'import "a\\"b');
    assert.ok(scopesOf(tokens, '\\"').includes("constant.character.escape.vmig"));
  });

  it("names the declared entity after a declaration keyword", () => {
    check('scenario "en-dr-fattree" {', "en-dr-fattree", "entity.name.type.scenario.vmig");
    check("hypervisor xen30 kind xen {", "xen30", "entity.name.type.hypervisor.vmig");
    check("vm vm[1..3] on dc.host[4..6] {", "vm", "storage.type.vm.vmig");
    check("topology dc fattree {", "dc", "entity.name.type.topology.vmig");
    check("policy routing dynamic { interval 5 s }", "routing", "support.type.policy.vmig");
  });

  it("does not read a member after a dot as a keyword", () => {
    const scopes = scopesOf(tokenizeLine(grammar, "vm web on dc.host[4] {"), "host");
    assert.deepEqual(scopes, []);
  });

  it("scopes the other keywords", () => {
    check("migrate vm[1..3] to dc.host[1..3] at 0 s together", "together", "keyword.other.together.vmig");
    check("hypervisor xen30 kind xen {", "kind", "keyword.other.kind.vmig");
    check("migrate web to h2", "migrate", "storage.type.migrate.vmig");
  });

  it("reads numbers with every kind of unit, longest unit first", () => {
    const cases: [string, string][] = [
      ["memory 64 GiB", "GiB"],
      ["buffer 100 KiB", "KiB"],
      ["stop_below 200 KB", "KB"],
      ["dirty 10000 pages/s", "pages/s"],
      ["stop_below 50 pages", "pages"],
      ["bandwidth 500 Mbps", "Mbps"],
      ["rate 1.5 GB/s", "GB/s"],
      ["rate 300 MiB/s", "MiB/s"],
      ["latency 25 us", "us"],
      ["resume 200 ms", "ms"],
      ["horizon 5 min", "min"],
      ["intra_rack 80 %", "%"],
      ["max_sent 3 x memory", "x"],
    ];
    for (const [line, unit] of cases) check(line, unit, "keyword.other.unit.vmig");
    check("dirty 10000 pages/s", "10000", "constant.numeric.vmig");
  });

  it("keeps ranges, links and comparisons apart", () => {
    const tokens = tokenizeLine(grammar, "hosts h[0..1023]");
    assert.ok(scopesOf(tokens, "..").includes("keyword.operator.range.vmig"));
    assert.ok(scopesOf(tokens, "1023").includes("constant.numeric.vmig"));
    check("link up core -- agg", "--", "keyword.operator.link.vmig");
    check("expect web.downtime <= 300 ms", "<=", "keyword.operator.comparison.vmig");
    check("expect web.downtime <= 300 ms", "300", "constant.numeric.vmig");
  });

  it("scopes the words of papers 002 and 004: any, datacentre, policy choices, the reuse table's rows", () => {
    const cases: [string, string, string][] = [
      ["migrate web[1..2] to any dc.host[1..5] sequential", "any", "keyword.other.any.vmig"],
      ["migrate web[1..2] to any dc.host[1..5] sequential", "to", "keyword.other.to.vmig"],
      ["  datacentre {", "datacentre", "storage.type.datacentre.vmig"],
      ["policy placement s-core {", "s-core", "support.constant.policy.vmig"],
      ["policy placement similarity  // spread similar VMs", "similarity", "support.constant.policy.vmig"],
      ["policy content_reuse static_content {", "content_reuse", "support.type.policy.vmig"],
      ["policy content_reuse static_content {", "static_content", "support.constant.policy.vmig"],
      ['  "ubuntu-22.04" on "xen-4.1" 300 MiB', "ubuntu-22.04", "string.quoted.double.vmig"],
      ['  "ubuntu-22.04" on "xen-4.1" 300 MiB', "on", "keyword.other.on.vmig"],
      ['  "ubuntu-22.04" on "xen-4.1" 300 MiB', "MiB", "keyword.other.unit.vmig"],
      ['hypervisor xen41 kind xen { version "xen-4.1"  block_migration on }', "xen-4.1", "string.quoted.double.vmig"],
      ["migrate db to h2 postcopy", "postcopy", "keyword.other.postcopy.vmig"],
      ["  background a -> b cbr 100 Mbps", "background", "storage.type.background.vmig"],
      ["network xia {", "network", "storage.type.network.vmig"],
    ];
    for (const [line, text, scope] of cases) check(line, text, scope);
  });

  it("leaves 'any' and 'datacentre' alone where they are names", () => {
    assert.deepEqual(scopesOf(tokenizeLine(grammar, "migrate web to any // a host named any"), " any "), []);
    assert.ok(!scopesOf(tokenizeLine(grammar, "vm datacentre on h1"), "datacentre").includes("storage.type.datacentre.vmig"));
  });

  it("leaves a word that merely contains a unit alone", () => {
    const tokens = tokenizeLine(grammar, "k 4 hosts");
    assert.ok(scopesOf(tokens, "4").includes("constant.numeric.vmig"));
    assert.ok(!scopesOf(tokens, "4").includes("keyword.other.unit.vmig"));
    assert.ok(scopesOf(tokens, "hosts").includes("storage.type.hosts.vmig"));
  });
});
