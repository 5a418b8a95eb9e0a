/**
 * Declaring names incrementally, from one check of a document to the next.
 *
 * The symbols a declaration (or a topology's `host`, `switch` or `router` member) declares depend only on
 * its text, its doc comment, its offset and the names declared before it (a name declared twice is
 * reported). So the symbols of a node whose text and doc are the same as in the previous check are declared
 * again as they were: the same objects when it has not moved, copies moved by the offset it moved otherwise;
 * they are taken only when none of their names is declared already, and only from a node that reported
 * nothing, so there is no duplicate or diagnostic to repeat. The table's order is the order of declaration,
 * as in a full check. grammar/test/incremental.test.ts compares the result with a full check.
 *
 * `NamesVersion` numbers the declared names: a check gets the previous check's number when it declares the
 * same names with the same kinds and families in the same order, so that every reference resolves to the
 * same name (and to the same unknown-name hint); the lowering caches compare these numbers.
 */
import type { GeneratedTopology } from "@vmig/engine";
import type { Declaration, Span, TopologyDecl } from "../syntax/ast.js";
import { declaredSymbol, type SymbolInfo, type SymbolTable } from "./symbols.js";
import { declareAll, type DeclaredNames, type DeclaringNode } from "./declare.js";
import { DeclarationMemo, type CheckedText } from "./declarationReuse.js";

/** What one node declared, at the offsets of the check that declared it. */
interface DeclaredNode {
  readonly doc: string | undefined;
  readonly symbols: readonly SymbolInfo[];
}

export class DeclarationCache implements DeclaredNames {
  private readonly memo = new DeclarationMemo<DeclaredNode>(false);
  /** The check under way: its text and table. */
  private source?: CheckedText;
  private table?: SymbolTable;

  /** Declares the names of the checked file's `declarations` (of `source`) in `table`, reusing the previous check's. */
  declare(declarations: readonly Declaration[], source: CheckedText, table: SymbolTable): Map<TopologyDecl, GeneratedTopology> {
    this.source = source;
    this.table = table;
    const generated = declareAll(declarations, table, this);
    this.memo.end(source);
    this.source = undefined;
    this.table = undefined;
    return generated;
  }

  redeclare(node: DeclaringNode): boolean {
    const kept = this.memo.find(node, this.source!);
    if (!kept || kept.value.doc !== node.doc) return false;
    const delta = node.start - kept.start;
    const symbols = delta === 0 ? kept.value.symbols : movedSymbols(kept.value.symbols, node, delta);
    if (!this.table!.adopt(symbols)) return false;
    this.memo.carry(node, delta === 0 ? kept : { text: kept.text, start: node.start, value: { doc: node.doc, symbols } }, this.source!);
    return true;
  }

  declared(node: DeclaringNode, symbols: readonly SymbolInfo[], reported: boolean): void {
    if (!reported && this.table!.uri === undefined) this.memo.keep(node, this.source!, { doc: node.doc, symbols });
  }
}

/**
 * `symbols`, declared by `node`, with their names' spans moved by `delta`: made by `declaredSymbol` in an array
 * filled by pushing, so that they have the shapes of the symbols a check declares (see `replayedReferences`).
 */
function movedSymbols(symbols: readonly SymbolInfo[], node: Span, delta: number): SymbolInfo[] {
  const moved: SymbolInfo[] = [];
  for (let i = 0; i < symbols.length; i++) {
    const symbol = symbols[i]!;
    moved.push(declaredSymbol(symbol.name, symbol.kind, { start: symbol.span.start + delta, end: symbol.span.end + delta }, node, symbol.doc, symbol.family));
  }
  return moved;
}

/** Numbers the versions of a document's declared names (see the file's comment). */
export class NamesVersion {
  private previous?: SymbolTable;
  private version = 0;

  /** The version of the names declared in `table`, a check's table once every name is declared. */
  of(table: SymbolTable): number {
    if (!this.previous || !table.sameNames(this.previous)) this.version++;
    this.previous = table;
    return this.version;
  }
}
