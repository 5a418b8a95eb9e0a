/**
 * The headless `vmig` command: check and run .vmig scenarios without an editor.
 *
 *   vmig check FILE                                  diagnostics; exit 1 if any error
 *   vmig run FILE [--json] [--report OUT.html] [--seed N] [--events EVENTS.jsonl]
 *   vmig sweep FILE [--param ADDRESS=V1,V2,...] [--seeds N | --seed S] [--shard I/N] [--jobs J] [--out F]
 *
 * Exit codes: 0 success, 1 errors in the scenario or a failed `expect`, 2 wrong usage or unreadable file,
 * 3 the simulation itself failed.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { check, runDocument } from "@vmig/grammar";
import type { SeriesBatch, SimulationSink } from "@vmig/engine";
import { toEventDocument, toResultsDocument } from "@vmig/protocol";
import { formatDiagnostics } from "./diagnostics.js";
import { migrationsTable, formatMetric, placementSummary } from "./format.js";
import { NetworkRecorder, decimate, formatSeconds, remainingPrefix, renderHtmlReport, selectSeries, type SeriesStore } from "@vmig/report";
import { parseArguments, usage, type Command } from "./arguments.js";
import { fileImportResolver } from "./imports.js";
import { join, resolve } from "node:path";
import { runSweep } from "./sweep/sweep.js";
import { checkedExpectation, runRepetitions, summarise, summaryText, type RepetitionDocument } from "./repetitions.js";

/** Points per series in the report: plenty for a static chart, small enough for a light file. */
const REPORT_POINTS = 2000;

function main(argv: readonly string[]): number | Promise<number> {
  const parsed = parseArguments(argv);
  if ("error" in parsed) {
    process.stderr.write(`vmig: ${parsed.error}\n\n${usage}\n`);
    return 2;
  }
  if (parsed.name === "help") {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(parsed.file, "utf8");
  } catch (e) {
    process.stderr.write(`vmig: cannot read ${parsed.file}: ${(e as Error).message}\n`);
    return 2;
  }
  // The bundle is CommonJS, so __dirname is the folder of vmig.js, where the worker bundle sits too.
  if (parsed.name === "sweep") return runSweep(parsed, text, join(__dirname, "sweepWorker.js"));
  return parsed.name === "check" ? runCheck(parsed.file, text) : runRun(parsed, text);
}

function runCheck(file: string, text: string): number {
  const checked = check(text, { uri: resolve(file), resolveImport: fileImportResolver(file) });
  for (const line of formatDiagnostics(file, text, checked.diagnostics)) process.stdout.write(`${line}\n`);
  const errors = checked.diagnostics.filter((d) => d.severity === "error").length;
  if (checked.diagnostics.length === 0) process.stdout.write(`${file}: no problems\n`);
  return errors > 0 ? 1 : 0;
}

