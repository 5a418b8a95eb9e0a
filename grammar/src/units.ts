/**
 * Units of the .vmig language and their conversion to SI (bytes, seconds, bytes per second).
 *
 * This is the only place where units are converted: everything after the grammar boundary is SI.
 * Decimal prefixes are powers of 1000 and binary prefixes powers of 1024 (1 KB = 1000 B, 1 KiB = 1024 B);
 * bit rates are divided by 8; `pages` and `pages/s` use the page size of the VM they describe (4 KiB
 * unless the VM says otherwise).
 */
export type Dimension = "size" | "rate" | "time" | "ratio";

export interface UnitInfo {
  readonly dimension: Dimension;
  /** Multiplier to SI; for page units, the multiplier applies to the page size. */
  readonly factor: number;
  /** Divisor to SI, kept apart from `factor` so that `50 us` is exactly 50 / 1e6 s in floating point. */
  readonly divisor?: number;
  readonly perPage?: true;
}

const KI = 1024;
const table: Record<string, UnitInfo> = {
  B: { dimension: "size", factor: 1 },
  KB: { dimension: "size", factor: 1e3 },
  MB: { dimension: "size", factor: 1e6 },
  GB: { dimension: "size", factor: 1e9 },
  TB: { dimension: "size", factor: 1e12 },
  KiB: { dimension: "size", factor: KI },
  MiB: { dimension: "size", factor: KI ** 2 },
  GiB: { dimension: "size", factor: KI ** 3 },
  TiB: { dimension: "size", factor: KI ** 4 },
  pages: { dimension: "size", factor: 1, perPage: true },
  bps: { dimension: "rate", factor: 1, divisor: 8 },
  Kbps: { dimension: "rate", factor: 1e3, divisor: 8 },
  Mbps: { dimension: "rate", factor: 1e6, divisor: 8 },
  Gbps: { dimension: "rate", factor: 1e9, divisor: 8 },
  "B/s": { dimension: "rate", factor: 1 },
  "KB/s": { dimension: "rate", factor: 1e3 },
  "MB/s": { dimension: "rate", factor: 1e6 },
  "GB/s": { dimension: "rate", factor: 1e9 },
  "KiB/s": { dimension: "rate", factor: KI },
  "MiB/s": { dimension: "rate", factor: KI ** 2 },
  "GiB/s": { dimension: "rate", factor: KI ** 3 },
  "pages/s": { dimension: "rate", factor: 1, perPage: true },
  ns: { dimension: "time", factor: 1, divisor: 1e9 },
  us: { dimension: "time", factor: 1, divisor: 1e6 },
  ms: { dimension: "time", factor: 1, divisor: 1e3 },
  s: { dimension: "time", factor: 1 },
  min: { dimension: "time", factor: 60 },
  h: { dimension: "time", factor: 3600 },
  "%": { dimension: "ratio", factor: 1, divisor: 100 },
  x: { dimension: "ratio", factor: 1 },
};

/** The default page size, 4 KiB, used unless a VM declares `page_size`. */
export const DEFAULT_PAGE_BYTES = 4096;

/** The unit spelt `name`, or undefined when `name` is no unit. */
export function unitInfo(name: string): UnitInfo | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** True when `name` is the spelling of a unit (the parser accepts it after a number). */
export function isUnitName(name: string): boolean {
  return unitInfo(name) !== undefined;
}

/** Every unit of a dimension, in table order (for completion and messages). */
export function unitsOf(dimension: Dimension): string[] {
  return Object.keys(table).filter((name) => table[name]!.dimension === dimension);
}

/** Converts `value` in unit `name` to SI, using `pageBytes` for page units; NaN for an unknown unit. */
export function toSI(value: number, name: string, pageBytes: number = DEFAULT_PAGE_BYTES): number {
  const info = unitInfo(name);
  if (!info) return NaN;
  return (value * info.factor * (info.perPage ? pageBytes : 1)) / (info.divisor ?? 1);
}
