/**
 * Human-readable numbers and the plain-text results table of `vmig run`.
 */
import type { MigrationDocument } from "@vmig/protocol";
import { formatBytes, formatSeconds } from "@vmig/report";

/** A metric of an `expect` in its unit. */
export function formatMetric(metric: string, value: number): string {
  if (metric === "bytes_sent") return formatBytes(value);
  if (metric === "rounds") return String(value);
  return formatSeconds(value);
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
