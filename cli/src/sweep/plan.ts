/**
 * The run list of a sweep: the cartesian product of the parameters' values (the first parameter varies
 * slowest), each combination repeated for every seed (seeds vary fastest). Runs are numbered from 1, and
 * that number is the same in every shard, so shards' outputs can be concatenated and sorted.
 */

export interface Run {
  /** 1-based index in the full sweep. */
  readonly index: number;
  /** Index of each parameter's value, in parameter order. */
  readonly choice: readonly number[];
  /** The seed that overrides the scenario's, if any. */
  readonly seed?: number;
}

export interface Plan {
  /** How many values each parameter has, in order. */
  readonly sizes: readonly number[];
  /** The seeds of each combination; `[undefined]` runs with the scenario's own seed. */
  readonly seeds: readonly (number | undefined)[];
}

/**
 * The seeds a sweep runs each combination with: `--seeds N` is 1..N, `--seed S` is S. A scenario with
 * `repetitions R` (and no `--seeds`) runs S..S+R−1, S being `--seed` or the scenario's seed, as `vmig run` does.
 */
export function seedsOf(
  options: { readonly seeds?: number; readonly seed?: number },
  scenario?: { readonly seed: number; readonly repetitions?: number },
): (number | undefined)[] {
  if (options.seeds !== undefined) return Array.from({ length: options.seeds }, (_, i) => i + 1);
  const repetitions = scenario?.repetitions ?? 1;
  if (scenario !== undefined && repetitions > 1) return Array.from({ length: repetitions }, (_, i) => ((options.seed ?? scenario.seed) + i) % 2 ** 32);
  return [options.seed];
}

/** Number of runs of the full sweep. */
export function runCount(plan: Plan): number {
  return plan.sizes.reduce((product, size) => product * size, plan.seeds.length);
}

/** The run with 1-based `index`: a mixed-radix decomposition with the seeds as the last digit. */
export function runAt(plan: Plan, index: number): Run {
  let rest = index - 1;
  const seed = plan.seeds[rest % plan.seeds.length];
  rest = Math.floor(rest / plan.seeds.length);
  const choice = new Array<number>(plan.sizes.length);
  for (let p = plan.sizes.length - 1; p >= 0; p--) {
    choice[p] = rest % plan.sizes[p]!;
    rest = Math.floor(rest / plan.sizes[p]!);
  }
  return seed === undefined ? { index, choice } : { index, choice, seed };
}

/** Indices of the runs shard `index` of `count` takes (1-based): index, index + count, index + 2·count, … */
export function* shardIndices(total: number, shard: { readonly index: number; readonly count: number } = { index: 1, count: 1 }): Generator<number> {
  for (let run = shard.index; run <= total; run += shard.count) yield run;
}

/** How many runs a shard takes. */
export function shardSize(total: number, shard: { readonly index: number; readonly count: number } = { index: 1, count: 1 }): number {
  return shard.index > total ? 0 : Math.floor((total - shard.index) / shard.count) + 1;
}
