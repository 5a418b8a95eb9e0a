import { test } from "node:test";
import assert from "node:assert/strict";
import { mapRacks } from "../src/placement/levels.js";
import { DATACENTRE_DEFAULTS, generateDatacentreTraffic } from "../src/traffic/datacentre.js";
import { dataCentre } from "./scoreFixtures.js";

// 64 racks of 8 hosts with 4 VMs each: 2,048 VMs, enough for the generator's shares to settle.
const scenario = dataCentre({ aggregations: 2, accessPerAggregation: 4, torsPerAccess: 8, hostsPerRack: 8, vmsPerHost: 4 });
const racks = mapRacks(scenario);
const rackOfVm = scenario.vms.map((vm) => racks.rackOfHost[vm.host]!);
const rackCount = racks.rackNames.length;
const traffic = generateDatacentreTraffic({}, rackOfVm, rackCount, 7);
const vmCount = scenario.vms.length;

test("about 10 active flows per VM on average (paper 004 §5.1.1)", () => {
  const mean = traffic.flows.length / vmCount;
  assert.ok(Math.abs(mean - DATACENTRE_DEFAULTS.flowsPerVm) < 0.3, `mean flows per VM ${mean}`);
});

test("90 % of flows are under 10 KB, the rest 100 MB – 1 GB, and they carry almost all the bytes", () => {
  const small = traffic.flows.filter((f) => f.bytes <= 10e3);
  const large = traffic.flows.filter((f) => f.bytes > 10e3);
  assert.ok(Math.abs(small.length / traffic.flows.length - 0.9) < 0.01, `small share ${small.length / traffic.flows.length}`);
  assert.ok(large.every((f) => f.bytes >= 100e6 && f.bytes <= 1e9), "large flows within 100 MB .. 1 GB");
  const bytes = (flows: readonly { bytes: number }[]) => flows.reduce((sum, f) => sum + f.bytes, 0);
  assert.ok(bytes(large) / bytes(traffic.flows) > 0.999, "most bytes in few large flows");
});

test("large flows follow the triangle 100 MB – 128 MB (mode) – 1 GB: their median is b − √((b − a)(b − c)/2)", () => {
  const large = traffic.flows.filter((f) => f.bytes > 10e3).map((f) => f.bytes).sort((x, y) => x - y);
  const median = large[Math.floor(large.length / 2)]!;
  const expected = 1e9 - Math.sqrt(((1e9 - 100e6) * (1e9 - 128e6)) / 2);
  assert.ok(Math.abs(median - expected) / expected < 0.05, `median ${median}, expected ${expected}`);
});

test("80 % of flows stay within the rack", () => {
  const intra = traffic.flows.filter((f) => f.intraRack).length / traffic.flows.length;
  assert.ok(Math.abs(intra - 0.8) < 0.015, `intra-rack share ${intra}`);
  const pairsInRack = [...traffic.rates.keys()].filter((key) => rackOfVm[Math.floor(key / vmCount)] === rackOfVm[key % vmCount]).length;
  assert.ok(pairsInRack > 0, "some pairs are in the same rack");
});

test("20 % of ToRs are hotspots, and each sends its out-of-rack bytes to at most 3 other ToRs", () => {
  assert.equal(traffic.hotspotRacks.length, Math.round(0.2 * rackCount));
  const bytesByRackPair = new Map<string, number>();
  for (const [key, rate] of traffic.rates) {
    const from = rackOfVm[Math.floor(key / vmCount)]!;
    const to = rackOfVm[key % vmCount]!;
    if (from !== to) bytesByRackPair.set(`${from}>${to}`, (bytesByRackPair.get(`${from}>${to}`) ?? 0) + rate);
  }
  for (const rack of traffic.hotspotRacks) {
    const destinations = [...bytesByRackPair.keys()].filter((pair) => pair.startsWith(`${rack}>`));
    assert.ok(destinations.length >= 1 && destinations.length <= 3, `hotspot rack ${rack} talks to ${destinations.length} racks`);
  }
  const hot = new Set(traffic.hotspotRacks);
  const total = [...bytesByRackPair.entries()].reduce((sum, [, rate]) => sum + rate, 0);
  const fromHotspots = [...bytesByRackPair.entries()].filter(([pair]) => hot.has(Number(pair.split(">")[0]))).reduce((sum, [, rate]) => sum + rate, 0);
  assert.ok(fromHotspots / total > 0.99, `hotspots send ${fromHotspots / total} of inter-rack bytes`);
});

test("median correspondents a VM sends to: 2 in its rack, at most 4 outside it", () => {
  const inRack: number[] = new Array<number>(vmCount).fill(0);
  const outside: number[] = new Array<number>(vmCount).fill(0);
  for (const key of traffic.rates.keys()) {
    const from = Math.floor(key / vmCount);
    if (rackOfVm[from] === rackOfVm[key % vmCount]) inRack[from]!++;
    else outside[from]!++;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  assert.equal(median(inRack), 2);
  // A VM's 20 % of flows reach only some of its remote correspondents, so fewer of them carry traffic.
  const remoteSenders = outside.filter((count) => count > 0);
  assert.ok(median(remoteSenders) >= 1 && median(remoteSenders) <= 4, `median remote correspondents ${median(remoteSenders)}`);
});

test("the same seed gives the same matrix; another seed another one", () => {
  const again = generateDatacentreTraffic({}, rackOfVm, rackCount, 7);
  assert.deepEqual([...again.rates.entries()], [...traffic.rates.entries()]);
  const other = generateDatacentreTraffic({}, rackOfVm, rackCount, 8);
  assert.notDeepEqual([...other.rates.entries()], [...traffic.rates.entries()]);
});

test("rates are bytes over the window: halving the window doubles every rate", () => {
  const short = generateDatacentreTraffic({ windowSec: 5 }, rackOfVm, rackCount, 7);
  for (const [key, rate] of traffic.rates) assert.ok(Math.abs(short.rates.get(key)! - 2 * rate) <= 1e-9 * rate);
});

test("out-of-range fields are rejected with the field's name", () => {
  assert.throws(() => generateDatacentreTraffic({ smallShare: 1.5 }, rackOfVm, rackCount, 7), /smallShare/);
  assert.throws(() => generateDatacentreTraffic({ largeModeBytes: 2e9 }, rackOfVm, rackCount, 7), /min <= mode <= max/);
  assert.throws(() => generateDatacentreTraffic({ hotspotPeers: 0 }, rackOfVm, rackCount, 7), /hotspotPeers/);
});
