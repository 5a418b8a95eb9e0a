/**
 * How much memory a running VM dirties over an interval: the number of *unique* bytes dirtied, since a page
 * written twice is sent once.
 *
 * - constant: paper 003 (Netalkar, ../shared/papers/003_73d1c9fca91e0d38.txt, equation 2: V_i = D·T_{i-1}),
 *   after Cerroni & Esposito and Liu et al., capped at the VM's memory: dirtied(T) = min(D·T, V_mem).
 * - wws (writable working set, Clark et al., NSDI 2005; the saturation Liu et al., HPDC 2011, and Akoush et
 *   al., MASCOTS 2010, measured): writes at rate r fall uniformly on a working set of W bytes. After r·T bytes
 *   written, a given page of the set is still clean with probability (1 − p/W)^{rT/p} → e^{−rT/W}, so the
 *   expected unique dirty bytes are dirtied(T) = W·(1 − e^{−rT/W}) (the coupon-collector limit). It grows like
 *   r·T for short rounds and saturates at W for long ones.
 * - hot-cold (Akoush et al.'s hot pages): a hot set of H bytes written at rate r_h, saturating as above, plus
 *   cold pages dirtied at rate r_c, linearly, up to the memory left: H·(1 − e^{−r_h T/H}) + min(r_c T, V_mem − H).
 *
 * `speed` scales every write rate: 1 normally, 1 − throttle under QEMU's auto-converge (./autoConverge.ts).
 * The pre-copy process and the analytic predictor both go through these functions.
 */
import type { DirtyModel } from "../scenario.js";

/** Nominal write rate of the model, in bytes per second (what the constant-rate models of paper 003 use). */
export function dirtyRateOf(model: DirtyModel): number {
  return model.kind === "hot-cold" ? model.bytesPerSec + model.coldBytesPerSec : model.bytesPerSec;
}

/** Unique bytes dirtied while running `durationSec` at `speed` times the model's rates, capped at memory. */
export function dirtiedBytes(model: DirtyModel, durationSec: number, memoryBytes: number, speed = 1): number {
  if (!(durationSec > 0)) return 0;
  switch (model.kind) {
    case "constant":
      return Math.min(model.bytesPerSec * speed * durationSec, memoryBytes);
    case "wws":
      return saturating(Math.min(model.wwsBytes, memoryBytes), model.bytesPerSec * speed, durationSec);
    case "hot-cold": {
      const hot = Math.min(model.hotBytes, memoryBytes);
      const cold = Math.min(model.coldBytesPerSec * speed * durationSec, memoryBytes - hot);
      return saturating(hot, model.bytesPerSec * speed, durationSec) + cold;
    }
  }
}

/**
 * A dirty model reduced to one shape for a VM of a given memory size, so that code called once per round
 * (./rounds.ts) reads numbers instead of switching on the model: a saturating set of `setBytes` written at
 * `setRate`, plus bytes dirtied linearly at `linearRate` up to `linearCapBytes`. The constant model is the
 * linear part alone (capped at memory), wws the set alone, hot-cold both; `dirtiedByRates` then gives what
 * `dirtiedBytes` gives, to the bit (the missing part adds an exact 0).
 */
export interface DirtyRates {
  readonly setBytes: number;
  readonly setRate: number;
  readonly linearRate: number;
  readonly linearCapBytes: number;
}

/** The model's rates for a VM of `memoryBytes`. */
export function dirtyRates(model: DirtyModel, memoryBytes: number): DirtyRates {
  switch (model.kind) {
    case "constant":
      return { setBytes: 0, setRate: 0, linearRate: model.bytesPerSec, linearCapBytes: memoryBytes };
    case "wws":
      return { setBytes: Math.min(model.wwsBytes, memoryBytes), setRate: model.bytesPerSec, linearRate: 0, linearCapBytes: 0 };
    case "hot-cold": {
      const hot = Math.min(model.hotBytes, memoryBytes);
      return { setBytes: hot, setRate: model.bytesPerSec, linearRate: model.coldBytesPerSec, linearCapBytes: memoryBytes - hot };
    }
  }
}

/** `dirtiedBytes` for rates from `dirtyRates`: unique bytes dirtied while running `durationSec` at `speed`. */
export function dirtiedByRates(rates: DirtyRates, durationSec: number, speed: number): number {
  if (!(durationSec > 0)) return 0;
  const linear = rates.linearRate > 0 ? Math.min(rates.linearRate * speed * durationSec, rates.linearCapBytes) : 0;
  return rates.setBytes > 0 ? saturating(rates.setBytes, rates.setRate * speed, durationSec) + linear : linear;
}

