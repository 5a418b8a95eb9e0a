/**
 * The extension's settings (`contributes.configuration` in package.json), read and validated. Pure: the
 * caller passes a getter over `vscode.workspace.getConfiguration("vmig")`, so the rules are unit-tested.
 */

export interface Settings {
  /** Points per series the results panel draws before it decimates (min/max per bucket). */
  readonly maxPoints: number;
  readonly autoRunOnSave: boolean;
  /** Seed for Run Scenario; `undefined` runs with the scenario's own seed. */
  readonly defaultSeed: number | undefined;
}

export const defaultMaxPoints = 2000;
const maxPointsRange = { min: 100, max: 100_000 } as const;
/** Seeds are unsigned 32-bit integers (the engine's generator is seeded with one). */
export const maxSeed = 2 ** 32 - 1;

/** Reads the settings; a missing or invalid value falls back to its default and is named in `problems`. */
export function readSettings(get: (key: string) => unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const rawPoints = get("chart.maxPoints");
  let maxPoints = defaultMaxPoints;
  if (typeof rawPoints === "number" && Number.isFinite(rawPoints)) {
    maxPoints = Math.min(maxPointsRange.max, Math.max(maxPointsRange.min, Math.round(rawPoints)));
    if (maxPoints !== rawPoints) problems.push(`vmig.chart.maxPoints ${rawPoints} is outside ${maxPointsRange.min}..${maxPointsRange.max}; using ${maxPoints}.`);
  } else if (rawPoints !== undefined && rawPoints !== null) {
    problems.push(`vmig.chart.maxPoints must be a number; using ${defaultMaxPoints}.`);
  }
  const rawAuto = get("run.autoRunOnSave");
  const autoRunOnSave = rawAuto === true;
  if (rawAuto !== undefined && rawAuto !== null && typeof rawAuto !== "boolean") {
    problems.push("vmig.run.autoRunOnSave must be true or false; using false.");
  }
  const rawSeed = get("run.defaultSeed");
  let defaultSeed: number | undefined;
  if (rawSeed !== undefined && rawSeed !== null) {
    const parsed = typeof rawSeed === "number" ? checkSeed(rawSeed) : "must be a number";
    if (typeof parsed === "number") defaultSeed = parsed;
    else problems.push(`vmig.run.defaultSeed ${JSON.stringify(rawSeed)} ${parsed}; using the scenario's seed.`);
  }
  return { settings: { maxPoints, autoRunOnSave, defaultSeed }, problems };
}

/**
 * Parses a seed typed by the user: a whole number from 0 to 2³² − 1, digits only (surrounding spaces
 * allowed). Returns the seed, or the reason it is not one, worded for an input box.
 */
export function parseSeed(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === "") return "Enter a seed: a whole number from 0 to 4294967295.";
  if (!/^\d+$/.test(trimmed)) return `"${trimmed}" is not a whole number from 0 to 4294967295.`;
  const checked = checkSeed(Number(trimmed));
  return typeof checked === "number" ? checked : `${trimmed} ${checked}.`;
}

function checkSeed(value: number): number | string {
  if (!Number.isInteger(value)) return "is not a whole number";
  if (value < 0 || value > maxSeed) return `is outside 0..${maxSeed}`;
  return value;
}
