import { test } from "node:test";
import assert from "node:assert/strict";
import { predictMigration, predictRounds, type PredictionInput } from "../src/migration/analytic.js";
import { defaultProfile } from "../src/migration/profiles.js";
import type { DirtyModel, HypervisorProfile } from "../src/scenario.js";
import { Random } from "../src/kernel/random.js";

/**
 * The predictor skips rounds at fixed points and through the affine closed form; `predictRounds` visits
 * every round one by one. Both must give the same migration within 1e-9 relative, across profiles, dirty
 * models and rates on both sides of the link's rate (where the skips matter).
 */
const R = 1.25e8;
const GiB = 2 ** 30;

const profiles: [string, HypervisorProfile][] = [
  ["xen", defaultProfile("xen")],
  ["kvm", defaultProfile("kvm")],
  ["kvm, 100 rounds", { ...defaultProfile("kvm"), maxRounds: 100 }],
  ["kvm, 2x sent", { ...defaultProfile("kvm"), maxSentFactor: 2 }],
  ["kvm, compressed", { ...defaultProfile("kvm"), compression: { ratio: 0.5, cpuSecPerByte: 0 } }],
  ["xen, fourth rule", { ...defaultProfile("xen"), stopWhenDirtyExceedsRate: true }],
  ["xen, 1,000 rounds and 50x", { ...defaultProfile("xen"), maxRounds: 1000, maxSentFactor: 50 }],
  ["vmware (auto-converge)", defaultProfile("vmware")],
];

const models: [string, (rate: number) => DirtyModel][] = [
  ["constant", (rate) => ({ kind: "constant", bytesPerSec: rate })],
  ["wws", (rate) => ({ kind: "wws", bytesPerSec: rate, wwsBytes: 256 * 2 ** 20 })],
  ["hot-cold", (rate) => ({ kind: "hot-cold", bytesPerSec: rate, hotBytes: 128 * 2 ** 20, coldBytesPerSec: rate / 10 })],
];

/** Write rates as fractions of the link's rate: calm, converging slowly, at the rate, and above it. */
const fractions = [0, 0.3, 0.9, 0.92, 0.95, 0.99, 0.995, 0.999, 0.9996, 1, 1.0004, 1.08, 1.2];

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-12, `${what}: ${actual} against ${expected}`);
}

for (const [profileName, profile] of profiles) {
  test(`skipping rounds changes no prediction: ${profileName}`, () => {
    for (const [modelName, model] of models) {
      for (const latencySec of [0, 0.0002, 0.005]) {
        for (const fraction of fractions) {
          const input: PredictionInput = { memoryBytes: 4 * GiB, dirtyBytesPerSec: 0, dirty: model(fraction * R), bandwidthBytesPerSec: R, latencySec, profile };
          const what = `${modelName}, ${fraction} R, latency ${latencySec}`;
          const prediction = predictMigration(input);
          const rounds = predictRounds(input);
          const last = rounds.at(-1)!;
          const ratio = profile.compression?.ratio ?? 1;
          assert.equal(prediction.roundCount, rounds.length, `${what}: rounds`);
          close(prediction.totalTimeSec, last.startSec + last.durationSec + profile.resumeSec, `${what}: total time`);
          close(prediction.downtimeSec, last.durationSec + profile.resumeSec, `${what}: downtime`);
          close(prediction.bytesSent, rounds.reduce((sum, r) => sum + r.bytes * ratio, 0), `${what}: bytes sent`);
          close(prediction.finalRoundBytes, last.bytes, `${what}: final round`);
        }
      }
    }
  });
}

/**
 * Seeded random migrations over every dirty model and hypervisor profile (auto-converge, compression, a
 * bandwidth cap, device state, static pages, local disks and post-copy included), with write rates drawn
 * around the link's rate so that many never converge: the predictor's fast loop and skips against the
 * round-by-round visit, within 1e-9 relative, and the same stop rule.
 */
