/**
 * `scenario { repetitions N }`: the scenario run with seeds S, S + 1, …, S + N − 1 (S the scenario's seed or
 * `--seed`), summarised per migration (docs/results-schema.md, "Repetitions"). `runRepetitions` runs the
 * repetitions after the first; the summary and its text are pure.
 */
import { simulate, type Scenario, type SimulationSink } from "@vmig/engine";
import { evaluateExpectations, type Expectation } from "@vmig/grammar";
import { toResultsDocument, type MigrationDocument, type ResultsDocument } from "@vmig/protocol";
import { formatMetric, table } from "./format.js";

/** An `expect` as checked on one repetition. */
export interface CheckedExpectation {
  readonly vm: string;
  readonly metric: string;
  readonly op: string;
  readonly bound: number;
  readonly actual: number | null;
  readonly passed: boolean;
}

/** One repetition: its results document and its expectations. */
export type RepetitionDocument = ResultsDocument & { readonly expectations: readonly CheckedExpectation[] };

/** Mean, sample standard deviation (n − 1; 0 for one value), minimum and maximum. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** A migration across the repetitions: the `occurrence`-th migration of `vm` (1-based) in each run. */
export interface MigrationSummary {
  readonly vm: string;
  readonly occurrence: number;
  /** Repetitions in which this migration finished. */
  readonly runs: number;
  readonly total_time_s: Spread;
  readonly downtime_s: Spread;
}

export interface ExpectationSummary {
  readonly vm: string;
  readonly metric: string;
  readonly op: string;
  readonly bound: number;
  readonly passed_runs: number;
  readonly runs: number;
}

export interface RepetitionsSummary {
  readonly repetitions: number;
  readonly seeds: readonly number[];
  readonly migrations: readonly MigrationSummary[];
  readonly expectations: readonly ExpectationSummary[];
}

/** Receives nothing: the repetitions after the first keep only their results. */
const discard: SimulationSink = { series() {}, migrationDone() {} };

/** Runs repetitions 2 to `count` of `scenario` after `first`, the first one's document, with the next seeds. */
export function runRepetitions(scenario: Scenario, expectations: readonly Expectation[], first: RepetitionDocument, count: number): RepetitionDocument[] {
  const runs = [first];
  for (const seed of repetitionSeeds(first.seed, count).slice(1)) {
    const result = simulate(scenario, discard, { seed });
    runs.push({ ...toResultsDocument(result), expectations: evaluateExpectations(expectations, result.migrations).map(checkedExpectation) });
  }
  return runs;
}

/** An expectation's outcome as the JSON results give it. */
export function checkedExpectation(o: ReturnType<typeof evaluateExpectations>[number]): CheckedExpectation {
  const e = o.expectation;
  return { vm: e.vm, metric: e.metric, op: e.op, bound: e.bound, actual: o.actual ?? null, passed: o.passed };
}

/** The seeds of `count` repetitions from `first`, wrapping at 2³² as seeds are 32-bit. */
export function repetitionSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % 2 ** 32);
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: NaN, sd: NaN, min: NaN, max: NaN };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0, min: Math.min(...values), max: Math.max(...values) };
}

/** Summarises the repetitions, migrations in order of first appearance. */
export function summarise(runs: readonly RepetitionDocument[]): RepetitionsSummary {
  const byKey = new Map<string, { vm: string; occurrence: number; migrations: MigrationDocument[] }>();
  for (const run of runs) {
    const seen = new Map<string, number>();
    for (const migration of run.migrations) {
      const occurrence = (seen.get(migration.vm) ?? 0) + 1;
      seen.set(migration.vm, occurrence);
      const key = `${migration.vm}#${occurrence}`;
      let entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, (entry = { vm: migration.vm, occurrence, migrations: [] }));
      entry.migrations.push(migration);
    }
  }
  const migrations = [...byKey.values()].map(({ vm, occurrence, migrations: all }) => ({
    vm,
    occurrence,
    runs: all.length,
    total_time_s: spread(all.map((m) => m.total_time_s)),
    downtime_s: spread(all.map((m) => m.downtime_s)),
  }));
  const expectations = (runs[0]?.expectations ?? []).map((first, i) => ({
    vm: first.vm,
    metric: first.metric,
    op: first.op,
    bound: first.bound,
    passed_runs: runs.filter((run) => run.expectations[i]?.passed === true).length,
    runs: runs.length,
  }));
  return { repetitions: runs.length, seeds: runs.map((run) => run.seed), migrations, expectations };
}

/** The summary as text: a table of the migrations, then one line per expectation. */
export function summaryText(scenario: string, summary: RepetitionsSummary): string {
  const seeds = summary.seeds;
  const lines = [`scenario "${scenario}": ${summary.repetitions} repetitions, seeds ${seeds[0]} to ${seeds[seeds.length - 1]}`, ""];
  const time = (s: number) => formatMetric("total_time", s);
  const header = ["vm", "runs", "total mean", "sd", "min", "max", "downtime mean", "sd", "min", "max"];
  const rows = summary.migrations.map((m) => [
    m.occurrence > 1 ? `${m.vm} (#${m.occurrence})` : m.vm,
    String(m.runs),
    ...[m.total_time_s, m.downtime_s].flatMap((s) => [time(s.mean), time(s.sd), time(s.min), time(s.max)]),
  ]);
  lines.push(table(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9])));
  for (const e of summary.expectations) {
    const verdict = e.passed_runs === e.runs ? "pass" : "FAIL";
    lines.push(`${verdict}  expect ${e.vm}.${e.metric} ${e.op} ${formatMetric(e.metric, e.bound)} (passed in ${e.passed_runs} of ${e.runs} repetitions)`);
  }
  return lines.join("\n");
}
