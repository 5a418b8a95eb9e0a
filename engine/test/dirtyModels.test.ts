import { test } from "node:test";
import assert from "node:assert/strict";
import { dirtiedBytes, dirtiedIntegral } from "../src/migration/dirtying.js";
import { predictMigration } from "../src/migration/analytic.js";
import { defaultProfile } from "../src/migration/profiles.js";
import type { DirtyModel } from "../src/scenario.js";
import { assertClose } from "./fixtures.js";
import { assertAgree } from "./migrationFixtures.js";

const GiB = 2 ** 30;

test("wws: W(1 − e^{−rT/W}) grows like rT, then saturates at the working set", () => {
  const model: DirtyModel = { kind: "wws", bytesPerSec: 1e8, wwsBytes: 2e8 };
  assertClose(dirtiedBytes(model, 1e-6, GiB), 100, 1e-6, "short interval ≈ r·T");
  assertClose(dirtiedBytes(model, 2, GiB), 2e8 * (1 - Math.exp(-1)), 1e-12, "T = W/r");
  assertClose(dirtiedBytes(model, 100, GiB), 2e8, 1e-12, "saturated");
  assert.ok(dirtiedBytes(model, 5, GiB) < 5e8, "fewer unique bytes than a constant rate");
  assert.equal(dirtiedBytes(model, 0, GiB), 0);
  // Throttled to half speed: the same as half the write rate.
  assertClose(dirtiedBytes(model, 2, GiB, 0.5), 2e8 * (1 - Math.exp(-0.5)), 1e-12, "throttled");
});

test("hot-cold: a saturating hot set plus linear cold pages, capped at memory", () => {
  const model: DirtyModel = { kind: "hot-cold", bytesPerSec: 5e7, hotBytes: 1e8, coldBytesPerSec: 1e6 };
  assertClose(dirtiedBytes(model, 2, 1e9), 1e8 * (1 - Math.exp(-1)) + 2e6, 1e-12, "T = 2 s");
  assertClose(dirtiedBytes(model, 1e4, 1e9), 1e9, 1e-12, "everything dirty eventually");
});

test("the integral of the dirtied bytes matches a numerical quadrature", () => {
  const models: DirtyModel[] = [
    { kind: "constant", bytesPerSec: 3e7 },
    { kind: "wws", bytesPerSec: 1e8, wwsBytes: 2e8 },
    { kind: "hot-cold", bytesPerSec: 5e7, hotBytes: 1e8, coldBytesPerSec: 4e7 },
  ];
  for (const model of models) {
    const T = 30;
    const steps = 200_000;
    let sum = 0;
    for (let k = 0; k < steps; k++) sum += dirtiedBytes(model, ((k + 0.5) * T) / steps, 1e9);
    assertClose(dirtiedIntegral(model, T, 1e9), (sum * T) / steps, 1e-6, `integral of ${model.kind}`);
  }
});

test("a writable working set converges where the constant model at the same write rate does not", () => {
  const profile = defaultProfile("xen");
  const input = { memoryBytes: GiB, dirtyBytesPerSec: 2e8, bandwidthBytesPerSec: 1.25e8, latencySec: 0, profile };
  const constant = predictMigration(input);
  const wws = predictMigration({ ...input, dirty: { kind: "wws", bytesPerSec: 2e8, wwsBytes: 64 * 2 ** 20 } });
  assert.equal(constant.stopReason, "max-sent");
  assert.ok(wws.roundCount > constant.roundCount);
  assert.ok(wws.bytesSent < constant.bytesSent);
  assert.ok(wws.downtimeSec < constant.downtimeSec);
});

const agreement: { name: string; dirty: DirtyModel; latency: number; kind?: "xen" | "kvm" | "vmware" }[] = [
  { name: "wws, Xen", dirty: { kind: "wws", bytesPerSec: 2e8, wwsBytes: 1e8 }, latency: 0.001 },
  { name: "wws saturating within round 1, KVM", dirty: { kind: "wws", bytesPerSec: 5e8, wwsBytes: 3e7 }, latency: 0.0005, kind: "kvm" },
  { name: "hot-cold, Xen", dirty: { kind: "hot-cold", bytesPerSec: 4e8, hotBytes: 5e7, coldBytesPerSec: 2e6 }, latency: 0.002 },
  { name: "hot-cold, VMware approximation", dirty: { kind: "hot-cold", bytesPerSec: 4e8, hotBytes: 3e8, coldBytesPerSec: 2e7 }, latency: 0.0001, kind: "vmware" },
  { name: "constant, KVM capped at 128 MiB/s", dirty: { kind: "constant", bytesPerSec: 4e7 }, latency: 0.0001, kind: "kvm" },
];

for (const c of agreement) {
  test(`simulation and analytic prediction agree within 0.1 %: ${c.name}`, () => {
    assertAgree({ memoryBytes: 2 * GiB, dirty: c.dirty, bandwidthBytesPerSec: 1.25e9, linkLatencySec: c.latency, kind: c.kind ?? "xen" });
  });
}
