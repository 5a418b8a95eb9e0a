/**
 * Command-line arguments of `vmig`, parsed without a library: the grammar is small and errors must name
 * the offending argument. `sweep` has its own options, parsed in sweep/options.ts.
 */
import { parseSweepArguments, type SweepCommand } from "./sweep/options.js";

export type Command =
  | { readonly name: "help" }
  | { readonly name: "check"; readonly file: string }
  | { readonly name: "run"; readonly file: string; readonly json: boolean; readonly report?: string; readonly seed?: number; readonly events?: string }
  | SweepCommand;

export const usage = `usage:
  vmig check FILE                                   print diagnostics; exit 1 if any error
  vmig run FILE [--json] [--report OUT.html] [--seed N] [--events EVENTS.jsonl]
                                                    run the scenario; print a results table (or JSON),
                                                    or a summary of its repetitions; --events writes
                                                    one JSON event per line
  vmig sweep FILE [--param ADDRESS=V1,V2,...] [--param ...] [--seeds N | --seed S]
                  [--shard I/N] [--jobs J] [--out RESULTS.csv]
                                                    run every combination of the file's sweeps and the
                                                    --params; one CSV row per migration (docs/sweep.md)`;

export function parseArguments(argv: readonly string[]): Command | { readonly error: string } {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  if (name === "sweep") return parseSweepArguments(rest);
  if (name !== "check" && name !== "run") return { error: `unknown command '${name}'` };
  let file: string | undefined;
  let json = false;
  let report: string | undefined;
  let seed: number | undefined;
  let events: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (name === "run" && arg === "--json") json = true;
    else if (name === "run" && arg === "--report") {
      report = rest[++i];
      if (!report) return { error: "--report needs a file name" };
    } else if (name === "run" && arg === "--events") {
      events = rest[++i];
      if (!events) return { error: "--events needs a file name" };
    } else if (name === "run" && arg === "--seed") {
      const value = rest[++i];
      seed = value === undefined ? NaN : Number(value);
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) return { error: `--seed needs a whole number from 0 to 4294967295, not '${value ?? ""}'` };
    } else if (arg.startsWith("-")) return { error: `unknown option '${arg}' for '${name}'` };
    else if (file === undefined) file = arg;
    else return { error: `unexpected argument '${arg}'` };
  }
  if (file === undefined) return { error: `'${name}' needs a FILE` };
  return name === "check" ? { name, file } : { name, file, json, report, seed, events };
}
