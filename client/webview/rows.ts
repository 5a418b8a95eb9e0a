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
}

export const migrationColumns: readonly Column[] = [
  { key: "vm", title: "VM" },
  { key: "route", title: "Source → target" },
  { key: "total", title: "Total time" },
  { key: "downtime", title: "Downtime" },
  { key: "sent", title: "Bytes sent" },
  { key: "rounds", title: "Rounds" },
  { key: "stop", title: "Stop reason" },
];

const stopReasons: Record<MigrationDocument["stop_reason"], string> = {
  "below-threshold": "dirty set below threshold",
  "max-rounds": "round limit reached",
  "max-sent": "data limit reached",
  "nothing-dirty": "nothing left dirty",
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