/** The slope and curvature of `dirtiedByRates` in the duration, and which side of the linear part's cap it is on. */
export interface DirtiedSlopes {
  /** d dirtied / dT, in bytes/s. */
  readonly first: number;
  /** d² dirtied / dT², in bytes/s². */
  readonly second: number;
  readonly linearCapped: boolean;
}

/**
 * The derivatives of `dirtiedByRates` in the duration at `durationSec`: for the set S(1 − e^{−sT/S}) they
 * are s·e^{−sT/S} and −(s²/S)·e^{−sT/S}; the linear part adds its rate while below its cap, nothing once
 * there (a kink the caller must not step across).
 */
export function dirtiedSlopes(rates: DirtyRates, durationSec: number, speed: number): DirtiedSlopes {
  const linearRate = rates.linearRate * speed;
  const linearCapped = linearRate * durationSec >= rates.linearCapBytes;
  const setRate = rates.setRate * speed;
  const decay = rates.setBytes > 0 && setRate > 0 ? Math.exp((-setRate * durationSec) / rates.setBytes) : 0;
  return {
    first: setRate * decay + (linearCapped ? 0 : linearRate),
    second: decay === 0 ? 0 : (-setRate * setRate * decay) / rates.setBytes,
    linearCapped,
  };
}

/**
 * ∫_0^t dirtied(s) ds, in byte-seconds: what post-copy's fault count needs (./postcopy.ts). Closed forms:
 * for W(1 − e^{−rs/W}) it is W·t − (W²/r)(1 − e^{−rt/W}); for min(r s, C) it is r t²/2 until t = C/r, then
 * C²/(2r) + C (t − C/r).
 */
export function dirtiedIntegral(model: DirtyModel, durationSec: number, memoryBytes: number): number {
  if (!(durationSec > 0)) return 0;
  switch (model.kind) {
    case "constant":
      return linearIntegral(model.bytesPerSec, memoryBytes, durationSec);
    case "wws":
      return saturatingIntegral(Math.min(model.wwsBytes, memoryBytes), model.bytesPerSec, durationSec);
    case "hot-cold": {
      const hot = Math.min(model.hotBytes, memoryBytes);
      return (
        saturatingIntegral(hot, model.bytesPerSec, durationSec) +
        linearIntegral(model.coldBytesPerSec, memoryBytes - hot, durationSec)
      );
    }
  }
}

/** Throws RangeError unless the model's numbers are finite and non-negative. */
export function checkDirtyModel(model: DirtyModel, what: string): void {
  const fields: [string, number][] = [["bytesPerSec", model.bytesPerSec]];
  if (model.kind === "wws") fields.push(["wwsBytes", model.wwsBytes]);
  if (model.kind === "hot-cold") fields.push(["hotBytes", model.hotBytes], ["coldBytesPerSec", model.coldBytesPerSec]);
  for (const [name, value] of fields) {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(`${what}: dirty ${name} must be a finite number >= 0, got ${value}`);
    }
  }
}

/** W·(1 − e^{−rT/W}); -expm1 keeps full precision when rT ≪ W. */
function saturating(setBytes: number, rate: number, durationSec: number): number {
  if (!(setBytes > 0) || !(rate > 0)) return 0;
  return -setBytes * Math.expm1((-rate * durationSec) / setBytes);
}

function saturatingIntegral(setBytes: number, rate: number, t: number): number {
  if (!(setBytes > 0) || !(rate > 0)) return 0;
  const x = (rate * t) / setBytes;
  // W t − (W²/r)(1 − e^{−x}) = (W²/r)(x − 1 + e^{−x}); for small x use the series x²/2 − x³/6 + x⁴/24.
  const tail = x < 1e-3 ? x * x * (0.5 - x / 6 + (x * x) / 24) : x + Math.expm1(-x);
  return ((setBytes * setBytes) / rate) * tail;
}

function linearIntegral(rate: number, capBytes: number, t: number): number {
  if (!(rate > 0) || !(capBytes > 0)) return 0;
  const full = capBytes / rate;
  if (t <= full) return (rate * t * t) / 2;
  return (capBytes * full) / 2 + capBytes * (t - full);
}
