import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import { SimulationError } from "../src/errors.js";
import { predictReuse } from "../src/migration/contentReuse.js";
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
  // The prediction before the run counts app on h3 from its start.
  assert.deepEqual(predictReuse(reuseWorld({ hosts, vms, policy: table, migrations })).map((d) => d.staticBytes), [0, 300 * MiB]);
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
