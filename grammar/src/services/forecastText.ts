/**
 * Sentences about a migration's closed-form forecast, shared by hover and inlay hints.
 */
import type { MigrationForecast, Scenario } from "@vmig/engine";
import { formatBytes, formatRate, formatSeconds } from "../format.js";

/** "1 GiB at 10000 pages/s over a 500 Mbps path: ~6 rounds, ~18.3 s total, ~40 ms downtime". */
export function describeForecast(scenario: Scenario, forecast: MigrationForecast): string {
  const vm = scenario.vms[scenario.migrations[forecast.index]!.vm]!;
  if (!forecast.route) return `**Predicted:** no route, so the migration cannot run.`;
  const p = forecast.prediction;
  const pagesPerSec = Math.round(forecast.dirtyBytesPerSec / vm.pageBytes);
  const head = `${formatBytes(vm.memoryBytes)} at ${pagesPerSec} pages/s over a ${formatRate(forecast.route.bandwidthBytesPerSec)} path`;
  if (!p) return `**Predicted:** ${head}: the hypervisor profile cannot end pre-copy.`;
  return (
    `**Predicted** (closed form, uncontended): ${head}: ~${p.roundCount} rounds, ~${formatSeconds(p.totalTimeSec)} total, ` +
    `~${formatSeconds(p.downtimeSec)} downtime, ${formatBytes(p.bytesSent)} sent; stops by ${p.stopReason}.` +
    vmTrafficNote(scenario, scenario.migrations[forecast.index]!.vm)
  );
}

/** The VM flows the forecast leaves out: the run shares the links with them (engine/src/traffic/vmFlows.ts). */
function vmTrafficNote(scenario: Scenario, vm: number): string {
  const own = (scenario.vmFlows ?? []).filter((flow) => [flow.from, flow.to].some((end) => "vm" in end && end.vm === vm));
  const generated = scenario.datacentreTraffic?.loadNetwork === true;
  if (own.length === 0 && !generated) return "";
  const streams = own.reduce((sum, flow) => sum + (flow.bytes === undefined ? (flow.rateBytesPerSec ?? 0) : 0), 0);
  const transfers = own.filter((flow) => flow.bytes !== undefined).length;
  const parts = [
    ...(own.length > 0 ? [`its ${own.length} flow${own.length === 1 ? "" : "s"} (${[...(streams > 0 ? [`${formatRate(streams)} of streams`] : []), ...(transfers > 0 ? [`${transfers} transfer${transfers === 1 ? "" : "s"}`] : [])].join(", ")})`] : []),
    ...(generated ? ["the data-centre generator's traffic (load_network on)"] : []),
  ];
  return ` Not in this forecast: ${parts.join(" and ")}, which share its links in the run; the VM's own flows stop during its stop-and-copy and follow it to the destination.`;
}

/** The short text of an inlay hint after a `migrate` line. */
export function forecastHint(forecast: MigrationForecast): string | undefined {
  const p = forecast.prediction;
  if (!p) return undefined;
  return `≈ ${formatSeconds(p.totalTimeSec)} total, ${formatSeconds(p.downtimeSec)} downtime`;
}
