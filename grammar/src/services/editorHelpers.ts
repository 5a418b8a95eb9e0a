/**
 * Inlay hints and code lenses: small facts placed in the text.
 */
import type { CheckResult } from "../check/check.js";
import { forecastHint } from "./forecastText.js";
import { chosenDestination } from "./placementText.js";

export interface InlayHint {
  /** Offset after which the hint shows. */
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

/** After each `migrate`, the predicted total time and downtime. */
export function inlayHints(checked: CheckResult): InlayHint[] {
  return checked.forecasts.flatMap((forecast) => {
    const destination = chosenDestination(checked, forecast.index);
    const hint = forecastHint(forecast);
    const label = destination && hint ? `${destination} ${hint}` : (destination ?? hint);
    const decl = checked.migrationDeclarations[forecast.index];
    if (!label || !decl) return [];
    return [{ offset: decl.end, label, tooltip: "Closed-form prediction for this migration alone on its path; the run accounts for contention." }];
  });
}

/** Where the "Run scenario" lens goes: the scenario declaration, else the first migration. */
export function runLensOffset(checked: CheckResult): number | undefined {
  const declarations = checked.parsed.file.declarations;
  const anchor = declarations.find((d) => d.kind === "scenario") ?? declarations.find((d) => d.kind === "migrate");
  return anchor?.start;
}
