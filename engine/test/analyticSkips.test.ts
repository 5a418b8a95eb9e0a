import { test } from "node:test";
import assert from "node:assert/strict";
import { predictMigration, predictRounds, type PredictionInput } from "../src/migration/analytic.js";
import { defaultProfile } from "../src/migration/profiles.js";
import type { DirtyModel, HypervisorProfile } from "../src/scenario.js";

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
