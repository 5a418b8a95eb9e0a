import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import type { BackgroundFlow, Scenario, VmFlow } from "../src/scenario.js";
import { mapRacks } from "../src/placement/levels.js";
import { generateDatacentreTraffic } from "../src/traffic/datacentre.js";
import { datacentreFlows } from "../src/traffic/vmFlows.js";
import { assertClose, RecordingSink, twoHosts } from "./fixtures.js";
import { dataCentre } from "./scoreFixtures.js";

const C = 1.25e8; // 1 Gbps
const RESUME = 0.015;

const run = (scenario: Scenario) => simulate(scenario, new RecordingSink());
const byVm = (scenario: Scenario) => new Map(run(scenario).migrations.map((m) => [m.vm, m]));

test("a migrating VM's own stream shares its host's uplink with the migration", () => {
  // The VM sends 0.5 C to n2 while 1.25e9 bytes of idle memory move at the other 0.5 C: 20 s, not 10 s.
  const flow: VmFlow = { from: { vm: 0 }, to: { node: 2 }, rateBytesPerSec: 0.5 * C, startSec: 0 };
  const scenario: Scenario = { ...twoHosts([{ name: "web", memoryBytes: 1.25e9, dirtyBytesPerSec: 0 }]), vmFlows: [flow] };
  assertClose(byVm(scenario).get("web")!.totalTimeSec, 20 + RESUME, 1e-9, "total time");
});

test("a flow is local while both ends share a host and is re-routed from the VM's new host after it moves", () => {
  // n1 sends 0.5 C to VM a. While a is on n1 the flow stays in the host; once a has moved to n2 (10 s alone)
  // it crosses n1 -> n2 and halves the bandwidth of b's migration, which starts at 30 s: 20 s instead of 10 s.
  const base = twoHosts([
    { name: "a", memoryBytes: 1.25e9, dirtyBytesPerSec: 0 },
    { name: "b", memoryBytes: 1.25e9, dirtyBytesPerSec: 0, startSec: 30 },
  ]);
  const flow: VmFlow = { from: { node: 0 }, to: { vm: 0 }, rateBytesPerSec: 0.5 * C, startSec: 0 };
  const results = byVm({ ...base, vmFlows: [flow] });
  assertClose(results.get("a")!.totalTimeSec, 10 + RESUME, 1e-9, "a alone");
  assertClose(results.get("b")!.totalTimeSec, 20 + RESUME, 1e-9, "b against a's re-routed flow");
});

test("a VM's flows stop while it is paused: its stop-and-copy gets the whole link, unlike against a background stream", () => {
  const base = twoHosts([{ name: "db", memoryBytes: 1.25e9, dirtyBytesPerSec: 2e7 }]);
  const finalRound = (scenario: Scenario) => {
    const rounds = byVm(scenario).get("db")!.rounds;
    const last = rounds.at(-1)!;
    assert.equal(last.phase, "stop-and-copy");
    assert.ok(last.bytes > 0, "the stop-and-copy has bytes to send");
    return last;
  };
  const own: VmFlow = { from: { vm: 0 }, to: { node: 2 }, rateBytesPerSec: 0.5 * C, startSec: 0, share: "priority" };
  const paused = finalRound({ ...base, vmFlows: [own] });
  assertClose(paused.durationSec, paused.bytes / C, 1e-9, "stop-and-copy at the full link");
  const other: BackgroundFlow = { kind: "cbr", from: 0, to: 2, rateBytesPerSec: 0.5 * C, startSec: 0, share: "priority" };
  const competing = finalRound({ ...base, background: [other] });
  assertClose(competing.durationSec, competing.bytes / (0.5 * C), 1e-9, "stop-and-copy at half the link");
});

test("a transfer keeps its remaining bytes across its VM's pause and finishes from the new host", () => {
  // VM a sends 2.5e9 bytes to n2 at a fair share while it migrates. Both flows get C/2 for 20 s (1.25e9
  // each); the migration ends and the rest (1.25e9) is local on n2, so b, starting at 21 s, has n1 -> n2 alone.
  const base = twoHosts([
    { name: "a", memoryBytes: 1.25e9, dirtyBytesPerSec: 0 },
    { name: "b", memoryBytes: 1.25e9, dirtyBytesPerSec: 0, startSec: 21 },
  ]);
  const toN2: VmFlow = { from: { vm: 0 }, to: { node: 2 }, bytes: 2.5e9, startSec: 0 };
  const results = byVm({ ...base, vmFlows: [toN2] });
  assertClose(results.get("a")!.totalTimeSec, 20 + RESUME, 1e-9, "a shares with its own transfer");
  assertClose(results.get("b")!.totalTimeSec, 10 + RESUME, 1e-9, "b alone: the transfer is local on n2 now");
});

