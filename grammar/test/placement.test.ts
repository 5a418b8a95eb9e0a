import { test } from "node:test";
import assert from "node:assert/strict";
import { check, complete, hover } from "../src/index.js";
import { runDocument } from "../src/run.js";

// Four racks of two hosts under two pods; two 1 GiB VMs per host.
const datacentre = `scenario "dc" { seed 3  horizon 3600 s }
topology dc threetier { aggregations 2  access_per_aggregation 1  tors_per_access 2  hosts_per_rack 2  link { bandwidth 1 Gbps } }
hosts dc.host[*] { memory 16 GiB  slots 8 }
vm a[0..7] on dc.host[*] { memory 1 GiB }
vm b[0..7] on dc.host[*] { memory 1 GiB }
`;
const generator = "traffic {\n  datacentre {\n    flows_per_vm 12\n    small_size 8 KB\n    intra_rack 75 %\n    hotspots 25 %\n    window 5 s\n  }\n}\n";

/** `code message` of each diagnostic. */
const codes = (text: string) => check(text).diagnostics.map((d) => `${d.severity} ${d.code}`);

test("the datacentre generator and policy placement s-core lower to SI engine specs", () => {
  const text = `${datacentre}${generator}policy placement s-core {
  token load-aware
  iterations 3
  migration_cost_share 10 %
  migration_cost 2 MB/s
  level1_cost 1 x
  level2_cost 2 x
  level3_cost 4 x
  level4_cost 8 x
  start 30 s
}
`;
  const { scenario, diagnostics } = check(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(scenario!.datacentreTraffic, { flowsPerVm: 12, smallMaxBytes: 8000, intraRackShare: 0.75, hotspotShare: 0.25, windowSec: 5 });
  assert.deepEqual(scenario!.placement, { token: "load-aware", iterations: 3, levelCosts: [1, 2, 4, 8], migrationCost: 2e6, migrationCostShare: 0.1, startSec: 30 });
});

test("s-core's defaults: the distributed token, 5 iterations, the thesis' link weights", () => {
  const { scenario } = check(`${datacentre}${generator}policy placement s-core\n`);
  assert.deepEqual(scenario!.placement, { token: "distributed", iterations: 5 });
});

test("warning: S-CORE with no traffic to act on", () => {
  assert.deepEqual(codes(`${datacentre}policy placement s-core\n`), ["warning no-traffic"]);
});

test("warning: S-CORE where no host has room for another VM", () => {
  const full = datacentre.replace("slots 8", "slots 2");
  assert.deepEqual(codes(`${full}${generator}policy placement s-core\n`), ["warning no-room"]);
});

test("errors: an unknown token policy, decreasing link weights, large flows out of order, an unknown attribute", () => {
  assert.deepEqual(codes(`${datacentre}${generator}policy placement s-core { token random }\n`), ["error wrong-value"]);
  assert.deepEqual(codes(`${datacentre}${generator}policy placement s-core { level2_cost 30 x }\n`), ["error out-of-range"]);
  assert.deepEqual(codes(`${datacentre}traffic { datacentre { large_size 2 GB } }\npolicy placement s-core\n`), ["error out-of-range", "warning no-traffic"]);
  assert.deepEqual(codes(`${datacentre}traffic { datacentre { flows 3 } }\npolicy placement s-core\n`), ["error unknown-attribute"]);
});

test("completion offers the generator in a traffic block and its attributes inside it", () => {
  const labels = (source: string) => {
    const offset = source.indexOf("|");
    const text = source.slice(0, offset) + source.slice(offset + 1);
    return complete(text, offset, check(text).symbols).map((c) => c.label);
  };
  assert.ok(labels("traffic { | }").includes("datacentre"));
  assert.deepEqual(labels("traffic { datacentre { | } }").slice(0, 3), ["flows_per_vm", "small_share", "small_size"]);
  assert.ok(labels("policy placement s-core { | }").includes("token"));
});

test("hover on a generator attribute shows its documentation", () => {
  const text = `${datacentre}${generator}policy placement s-core\n`;
  const shown = hover(check(text), text.indexOf("intra_rack") + 2);
  assert.match(shown?.contents ?? "", /stay within the rack/);
});

test("a checked document runs: S-CORE's iterations and migrations come back in the result", () => {
  const outcome = runDocument(`${datacentre}${generator}policy placement s-core { iterations 2 }\n`, { series: () => {}, migrationDone: () => {} });
  assert.ok(outcome.ok);
  const placement = outcome.result.placement!;
  assert.deepEqual(placement.iterations.map((it) => it.iteration), [0, 1, 2]);
  assert.equal(outcome.result.migrations.length, placement.iterations.reduce((sum, it) => sum + it.migrations, 0));
  assert.equal(placement.racks.length, 4);
});
