/**
 * `expect` assertions: lowered from the file, then evaluated against a run's results.
 */
import type { MigrationResult } from "@vmig/engine";
import type { Comparator, Span } from "../syntax/ast.js";

export interface Expectation extends Span {
  readonly vm: string;
  readonly metric: "downtime" | "total_time" | "bytes_sent" | "rounds";
  readonly op: Comparator;
  /** The bound in SI (seconds, bytes) or a count. */
  readonly bound: number;
  /** True when the expectation comes from a VM's `sla` attribute. */
  readonly fromSla?: true;
}

/**
 * An expectation; every one is made here, so that those a check lowers and those the VM cache moves
 * (vmReuse.ts) have one shape, as symbols and references do (symbols.ts's `declaredSymbol`).
 */
export function expectation(vm: string, metric: Expectation["metric"], op: Comparator, bound: number, span: Span, fromSla: boolean): Expectation {
  const { start, end } = span;
  return fromSla ? { vm, metric, op, bound, start, end, fromSla: true } : { vm, metric, op, bound, start, end };
}

export interface ExpectationOutcome {
  readonly expectation: Expectation;
  /** The measured value, absent when the VM did not finish migrating. */
  readonly actual?: number;
  readonly passed: boolean;
}

/** The value of `metric` in one migration's result. */
export function metricOf(result: MigrationResult, metric: Expectation["metric"]): number {
  switch (metric) {
    case "downtime":
      return result.downtimeSec;
    case "total_time":
      return result.totalTimeSec;
    case "bytes_sent":
      return result.bytesSent;
    case "rounds":
      return result.rounds.length;
  }
}

export function compare(actual: number, op: Comparator, bound: number): boolean {
  switch (op) {
    case "<":
      return actual < bound;
    case "<=":
      return actual <= bound;
    case ">":
      return actual > bound;
    case ">=":
      return actual >= bound;
    case "==":
      return actual === bound;
  }
}

/**
 * Evaluates every expectation against the migrations of a run. A VM that migrated several times is judged
 * on its worst (largest) value; a VM that never finished migrating fails its expectations.
 */
export function evaluateExpectations(expectations: readonly Expectation[], migrations: readonly MigrationResult[]): ExpectationOutcome[] {
  return expectations.map((expectation) => {
    const values = migrations.filter((m) => m.vm === expectation.vm).map((m) => metricOf(m, expectation.metric));
    if (values.length === 0) return { expectation, passed: false };
    const actual = Math.max(...values);
    return { expectation, actual, passed: compare(actual, expectation.op, expectation.bound) };
  });
}
