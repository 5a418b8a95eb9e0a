/**
 * What the per-declaration caches share (declareReuse.ts, networkMemberReuse.ts, vmReuse.ts,
 * migrateReuse.ts): finding what earlier checks of a document kept for a declaration, and recording its
 * references again.
 *
 * A declaration the edit did not touch survives a re-parse as the same object, moved in place when the edit
 * is above it (incremental/shift.ts); one parsed again gets a new object. What was kept is found first by the
 * object, else (when the cache allows it) by the declaration's text, and it is used only when the text is
 * still the same: the offsets may differ, never the characters. For what the previous check used, the edit
 * since then (`TextHistory`, computed once per check) tells it from the offsets alone; anything older is
 * compared with the text. What was kept holds absolute offsets, those of the check that kept it (`start`);
 * replayed at the same offset, its objects are used again as they are, so a check after an edit that moves
 * nothing allocates nothing for them.
 */
import type { Span } from "../syntax/ast.js";
import { changedRange } from "../incremental/reparse.js";
import { referenceSite, type ReferenceSite, type SymbolTable } from "./symbols.js";

/** What one check kept of one declaration (or one member of a block). */
export interface Kept<T> {
  /** The declaration's text. */
  readonly text: string;
  /** Where the declaration started when `value` was made: its offsets are relative to the document then. */
  readonly start: number;
  readonly value: T;
}

/** How many entries a memo keeps that the latest check did not use, before it drops them. */
const STALE_ENTRIES = 64;

/** What a memo holds for one node: what was kept, and the version of the text of the last check that used it. */
interface Slot<T> {
  kept: Kept<T>;
  seen: number;
}

/**
 * What earlier checks kept of each declaration, for the next check. An entry stays valid while what it
 * depends on besides its text is the same, which the caches check for every check (and `clear` when not):
 * so the maps are kept from check to check, updated in place, and rebuilt when more than `STALE_ENTRIES`
 * were not used by the latest check (declarations deleted or parsed again): an old declaration holds on to
 * the text of its version of the document.
 */
export class DeclarationMemo<T> {
  private byNode = new Map<Span, Slot<T>>();
  private byText = new Map<string, Slot<T>>();
  /** How many entries the current check used. */
  private used = 0;
  /** The slot `find` found last, for `carry` to update without looking it up again. */
  private found?: Slot<T>;

  /** `byTextToo`: whether a declaration parsed again with the same text finds what an earlier check kept. */
  constructor(private readonly byTextToo: boolean) {}

  /** What was kept for `node`, if its text is still the same in `source`. */
  find(node: Span, source: CheckedText): Kept<T> | undefined {
    const slot = this.byNode.get(node);
    this.found = slot;
    // What the previous check used is compared with the edit since then, anything older with the text.
    if (slot && (slot.seen === source.version - 1 ? source.unchanged(slot.kept.start, slot.kept.text.length, node) : source.holds(slot.kept.text, node))) return slot.kept;
    return this.byTextToo ? this.byText.get(source.text.slice(node.start, node.end))?.kept : undefined;
  }

  /** Keeps `value`, made for `node` at its current offset in `source`, for the next check. */
  keep(node: Span, source: CheckedText, value: T): Kept<T> {
    return this.carry(node, { text: detached(source.text.slice(node.start, node.end)), start: node.start, value }, source);
  }

  /** Keeps what was kept before (`kept`, moved or not) for `node` in `source`, for the next check. */
  carry(node: Span, kept: Kept<T>, source: CheckedText): Kept<T> {
    this.used++;
    const slot = this.found?.kept === kept ? this.found : this.byNode.get(node);
    this.found = undefined;
    if (slot && slot.kept === kept) {
      slot.seen = source.version;
      return kept;
    }
    // What moved with the node replaces what it had in place: the text, so the entry by text, is the same.
    if (slot && slot.kept.text === kept.text) {
      slot.kept = kept;
      slot.seen = source.version;
      if (this.byTextToo) this.byText.set(kept.text, slot);
      return kept;
    }
    const fresh = { kept, seen: source.version };
    this.byNode.set(node, fresh);
    if (this.byTextToo) this.byText.set(kept.text, fresh);
    return kept;
  }

  /** Ends the check of `source`; when it used the memo, the entries it did not use are dropped if there are too many. */
  end(source: CheckedText): void {
    if (this.used > 0 && this.byNode.size > this.used + STALE_ENTRIES) {
      const live = [...this.byNode].filter(([, slot]) => slot.seen === source.version);
      this.byNode = new Map(live);
      this.byText = new Map(this.byTextToo ? live.map(([, slot]) => [slot.kept.text, slot]) : []);
    }
    this.used = 0;
  }