test("a transfer between two VMs on one host is delivered through the host at once, and never crosses the network later", () => {
  // c sends 1.25e9 bytes to a while both run on n1. a then moves to n2 (10 s alone); b follows at 10.5 s and
  // has the link to itself: the transfer went through n1's bridge at the start, so nothing is left to send.
  const base = twoHosts([
    { name: "a", memoryBytes: 1.25e9, dirtyBytesPerSec: 0 },
    { name: "b", memoryBytes: 1.25e9, dirtyBytesPerSec: 0, startSec: 10.5 },
    { name: "c", memoryBytes: 1e6, dirtyBytesPerSec: 0, startSec: 100 },
  ]);
  const local: VmFlow = { from: { vm: 2 }, to: { vm: 0 }, bytes: 1.25e9, startSec: 0 };
  const results = byVm({ ...base, vmFlows: [local] });
  assertClose(results.get("a")!.totalTimeSec, 10 + RESUME, 1e-9, "a alone");
  assertClose(results.get("b")!.totalTimeSec, 10 + RESUME, 1e-9, "b alone: the transfer was delivered on n1");
});

test("bad VM flows are SimulationErrors before the run", () => {
  const base = twoHosts([{ name: "web", memoryBytes: 1e9, dirtyBytesPerSec: 0 }]);
  const cases: [VmFlow, RegExp][] = [
    [{ from: { vm: 0 }, to: { vm: 0 }, rateBytesPerSec: C, startSec: 0 }, /same VM/],
    [{ from: { vm: 3 }, to: { node: 2 }, rateBytesPerSec: C, startSec: 0 }, /VM 3, which does not exist/],
    [{ from: { node: 0 }, to: { node: 2 }, rateBytesPerSec: C, startSec: 0 }, /needs a VM/],
    [{ from: { vm: 0 }, to: { node: 2 }, startSec: 0 }, /without a rate/],
  ];
  for (const [flow, message] of cases) assert.throws(() => run({ ...base, vmFlows: [flow] }), (e: unknown) => e instanceof SimulationError && message.test(e.message));
});

test("load_network turns the generated VM pairs into one stream each, at the pair's rate from the run's seed", () => {
  const scenario = dataCentre({ aggregations: 1, accessPerAggregation: 2, torsPerAccess: 2, hostsPerRack: 4, vmsPerHost: 2, traffic: { loadNetwork: true } });
  const racks = mapRacks(scenario);
  const traffic = generateDatacentreTraffic({}, scenario.vms.map((vm) => racks.rackOfHost[vm.host]!), racks.rackNames.length, 11);
  const flows = datacentreFlows(scenario, 11);
  assert.equal(flows.length, [...traffic.rates.values()].filter((rate) => rate > 0).length);
  for (const flow of flows) {
    const key = (flow.from as { vm: number }).vm * traffic.vmCount + (flow.to as { vm: number }).vm;
    assert.equal(flow.rateBytesPerSec, traffic.rates.get(key));
  }
  assert.deepEqual(datacentreFlows({ ...scenario, datacentreTraffic: {} }, 11), [], "off unless asked");
});

test("with load_network a migration competes with the generated traffic and takes longer", () => {
  const scenario = dataCentre({ aggregations: 1, accessPerAggregation: 2, torsPerAccess: 2, hostsPerRack: 4, vmsPerHost: 2, traffic: { flowsPerVm: 40 } });
  // The first VM moves to the last host, across the core.
  const migrating: Scenario = { ...scenario, migrations: [{ vm: 0, target: scenario.hosts.length - 1, startSec: 0 }] };
  const quiet = run(migrating).migrations[0]!;
  const loaded = run({ ...migrating, datacentreTraffic: { flowsPerVm: 40, loadNetwork: true } }).migrations[0]!;
  assert.ok(loaded.totalTimeSec > quiet.totalTimeSec * 1.05, `loaded ${loaded.totalTimeSec} s vs quiet ${quiet.totalTimeSec} s`);
  assert.equal(run({ ...migrating, datacentreTraffic: { flowsPerVm: 40, loadNetwork: true } }).migrations[0]!.totalTimeSec, loaded.totalTimeSec, "deterministic");
});
