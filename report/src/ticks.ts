/**
 * Tick positions for the SVG charts' axes. Pure; no DOM.
 */

/** Evenly spaced ticks on steps of 1, 2 or 5 × 10ⁿ covering [min, max], at most about `count` of them. */
export function linearTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const rough = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // The epsilons absorb floating-point error, in the step and at both ends of the range.
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough * (1 - 1e-9)) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    // Twelve significant digits drop the float noise of k × step (0.6000000000000001), and `+ 0` turns -0 into 0.
    ticks.push(Number((k * step).toPrecision(12)) + 0);
  }
  return ticks;
}

/**
 * Powers of two within [min, max] (both > 0) for a logarithmic axis: exponents on multiples of a step of
 * 1, 2, 5, 10 or 20, the smallest that leaves at most `count` ticks (10 puts them on KiB, MiB, GiB).
 */
export function log2Ticks(min: number, max: number, count: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const low = Math.ceil(Math.log2(min) - 1e-9);
  const high = Math.floor(Math.log2(max) + 1e-9);
  const step = [1, 2, 5, 10, 20].find((s) => Math.floor(high / s) - Math.ceil(low / s) + 1 <= Math.max(1, count)) ?? 20;
  const ticks: number[] = [];
  for (let e = Math.ceil(low / step) * step; e <= high; e += step) ticks.push(2 ** e);
  return ticks;
}
