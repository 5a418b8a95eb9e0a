/**
 * The scenario block's parameter sweeps, `sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s`: the values
 * `vmig sweep FILE` runs when no `--param` sets the same address (docs/sweep.md). An address names a place
 * of the file as `--param` does (./sweepTargets.ts); each value is checked as the attribute it sets, so a
 * wrong unit or an out-of-range value is reported while typing. A plain `vmig run` runs the file as written.
 */
import type { Attribute, Block, ScenarioDecl, SweepDecl, Value, VmigFile } from "../syntax/ast.js";
import { checkAttributes, checkNumber, type AttributeContext } from "./attributes.js";
import { DiagnosticBag } from "./diagnostics.js";
import { attributesOf, collectTargets, findTarget, splitAddress, type Target } from "./sweepTargets.js";

/** A sweep as written: its address and its values' source text. */
export interface DeclaredSweep {
  readonly address: string;
  readonly values: readonly string[];
}

/** The sweeps of `file`'s scenario block, in order; values as written in `text`. */
export function declaredSweeps(text: string, file: VmigFile): DeclaredSweep[] {
  return sweepsOf(file).flatMap((sweep) =>
    sweep.address && sweep.values.length > 0 ? [{ address: sweep.address.value, values: sweep.values.map((v) => text.slice(v.start, v.end)) }] : [],
  );
}

function sweepsOf(file: VmigFile): SweepDecl[] {
  const scenario = file.declarations.find((d): d is ScenarioDecl => d.kind === "scenario");
  return (scenario?.body?.members ?? []).filter((m): m is SweepDecl => m.kind === "sweep");
}

/** Reports sweeps whose address names nothing of the file, that repeat an address, or whose values are wrong. */
export function checkSweeps(file: VmigFile, context: AttributeContext): void {
  const sweeps = sweepsOf(file);
  if (sweeps.length === 0) return;
  const targets = collectTargets(file);
  const seen = new Map<string, string>();
  for (const sweep of sweeps) {
    if (!sweep.address) continue;
    const address = sweep.address.value;
    const { target: targetAddress, attribute } = splitAddress(address);
    const target = !address.includes(".") || targetAddress === "" ? { error: `'${address}' is not an address such as "vm.web.dirty" (a target, a dot, an attribute)` } : findTarget(targets, targetAddress);
    if ("error" in target) {
      context.diagnostics.error(sweep.address, "unknown-name", `sweep: ${target.error}`);
      continue;
    }
    const accepted = attributesOf(target);
    if (!accepted.includes(attribute)) {
      context.diagnostics.error(sweep.address, "unknown-attribute", `sweep: '${target.address}' has no attribute '${attribute}'; it accepts: ${accepted.join(", ") || "none"}`);
      continue;
    }
    const key = `${target.address}.${attribute}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      context.diagnostics.error(sweep.address, "duplicate-attribute", `sweep: '${address}' sets the same attribute as the earlier sweep '${earlier}'`);
      continue;
    }
    seen.set(key, address);
    for (const value of sweep.values) checkValue(target, attribute, sweep, value, context);
  }
}

/** Checks one value as the attribute it sets: alone in a block of the target's kind. */
function checkValue(target: Target, attribute: string, sweep: SweepDecl, value: Value, context: AttributeContext): void {
  const what = `sweep '${sweep.address!.value}'`;
  if (target.kind === "migrate") {
    checkNumber(value, { kind: "quantity", dimension: "time", min: 0 }, `${what}: 'at'`, context);
    return;
  }
  const member: Attribute = { kind: "attribute", start: value.start, end: value.end, name: { text: attribute, start: sweep.address!.start, end: sweep.address!.end }, value };
  const block: Block = { start: value.start, end: value.end, members: [member], closed: true };
  // The one-attribute block lacks the target's other required attributes; only the value's own problems count.
  const own = new DiagnosticBag();
  checkAttributes(target.blockKind, block, what, { ...context, diagnostics: own });
  for (const d of own.items) {
    if (d.code === "missing-attribute") continue;
    if (d.severity === "error") context.diagnostics.error(d, d.code, d.message, d.fixes);
    else context.diagnostics.warning(d, d.code, d.message, d.fixes);
  }
}