function runRun(command: Command & { name: "run" }, text: string): number {
  const series: SeriesStore = {};
  const sink: SimulationSink = {
    series(batches: readonly SeriesBatch[]) {
      for (const batch of batches) {
        const points = (series[batch.series] ??= []);
        for (const p of batch.points) points.push(p[0], p[1]);
      }
    },
    migrationDone() {},
  };
  // --events are written to a file beside the one asked for, which takes its name once the run has
  // succeeded: a scenario with errors or a failed run leaves nothing behind, and keeps an earlier file.
  const partialEvents = command.events === undefined ? undefined : `${command.events}.partial`;
  let eventsFile: number | undefined;
  if (partialEvents !== undefined) {
    try {
      eventsFile = openSync(partialEvents, "w");
    } catch (e) {
      process.stderr.write(`vmig: cannot write ${command.events}: ${(e as Error).message}\n`);
      return 2;
    }
    const fd = eventsFile;
    // One JSON document per line (JSON Lines), written as each batch arrives so memory stays flat.
    sink.events = (events) => void writeSync(fd, events.map((e) => `${JSON.stringify(toEventDocument(e))}\n`).join(""));
  }
  const recorder = command.report === undefined ? undefined : new NetworkRecorder();
  if (recorder !== undefined) {
    const writeEvents = sink.events;
    sink.events = (events) => {
      writeEvents?.(events);
      recorder.events(events);
    };
    sink.linkLoads = (frames) => recorder.linkLoads(frames);
  }
  let outcome;
  try {
    outcome = runDocument(text, sink, { seed: command.seed, check: { uri: resolve(command.file), resolveImport: fileImportResolver(command.file) } });
  } catch (e) {
    process.stderr.write(`vmig: the simulation failed: ${(e as Error).message}\n`);
    return 3;
  } finally {
    if (eventsFile !== undefined) closeSync(eventsFile);
    if (partialEvents !== undefined && outcome?.ok) renameSync(partialEvents, command.events!);
    else if (partialEvents !== undefined) rmSync(partialEvents, { force: true });
  }
  const diagnostics = formatDiagnostics(command.file, text, outcome.checked.diagnostics);
  if (!outcome.ok) {
    for (const line of diagnostics) process.stderr.write(`${line}\n`);
    return 1;
  }
  const results = toResultsDocument(outcome.result);
  const expectations = outcome.expectations.map(checkedExpectation);
  // `scenario { repetitions N }`: the first run above, then the next seeds; --report and --events show the first.
  const count = outcome.checked.scenario?.repetitions ?? 1;
  let repeated: RepetitionDocument[] | undefined;
  try {
    repeated = count > 1 ? runRepetitions(outcome.checked.scenario!, outcome.checked.expectations, { ...results, expectations }, count) : undefined;
  } catch (e) {
    process.stderr.write(`vmig: the simulation failed: ${(e as Error).message}\n`);
    return 3;
  }
  const summary = repeated === undefined ? undefined : summarise(repeated);
  if (command.json && repeated !== undefined) {
    process.stdout.write(`${JSON.stringify({ schema: "vmig-repetitions/1", scenario: results.scenario, summary, runs: repeated }, null, 2)}\n`);
  } else if (summary !== undefined) {
    for (const line of diagnostics) process.stderr.write(`${line}\n`);
    process.stdout.write(`${summaryText(results.scenario, summary)}\n`);
  } else if (command.json) {
    process.stdout.write(`${JSON.stringify({ ...results, expectations }, null, 2)}\n`);
  } else {
    for (const line of diagnostics) process.stderr.write(`${line}\n`);
    process.stdout.write(`scenario "${results.scenario}" (seed ${results.seed}): simulated ${formatSeconds(results.end_s)}${results.truncated ? ", stopped at the horizon" : ""}\n\n`);
    process.stdout.write(`${migrationsTable(results.migrations)}\n`);
    if (results.placement) process.stdout.write(`\n${placementSummary(results.placement)}\n`);
    for (const o of outcome.expectations) {
      const e = o.expectation;
      const actual = o.actual === undefined ? "did not finish" : formatMetric(e.metric, o.actual);
      process.stdout.write(`${o.passed ? "pass" : "FAIL"}  expect ${e.vm}.${e.metric} ${e.op} ${formatMetric(e.metric, e.bound)} (actual: ${actual})\n`);
    }
  }
  if (command.report) {
    const remaining = selectSeries(series, remainingPrefix).map((s) => ({ label: s.label, points: decimate(s.points, REPORT_POINTS) }));
    const shown = outcome.expectations.map((o) => ({
      text: `${o.expectation.vm}.${o.expectation.metric} ${o.expectation.op} ${formatMetric(o.expectation.metric, o.expectation.bound)}`,
      actual: o.actual === undefined ? "did not finish" : formatMetric(o.expectation.metric, o.actual),
      passed: o.passed,
    }));
    const network = recorder?.network(results.topology?.links.length ?? 0);
    writeFileSync(command.report, renderHtmlReport(results, remaining, command.file, shown, network));
    if (!command.json) process.stdout.write(`\nreport written to ${command.report}\n`);
  }
  if (repeated !== undefined) return repeated.every((run) => run.expectations.every((e) => e.passed)) ? 0 : 1;
  return outcome.expectations.every((o) => o.passed) ? 0 : 1;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
