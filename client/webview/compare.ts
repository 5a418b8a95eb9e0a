/**
 * The comparison of a run with an earlier one: per VM, total time, downtime, bytes sent and rounds, with
 * the difference and its percentage. Pure; no DOM.
 */
import type { MigrationDocument } from "@vmig/protocol";
import { formatBytes, formatSeconds } from "@vmig/report";

export type Metric = "total" | "downtime" | "bytes" | "rounds";

/** One metric of one VM; a side is `undefined` when the VM did not finish in that run. */
export interface MetricDiff {
  readonly vm: string;
  readonly metric: Metric;
  readonly before: number | undefined;
  readonly after: number | undefined;
  readonly delta: number | undefined;
  /** `delta / before × 100`; `undefined` when either side is missing or `before` is 0 and `after` is not. */
  readonly percent: number | undefined;
}

export interface DiffRow {
  readonly vm: string;
  readonly metric: string;
  readonly before: string;
  readonly after: string;
  readonly delta: string;
  readonly percent: string;
}

export const diffColumns = [
  { key: "vm", title: "VM", width: "1fr" },
  { key: "metric", title: "Metric", width: "1fr" },
  { key: "before", title: "Previous run", width: "1fr" },
  { key: "after", title: "This run", width: "1fr" },
  { key: "delta", title: "Δ", width: "1fr" },
  { key: "percent", title: "Δ %", width: "0.8fr" },
] as const;

const metrics: readonly [Metric, string, (m: MigrationDocument) => number, (v: number) => string][] = [
  ["total", "Total time", (m) => m.total_time_s, formatSeconds],
  ["downtime", "Downtime", (m) => m.downtime_s, formatSeconds],
  ["bytes", "Bytes sent", (m) => m.bytes_sent, formatBytes],
  ["rounds", "Rounds", (m) => m.rounds.length, (v) => String(v)],
];

/** Compares every VM of either run (this run's order first, then VMs only the earlier run had). */
export function compareMigrations(before: readonly MigrationDocument[], after: readonly MigrationDocument[]): MetricDiff[] {
  const vms = [...new Set([...after.map((m) => m.vm), ...before.map((m) => m.vm)])];
  const earlier = new Map(before.map((m) => [m.vm, m]));
  const later = new Map(after.map((m) => [m.vm, m]));
  return vms.flatMap((vm) =>
    metrics.map(([metric, , value]) => {
      const b = earlier.has(vm) ? value(earlier.get(vm)!) : undefined;
      const a = later.has(vm) ? value(later.get(vm)!) : undefined;
      const delta = a !== undefined && b !== undefined ? a - b : undefined;
      const percent = delta === undefined ? undefined : b !== 0 ? (delta / b!) * 100 : delta === 0 ? 0 : undefined;
      return { vm, metric, before: b, after: a, delta, percent };
    }),
  );
}

/** A diff as table cells: values in human units, signed differences, percentages with one decimal. */
export function diffRow(d: MetricDiff): DiffRow {
  const [, title, , format] = metrics.find(([metric]) => metric === d.metric)!;
  const show = (v: number | undefined): string => (v === undefined ? "—" : format(v));
  return {
    vm: d.vm,
    metric: title,
    before: show(d.before),
    after: show(d.after),
    delta: d.delta === undefined ? "—" : d.delta === 0 ? "0" : `${d.delta > 0 ? "+" : "−"}${format(Math.abs(d.delta))}`,
    percent: d.percent === undefined ? "—" : `${d.percent > 0 ? "+" : d.percent < 0 ? "−" : ""}${Math.abs(d.percent).toFixed(1)} %`,
  };
}
