/**
 * Feasibility of migrations, predicted while the user types with the engine's closed-form model (the same
 * model the simulation agrees with on uncontended paths): no route, pre-copy that cannot converge, and
 * `expect` lines that the prediction already violates.
 */
import { forecastMigrations, type ForecastCache, type MigrationForecast, type Scenario } from "@vmig/engine";
import type { DiagnosticBag, Fix } from "./diagnostics.js";
import type { LinkDecl } from "../syntax/ast.js";
import type { Lowered } from "./lower.js";
import { compare, type Expectation } from "./expectations.js";
import { formatBytes, formatRate, formatSeconds } from "../format.js";

/**
 * Adds feasibility diagnostics for a lowered scenario and returns the forecasts (for hover and hints); `cache`
 * holds the forecasts of the document's earlier versions.
 */
export function checkFeasibility(lowered: Lowered, diagnostics: DiagnosticBag, cache?: ForecastCache): MigrationForecast[] {
  const { scenario } = lowered;
  const forecasts = forecastMigrations(scenario, cache);
  for (const forecast of forecasts) {
    const decl = lowered.migrationDeclarations[forecast.index]!;
    const migration = scenario.migrations[forecast.index]!;
    const vm = scenario.vms[migration.vm]!;
    const source = scenario.hosts[vm.host]!.name;
    const target = scenario.hosts[migration.target]!.name;
    if (!forecast.route) {
      diagnostics.error(decl.target ?? decl, "no-route", `no route from '${source}' to '${target}': no links connect them, so '${vm.name}' cannot migrate`);
      continue;
    }
    const p = forecast.prediction;
    if (p && forecast.dirtyBytesPerSec >= forecast.route.bandwidthBytesPerSec) {
      const link = lowered.linkDeclarations[forecast.route.bottleneckLink];
      diagnostics.warning(
        decl,
        "cannot-converge",
        `pre-copy of '${vm.name}' cannot converge: it dirties ${formatRate(forecast.dirtyBytesPerSec)} but the path ${source} → ${target} carries ` +
          `${formatRate(forecast.route.bandwidthBytesPerSec)}; the profile forces stop-and-copy after ${p.roundCount - 1} round${p.roundCount === 2 ? "" : "s"} (${p.stopReason}), ` +
          `with a predicted downtime of ${formatSeconds(p.downtimeSec)} (${formatBytes(p.finalRoundBytes)} copied while paused)`,
        raiseBandwidthFix(link, forecast.dirtyBytesPerSec),
      );
    }
  }
  for (const expectation of lowered.expectations) checkExpectation(expectation, scenario, forecasts, diagnostics);
  checkHorizon(lowered, forecasts, diagnostics);
  checkAllocation(lowered, diagnostics);
  return forecasts;
}

/** Warns when the run would stop before a migration is predicted to finish. */
function checkHorizon(lowered: Lowered, forecasts: readonly MigrationForecast[], diagnostics: DiagnosticBag): void {
  const { scenario } = lowered;
  let latest: { end: number; index: number } | undefined;
  for (const f of forecasts) {
    if (!f.prediction) continue;
    const end = scenario.migrations[f.index]!.startSec + f.prediction.totalTimeSec;
    if (!latest || end > latest.end) latest = { end, index: f.index };
  }
  if (!latest || latest.end <= scenario.horizonSec) return;
  const vm = scenario.vms[scenario.migrations[latest.index]!.vm]!.name;
  diagnostics.warning(lowered.migrationDeclarations[latest.index]!, "short-horizon", `the run stops at its horizon, ${formatSeconds(scenario.horizonSec)}, before '${vm}' is predicted to finish at ${formatSeconds(latest.end)}`);
}

/** A rate allocation cannot make pre-copy converge when the VMs dirty memory faster than the channel carries. */
function checkAllocation(lowered: Lowered, diagnostics: DiagnosticBag): void {
  const { scenario } = lowered;
  const allocation = scenario.allocation;
  if (!allocation || allocation.kind === "fair" || !allocation.totalBytesPerSec || scenario.migrations.length === 0) return;
  const dirty = scenario.migrations.reduce((sum, m) => sum + scenario.vms[m.vm]!.dirty.bytesPerSec, 0);
  if (dirty < allocation.totalBytesPerSec) return;
  const message = `the migrating VMs dirty ${formatRate(dirty)} in total, but the ${allocation.kind} allocation shares ${formatRate(allocation.totalBytesPerSec)}: no allocation of it lets every pre-copy converge`;
  if (allocation.kind === "optimal") diagnostics.error(lowered.migrationDeclarations[0]!, "cannot-converge", message);
  else diagnostics.warning(lowered.migrationDeclarations[0]!, "cannot-converge", message);
}

/** Warns when every forecast migration of the expectation's VM already violates it. */
function checkExpectation(expectation: Expectation, scenario: Scenario, forecasts: readonly MigrationForecast[], diagnostics: DiagnosticBag): void {
  const predictions = forecasts
    .filter((f) => scenario.vms[scenario.migrations[f.index]!.vm]!.name === expectation.vm)
    .map((f) => f.prediction);
  if (predictions.length === 0 || predictions.some((p) => p === undefined)) return;
  const values = predictions.map((p) => predictedMetric(p!, expectation.metric));
  const worst = Math.max(...values);
  if (compare(worst, expectation.op, expectation.bound)) return;
  const show = expectation.metric === "bytes_sent" ? formatBytes : expectation.metric === "rounds" ? String : formatSeconds;
  diagnostics.warning(
    expectation,
    "expect-violated",
    `the prediction already violates this: ${expectation.vm}.${expectation.metric} is predicted at ${show(worst)} (uncontended path, closed-form model)`,
  );
}

function predictedMetric(p: NonNullable<MigrationForecast["prediction"]>, metric: Expectation["metric"]): number {
  switch (metric) {
    case "downtime":
      return p.downtimeSec;
    case "total_time":
      return p.totalTimeSec;
    case "bytes_sent":
      return p.bytesSent;
    case "rounds":
      return p.roundCount;
  }
}

/** A quick fix that sets the narrowest link's bandwidth to the next round figure above twice the dirty rate. */
function raiseBandwidthFix(link: LinkDecl | undefined, dirtyBytesPerSec: number): Fix[] | undefined {
  const attribute = link?.body?.members.find((m) => m.kind === "attribute" && m.name.text === "bandwidth");
  if (!attribute || attribute.kind !== "attribute" || !attribute.value) return undefined;
  const bitsPerSec = dirtyBytesPerSec * 16;
  const steps = [1e8, 2.5e8, 5e8, 1e9, 2.5e9, 5e9, 1e10, 2.5e10, 4e10, 1e11, 4e11];
  const target = steps.find((s) => s >= bitsPerSec) ?? Math.ceil(bitsPerSec / 1e11) * 1e11;
  const text = target >= 1e9 ? `${target / 1e9} Gbps` : `${target / 1e6} Mbps`;
  const which = link!.from && link!.to ? `link '${link!.from.text} -- ${link!.to.text}'` : "the topology's links";
  return [{ title: `Raise the bandwidth of ${which} to ${text}`, edits: [{ start: attribute.value.start, end: attribute.value.end, newText: text }] }];
}
