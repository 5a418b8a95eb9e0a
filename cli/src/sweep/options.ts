/**
 * Arguments of `vmig sweep FILE --param ADDRESS=V1,V2,... [--seeds N | --seed S] [--shard I/N] [--jobs J]
 * [--out FILE]`. Errors name the offending argument.
 */

/** One `--param`: the attribute's address and its values, as written in the language. */
export interface ParameterSpec {
  readonly address: string;
  readonly values: readonly string[];
}

export interface SweepCommand {
  readonly name: "sweep";
  readonly file: string;
  readonly params: readonly ParameterSpec[];
  /** `--seeds N`: every combination runs with seeds 1 to N. */
  readonly seeds?: number;
  /** `--seed S`: every run uses seed S. */
  readonly seed?: number;
  /** `--shard I/N`, 1-based: this process runs runs I, I+N, I+2N, … of the full sweep. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly jobs?: number;
  readonly out?: string;
}

const MAX_SEED = 2 ** 32 - 1;

export function parseSweepArguments(args: readonly string[]): SweepCommand | { readonly error: string } {
  let file: string | undefined;
  const params: ParameterSpec[] = [];
  let seeds: number | undefined;
  let seed: number | undefined;
  let shard: SweepCommand["shard"];
  let jobs: number | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (["--param", "--seeds", "--seed", "--shard", "--jobs", "--out"].includes(arg)) {
      if (value === undefined) return { error: `${arg} needs a value` };
      i++;
    }
    if (arg === "--param") {
      const param = parseParameter(value!);
      if ("error" in param) return param;
      if (params.some((p) => p.address === param.address)) return { error: `--param ${param.address} is given twice` };
      params.push(param);
    } else if (arg === "--seeds") {
      seeds = wholeNumber(value!, 1, MAX_SEED);
      if (seeds === undefined) return { error: `--seeds needs a whole number from 1 to ${MAX_SEED}, not '${value}'` };
    } else if (arg === "--seed") {
      seed = wholeNumber(value!, 0, MAX_SEED);
      if (seed === undefined) return { error: `--seed needs a whole number from 0 to ${MAX_SEED}, not '${value}'` };
    } else if (arg === "--shard") {
      const match = /^(\d+)\/(\d+)$/.exec(value!);
      const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
      if (count < 1 || index < 1 || index > count) return { error: `--shard needs I/N with 1 <= I <= N (1-based), not '${value}'` };
      shard = { index, count };
    } else if (arg === "--jobs") {
      jobs = wholeNumber(value!, 1, 1024);
      if (jobs === undefined) return { error: `--jobs needs a whole number from 1 to 1024, not '${value}'` };
    } else if (arg === "--out") out = value;
    else if (arg.startsWith("-")) return { error: `unknown option '${arg}' for 'sweep'` };
    else if (file === undefined) file = arg;
    else return { error: `unexpected argument '${arg}'` };
  }
  if (file === undefined) return { error: "'sweep' needs a FILE" };
  if (seeds !== undefined && seed !== undefined) return { error: "--seeds and --seed cannot be combined" };
  if ((seeds !== undefined || seed !== undefined) && params.some((p) => p.address.replace(/\s+/g, "") === "scenario.seed")) {
    return { error: `--param scenario.seed cannot be combined with ${seeds !== undefined ? "--seeds" : "--seed"}, which overrides it` };
  }
  return { name: "sweep", file, params, seeds, seed, shard, jobs, out };
}

/**
 * `vm.web.dirty=2500 pages/s,5000 pages/s`: the address up to the first `=`, values split at the commas
 * outside the language's double-quoted strings.
 */
function parseParameter(spec: string): ParameterSpec | { readonly error: string } {
  const equals = spec.indexOf("=");
  const address = (equals < 0 ? spec : spec.slice(0, equals)).trim();
  if (equals < 0) return { error: `--param needs ADDRESS=VALUE[,VALUE...], not '${spec}'` };
  if (!/^[^.\s][^=]*\.[A-Za-z_][A-Za-z0-9_]*$/.test(address)) {
    return { error: `--param '${address}' is not an address such as vm.web.dirty (a target, a dot, an attribute)` };
  }
  const values = splitValues(spec.slice(equals + 1)).map((v) => v.trim());
  if (values.some((v) => v === "")) return { error: `--param ${address} has an empty value in '${spec.slice(equals + 1)}'` };
  return { address, values };
}

function splitValues(list: string): string[] {
  const values: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "\\" && quoted) i++;
    else if (list[i] === '"') quoted = !quoted;
    else if (list[i] === "," && !quoted) {
      values.push(list.slice(start, i));
      start = i + 1;
    }
  }
  values.push(list.slice(start));
  return values;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}
