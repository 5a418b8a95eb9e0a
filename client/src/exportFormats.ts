/**
 * The Export Results formats that are plain data: JSON (the results document as it is) and CSV (one row per
 * migration). Pure, so both are unit-tested.
 */
import type { MigrationDocument, ResultsDocument } from "@vmig/protocol";

/** The results document, pretty-printed, as `vmig run --json` prints it. */
export function resultsToJson(document: ResultsDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** CSV columns: a header and the migration's value, in SI units as in the results document. */
const csvColumns: readonly [header: string, value: (m: MigrationDocument) => string | number | undefined][] = [
  ["vm", (m) => m.vm],
  ["source", (m) => m.source],
  ["target", (m) => m.target],
  ["start_s", (m) => m.start_s],
  ["end_s", (m) => m.end_s],
  ["total_time_s", (m) => m.total_time_s],
  ["downtime_s", (m) => m.downtime_s],
  ["bytes_sent", (m) => m.bytes_sent],
  ["rounds", (m) => m.rounds.length],
  ["stop_reason", (m) => m.stop_reason],
  ["stop_rule", (m) => m.stop_rule],
  ["degraded_s", (m) => m.degraded_s],
  ["remote_faults", (m) => m.remote_faults],
  ["allocated_rate_bytes_per_s", (m) => m.allocated_rate_bytes_per_s],
];

/**
 * One row per migration (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break). Optional fields are empty when absent. Numbers are written in full, as JavaScript prints them.
 */
export function resultsToCsv(document: ResultsDocument): string {
  const lines = [csvColumns.map(([header]) => header)];
  for (const m of document.migrations) lines.push(csvColumns.map(([, value]) => csvField(value(m))));
  return lines.map((fields) => fields.join(",")).join("\r\n") + "\r\n";
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
