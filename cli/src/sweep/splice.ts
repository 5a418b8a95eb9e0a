/**
 * Sets parameter values in .vmig text without touching the file: each value becomes a text edit that
 * replaces an attribute's value where the file writes one, or inserts `name value` into the block where it
 * does not. Edits are computed once against the original text, then applied per run.
 */
import { parse, type Span } from "@vmig/grammar";
import { attributesOf, collectTargets, findTarget, splitAddress, type Target } from "./targets.js";

/** Replaces `text[start, end)` with `insert`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** A parameter resolved against the file: where it goes, and the edit of each of its values. */
export interface ResolvedParameter {
  readonly address: string;
  readonly target: Target;
  readonly attribute: string;
  readonly values: readonly string[];
  readonly edits: readonly Edit[];
}

/** Resolves each parameter against `text`'s declarations; an unknown target or attribute is an error. */
export function resolveParameters(text: string, parameters: readonly { readonly address: string; readonly values: readonly string[] }[]): ResolvedParameter[] | { readonly error: string } {
  const targets = collectTargets(parse(text).file);
  const resolved: ResolvedParameter[] = [];
  for (const { address, values } of parameters) {
    const { target: targetAddress, attribute } = splitAddress(address);
    const target = findTarget(targets, targetAddress);
    if ("error" in target) return { error: `--param ${address}: ${target.error}` };
    const accepted = attributesOf(target);
    if (!accepted.includes(attribute)) {
      return { error: `--param ${address}: '${target.address}' has no attribute '${attribute}'; it accepts: ${accepted.join(", ") || "none"}` };
    }
    const twice = resolved.find((r) => r.target === target && r.attribute === attribute);
    if (twice) return { error: `--param ${address} sets the same attribute as --param ${twice.address}` };
    resolved.push({ address, target, attribute, values, edits: values.map((v) => editFor(text, target, attribute, v)) });
  }
  return resolved;
}

/** The edit of `text` that gives `attribute` of `target` the value `value`, written as in the language. */
function editFor(text: string, target: Target, attribute: string, value: string): Edit {
  if (target.kind === "migrate") {
    const { at, target: destination, vm } = target.decl;
    if (at) return { start: at.start, end: at.end, insert: value };
    const after = (destination ?? vm)!.end;
    return { start: after, end: after, insert: ` at ${value}` };
  }
  const { block } = target;
  if (!block) return { start: target.end, end: target.end, insert: ` { ${attribute} ${value} }` };
  const existing = valueSpan(target, attribute);
  if (existing) return { start: existing.start, end: existing.end, insert: value };
  const last = block.members[block.members.length - 1];
  // After the last member keeps the block's line count, so diagnostics keep their line numbers.
  if (last) return { start: last.end, end: last.end, insert: `  ${attribute} ${value}` };
  return { start: block.start + 1, end: block.start + 1, insert: ` ${attribute} ${value}${/\s/.test(text[block.start + 1] ?? "") ? "" : " "}` };
}

/**
 * Applies edits made against the same text. Edits at one offset keep their given order in the result, so
 * the first parameter's insertion comes first.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.start - a.edit.start || b.order - a.order);
  let out = text;
  for (const { edit } of ordered) out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  return out;
}

/**
 * True when, in the edited text, `parameter`'s attribute holds exactly `value`: a value such as
 * `1 GiB } vm x` that would change the file's structure is not one value.
 */
export function holdsValue(editedText: string, parameter: ResolvedParameter, value: string): boolean {
  const target = findTarget(collectTargets(parse(editedText).file), parameter.target.address);
  if ("error" in target) return false;
  const span = valueSpan(target, parameter.attribute);
  return span !== undefined && editedText.slice(span.start, span.end) === value;
}

/** Where `attribute`'s value is written in `target`, if it is. */
function valueSpan(target: Target, attribute: string): Span | undefined {
  if (target.kind === "migrate") return target.decl.at;
  const member = target.block?.members.find((m) => m.kind === "attribute" && m.name.text === attribute);
  return member?.kind === "attribute" ? member.value : undefined;
}
