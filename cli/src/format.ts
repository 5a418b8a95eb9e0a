/**
 * Human-readable numbers and the plain-text results table of `vmig run`.
 */
import type { MigrationDocument } from "@vmig/protocol";

/** Bytes with a binary prefix: `1.00 GiB`, `512 B`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(2)} ${units[unit]}`;
}

/** Seconds with a unit that keeps three significant digits: `18.3 s`, `40.0 ms`, `250 us`. */
export function formatSeconds(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs === 0) return "0 s";
  if (abs >= 1) return `${seconds.toPrecision(abs >= 100 ? 4 : 3)} s`;
  if (abs >= 1e-3) return `${(seconds * 1e3).toPrecision(3)} ms`;
  return `${(seconds * 1e6).toPrecision(3)} us`;
}

/** Lays out rows under a header, each column as wide as its widest cell; numbers align right. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The results table: one row per migration. */
export function migrationsTable(migrations: readonly MigrationDocument[]): string {
  const header = ["vm", "source", "target", "start", "total time", "downtime", "bytes sent", "rounds", "stop reason"];
  const rows = migrations.map((m) => [
    m.vm,
    m.source,
    m.target,
    formatSeconds(m.start_s),
    formatSeconds(m.total_time_s),
    formatSeconds(m.downtime_s),
    formatBytes(m.bytes_sent),
    String(m.rounds.length),
    m.stop_reason,
  ]);
  return table(header, rows, new Set([3, 4, 5, 6, 7]));
}
