/**
 * Checks a document and, when it has no error, runs its scenario: the one path from .vmig text to results
 * that both the CLI and the language server's worker take.
 */
import { simulate, type SimulationResult, type SimulationSink } from "@vmig/engine";
import { check, type CheckOptions, type CheckResult } from "./check/check.js";
import { evaluateExpectations, type ExpectationOutcome } from "./check/expectations.js";

export interface RunOptions {
  readonly seed?: number;
  readonly isCancelled?: () => boolean;
  /** The document's URI and import resolver. */
  readonly check?: CheckOptions;
}

export type RunOutcome =
  | { readonly ok: false; readonly checked: CheckResult }
  | { readonly ok: true; readonly checked: CheckResult; readonly result: SimulationResult; readonly expectations: readonly ExpectationOutcome[] };

/** Checks `text`; runs it only when it has no error. Engine failures (such as no route) propagate as errors. */
export function runDocument(text: string, sink: SimulationSink, options: RunOptions = {}): RunOutcome {
  const checked = check(text, options.check);
  if (!checked.scenario) return { ok: false, checked };
  const result = simulate(checked.scenario, sink, { seed: options.seed, isCancelled: options.isCancelled });
  return { ok: true, checked, result, expectations: evaluateExpectations(checked.expectations, result.migrations) };
}
