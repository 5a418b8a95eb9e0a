/**
 * Human-readable numbers and the plain-text results table of `vmig run`.
 */
import type { MigrationDocument, PlacementDocument } from "@vmig/protocol";
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
  const extras = optionalColumns.filter((column) => migrations.some((m) => column.applies(m)));
  return table(
    [...header, ...extras.map((column) => column.title)],
    rows.map((row, i) => [...row, ...extras.map((column) => (column.applies(migrations[i]!) ? column.cell(migrations[i]!) : "-"))]),
    new Set([3, 4, 5, 6, 7]),
  );
}

/** A column shown only when some migration has the feature it reports. */
interface OptionalColumn {
  readonly title: string;
  readonly applies: (m: MigrationDocument) => boolean;
  readonly cell: (m: MigrationDocument) => string;
}

const optionalColumns: readonly OptionalColumn[] = [
  // Paper 002's content reuse: the static bytes not sent, and the VM whose pages were reused.
  {
    title: "reused",
    applies: (m) => m.reused_bytes !== undefined,
    cell: (m) => `${formatBytes(m.reused_bytes!)}${m.reused_from === undefined ? "" : ` from ${m.reused_from}`}`,
  },
  // Paper 001: whether the VM can be reached after it moved, and for how long probes were lost.
  {
    title: "reachability",
    applies: (m) => m.reachability !== undefined,
    cell: (m) => reachabilityText(m.reachability!),
  },
];

function reachabilityText(r: NonNullable<MigrationDocument["reachability"]>): string {
  if (r.unreachable) return `UNREACHABLE (${r.architecture}, left its ${r.architecture === "ip" ? "subnet" : "domain"})`;
  const where = r.crossed ? (r.architecture === "ip" ? "other subnet" : "inter-AD") : r.architecture === "ip" ? "same subnet" : "intra-AD";
  const probes = r.probe_downtime_s === undefined ? "" : `, probes lost ${formatSeconds(r.probe_downtime_s)}`;
  return `${r.architecture} ${where}${probes}`;
}

/**
 * S-CORE's summary (paper 004): the communication cost C^A after each iteration (bytes/s weighted by the link
 * costs), its share of the initial cost, the VMs moved, then the reduction and the ToR traffic kept in racks.
 */
export function placementSummary(p: PlacementDocument): string {
  const initial = p.iterations[0]?.cost ?? 0;
  const share = (cost: number) => (initial > 0 ? `${((100 * cost) / initial).toFixed(1)} %` : "-");
  const rows = p.iterations.map((it) => [String(it.iteration), it.cost.toPrecision(4), share(it.cost), String(it.migrations)]);
  const last = p.iterations[p.iterations.length - 1];
  const inRacks = (m: readonly (readonly number[])[]) => {
    const total = m.flat().reduce((sum, x) => sum + x, 0);
    return total > 0 ? `${((100 * m.reduce((sum, row, i) => sum + row[i]!, 0)) / total).toFixed(1)} %` : "-";
  };
  const reduction = last && initial > 0 ? `${((100 * (initial - last.cost)) / initial).toFixed(1)} %` : "-";
  return [
    `S-CORE placement, ${p.token} token: communication cost C^A per iteration (bytes/s x link cost)`,
    table(["iteration", "cost", "of initial", "migrations"], rows, new Set([0, 1, 2, 3])),
    `cost reduction after ${last?.iteration ?? 0} iterations: ${reduction}; ToR-to-ToR traffic within racks: ${inRacks(p.tor_traffic_before)} before, ${inRacks(p.tor_traffic_after)} after`,
  ].join("\n");
}