  /** Forgets everything kept: the next check finds nothing. */
  clear(): void {
    this.byNode.clear();
    this.byText.clear();
  }
}

/**
 * The text of a check and the edit since the previous check with the same cache: what tells whether a
 * declaration still has the text it had then, without comparing the characters again.
 */
export class CheckedText {
  /**
   * `version`: the number of the check among the document's checks; `change`: the edit from the previous
   * check's text, [start, oldEnd) replaced by text `delta` characters longer (textChange), or undefined when
   * there was no previous check.
   */
  constructor(
    readonly text: string,
    readonly version: number,
    private readonly change?: TextChange,
  ) {}

  /** Whether the `length` characters at `oldStart` in the previous check's text are at `node` now. */
  unchanged(oldStart: number, length: number, node: Span): boolean {
    const change = this.change;
    if (!change || node.end - node.start !== length) return false;
    if (oldStart + length <= change.start) return node.start === oldStart;
    return oldStart >= change.oldEnd && node.start === oldStart + change.delta;
  }

  /** Whether `text` is the text of `node`. */
  holds(text: string, node: Span): boolean {
    return text.length === node.end - node.start && this.text.startsWith(text, node.start);
  }
}

/** The texts a document's checks saw, one after the other. */
export class TextHistory {
  private last?: string;
  private version = 0;

  /** `text`, checked now, with the edit since the previous check. */
  next(text: string): CheckedText {
    const change = this.last === undefined ? undefined : textChange(this.last, text);
    this.last = text;
    return new CheckedText(text, ++this.version, change);
  }
}

/** An edit between two texts: [start, oldEnd) of the old one became `delta` characters longer. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/** The edit from `oldText` to `newText`: their common prefix and suffix left out. */
export function textChange(oldText: string, newText: string): TextChange {
  const { start, oldEnd, newEnd } = changedRange(oldText, newText);
  return { start, oldEnd, delta: newEnd - oldEnd };
}

/**
 * `text`, a slice of a document, copied: the engine keeps a whole document alive for as long as a slice of
 * it lives, and entries outlive many versions of the document. (Slicing a concatenation copies it first.)
 */
function detached(text: string): string {
  return (text + " ").slice(0, -1);
}

/**
 * The references `sites` (recorded by a check that lowered a declaration then at `start`) for the same
 * declaration now at `start + delta`, resolved in `symbols`: the same objects when nothing moved and every
 * name resolves to the same symbol, else new ones; undefined when a name is no longer declared.
 *
 * Its loops are in functions of their own whose every pass does the same thing. V8 (Node 20) compiles a hot
 * loop of a function still run by the interpreter on the stack (OSR) and enters that code again at the loop of
 * every later call; when the code meets a path the first checks never took (moving the sites after an edit
 * that shifts half the file), it is deoptimised, and then entered again, once per declaration of each check.
 */
export function replayedReferences(symbols: SymbolTable, sites: readonly ReferenceSite[], delta: number): readonly ReferenceSite[] | undefined {
  if (delta !== 0) return movedSites(symbols, sites, delta);
  const resolved = resolvedAlike(symbols, sites);
  if (resolved === undefined) return undefined;
  return resolved ? sites : movedSites(symbols, sites, 0);
}

/** Whether every name of `sites` resolves to the same symbol in `symbols`; undefined when one is not declared. */
function resolvedAlike(symbols: SymbolTable, sites: readonly ReferenceSite[]): boolean | undefined {
  let same = true;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!;
    const symbol = symbols.lookup(site.symbol.name);
    if (!symbol) return undefined;
    if (symbol !== site.symbol) same = false;
  }
  return same;
}

/** `sites` moved by `delta`, each resolved in `symbols`; undefined when a name is no longer declared. */
function movedSites(symbols: SymbolTable, sites: readonly ReferenceSite[], delta: number): ReferenceSite[] | undefined {
  const moved: ReferenceSite[] = [];
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!;
    const symbol = symbols.lookup(site.symbol.name);
    if (!symbol) return undefined;
    moved.push(referenceSite(site.start + delta, site.end + delta, symbol, undefined));
  }
  return moved;
}

/** Appends `items` to `target`, with an indexed loop: it allocates nothing, even before it is optimised. */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** Whether `sites` can be replayed by `replayedReferences`: all in the checked file, each resolving to its own name. */
export function replayable(symbols: SymbolTable, sites: readonly ReferenceSite[]): boolean {
  return sites.every((site) => site.uri === undefined && symbols.lookup(site.symbol.name) === site.symbol);
}

