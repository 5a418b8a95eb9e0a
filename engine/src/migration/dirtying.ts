/**
 * How much memory a running VM dirties over an interval: the constant-rate model of paper 003 (Netalkar,
 * ../shared/papers/003_73d1c9fca91e0d38.txt, equation 2: V_i = D_{i-1} · T_{i-1}), after Cerroni & Esposito
 * and Liu et al. The dirtied bytes are capped at the VM's memory, since a page dirtied twice is sent once.
 *
 * This is the seam for richer models (a writable working set whose unique dirty pages saturate, as Liu et
 * al. and Akoush et al. observe); the pre-copy process and the analytic predictor both go through it.
 */
import type { DirtyModel } from "../scenario.js";

/** Rate at which the VM dirties memory while it runs, in bytes per second. */
export function dirtyRateOf(model: DirtyModel): number {
  return model.bytesPerSec;
}

/** Bytes dirtied while running `durationSec` at `bytesPerSec`, capped at the VM's memory. */
export function dirtiedBytes(bytesPerSec: number, durationSec: number, memoryBytes: number): number {
  return Math.min(bytesPerSec * durationSec, memoryBytes);
}
