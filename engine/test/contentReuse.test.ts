import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import { predictReuse } from "../src/migration/contentReuse.js";
import { forecastMigrations } from "../src/forecast.js";
import type { MigrationResult } from "../src/results.js";
import type { Scenario } from "../src/scenario.js";
import { RecordingSink } from "./fixtures.js";
import { GiB, MiB, reuseWorld, table } from "./contentReuseFixtures.js";

const hosts = [
  { name: "h0", version: "xen-4.1" },
  { name: "h1", version: "xen-4.1" },
  { name: "h2", version: "xen-4.2" },
  { name: "h3", version: "xen-4.1" },
];
const residents = [
  { name: "web", host: 0, os: "ubuntu-22.04" },
  { name: "db", host: 1, os: "ubuntu-22.04" },
  { name: "u42", host: 2, os: "ubuntu-22.04" },
  { name: "win", host: 3, os: "windows-2019" },
];

function results(scenario: Scenario): readonly MigrationResult[] {
  return simulate(scenario, new RecordingSink()).migrations;
}

const B = 1.25e8;
const cases = [
  { why: "h1 runs db, the same OS on the same hypervisor version", target: 1, reused: 300 * MiB, from: "db" },
  { why: "h2 runs the same OS on another hypervisor version", target: 2, reused: 0, from: undefined },
  { why: "h3 runs another OS on the same hypervisor version", target: 3, reused: 0, from: undefined },
];
for (const c of cases) {
  test(`static pages are skipped in round 0 only on a match: ${c.why}`, () => {
    const [m] = results(reuseWorld({ hosts, vms: residents, policy: table, migrations: [{ vm: 0, target: c.target, startSec: 0 }] }));
    // An idle VM: round 0 is the whole transfer, memory − S, at the link's rate.
    assert.equal(m!.rounds[0]!.bytes, GiB - c.reused);
    assert.equal(m!.bytesSent, GiB - c.reused);
    assert.ok(Math.abs(m!.totalTimeSec - ((GiB - c.reused) / B + 0.015)) < 1e-9);
    assert.equal(m!.reusedBytes, c.reused > 0 ? c.reused : undefined);
    assert.equal(m!.reusedFrom, c.from);
  });
}

test("a similar VM counts on the destination once its own migration has finished", () => {
  const vms = [
    { name: "web", host: 0, os: "ubuntu-22.04" },
    { name: "app", host: 0, os: "ubuntu-22.04" },
  ];
  const migrations = [
    { vm: 1, target: 3, startSec: 0 },
    { vm: 0, target: 3, startSec: 0 },
  ];
  const sequential = results(reuseWorld({ hosts, vms, policy: table, migrations, schedule: { kind: "sequential" } }));
  assert.deepEqual(sequential.map((m) => m.reusedBytes), [undefined, 300 * MiB]);
  assert.equal(sequential[1]!.reusedFrom, "app");
  // Together, app is still in flight when web starts: nothing of it runs on h3 yet.
  const together = results(reuseWorld({ hosts, vms, policy: table, migrations }));
  assert.deepEqual(together.map((m) => m.reusedBytes), [undefined, undefined]);
  // The forecast before the run follows the same rule.
  assert.deepEqual(forecastMigrations(reuseWorld({ hosts, vms, policy: table, migrations })).map((f) => f.reuse.staticBytes), [0, 0]);
});

// Before the rule was shared, the forecast counted app on h3 from its start and predicted reuse for web in
// every overlapping case below; the run finds none until app has arrived (about 8.6 s: 1 GiB at 1 Gbps).
const agreementCases: { why: string; webStartSec: number; schedule?: Scenario["schedule"]; reused: number }[] = [
  { why: "web starts while app is still in flight", webStartSec: 1, reused: 0 },
  { why: "web starts at the same time as app", webStartSec: 0, reused: 0 },
  { why: "web starts after app has arrived", webStartSec: 20, reused: 300 * MiB },
  { why: "a sequential schedule holds web until app has arrived", webStartSec: 1, schedule: { kind: "sequential" }, reused: 300 * MiB },
  { why: "a batch of two starts both at once", webStartSec: 1, schedule: { kind: "batched", size: 2 }, reused: 0 },
];
for (const c of agreementCases) {
  test(`the forecast's content reuse agrees with the run: ${c.why}`, () => {
    const vms = [
      { name: "web", host: 0, os: "ubuntu-22.04" },
      { name: "app", host: 0, os: "ubuntu-22.04" },
    ];
    const migrations = [
      { vm: 1, target: 3, startSec: 0 },
      { vm: 0, target: 3, startSec: c.webStartSec },
    ];
    const scenario = reuseWorld({ hosts, vms, policy: table, migrations, ...(c.schedule ? { schedule: c.schedule } : {}) });
    const run = results(scenario).find((m) => m.vm === "web")!;
    const forecast = forecastMigrations(scenario)[1]!;
    assert.equal(run.reusedBytes ?? 0, c.reused);
    assert.equal(forecast.reuse.staticBytes, c.reused);
    assert.equal(forecast.reuse.donor === undefined ? undefined : scenario.vms[forecast.reuse.donor]!.name, run.reusedFrom);
  });
}

