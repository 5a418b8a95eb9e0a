/**
 * Human-readable quantities for messages, hover and hints: three significant digits in a fitting unit.
 */
function scaled(value: number, steps: readonly [number, string][]): string {
  const abs = Math.abs(value);
  for (const [size, unit] of steps) if (abs >= size) return `${Number((value / size).toPrecision(3))} ${unit}`;
  const [size, unit] = steps[steps.length - 1]!;
  return `${Number((value / size).toPrecision(3))} ${unit}`;
}

/** Bytes with binary prefixes: `1 GiB`, `200 KiB`. */
export function formatBytes(bytes: number): string {
  return scaled(bytes, [[2 ** 40, "TiB"], [2 ** 30, "GiB"], [2 ** 20, "MiB"], [2 ** 10, "KiB"], [1, "B"]]);
}

/** A rate in bits per second, as network people say it: `1 Gbps`, `82 Mbps`. */
export function formatRate(bytesPerSec: number): string {
  return scaled(bytesPerSec * 8, [[1e9, "Gbps"], [1e6, "Mbps"], [1e3, "Kbps"], [1, "bps"]]);
}

/** Seconds in s, ms or us: `18.3 s`, `40 ms`. */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return "0 s";
  return scaled(seconds, [[1, "s"], [1e-3, "ms"], [1e-6, "us"]]);
}
