/**
 * Paper 002 (Khan & Zahoor, ESCDR, ../shared/papers/002_ab2462603c65d96a.txt): its claims against plain
 * pre-copy, as docs/validation.md lists them. The paper reports no figures; each claim is held to the model's
 * equation (round-0 bytes = memory − S on a match) within the tolerance docs/validation.md states.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "../src/simulate.js";
import type { MigrationResult } from "../src/results.js";
import type { Migration, Scenario } from "../src/scenario.js";
import { RecordingSink, assertClose } from "./fixtures.js";
import { GiB, MiB, reuseWorld, table } from "./contentReuseFixtures.js";

const B = 1.25e8;
const S = 300 * MiB;
const hosts = [
  { name: "src", version: "xen-4.1" },
  { name: "dst", version: "xen-4.1" },
];

/** `count` VMs of 1 GiB (ubuntu) on src dirtying 2500 pages/s, migrating one after another to dst, which runs `donor`. */
function fleet(count: number, policy: boolean): Scenario {
  const vms = [
    { name: "donor", host: 1, os: "ubuntu-22.04" },
    ...Array.from({ length: count }, (_, i) => ({ name: `vm${i}`, host: 0, os: "ubuntu-22.04", dirtyBytesPerSec: 2500 * 4096 })),
  ];
  const migrations: Migration[] = vms.slice(1).map((_, i) => ({ vm: i + 1, target: 1, startSec: 0 }));
  return reuseWorld({ hosts, vms, migrations, schedule: { kind: "sequential" }, bandwidthBytesPerSec: B, ...(policy ? { policy: table } : {}) });
}

function run(scenario: Scenario): readonly MigrationResult[] {
  return simulate(scenario, new RecordingSink()).migrations;
}

const sum = (ms: readonly MigrationResult[], f: (m: MigrationResult) => number) => ms.reduce((total, m) => total + f(m), 0);

test("paper 002 §3.3: round 0 of a matched migration sends the memory minus its static pages", () => {
  const [plain] = run(fleet(1, false));
  const [escdr] = run(fleet(1, true));
  assertClose(plain!.rounds[0]!.bytes - escdr!.rounds[0]!.bytes, S, 1e-12, "round-0 saving");
  assert.equal(escdr!.reusedBytes, S);
});

test("paper 002 §1, §4: less network load and a shorter migration than plain pre-copy", () => {
  const [plain] = run(fleet(1, false));
  const [escdr] = run(fleet(1, true));
  // A shorter round 0 also leaves fewer pages dirtied for round 1, so the saving is at least S and S/B.
  assert.ok(plain!.bytesSent - escdr!.bytesSent >= S * (1 - 1e-12), `bytes saved ${plain!.bytesSent - escdr!.bytesSent}`);
  assert.ok(plain!.totalTimeSec - escdr!.totalTimeSec >= (S / B) * (1 - 1e-12), `time saved ${plain!.totalTimeSec - escdr!.totalTimeSec}`);
  // Dirtying at D, round 1 carries D × round 0's time: the saving beyond S is D × S / B.
  const D = 2500 * 4096;
  assertClose(plain!.rounds[1]!.bytes - escdr!.rounds[1]!.bytes, (D * S) / B, 1e-9, "round-1 saving");
});

test("paper 002 §4: the benefit per migration is constant, so the total grows in proportion to the migrations", () => {
  const one = run(fleet(1, false))[0]!.bytesSent - run(fleet(1, true))[0]!.bytesSent;
  for (const count of [1, 2, 4, 8]) {
    const plain = run(fleet(count, false));
    const escdr = run(fleet(count, true));
    assert.equal(escdr.length, count);
    assertClose(sum(plain, (m) => m.bytesSent) - sum(escdr, (m) => m.bytesSent), count * one, 1e-9, `bytes saved by ${count}`);
    assertClose(sum(escdr, (m) => m.reusedBytes ?? 0), count * S, 1e-12, `reused by ${count}`);
    assert.ok(sum(plain, (m) => m.totalTimeSec) - sum(escdr, (m) => m.totalTimeSec) >= (count * S) / B * (1 - 1e-12));
  }
});

test("paper 002 §3.1: without a VM of the same OS and hypervisor version at the destination there is no saving", () => {
  const withoutDonor = (policy: boolean) => {
    const scenario = fleet(1, policy);
    return run({ ...scenario, vms: scenario.vms.map((vm) => (vm.name === "donor" ? { ...vm, os: "windows-2019" } : vm)) })[0]!;
  };
  assert.equal(withoutDonor(true).bytesSent, withoutDonor(false).bytesSent);
  assert.equal(withoutDonor(true).rounds[0]!.bytes, GiB);
});
