/**
 * The results table's rows: one per finished migration, every cell already formatted. Pure; no DOM.
 * Columns for the engine's optional fields (post-copy, allocation, finer stop rules) appear only when some
 * migration of the run has them.
 */
import type { MigrationDocument } from "@vmig/protocol";
import { formatBytes, formatSeconds } from "@vmig/report";

export interface MigrationRow {
  readonly vm: string;
  readonly route: string;
  readonly total: string;
  readonly downtime: string;
  readonly sent: string;
  readonly rounds: string;
  readonly stop: string;
  readonly rule?: string;
  readonly degraded?: string;
  readonly faults?: string;
  readonly allocated?: string;
}

export interface Column {
  readonly key: keyof MigrationRow;
  readonly title: string;
  /** A CSS grid track size. */
  readonly width: string;
}

export const migrationColumns: readonly Column[] = [
  { key: "vm", title: "VM", width: "1fr" },
  { key: "route", title: "Source → target", width: "1.5fr" },
  { key: "total", title: "Total time", width: "1fr" },
  { key: "downtime", title: "Downtime", width: "1fr" },
  { key: "sent", title: "Bytes sent", width: "1fr" },
  { key: "rounds", title: "Rounds", width: "0.8fr" },
  { key: "stop", title: "Stop reason", width: "1.4fr" },
];

/** Optional columns, in order, each shown when some row has its key. */
export const optionalColumns: readonly Column[] = [
  { key: "rule", title: "Stop rule", width: "1.4fr" },
  { key: "degraded", title: "Degraded", width: "1fr" },
  { key: "faults", title: "Remote faults", width: "1fr" },
  { key: "allocated", title: "Allocated rate", width: "1.1fr" },
];

const stopReasons: Record<MigrationDocument["stop_reason"], string> = {
  "below-threshold": "below threshold",
  "max-rounds": "round limit",
  "max-sent": "data limit",
  "nothing-dirty": "nothing dirty",
};

const stopRules: Record<NonNullable<MigrationDocument["stop_rule"]>, string> = {
  ...stopReasons,
  "dirty-exceeds-rate": "dirtying outpaces the link",
  "downtime-limit": "downtime limit met",
  postcopy: "post-copy switch",
};

export function migrationRow(m: MigrationDocument): MigrationRow {
  return {
    vm: m.vm,
    route: `${m.source} → ${m.target}`,
    total: formatSeconds(m.total_time_s),
    downtime: formatSeconds(m.downtime_s),
    sent: formatBytes(m.bytes_sent),
    rounds: String(m.rounds.length),
    stop: stopReasons[m.stop_reason] ?? m.stop_reason,
    ...(m.stop_rule !== undefined && { rule: stopRules[m.stop_rule] ?? m.stop_rule }),
    ...(m.degraded_s !== undefined && { degraded: formatSeconds(m.degraded_s) }),
    ...(m.remote_faults !== undefined && { faults: `${Math.round(m.remote_faults)} pages` }),
    ...(m.allocated_rate_bytes_per_s !== undefined && { allocated: `${formatBytes(m.allocated_rate_bytes_per_s)}/s` }),
  };
}

/** The columns for `rows`: the fixed ones, then each optional one that some row fills. */
export function columnsFor(rows: readonly MigrationRow[]): Column[] {
  return [...migrationColumns, ...optionalColumns.filter((c) => rows.some((row) => row[c.key] !== undefined))];
}
