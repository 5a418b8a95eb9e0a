/**
 * The results table's rows: one per finished migration, every cell already formatted. Pure; no DOM.
 */
import type { MigrationDocument } from "@vmig/protocol";
import { formatBytes, formatSeconds } from "./format.js";

export interface MigrationRow {
  readonly vm: string;
  readonly route: string;
  readonly total: string;
  readonly downtime: string;
  readonly sent: string;
  readonly rounds: string;
  readonly stop: string;
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

const stopReasons: Record<MigrationDocument["stop_reason"], string> = {
  "below-threshold": "below threshold",
  "max-rounds": "round limit",
  "max-sent": "data limit",
  "nothing-dirty": "nothing dirty",
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
  };
}
