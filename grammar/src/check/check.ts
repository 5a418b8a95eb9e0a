/**
 * Checks a .vmig document: parse, declare names, check and lower every declaration.
 *
 * Never throws. The result always has diagnostics; it has a scenario only when there is no error, so the
 * engine never sees a scenario the user has not finished writing.
 */
import { checkSweeps } from "./sweeps.js";
import type { Scenario } from "@vmig/engine";
import type { ParseResult } from "../syntax/parse.js";
import { reparse, type ParsedText } from "../incremental/reparse.js";
import type { MigrateDecl } from "../syntax/ast.js";
import { DiagnosticBag, type Diagnostic } from "./diagnostics.js";
import { SymbolTable } from "./symbols.js";
import { declareAll } from "./declare.js";
import { lower } from "./lower.js";
import { NetworkStageCache } from "./networkReuse.js";
import { NetworkMemberCache } from "./networkMemberReuse.js";
import { VmLoweringCache } from "./vmReuse.js";
import { MigrateLoweringCache } from "./migrateReuse.js";
import { DeclarationCache, NamesVersion } from "./declareReuse.js";
import { TextHistory } from "./declarationReuse.js";
import type { Expectation } from "./expectations.js";
import { checkFeasibility } from "./feasibility.js";
import { checkNetworkArchitecture } from "./architecture.js";
import { checkCapacity, checkUnmigrated, migrationsInStartOrder, type VmSpans } from "./capacity.js";
import { checkPaper002 } from "./contentReuse.js";
import { ForecastCache, type GeneratedTopology, type MigrationForecast } from "@vmig/engine";
import type { Span, TopologyDecl } from "../syntax/ast.js";
import { loadImports, summariseImportedProblems, type ImportResolver } from "./imports.js";

export interface CheckResult {
  readonly parsed: ParseResult;
  readonly diagnostics: readonly Diagnostic[];
  readonly symbols: SymbolTable;
  /** The typed scenario, present only when the document has no error. */
  readonly scenario?: Scenario;
  readonly expectations: readonly Expectation[];
  /** Closed-form forecasts of each migration, by index in `scenario.migrations` (only with a scenario). */
  readonly forecasts: readonly MigrationForecast[];
  /** The `migrate` declaration of each forecast migration. */
  readonly migrationDeclarations: readonly MigrateDecl[];
  /** The text of every imported file, by URI. */
  readonly importedFiles: ReadonlyMap<string, string>;
}

export interface CheckOptions {
  /** The document's URI, against which imports are resolved and cycles detected. */
  readonly uri?: string;
  /** Reads imported files; without it, an `import` is reported as unresolvable. */
  readonly resolveImport?: ImportResolver;
  /**
   * The previous version of the same document and its parse (`result.parsed` of its check). The result is
   * the same as without it; the declarations an edit did not touch are not parsed again but moved into the
   * new result (incremental/reparse.ts), so the previous parse must not be used afterwards.
   */
  readonly previous?: ParsedText;
  /**
   * What the checks of earlier versions of the same document left to reuse; the result is the same as
   * without it. Keep one per document and pass it to every check of that document.
   */
  readonly cache?: CheckCache;
}

/**
 * What checks of successive versions of one document share: the names declared by unchanged declarations,
 * the lowered network while its declarations and the names stay the same (else its unchanged members one by
 * one), the lowered VMs and migrations whose declarations did not change, and the forecasts of unchanged
 * migrations. `texts` tells each cache the edit since the previous check.
 */
export class CheckCache {
  readonly texts = new TextHistory();
  readonly declarations = new DeclarationCache();
  readonly names = new NamesVersion();
  readonly network = new NetworkStageCache();
  readonly members = new NetworkMemberCache();
  readonly vms = new VmLoweringCache();
  readonly migrations = new MigrateLoweringCache();
  readonly forecasts = new ForecastCache();
}

/** Files larger than this are not analysed: a scenario of 10,000 lines is about 400 KB. */
export const MAX_CHECKED_BYTES = 2 * 1024 * 1024;

