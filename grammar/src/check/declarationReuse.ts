/**
 * What the per-declaration caches share (vmReuse.ts, migrateReuse.ts, declareReuse.ts): finding what the
 * previous check of a document kept for a declaration, and recording its references again.
 *
 * A declaration the edit did not touch survives a re-parse as the same object, moved in place when the edit
 * is above it (incremental/shift.ts); one parsed again gets a new object. What was kept is found first by the
 * object, else (when the cache allows it) by the declaration's text, and it is used only when the text is
 * still the same: the offsets may differ, never the characters. What was kept holds absolute offsets, those
 * of the check that kept it (`start`); replayed at the same offset, its objects are used again as they are, so
 * a check after an edit that moves nothing allocates nothing for them.
 */
import type { Span } from "../syntax/ast.js";
import type { ReferenceSite, SymbolTable } from "./symbols.js";

/** What one check kept of one declaration (or one member of a block). */
export interface Kept<T> {
  /** The declaration's text. */
  readonly text: string;
  /** Where the declaration started when `value` was made: its offsets are relative to the document then. */
  readonly start: number;
  readonly value: T;
}

/** What the previous check kept of each declaration, and what the current check keeps for the next one. */
export class DeclarationMemo<T> {
  private previousByNode = new Map<Span, Kept<T>>();
  private previousByText = new Map<string, Kept<T>>();
  private currentByNode = new Map<Span, Kept<T>>();
  private currentByText = new Map<string, Kept<T>>();

  /** `byText`: whether a declaration parsed again with the same text finds what the previous check kept. */
  constructor(private readonly byText: boolean) {}

  /** What the previous check kept for `node`, if its text in `text` is still the same. */
  find(node: Span, text: string): Kept<T> | undefined {
    const kept = this.previousByNode.get(node);
    if (kept && kept.text.length === node.end - node.start && text.startsWith(kept.text, node.start)) return kept;
    return this.byText ? this.previousByText.get(text.slice(node.start, node.end)) : undefined;
  }

  /** Keeps `value`, made for `node` at its current offset, for the next check. */
  keep(node: Span, text: string, value: T): Kept<T> {
    return this.carry(node, { text: text.slice(node.start, node.end), start: node.start, value });
  }

  /** Keeps what was kept before (`kept`, moved or not) for `node`, for the next check. */
  carry(node: Span, kept: Kept<T>): Kept<T> {
    this.currentByNode.set(node, kept);
    if (this.byText) this.currentByText.set(kept.text, kept);
    return kept;
  }

  /** Ends a check: what it kept is what the next one may find. */
  end(): void {
    this.previousByNode = this.currentByNode;
    this.previousByText = this.currentByText;
    this.currentByNode = new Map();
    this.currentByText = new Map();
  }

  /** Forgets everything kept: the next check finds nothing. */
  clear(): void {
    this.previousByNode.clear();
    this.previousByText.clear();
    this.currentByNode.clear();
    this.currentByText.clear();
  }
}

/**
 * The references `sites` (recorded by a check that lowered a declaration then at `start`) for the same
 * declaration now at `start + delta`, resolved in `symbols`: the same objects when nothing moved and every
 * name resolves to the same symbol, else new ones; undefined when a name is no longer declared.
 */
export function replayedReferences(symbols: SymbolTable, sites: readonly ReferenceSite[], delta: number): readonly ReferenceSite[] | undefined {
  let same = delta === 0;
  for (const site of sites) {
    const symbol = symbols.lookup(site.symbol.name);
    if (!symbol) return undefined;
    if (symbol !== site.symbol) same = false;
  }
  if (same) return sites;
  return sites.map((site) => ({ start: site.start + delta, end: site.end + delta, symbol: symbols.lookup(site.symbol.name)! }));
}

/** Whether `sites` can be replayed by `replayedReferences`: all in the checked file, each resolving to its own name. */
export function replayable(symbols: SymbolTable, sites: readonly ReferenceSite[]): boolean {
  return sites.every((site) => site.uri === undefined && symbols.lookup(site.symbol.name) === site.symbol);
}

