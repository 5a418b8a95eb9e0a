/**
 * The sweep's CSV: one row per (run, migration), fields quoted as RFC 4180 says (a field with a comma, a
 * double quote or a line break is wrapped in double quotes, its quotes doubled), lines ended by LF.
 * Numbers are printed with `String(number)`: full precision, the same on every machine.
 */
import type { MigrationRow } from "./messages.js";

const measured = ["vm", "source", "target", "start_s", "total_time_s", "downtime_s", "bytes_sent", "rounds", "stop_reason"] as const;

/** The header line: run, one column per parameter (its address), seed, the migration's columns, expect. */
export function csvHeader(parameters: readonly string[]): string {
  return csvLine(["run", ...parameters, "seed", ...measured, "expect"]);
}

/**
 * The rows of one run. `expect` is `pass` or `fail` for a VM with expectations, empty otherwise. A VM whose
 * expectations fail without a finished migration (it ran out of time) gets a row with empty measurements.
 */
export function csvRows(
  run: number,
  values: readonly string[],
  seed: number,
  migrations: readonly MigrationRow[],
  expectations: readonly { readonly vm: string; readonly passed: boolean }[],
): string[] {
  const status = (vm: string) => {
    const own = expectations.filter((e) => e.vm === vm);
    return own.length === 0 ? "" : own.every((e) => e.passed) ? "pass" : "fail";
  };
  const lead = [String(run), ...values, String(seed)];
  const rows = migrations.map((m) => csvLine([...lead, ...measured.map((key) => String(m[key])), status(m.vm)]));
  const unfinished = [...new Set(expectations.map((e) => e.vm))].filter((vm) => !migrations.some((m) => m.vm === vm));
  for (const vm of unfinished) rows.push(csvLine([...lead, vm, ...measured.slice(1).map(() => ""), status(vm)]));
  return rows;
}

/** One CSV line with its line break. */
function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\n`;
}

export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
