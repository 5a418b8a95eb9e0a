/**
 * The latest parse and check of every open document, each computed at most once per document version.
 *
 * A new version is parsed from the previous version's parse (grammar's `reparse`: only the edited top-level
 * declarations are parsed again), and that parse is what the check reuses. Completion needs only the parse
 * and the names of the latest check, whatever its version, so it never waits for a check. Each document's
 * checks also share a grammar `CheckCache`, so that a check after an edit lowers and forecasts again only what
 * the edit touched.
 *
 * Filling a cache costs about as much as the check itself, so a large document's first check runs without
 * one, and `fill` checks the same version again with the cache once its diagnostics are published: opening
 * a 10,000-line file publishes everything about 100 ms sooner, and the cache is ready before the next edit.
 */
import { check, CheckCache, MAX_CHECKED_BYTES, reparse, type CheckResult, type ImportResolver, type ParseResult, type SymbolTable } from "@vmig/grammar";
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
  /** How long the check took, in milliseconds. */
  readonly durationMs: number;
  /** When it ended, on `performance.now()`'s clock. */
  readonly endedAt: number;
}

export class AnalysisCache {
  private readonly parses = new Map<string, Parsed>();
  private readonly checks = new Map<string, Checked>();
  /** What each document's checks share from one version to the next: the lowered network and VMs, and forecasts. */
  private readonly reusable = new Map<string, CheckCache>();
  /** Documents whose latest check ran without filling their cache (see the file's comment). */
  private readonly unfilled = new Set<string>();

  constructor(private readonly resolveImport: ImportResolver) {}

  /** The check of `document` at its current version. */
  get(document: TextDocument): CheckResult {
    const uri = document.uri;
    const cached = this.checks.get(uri);
    if (cached && cached.version === document.version) return cached.result;
    const start = performance.now();
    const text = document.getText();
    const previous = text.length > MAX_CHECKED_BYTES ? undefined : this.syntax(document);
    let cache = this.reusable.get(uri);
    const plain = !cache && text.length >= UNCACHED_FIRST_CHECK_CHARS;
    if (!cache) this.reusable.set(uri, (cache = new CheckCache()));
    if (plain) this.unfilled.add(uri);
    else this.unfilled.delete(uri);
    // Nothing reads the previous version's check while this one runs (a check is synchronous), and it holds
    // the previous syntax tree, which a check of a whole new tree (an edit that breaks the syntax) would
    // otherwise keep alive beside the new one.
    this.checks.delete(uri);
    const result = check(text, { uri, resolveImport: this.resolveImport, previous, cache: plain ? undefined : cache });
    const endedAt = performance.now();
    this.checks.set(uri, { version: document.version, result, durationMs: endedAt - start, endedAt });
    return result;
  }

  /** Whether the latest check of `uri` ran without filling its cache, which `fill` would fill. */
  needsFill(uri: string): boolean {
    return this.unfilled.has(uri);
  }

  /**
   * Checks `document` again, at the version its latest check ran without filling its cache, this time
   * filling it. Returns whether it did. The check keeps the first one's timing: it runs while the user is
   * not typing, and the diagnostics' delay after the next edit follows the time a check takes.
   */
  fill(document: TextDocument): boolean {
    const uri = document.uri;
    const cached = this.checks.get(uri);
    if (cached?.version !== document.version || !this.unfilled.delete(uri)) return false;
    const result = check(document.getText(), { uri, resolveImport: this.resolveImport, previous: this.syntax(document), cache: this.reusable.get(uri) });
    this.checks.set(uri, { ...cached, result });
    return true;
  }

  /**
   * The parse of `document` at its current version, from the previous version's parse. That parse then
   * belongs to this one (reparse moves its declarations), so an older check is kept only for its names.
   */
  syntax(document: TextDocument): { text: string; parsed: ParseResult } {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    // A file too large to analyse is not parsed either: its check says so at once.
    const parsed = text.length > MAX_CHECKED_BYTES ? this.get(document).parsed : reparse(text, cached);
    const entry = { version: document.version, text, parsed };
    this.parses.set(document.uri, entry);
    return entry;
  }

  /** The names of the latest check of `document`, checking it only if it never was. */
  names(document: TextDocument): SymbolTable {
    return this.checks.get(document.uri)?.result.symbols ?? this.get(document).symbols;
  }

  /** How long the latest check of `uri` took and when it ended (`performance.now()`), if it was checked. */
  lastCheck(uri: string): { readonly durationMs: number; readonly endedAt: number } | undefined {
    return this.checks.get(uri);
  }

  forget(uri: string): void {
    this.parses.delete(uri);
    this.checks.delete(uri);
    this.reusable.delete(uri);
    this.unfilled.delete(uri);
  }

  /** Drops the check of `uri` (an import changed) but keeps its parse, which depends on its text only. */
  invalidateCheck(uri: string): void {
    this.checks.delete(uri);
  }

  /** The documents whose last check imported `uri`, directly or not. */
  importersOf(uri: string): string[] {
    return [...this.checks].filter(([, entry]) => entry.result.importedFiles.has(uri)).map(([key]) => key);
  }
}
