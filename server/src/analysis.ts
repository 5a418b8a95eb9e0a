/**
 * The latest parse and check of every open document, each computed at most once per document version.
 *
 * A new version is parsed from the previous version's parse (grammar's `reparse`: only the edited top-level
 * declarations are parsed again), and that parse is what the check reuses. Completion needs only the parse
 * and the names of the latest check, whatever its version, so it never waits for a check. Each document's
 * checks also share a grammar `CheckCache`, so that a check after an edit lowers and forecasts again only what
 * the edit touched.
 *
 * A check may run in steps (`step`, grammar's `checkInSteps`), so that the diagnostics scheduler can answer
 * other requests between its stages. At most one check of a document is under way; anything else that needs
 * the document's check, or a parse of a newer version, finishes it first, so no two checks ever share a
 * parse or a cache at the same time.
 *
 * Filling a cache costs about as much as the check itself, so a large document's first check runs without
 * one, and `fill` checks the same version again with the cache once its diagnostics are published: opening
 * a 10,000-line file publishes everything about 100 ms sooner, and the cache is ready before the next edit.
 */
import { checkInSteps, CheckCache, MAX_CHECKED_BYTES, reparse, type CheckResult, type ImportResolver, type ParseResult, type SymbolTable } from "@vmig/grammar";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { performance } from "node:perf_hooks";

/** A document at least this long (about 1,600 lines) is first checked without filling a cache. */
const UNCACHED_FIRST_CHECK_CHARS = 64 * 1024;

interface Parsed {
  readonly version: number;
  readonly text: string;
  readonly parsed: ParseResult;
}

interface Checked {
  readonly version: number;
  readonly result: CheckResult;
  /** How long the check computed, in milliseconds (its steps, not the waits between them). */
  readonly durationMs: number;
  /** When it ended, on `performance.now()`'s clock. */
  readonly endedAt: number;
}

/** A check under way: the version it checks and its remaining steps. */
interface Underway {
  readonly version: number;
  readonly steps: Generator<void, CheckResult, void>;
  /** Time spent in its steps so far, in milliseconds. */
  busyMs: number;
  /** Whether it fills the cache of a version already checked (`fill`). */
  readonly fills: boolean;
}

export class AnalysisCache {
  private readonly parses = new Map<string, Parsed>();
  private readonly checks = new Map<string, Checked>();
  private readonly underway = new Map<string, Underway>();
  /** What each document's checks share from one version to the next: the lowered network and VMs, and forecasts. */
  private readonly reusable = new Map<string, CheckCache>();
  /** Documents whose latest check ran without filling their cache (see the file's comment). */
  private readonly unfilled = new Set<string>();

  constructor(private readonly resolveImport: ImportResolver) {}

  /** The check of `document` at its current version. */
  get(document: TextDocument): CheckResult {
    for (;;) {
      const result = this.step(document);
      if (result) return result;
    }
  }

  /**
   * Runs the next step of the check of `document` at its current version, starting it when none is under
   * way (and finishing one of an older version first); returns the result once the check is done.
   */
  step(document: TextDocument): CheckResult | undefined {
    const uri = document.uri;
    let current = this.underway.get(uri);
    if (current && current.version !== document.version) {
      this.finish(uri);
      current = undefined;
    }
    if (!current) {
      const cached = this.checks.get(uri);
      if (cached && cached.version === document.version) return cached.result;
      current = this.begin(document);
    }
    const started = performance.now();
    let next: IteratorResult<void, CheckResult>;
    try {
      next = current.steps.next();
    } catch (e) {
      this.underway.delete(uri);
      throw e;
    } finally {
      current.busyMs += performance.now() - started;
    }
    if (!next.done) return undefined;
    this.underway.delete(uri);
    this.done(uri, current, next.value, current.busyMs);
    return next.value;
  }

