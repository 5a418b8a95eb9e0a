/**
 * Human units for the results panel: binary byte sizes (KiB, MiB, GiB) and durations (µs to h).
 * Pure; no DOM.
 */

const byteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

/** Formats a byte count with three significant digits: `formatBytes(1073741824) === "1.00 GiB"`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  const sign = bytes < 0 ? "-" : "";
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${sign}${Math.round(value)} B`;
  // Rounding can reach the next unit (1023.9 KiB reads "1024"); it then reads "1.00 MiB".
  let text = threeDigits(value);
  if (Number(text) >= 1024 && unit < byteUnits.length - 1) {
    text = "1.00";
    unit += 1;
  }
  return `${sign}${text} ${byteUnits[unit]}`;
}

/** Labels a power-of-two byte count for an axis, as a whole number of the largest unit: `64 MiB`, `1 GiB`. */
export function powerOfTwoLabel(bytes: number): string {
  let unit = 0;
  while (bytes >= 1024 ** (unit + 1) && unit < byteUnits.length - 1) unit += 1;
  return `${Math.round(bytes / 1024 ** unit)} ${byteUnits[unit]}`;
}

/** Formats a duration in seconds: `250 ms`, `12.3 s`, `1 min 30 s`, `2 h 5 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 0) return `-${formatSeconds(-seconds)}`;
  if (seconds === 0) return "0 s";
  if (seconds < 1e-3) return `${threeDigits(seconds * 1e6)} µs`;
  if (seconds < 0.9995) return `${threeDigits(seconds * 1e3)} ms`;
  if (seconds < 59.95) return `${threeDigits(seconds)} s`;
  if (seconds < 3599.5) {
    const whole = Math.round(seconds);
    return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  }
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Tick labels for a bytes axis: one unit for every tick, chosen from the largest, and just enough decimals. */
export function bytesTicks(splits: readonly number[]): string[] {
  const largest = Math.max(0, ...splits.map(Math.abs));
  let unit = 0;
  while (largest >= 1024 ** (unit + 1) && unit < byteUnits.length - 1) unit += 1;
  return scaledTicks(splits, 1024 ** unit, byteUnits[unit]);
}

/** Tick labels for a time axis in seconds, in ms, s, min or h depending on the span. */
export function secondsTicks(splits: readonly number[]): string[] {
  const largest = Math.max(0, ...splits.map(Math.abs));
  if (largest < 1) return scaledTicks(splits, 1e-3, "ms");
  if (largest < 300) return scaledTicks(splits, 1, "s");
  if (largest < 3 * 3600) return scaledTicks(splits, 60, "min");
  return scaledTicks(splits, 3600, "h");
}

/** Divides every tick by `factor`, with the decimals the step between ticks needs (at most three). */
function scaledTicks(splits: readonly number[], factor: number, unit: string): string[] {
  const step = splits.length > 1 ? Math.abs(splits[1]! - splits[0]!) / factor : 1;
  let decimals = 0;
  while (decimals < 3 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6) decimals += 1;
  return splits.map((split) => (split === 0 ? "0" : `${(split / factor).toFixed(decimals)} ${unit}`));
}

function threeDigits(value: number): string {
  if (value < 9.995) return value.toFixed(2);
  if (value < 99.95) return value.toFixed(1);
  return value.toFixed(0);
}
