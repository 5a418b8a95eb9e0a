/**
 * Reuse of each lowered `vm` declaration from one check of a document to the next.
 *
 * Lowering a VM reads its own declaration, the names declared in the file (its host, and any reference in
 * its attributes) and the index of each lowered host. When those names and indices are the same as in the
 * previous check, a VM declaration with the same text as in the previous check lowers to the same VMs,
 * expectations and references, moved by the offset its declaration moved; only one that reported nothing is kept, so there is no diagnostic to repeat. The VMs'
 * indices are given again as they are added. grammar/test/incremental.test.ts compares the result with a
 * full check.
 */
import type { Vm } from "@vmig/engine";
import type { VmDecl } from "../syntax/ast.js";
import type { Expectation } from "./expectations.js";
import type { AttributeContext } from "./attributes.js";
import type { ScenarioBuilder } from "./lower.js";

/** What lowering one VM declaration added, with offsets from the declaration's start. */
interface LoweredVm {
  readonly vms: readonly Vm[];
  readonly expectations: readonly Expectation[];
  readonly references: readonly { readonly start: number; readonly end: number; readonly name: string }[];
}

export class VmLoweringCache {
  /** The previous check's VM declarations, by text. */
  private previous = new Map<string, LoweredVm>();
  private current = new Map<string, LoweredVm>();
  private usable = false;
  /** The names declared and the hosts' indices in the previous check. */
  private previousNames?: string;
  private previousHosts: ReadonlyMap<string, number> = new Map();

  /**
   * Starts a check in which `names` are declared (networkReuse.ts's `declaredNames`) and the hosts have the
   * indices `hostIndex`; the previous check's VMs are used only if both are the same as then.
   */
  begin(names: string, hostIndex: ReadonlyMap<string, number>): void {
    this.usable = this.previousNames === names && sameEntries(this.previousHosts, hostIndex);
    this.previousNames = names;
    this.previousHosts = new Map(hostIndex);
    this.current = new Map();
  }

  /** Ends a check: what it lowered is what the next one may reuse. */
  end(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Lowers `decl` (whose text is `declText`) with `lowerVm`, or adds what the previous check lowered for the same text. */
  lower(builder: ScenarioBuilder, context: AttributeContext, decl: VmDecl, declText: string, lowerVm: () => void): void {
    const kept = this.usable ? this.previous.get(declText) : undefined;
    if (kept && this.replay(builder, context, decl.start, kept)) {
      this.current.set(declText, kept);
      return;
    }
    const mark = { vms: builder.vms.length, expectations: builder.expectations.length, diagnostics: context.diagnostics.items.length, references: context.symbols.references.length };
    lowerVm();
    if (context.diagnostics.items.length !== mark.diagnostics) return;
    const references = context.symbols.references.slice(mark.references);
    if (references.some((r) => r.uri !== undefined || context.symbols.lookup(r.symbol.name) !== r.symbol)) return;
    this.current.set(declText, {
      vms: builder.vms.slice(mark.vms),
      expectations: builder.expectations.slice(mark.expectations).map((e) => ({ ...e, start: e.start - decl.start, end: e.end - decl.start })),
      references: references.map((r) => ({ start: r.start - decl.start, end: r.end - decl.start, name: r.symbol.name })),
    });
  }

  private replay(builder: ScenarioBuilder, context: AttributeContext, start: number, kept: LoweredVm): boolean {
    const symbols = kept.references.map((r) => context.symbols.lookup(r.name));
    if (symbols.some((s) => s === undefined)) return false;
    kept.references.forEach((r, i) => context.symbols.references.push({ start: r.start + start, end: r.end + start, symbol: symbols[i]! }));
    for (const vm of kept.vms) {
      builder.vmIndex.set(vm.name, builder.vms.length);
      builder.vms.push(vm);
    }
    for (const e of kept.expectations) builder.expectations.push({ ...e, start: e.start + start, end: e.end + start });
    return true;
  }
}

function sameEntries(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
