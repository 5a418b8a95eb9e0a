/**
 * Reuse of each lowered `migrate` declaration from one check of a document to the next.
 *
 * Lowering a migration reads its own declaration, the names declared in the file (its VMs and hosts), the
 * index of each lowered host, and the index and host of each VM it names. When the names and the hosts'
 * indices are the same as in the previous check (vmReuse.ts decides it once for both) and each VM it names
 * has the same index and host as then, a declaration with the same text lowers to the same migrations and
 * references, moved by the offset its declaration moved. Only a declaration that reported nothing is kept,
 * so there is no diagnostic to repeat, and never one written `to any HOSTS` (the placement policy chooses
 * its destination among all the migrations). grammar/test/incremental.test.ts compares the result with a
 * full check.
 */
import type { Migration } from "@vmig/engine";
import type { MigrateDecl } from "../syntax/ast.js";
import type { AttributeContext } from "./attributes.js";
import type { ScenarioBuilder } from "./lower.js";
import type { ReferenceSite } from "./symbols.js";
import { DeclarationMemo, pushAll, replayable, replayedReferences, type CheckedText } from "./declarationReuse.js";

/** A VM a migration names, with the index and host it had when the migration was lowered. */
interface NamedVm {
  readonly name: string;
  readonly index: number | undefined;
  readonly host: number | undefined;
}

/** What lowering one `migrate` declaration added, with the offsets of the check that lowered it. */
interface LoweredMigrate {
  readonly migrations: readonly Migration[];
  readonly sequential: boolean;
  readonly vms: readonly NamedVm[];
  readonly references: readonly ReferenceSite[];
}

export class MigrateLoweringCache {
  private readonly memo = new DeclarationMemo<LoweredMigrate>(true);
  private usable = false;

  /** Starts a check; `usable` says whether the names and the hosts' indices are the same as in the previous one. */
  begin(usable: boolean): void {
    this.usable = usable;
    if (!usable) this.memo.clear();
  }

  /** Ends the check of `source`: what it lowered is what the next one may reuse. */
  end(source: CheckedText): void {
    this.memo.end(source);
  }

  /** Lowers `decl` (in `source`), or adds what the previous check lowered for the same text. */
  lower(builder: ScenarioBuilder, context: AttributeContext, decl: MigrateDecl, source: CheckedText): void {
    const kept = this.usable ? this.memo.find(decl, source) : undefined;
    const delta = kept ? decl.start - kept.start : 0;
    const references = kept && sameVms(builder, kept.value.vms) ? replayedReferences(context.symbols, kept.value.references, delta) : undefined;
    if (kept && references) {
      pushAll(context.symbols.references, references);
      for (let i = 0; i < kept.value.migrations.length; i++) builder.addMigration(decl, kept.value.migrations[i]!, kept.value.sequential);
      // The moved value is made as `keep` makes one, so that both have the same hidden class (lower.ts's `result`).
      const { migrations, sequential, vms } = kept.value;
      this.memo.carry(decl, references === kept.value.references ? kept : { text: kept.text, start: decl.start, value: { migrations, sequential, vms, references } }, source);
      return;
    }
    if (decl.any) return builder.migrate(decl);
    const mark = { migrations: builder.migrations.length, diagnostics: context.diagnostics.items.length, references: context.symbols.references.length };
    builder.migrate(decl);
    if (context.diagnostics.items.length !== mark.diagnostics) return;
    const sites = context.symbols.references.slice(mark.references);
    if (!replayable(context.symbols, sites)) return;
    const vms = namedVms(builder, sites);
    const sequential = decl.modifiers.some((m) => m.text === "sequential");
    this.memo.keep(decl, source, { migrations: builder.migrations.slice(mark.migrations), sequential, vms, references: sites });
  }
}

/**
 * The VMs that `sites` name, in an array filled by pushing: `map` makes a holey array while V8 runs it unoptimised
 * and a packed one once optimised, and `sameVms`, optimised on one kind, would be deoptimised by the other.
 */
function namedVms(builder: ScenarioBuilder, sites: readonly ReferenceSite[]): NamedVm[] {
  const vms: NamedVm[] = [];
  for (let i = 0; i < sites.length; i++) {
    const { name, kind } = sites[i]!.symbol;
    if (kind !== "vm") continue;
    const index = builder.vmIndex.get(name);
    vms.push({ name, index, host: index === undefined ? undefined : builder.vms[index]!.host });
  }
  return vms;
}

/** Whether each of `vms` has the same index and host as when they were recorded. */
function sameVms(builder: ScenarioBuilder, vms: readonly NamedVm[]): boolean {
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i]!;
    const index = builder.vmIndex.get(vm.name);
    if (index !== vm.index || (index === undefined ? undefined : builder.vms[index]!.host) !== vm.host) return false;
  }
  return true;
}