  /**
   * Starts checking `document` again, at the version its latest check ran without filling its cache, this
   * time filling it; `step` runs it. Returns whether it started.
   */
  fill(document: TextDocument): boolean {
    const uri = document.uri;
    if (this.underway.has(uri) || this.checks.get(uri)?.version !== document.version || !this.unfilled.delete(uri)) return false;
    const steps = checkInSteps(document.getText(), { uri, resolveImport: this.resolveImport, previous: this.syntax(document), cache: this.reusable.get(uri) });
    this.underway.set(uri, { version: document.version, steps, busyMs: 0, fills: true });
    return true;
  }

  private begin(document: TextDocument): Underway {
    const uri = document.uri;
    const text = document.getText();
    const previous = text.length > MAX_CHECKED_BYTES ? undefined : this.syntax(document);
    let cache = this.reusable.get(uri);
    const plain = !cache && text.length >= UNCACHED_FIRST_CHECK_CHARS;
    if (!cache) this.reusable.set(uri, (cache = new CheckCache()));
    if (plain) this.unfilled.add(uri);
    else this.unfilled.delete(uri);
    const steps = checkInSteps(text, { uri, resolveImport: this.resolveImport, previous, cache: plain ? undefined : cache });
    const current = { version: document.version, steps, busyMs: 0, fills: true };
    this.underway.set(uri, current);
    return current;
  }

  /** Finishes the check of `uri` under way, if any. */
  private finish(uri: string): void {
    const current = this.underway.get(uri);
    if (!current) return;
    const started = performance.now();
    let next: IteratorResult<void, CheckResult>;
    try {
      do next = current.steps.next();
      while (!next.done);
    } finally {
      this.underway.delete(uri);
    }
    const durationMs = current.busyMs + performance.now() - started;
    this.done(uri, current, next.value, durationMs);
  }

  /**
   * Records the result of `current`. A check that filled a cache keeps the timing of the check it repeated:
   * it ran while the user was not typing, and the diagnostics' delay after the next edit follows the time
   * a check after an edit takes.
   */
  private done(uri: string, current: Underway, result: CheckResult, durationMs: number): void {
    const timing = current.fills ? this.checks.get(uri) : undefined;
    this.checks.set(uri, timing ? { ...timing, result } : { version: current.version, result, durationMs, endedAt: performance.now() });
  }

  /**
   * The parse of `document` at its current version, from the previous version's parse. That parse then
   * belongs to this one (reparse moves its declarations), so an older check is kept only for its names.
   */
  syntax(document: TextDocument): { text: string; parsed: ParseResult } {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    // The check under way uses the older parse that is about to move.
    this.finish(document.uri);
    const text = document.getText();
    // A file too large to analyse is not parsed either: its check says so at once.
    const parsed = text.length > MAX_CHECKED_BYTES ? this.get(document).parsed : reparse(text, cached);
    const entry = { version: document.version, text, parsed };
    this.parses.set(document.uri, entry);
    return entry;
  }

  /** The names of the latest finished check of `document`, checking it only if it never was. */
  names(document: TextDocument): SymbolTable {
    return this.checks.get(document.uri)?.result.symbols ?? this.get(document).symbols;
  }

  /** How long the latest check of `uri` took and when it ended (`performance.now()`), if it was checked. */
  lastCheck(uri: string): { readonly durationMs: number; readonly endedAt: number } | undefined {
    return this.checks.get(uri);
  }

  forget(uri: string): void {
    this.underway.delete(uri);
    this.parses.delete(uri);
    this.checks.delete(uri);
    this.reusable.delete(uri);
    this.unfilled.delete(uri);
  }

  /** Drops the check of `uri` (an import changed) but keeps its parse, which depends on its text only. */
  invalidateCheck(uri: string): void {
    this.finish(uri);
    this.checks.delete(uri);
  }

  /** The documents whose last check imported `uri`, directly or not. */
  importersOf(uri: string): string[] {
    return [...this.checks].filter(([, entry]) => entry.result.importedFiles.has(uri)).map(([key]) => key);
  }
}