export function check(text: string, options: CheckOptions = {}): CheckResult {
  if (text.length > MAX_CHECKED_BYTES) return tooLarge(text);
  const parsed = reparse(text, options.previous);
  const diagnostics = new DiagnosticBag();
  for (const e of parsed.errors) diagnostics.error(e, "syntax", e.message);
  const symbols = new SymbolTable(diagnostics);
  const imports = loadImports(parsed, options.uri, options.resolveImport, diagnostics);
  const generated = new Map<TopologyDecl, GeneratedTopology>();
  for (const imported of imports.declarations) {
    symbols.diagnostics = imported.diagnostics;
    symbols.uri = imported.uri;
    for (const [decl, topology] of declareAll([imported.declaration], symbols)) generated.set(decl, topology);
  }
  symbols.diagnostics = diagnostics;
  symbols.uri = undefined;
  const { cache } = options;
  const source = cache?.texts.next(text);
  const declared = cache && source ? cache.declarations.declare(parsed.file.declarations, source, symbols) : declareAll(parsed.file.declarations, symbols);
  for (const [decl, topology] of declared) generated.set(decl, topology);
  const reuse = cache && source ? { network: cache.network, members: cache.members, vms: cache.vms, migrations: cache.migrations, source, names: cache.names.of(symbols) } : undefined;
  const lowered = lower(imports.declarations, parsed.file.declarations, { diagnostics, symbols }, generated, reuse);
  checkSweeps(parsed.file, { diagnostics, symbols });
  summariseImportedProblems(imports, diagnostics);
  if (!diagnostics.hasErrors && !parsed.file.declarations.some((d) => d.kind === "scenario")) {
    diagnostics.warning({ start: 0, end: 0 }, "missing-scenario", "no 'scenario' declaration: the run uses the name 'untitled', seed 1 and a 1 h horizon");
  }
  if (!diagnostics.hasErrors) {
    const vmSpans = vmDeclarationSpans(parsed);
    const startOrder = migrationsInStartOrder(lowered.scenario);
    checkPaper002(lowered, parsed.file.declarations, vmSpans, startOrder, diagnostics);
    if (!diagnostics.hasErrors) checkCapacity(lowered, diagnostics, vmSpans, startOrder);
    checkUnmigrated(lowered.scenario, diagnostics, vmSpans, options.cache?.forecasts);
  }
  const forecasts = diagnostics.hasErrors ? [] : checkFeasibility(lowered, diagnostics, options.cache?.forecasts);
  if (!diagnostics.hasErrors) checkNetworkArchitecture(lowered, parsed.file.declarations, forecasts, diagnostics);
  const hasErrors = diagnostics.hasErrors;
  return {
    parsed,
    diagnostics: withoutGluedMissingUnits(diagnostics.sorted(), parsed.errors),
    symbols,
    scenario: hasErrors ? undefined : lowered.scenario,
    expectations: lowered.expectations,
    forecasts,
    migrationDeclarations: lowered.migrationDeclarations,
    importedFiles: imports.files,
  };
}

/**
 * `diagnostics` without a missing unit reported on a number written against a syntax error (`dirty 2x000`:
 * `2` has no unit because `x000` broke the syntax): the syntax error is the one problem there.
 */
function withoutGluedMissingUnits(diagnostics: Diagnostic[], errors: readonly { readonly start: number }[]): Diagnostic[] {
  if (errors.length === 0) return diagnostics;
  const errorStarts = new Set(errors.map((e) => e.start));
  return diagnostics.filter((d) => d.code !== "missing-unit" || !errorStarts.has(d.end));
}

/**
 * The syntax errors of a parse as a check reports them: what an editor can show first, before names are
 * resolved and migrations forecast.
 */
export function syntaxDiagnostics(parsed: ParseResult): Diagnostic[] {
  const diagnostics = new DiagnosticBag();
  for (const e of parsed.errors) diagnostics.error(e, "syntax", e.message);
  return diagnostics.sorted();
}

/**
 * The span of each VM's declared name in the checked file, by VM name (family members share it), found the
 * first time one is asked for: a file without problems asks for none.
 */
function vmDeclarationSpans(parsed: ParseResult): VmSpans {
  let spans: Map<string, Span> | undefined;
  return { get: (name) => (spans ??= spansOfVms(parsed)).get(name) };
}

function spansOfVms(parsed: ParseResult): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const d of parsed.file.declarations) {
    if (d.kind !== "vm" || !d.name) continue;
    const span = { start: d.name.start, end: d.name.range?.end ?? d.name.end };
    if (!d.name.range) spans.set(d.name.text, span);
    else for (let i = d.name.range.first; i <= d.name.range.last; i++) spans.set(`${d.name.text}[${i}]`, span);
  }
  return spans;
}

/** The result for a file too large to analyse: one error, nothing else, at once. */
function tooLarge(text: string): CheckResult {
  const diagnostics = new DiagnosticBag();
  const size = (text.length / 2 ** 20).toFixed(1);
  diagnostics.error({ start: 0, end: 0 }, "unsupported", `this file has ${size} MiB of text; vmig analyses files up to ${MAX_CHECKED_BYTES / 2 ** 20} MiB (a 10,000-line scenario is about 0.4 MiB)`);
  return {
    parsed: { file: { declarations: [] }, errors: [], comments: [] },
    diagnostics: diagnostics.sorted(),
    symbols: new SymbolTable(diagnostics),
    expectations: [],
    forecasts: [],
    migrationDeclarations: [],
    importedFiles: new Map(),
  };
}
