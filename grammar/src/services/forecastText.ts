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
    `~${formatSeconds(p.downtimeSec)} downtime, ${formatBytes(p.bytesSent)} sent; stops by ${p.stopReason}.`
  );
}

/** The short text of an inlay hint after a `migrate` line. */
export function forecastHint(forecast: MigrationForecast): string | undefined {
  const p = forecast.prediction;
  if (!p) return undefined;
  return `≈ ${formatSeconds(p.totalTimeSec)} total, ${formatSeconds(p.downtimeSec)} downtime`;
}