const seededProfiles: HypervisorProfile[] = [
  defaultProfile("xen"),
  defaultProfile("kvm"),
  { ...defaultProfile("kvm"), autoConverge: {} },
  defaultProfile("vmware"),
  defaultProfile("custom"),
  { ...defaultProfile("xen"), stopWhenDirtyExceedsRate: true, deviceStateBytes: 3e5 },
  { ...defaultProfile("kvm"), compression: { ratio: 0.6, cpuSecPerByte: 1e-9 }, maxBandwidthBytesPerSec: 9e7 },
  { ...defaultProfile("custom"), maxRounds: 400, maxSentFactor: 40 },
];

function seededModel(random: Random, rate: number, memoryBytes: number): DirtyModel {
  switch (random.int(3)) {
    case 0:
      return { kind: "constant", bytesPerSec: rate };
    case 1:
      return { kind: "wws", bytesPerSec: rate, wwsBytes: memoryBytes * (0.01 + 0.5 * random.next()) };
    default: {
      const cold = rate * 0.2 * random.next();
      return { kind: "hot-cold", bytesPerSec: rate - cold, hotBytes: memoryBytes * (0.01 + 0.3 * random.next()), coldBytesPerSec: cold };
    }
  }
}

test("seeded migrations: skipping rounds changes no prediction, for every model and profile", () => {
  const random = new Random(20261122);
  const rules = new Map<string, number>();
  for (const profile of seededProfiles) {
    for (let i = 0; i < 150; i++) {
      const memoryBytes = 2 ** 28 * (1 + 31 * random.next());
      const bandwidth = 1e7 * (1 + 99 * random.next());
      // Half of the rates within 2 % of the link's rate (slow tails), a fifth above it (never converging).
      const fraction = random.next() < 0.5 ? 0.98 + 0.04 * random.next() : 1.25 * random.next();
      const extras = random.int(4);
      const input: PredictionInput = {
        memoryBytes,
        dirtyBytesPerSec: 0,
        dirty: seededModel(random, fraction * bandwidth, memoryBytes),
        bandwidthBytesPerSec: bandwidth,
        latencySec: [0, 1e-4, 2e-3, 0.03][random.int(4)]!,
        profile,
        ...(extras === 1 ? { staticBytes: memoryBytes * 0.2 * random.next() } : {}),
        ...(extras === 2 ? { disk: { bytes: 1e9 * random.next(), writeBytesPerSec: 2e6 * random.next(), local: true } } : {}),
        ...(extras === 3 && random.next() < 0.5 ? { mode: "postcopy" as const } : {}),
      };
      const what = `${profile.name} #${i} (${input.dirty!.kind}, ${fraction.toFixed(4)} of the link, extras ${extras})`;
      const prediction = predictMigration(input);
      const rounds = predictRounds(input);
      const stopAndCopy = rounds.find((r) => r.phase === "stop-and-copy")!;
      const wireRatio = profile.compression?.ratio ?? 1;
      assert.equal(prediction.roundCount, rounds.length, `${what}: rounds`);
      const last = rounds.at(-1)!;
      // A post-copy push runs after the resume; otherwise the migration ends with the resume.
      const end = last.startSec + last.durationSec + (last.stage === "push" ? 0 : profile.resumeSec);
      close(prediction.totalTimeSec, end, `${what}: total time`);
      close(prediction.downtimeSec, stopAndCopy.durationSec + profile.resumeSec, `${what}: downtime`);
      const device = profile.deviceStateBytes ?? 0;
      const wire = rounds.reduce((sum, r) => sum + (r.phase === "stop-and-copy" ? (r.bytes - device) * wireRatio + device : r.bytes * wireRatio), 0);
      close(prediction.bytesSent, wire, `${what}: bytes sent`);
      close(prediction.finalRoundBytes, stopAndCopy.bytes, `${what}: final round`);
      rules.set(prediction.stopRule, (rules.get(prediction.stopRule) ?? 0) + 1);
    }
  }
  // The draw covers migrations that converge, that never do, and that end on each counting bound.
  for (const rule of ["below-threshold", "downtime-limit", "max-rounds", "max-sent", "dirty-exceeds-rate", "postcopy"]) {
    assert.ok((rules.get(rule) ?? 0) > 0, `no case ended on ${rule}: ${JSON.stringify([...rules])}`);
  }
});