test("the forecast starts a VM's second migration once its first has ended, as the run does", () => {
  // web goes h0 → h1 (db there: 300 MiB reused, about 6.1 s), then, due at 1 s, on to h3. app (256 MiB)
  // reaches h3 from h2 at about 2.1 s: before web's second migration really starts, not before it is due.
  const vms = [
    { name: "web", host: 0, os: "ubuntu-22.04" },
    { name: "db", host: 1, os: "ubuntu-22.04" },
    { name: "app", host: 2, os: "ubuntu-22.04", memoryBytes: 256 * MiB },
  ];
  const migrations = [
    { vm: 0, target: 1, startSec: 0 },
    { vm: 2, target: 3, startSec: 0 },
    { vm: 0, target: 3, startSec: 1 },
  ];
  const scenario = reuseWorld({ hosts, vms, policy: table, migrations });
  const run = results(scenario);
  const forecasts = forecastMigrations(scenario);
  const described = (bytes: number | undefined, from: string | undefined) => `${bytes ?? 0} from ${from}`;
  const ran = migrations.map((m) => run.find((r) => r.vm === vms[m.vm]!.name && r.target === hosts[m.target]!.name)!);
  assert.deepEqual(ran.map((r) => described(r.reusedBytes, r.reusedFrom)), [`${300 * MiB} from db`, "0 from undefined", `${300 * MiB} from app`]);
  assert.deepEqual(forecasts.map((f) => described(f.reuse.staticBytes, f.reuse.donor === undefined ? undefined : vms[f.reuse.donor]!.name)), ran.map((r) => described(r.reusedBytes, r.reusedFrom)));
  // Taken at its due time, web's second migration would find app not yet arrived.
  assert.deepEqual(predictReuse({ ...scenario, migrations: [migrations[1]!, migrations[2]!] }, () => 5).map((d) => d.staticBytes), [0, 0]);
});

test("a VM's own static size replaces its table entry; without a policy it is always skipped", () => {
  const vms = [{ ...residents[0]!, staticBytes: 100 * MiB }, ...residents.slice(1)];
  const onMatch = { vm: 0, target: 1, startSec: 0 };
  const noMatch = { vm: 0, target: 3, startSec: 0 };
  assert.equal(results(reuseWorld({ hosts, vms, policy: table, migrations: [onMatch] }))[0]!.reusedBytes, 100 * MiB);
  assert.equal(results(reuseWorld({ hosts, vms, policy: table, migrations: [noMatch] }))[0]!.reusedBytes, undefined);
  const legacy = results(reuseWorld({ hosts, vms, migrations: [noMatch] }))[0]!;
  assert.equal(legacy.reusedBytes, 100 * MiB);
  assert.equal(legacy.reusedFrom, undefined);
});

test("a VM without an OS never matches, and a VM's static pages never exceed its memory", () => {
  const noOs = [{ name: "anon", host: 0 }, ...residents.slice(1)];
  assert.equal(results(reuseWorld({ hosts, vms: noOs, policy: table, migrations: [{ vm: 0, target: 1, startSec: 0 }] }))[0]!.reusedBytes, undefined);
  const small = [{ ...residents[0]!, memoryBytes: 200 * MiB }, ...residents.slice(1)];
  const [m] = results(reuseWorld({ hosts, vms: small, policy: table, migrations: [{ vm: 0, target: 1, startSec: 0 }] }));
  assert.equal(m!.reusedBytes, 200 * MiB);
  assert.equal(m!.rounds[0]!.bytes, 0);
});

test("a table with a key twice, or a negative size, is refused before the run", () => {
  const twice = { kind: "static-content" as const, table: [table.table[0]!, table.table[0]!] };
  const negative = { kind: "static-content" as const, table: [{ ...table.table[0]!, staticBytes: -1 }] };
  for (const policy of [twice, negative]) {
    assert.throws(() => results(reuseWorld({ hosts, vms: residents, policy, migrations: [{ vm: 0, target: 1, startSec: 0 }] })), SimulationError);
  }
});

test("a local disk needs a hypervisor that does block migration: Xen's default does not", () => {
  const scenario = reuseWorld({ hosts, vms: residents, migrations: [{ vm: 0, target: 1, startSec: 0 }] });
  const withDisk: Scenario = { ...scenario, vms: scenario.vms.map((vm, i) => (i === 0 ? { ...vm, disk: { bytes: 10 * GiB, local: true, writeBytesPerSec: 0 } } : vm)) };
  assert.throws(() => results(withDisk), /VM web has a local disk, but hypervisor xen-4\.1 on host h0 does not do block migration/);
  const enabled: Scenario = { ...withDisk, profiles: withDisk.profiles.map((p) => ({ ...p, blockMigration: true })) };
  assert.equal(results(enabled)[0]!.rounds[0]!.stage, "disk");
});
