import { test } from "node:test";
import assert from "node:assert/strict";
import { check, hover } from "../src/index.js";

/** Hosts h1, h2 and client on a switch, VMs web and db on h1, the given traffic block body and scenario body. */
function scenario(traffic: string, scenarioBody = "seed 3"): string {
  return `scenario "t" { ${scenarioBody} }
hypervisor x kind xen { }
topology lab {
  switch sw
  host h1 { hypervisor x }
  host h2 { hypervisor x }
  host client { hypervisor x }
  link h1 -- sw { bandwidth 1 Gbps }
  link h2 -- sw { bandwidth 1 Gbps }
  link client -- sw { bandwidth 1 Gbps }
}
vm web on h1 { memory 1 GiB }
vm db on h1 { memory 1 GiB }
traffic {
${traffic}
}
migrate web to h2 at 0 s
`;
}

const messages = (text: string) => check(text).diagnostics.map((d) => `${d.code}: ${d.message}`);

test("a flow with a VM end lowers to a VM flow; node-only flows stay background flows", () => {
  const { scenario: s, diagnostics } = check(
    scenario(`  background web -> db cbr 200 Mbps during 1 s .. 5 s
  background client -> web udp 100 Mbps
  background web -> client bulk 2 GB { rate 400 Mbps }
  background client -> h2 cbr 10 Mbps`),
  );
  assert.deepEqual(diagnostics, []);
  assert.ok(s);
  const node = (name: string) => s.nodes.findIndex((n) => n.name === name);
  assert.deepEqual(s.vmFlows, [
    { from: { vm: 0 }, to: { vm: 1 }, startSec: 1, endSec: 5, share: "fair", rateBytesPerSec: 25e6 },
    { from: { node: node("client") }, to: { vm: 0 }, startSec: 0, share: "priority", rateBytesPerSec: 12.5e6 },
    { from: { vm: 0 }, to: { node: node("client") }, startSec: 0, share: "fair", bytes: 2e9, rateBytesPerSec: 50e6 },
  ]);
  assert.equal(s.background?.length, 1);
});

test("a VM that only talks is not reported as unused", () => {
  assert.deepEqual(messages(scenario("  background web -> db cbr 200 Mbps")), []);
  assert.deepEqual(messages(scenario("  background client -> h2 cbr 200 Mbps")), ["unused: 'db' is never migrated: it only takes memory and a slot on 'h1'"]);
});

test("flows from a VM to itself, unknown VMs and on/off sources at VMs are diagnosed", () => {
  assert.deepEqual(messages(scenario("  background web -> web cbr 200 Mbps")), ["wrong-value: a flow from VM 'web' to itself carries nothing over the network"]);
  const unknown = messages(scenario("  background web -> dbx cbr 200 Mbps"));
  assert.ok(unknown.some((m) => m.startsWith("unknown-name:") && m.includes("dbx")), unknown.join("\n"));
  assert.deepEqual(messages(scenario("  background web -> db onoff 200 Mbps { on 1 s  off 1 s }")), [
    "unsupported: an 'onoff' source joins hosts or switches; a flow with a VM end is 'cbr', 'udp' or 'bulk'",
  ]);
});

test("repetitions: a whole number from 1, lowered only above 1 so single runs are unchanged", () => {
  assert.equal(check(scenario("", "seed 3  repetitions 10")).scenario?.repetitions, 10);
  assert.equal(check(scenario("", "seed 3  repetitions 1")).scenario?.repetitions, undefined);
  assert.ok(messages(scenario("", "repetitions 0")).some((m) => m.startsWith("out-of-range:")));
  assert.ok(messages(scenario("", "repetitions 2.5")).length > 0);
});

test("load_network on the datacentre generator", () => {
  const on = check(scenario("  datacentre { load_network on }")).scenario;
  assert.equal(on?.datacentreTraffic?.loadNetwork, true);
  assert.equal(check(scenario("  datacentre { load_network off }")).scenario?.datacentreTraffic?.loadNetwork, undefined);
  assert.ok(messages(scenario("  datacentre { load_network 3 }")).some((m) => m.startsWith("wrong-value:")));
});

test("hover on a migration whose VM has flows says the forecast leaves them out", () => {
  const text = scenario("  background web -> db cbr 200 Mbps\n  background web -> client bulk 2 GB");
  const contents = hover(check(text), text.indexOf("migrate") + 2)?.contents ?? "";
  assert.match(contents, /Not in this forecast: its 2 flows \(200 Mbps of streams, 1 transfer\)/);
  const quiet = scenario("  background client -> h2 cbr 10 Mbps");
  assert.doesNotMatch(hover(check(quiet), quiet.indexOf("migrate") + 2)?.contents ?? "", /Not in this forecast/);
});
