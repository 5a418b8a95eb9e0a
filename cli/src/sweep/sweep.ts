/**
 * `vmig sweep`: runs a scenario once per combination of parameter values (and seed) on worker threads and
 * writes one CSV row per (run, migration), in run order whatever order the runs finish in, so the output is
 * byte-identical for any `--jobs`. See docs/sweep.md.
 *
 * Exit codes as `vmig run`: 0 success; 1 the file or a value has errors, or an `expect` failed; 2 wrong
 * usage (an unknown parameter target) or an unwritable output; 3 a simulation failed.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { check, declaredSweeps, type CheckOptions } from "@vmig/grammar";
import { formatDiagnostics } from "../diagnostics.js";
import { fileImportResolver } from "../imports.js";
import { csvHeader, csvRows } from "./csv.js";
import type { RunReply, RunRequest } from "./messages.js";
import type { ParameterSpec, SweepCommand } from "./options.js";
import { runAt, runCount, seedsOf, shardIndices, shardSize, type Plan, type Run } from "./plan.js";
import { runPool } from "./pool.js";
import { applyEdits, holdsValue, resolveParameters, type ResolvedParameter } from "./splice.js";

export async function runSweep(command: SweepCommand, text: string, workerPath: string): Promise<number> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const checkOptions: CheckOptions = { uri: resolve(command.file), resolveImport: fileImportResolver(command.file) };
  const original = check(text, checkOptions);
  for (const line of formatDiagnostics(command.file, text, original.diagnostics)) say(line);
  if (original.diagnostics.some((d) => d.severity === "error")) return 1;
  const swept = withDeclaredSweeps(declaredSweeps(text, original.parsed.file), command);
  if ("error" in swept) {
    say(`vmig: ${swept.error}`);
    return 2;
  }
  const parameters = resolveParameters(text, swept);
  if ("error" in parameters) {
    say(`vmig: ${parameters.error}`);
    return 2;
  }
  const invalid = invalidValues(command.file, text, parameters, checkOptions);
  if (invalid.length > 0) {
    for (const line of invalid) say(line);
    return 1;
  }

  const plan: Plan = { sizes: parameters.map((p) => p.values.length), seeds: seedsOf(command, original.scenario) };
  const total = runCount(plan);
  const shard = command.shard ?? { index: 1, count: 1 };
  const selected = shardSize(total, shard);
  let output: number | undefined;
  try {
    output = command.out === undefined ? undefined : openSync(command.out, "w");
  } catch (e) {
    say(`vmig: cannot write ${command.out}: ${(e as Error).message}`);
    return 2;
  }
  const write = (chunk: string) => (output === undefined ? process.stdout.write(chunk) : writeSync(output, chunk));
  write(csvHeader(parameters.map((p) => p.address)));

  const describe = (run: Run) => {
    const values = parameters.map((p, i) => `${p.address}=${p.values[run.choice[i]!]}`);
    return `run ${run.index}${values.length > 0 || run.seed !== undefined ? ` (${[...values, ...(run.seed === undefined ? [] : [`seed ${run.seed}`])].join(", ")})` : ""}`;
  };
  const counts = { rows: 0, expectFailed: 0, invalid: 0, failed: 0 };
  const report = (reply: RunReply): { rows: string[]; messages: string[] } => {
    const run = runAt(plan, reply.index);
    if (reply.kind === "invalid") {
      counts.invalid++;
      return { rows: [], messages: [`vmig: ${describe(run)} has errors:`, ...reply.diagnostics] };
    }
    if (reply.kind === "failed") {
      counts.failed++;
      return { rows: [], messages: [`vmig: ${describe(run)}: the simulation failed: ${reply.message}`] };
    }
    if (reply.expectations.some((e) => !e.passed)) counts.expectFailed++;
    const values = parameters.map((p, i) => p.values[run.choice[i]!]!);
    const rows = csvRows(run.index, values, reply.seed, reply.migrations, reply.expectations);
    counts.rows += rows.length;
    return { rows, messages: [] };
  };

  // Replies are held until every earlier run of the shard has been written.
  const pending = new Map<number, RunReply>();
  let next = shard.index;
  const onReply = (reply: RunReply) => {
    pending.set(reply.index, reply);
    for (let ready = pending.get(next); ready; ready = pending.get(next)) {
      pending.delete(next);
      const { rows, messages } = report(ready);
      for (const line of messages) say(line);
      if (rows.length > 0) write(rows.join(""));
      next += shard.count;
    }
  };
  const requests = (function* (): Generator<RunRequest> {
    for (const index of shardIndices(total, shard)) {
      const run = runAt(plan, index);
      const edited = applyEdits(text, parameters.map((p, i) => p.edits[run.choice[i]!]!));
      yield run.seed === undefined ? { index, text: edited } : { index, text: edited, seed: run.seed };
    }
  })();
  const jobs = Math.max(1, Math.min(command.jobs ?? availableParallelism(), selected));
  if (selected > 0) await runPool(workerPath, { file: command.file }, jobs, requests, onReply);
  if (output !== undefined) closeSync(output);

  const scope = command.shard ? `${selected} of ${total} runs (shard ${shard.index}/${shard.count})` : `${total} run${total === 1 ? "" : "s"}`;
  const destination = command.out === undefined ? "to stdout" : `to ${command.out}`;
  say(`vmig sweep: ${scope}, ${counts.rows} row${counts.rows === 1 ? "" : "s"} written ${destination}; ${counts.expectFailed} with a failed expect, ${counts.invalid} with errors, ${counts.failed} failed`);
  if (counts.failed > 0) return 3;
  return counts.invalid > 0 || counts.expectFailed > 0 ? 1 : 0;
}

/**
 * The file's own `sweep`s, then the `--param`s: a `--param` with the address of a declared sweep replaces its
 * values where it stands; the others are added after them, in command-line order.
 */
export function withDeclaredSweeps(declared: readonly ParameterSpec[], command: Pick<SweepCommand, "params" | "seeds" | "seed">): ParameterSpec[] | { readonly error: string } {
  const key = (address: string) => address.replace(/\s+/g, "");
  const given = new Map(command.params.map((p) => [key(p.address), p]));
  const merged = declared.map((sweep) => given.get(key(sweep.address)) ?? sweep);
  const added = command.params.filter((p) => !declared.some((sweep) => key(sweep.address) === key(p.address)));
  const all = [...merged, ...added];
  if ((command.seeds !== undefined || command.seed !== undefined) && all.some((p) => key(p.address) === "scenario.seed")) {
    return { error: `the sweep of scenario.seed cannot be combined with ${command.seeds !== undefined ? "--seeds" : "--seed"}, which overrides it` };
  }
  return all;
}

/**
 * Checks every value on its own, in the file with only that value set: a value the language rejects is
 * reported with the checker's diagnostics, and one that spills out of its attribute (`1 GiB } vm x`) as
 * not one value. Returns the lines to print; none when every value is fine.
 */
function invalidValues(file: string, text: string, parameters: readonly ResolvedParameter[], options: CheckOptions): string[] {
  const lines: string[] = [];
  for (const parameter of parameters) {
    parameter.values.forEach((value, i) => {
      const edited = applyEdits(text, [parameter.edits[i]!]);
      const errors = check(edited, options).diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) lines.push(`vmig: --param ${parameter.address}=${value} is not valid here:`, ...formatDiagnostics(file, edited, errors));
      else if (!holdsValue(edited, parameter, value)) lines.push(`vmig: --param ${parameter.address}: '${value}' is not one value of the language`);
    });
  }
  return lines;
}
