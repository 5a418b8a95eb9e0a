import { test } from "node:test";
import assert from "node:assert/strict";
import { placeBySimilarity, type PlacementRequest } from "../src/migration/similarityPlacement.js";
import { GiB, reuseWorld, type HostSpec, type ReuseVmSpec } from "./contentReuseFixtures.js";

const hosts: HostSpec[] = [
  { name: "h0", version: "xen-4.1" },
  { name: "h1", version: "xen-4.1" },
  { name: "h2", version: "xen-4.1" },
  { name: "h3", version: "xen-4.2" },
];

interface Case {
  readonly why: string;
  readonly hosts?: readonly HostSpec[];
  readonly vms: readonly ReuseVmSpec[];
  readonly requests: readonly PlacementRequest[];
  /** Chosen host names, in request order; undefined where no candidate qualifies. */
  readonly expected: readonly (string | undefined)[];
}

const all = [1, 2, 3];
const cases: Case[] = [
  {
    why: "a host running the same OS on the same hypervisor version comes first",
    vms: [{ name: "web", host: 0, os: "ubuntu" }, { name: "db", host: 2, os: "ubuntu" }, { name: "u", host: 3, os: "ubuntu" }],
    requests: [{ vm: 0, startSec: 0, candidates: all }],
    expected: ["h2"],
  },
  {
    why: "similar VMs are spread: the matching host with fewer of them wins, then the order written",
    vms: [
      { name: "a", host: 0, os: "ubuntu" },
      { name: "b", host: 0, os: "ubuntu" },
      { name: "c", host: 0, os: "ubuntu" },
      { name: "d1", host: 1, os: "ubuntu" },
      { name: "d2", host: 2, os: "ubuntu" },
    ],
    requests: [0, 1, 2].map((vm) => ({ vm, startSec: 0, candidates: [1, 2] })),
    expected: ["h1", "h2", "h1"],
  },
  {
    why: "a matching host without a free slot is passed over",
    hosts: [hosts[0]!, { name: "h1", version: "xen-4.1", slots: 1 }, hosts[2]!, hosts[3]!],
    vms: [{ name: "web", host: 0, os: "ubuntu" }, { name: "db", host: 1, os: "ubuntu" }],
    requests: [{ vm: 0, startSec: 0, candidates: [1, 2] }],
    expected: ["h2"],
  },
  {
    why: "memory is reserved from each migration's start, so a second VM does not fit where the first went",
    hosts: [hosts[0]!, { name: "h1", version: "xen-4.1", memoryBytes: 3 * GiB }, hosts[2]!],
    vms: [{ name: "a", host: 0, os: "ubuntu", memoryBytes: 2 * GiB }, { name: "b", host: 0, os: "ubuntu", memoryBytes: 2 * GiB }],
    requests: [{ vm: 0, startSec: 0, candidates: [1] }, { vm: 1, startSec: 5, candidates: [1] }],
    expected: ["h1", undefined],
  },
  {
    why: "an earlier fixed migration counts: the VM it moves is similar at its destination",
    vms: [{ name: "a", host: 0, os: "ubuntu" }, { name: "b", host: 0, os: "ubuntu" }],
    requests: [{ vm: 0, startSec: 0, target: 2 }, { vm: 1, startSec: 10, candidates: [1, 2] }],
    expected: ["h2", "h2"],
  },
  {
    why: "without a match, the nearest and then emptiest host; the VM's own host is never chosen",
    vms: [{ name: "web", host: 0, os: "ubuntu" }, { name: "x", host: 1, os: "windows" }],
    requests: [{ vm: 0, startSec: 0, candidates: [0, 1, 2] }],
    expected: ["h2"],
  },
];

for (const c of cases) {
  test(`similarity placement: ${c.why}`, () => {
    const world = reuseWorld({ hosts: c.hosts ?? hosts, vms: c.vms });
    const choices = placeBySimilarity(world, c.requests);
    assert.deepEqual(choices.map((choice) => (choice.target === undefined ? undefined : world.hosts[choice.target]!.name)), c.expected);
    // Deterministic: the same input gives the same choices.
    assert.deepEqual(placeBySimilarity(world, c.requests), choices);
  });
}

test("similarity placement reports the similar VMs and hops of its choice", () => {
  const world = reuseWorld({ hosts, vms: [{ name: "web", host: 0, os: "ubuntu" }, { name: "db", host: 2, os: "ubuntu" }] });
  assert.deepEqual(placeBySimilarity(world, [{ vm: 0, startSec: 0, candidates: all }]), [{ target: 2, similarVms: 1, hops: 2 }]);
});
