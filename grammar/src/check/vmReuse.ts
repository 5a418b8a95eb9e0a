/**
 * Reuse of each lowered `vm` declaration from one check of a document to the next.
 *
 * Lowering a VM reads its own declaration, the names declared in the file (its host, and any reference in
 * its attributes) and the index of each lowered host. When those names and indices are the same as in the
 * previous check, a VM declaration with the same text as in the previous check lowers to the same VMs,
 * expectations and references, moved by the offset its declaration moved; only one that reported nothing is
 * kept, so there is no diagnostic to repeat. The VMs' indices are given again as they are added.
 * grammar/test/incremental.test.ts compares the result with a full check.
 */
import type { Vm } from "@vmig/engine";
import type { VmDecl } from "../syntax/ast.js";
import { expectation, type Expectation } from "./expectations.js";
import type { AttributeContext } from "./attributes.js";
import type { ScenarioBuilder } from "./lower.js";
import type { ReferenceSite } from "./symbols.js";
import { DeclarationMemo, pushAll, replayable, replayedReferences, type CheckedText } from "./declarationReuse.js";

/** What lowering one VM declaration added, with the offsets of the check that lowered it. */
interface LoweredVm {
  readonly vms: readonly Vm[];
  readonly expectations: readonly Expectation[];
  readonly references: readonly ReferenceSite[];
}

export class VmLoweringCache {
  private readonly memo = new DeclarationMemo<LoweredVm>(true);
  private usable = false;
  /** The version of the declared names and the hosts' indices in the previous check. */
  private previousNames?: number;
  private previousHosts: ReadonlyMap<string, number> = new Map();

  /**
   * Starts a check in which the declared names have version `names` (declareReuse.ts) and the hosts have the
   * indices `hostIndex`, which lowering does not change afterwards; the previous check's VMs are used only
   * if both are the same as then. Returns whether they are.
   */
  begin(names: number, hostIndex: ReadonlyMap<string, number>): boolean {
    this.usable = this.previousNames === names && sameEntries(this.previousHosts, hostIndex);
    this.previousNames = names;
    this.previousHosts = hostIndex;
    if (!this.usable) this.memo.clear();
    return this.usable;
  }

  /** Ends the check of `source`: what it lowered is what the next one may reuse. */
  end(source: CheckedText): void {
    this.memo.end(source);
  }

  /** Lowers `decl` (in `source`), or adds what the previous check lowered for the same text. */
  lower(builder: ScenarioBuilder, context: AttributeContext, decl: VmDecl, source: CheckedText): void {
    const kept = this.usable ? this.memo.find(decl, source) : undefined;
    const delta = kept ? decl.start - kept.start : 0;
    const references = kept && replayedReferences(context.symbols, kept.value.references, delta);
    if (kept && references) {
      pushAll(context.symbols.references, references);
      for (let i = 0; i < kept.value.vms.length; i++) builder.addVm(kept.value.vms[i]!);
      const expectations = delta === 0 ? kept.value.expectations : movedExpectations(kept.value.expectations, delta);
      pushAll(builder.expectations, expectations);
      this.memo.carry(decl, delta === 0 && references === kept.value.references ? kept : { text: kept.text, start: decl.start, value: { vms: kept.value.vms, expectations, references } }, source);
      return;
    }
    const mark = { vms: builder.vms.length, expectations: builder.expectations.length, diagnostics: context.diagnostics.items.length, references: context.symbols.references.length };
    builder.vm(decl);
    if (context.diagnostics.items.length !== mark.diagnostics) return;
    const sites = context.symbols.references.slice(mark.references);
    if (!replayable(context.symbols, sites)) return;
    this.memo.keep(decl, source, { vms: builder.vms.slice(mark.vms), expectations: builder.expectations.slice(mark.expectations), references: sites });
  }
}

/** `expectations` moved by `delta`, made as lowering makes them, in an array filled by pushing (see `replayedReferences`). */
function movedExpectations(expectations: readonly Expectation[], delta: number): Expectation[] {
  const moved: Expectation[] = [];
  for (let i = 0; i < expectations.length; i++) {
    const { vm, metric, op, bound, start, end, fromSla } = expectations[i]!;
    moved.push(expectation(vm, metric, op, bound, { start: start + delta, end: end + delta }, fromSla === true));
  }
  return moved;
}

function sameEntries(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
