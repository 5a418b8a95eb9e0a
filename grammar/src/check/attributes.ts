/**
 * Checks the attributes of one block against the schema and converts their values to SI.
 *
 * Every problem is reported with the numbers involved; a value that fails its check is left out of the
 * result, so that lowering falls back to the default and the rest of the file is still checked.
 */
import type { Attribute, Block, Value } from "../syntax/ast.js";
import { DEFAULT_PAGE_BYTES, toSI, unitInfo, unitsOf, type Dimension } from "../units.js";
import { attributeSpec, blockSchemas, type AttributeType, type BlockKind, type SymbolKind } from "./schema.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { SymbolInfo, SymbolTable } from "./symbols.js";

/** The checked attributes of a block: numbers in SI, references as symbols, words and strings as written. */
export interface CheckedAttributes {
  readonly numbers: ReadonlyMap<string, number>;
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  /** Enum values as written, and switches as `on` or `off`. */
  readonly words: ReadonlyMap<string, string>;
  readonly texts: ReadonlyMap<string, string>;
}

const switchWords: Readonly<Record<string, "on" | "off">> = { on: "on", off: "off", yes: "on", no: "off", true: "on", false: "off" };

export interface AttributeContext {
  readonly diagnostics: DiagnosticBag;
  readonly symbols: SymbolTable;
  /** Page size for `pages` units in this block (a VM's own page size, else 4 KiB). */
  readonly pageBytes?: number;
}

/** Checks every attribute of `block` as a block of `kind`; `what` names the block in messages. */
export function checkAttributes(kind: BlockKind, block: Block | undefined, what: string, context: AttributeContext): CheckedAttributes {
  const numbers = new Map<string, number>();
  const symbols = new Map<string, SymbolInfo>();
  const words = new Map<string, string>();
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  for (const member of block?.members ?? []) {
    if (member.kind === "reuse-entry" && kind !== "policy.content_reuse") {
      context.diagnostics.error(member.keyword, "wrong-value", `${what} has no table rows: '"OS" on "version" SIZE' belongs in 'policy content_reuse static_content { … }'`);
    }
    if (member.kind === "sweep" && kind !== "scenario") {
      context.diagnostics.error(member.keyword, "wrong-value", `${what} has no sweeps: 'sweep "ADDRESS" V1, V2' belongs in the scenario block`);
    }
    if (member.kind !== "attribute") continue;
    const spec = attributeSpec(kind, member.name.text);
    if (!spec) {
      const known = blockSchemas[kind].map((a) => a.name);
      context.diagnostics.error(member.name, "unknown-attribute", `${what} has no attribute '${member.name.text}'${known.length ? ` (expected ${known.join(", ")})` : ""}`);
      continue;
    }
    if (seen.has(spec.name)) {
      context.diagnostics.error(member.name, "duplicate-attribute", `'${spec.name}' is set twice in ${what}`);
      continue;
    }
    seen.add(spec.name);
    if (!member.value) continue;
    if (spec.type.kind === "reference") {
      const symbol = checkReferenceValue(member, spec.type.target, context);
      if (symbol) symbols.set(spec.name, symbol);
    } else if (spec.type.kind === "enum" || spec.type.kind === "switch") {
      const word = checkWord(member, spec.type.kind === "enum" ? spec.type.values : Object.keys(switchWords), context);
      if (word !== undefined) words.set(spec.name, spec.type.kind === "switch" ? switchWords[word]! : word);
    } else if (spec.type.kind === "text") {
      if (member.value.kind === "string") texts.set(spec.name, member.value.value);
      else context.diagnostics.error(member.value, "wrong-value", `'${spec.name}' expects a string such as ${spec.example}`);
    } else {
      const value = checkNumber(member.value, spec.type, `'${spec.name}'`, context);
      if (value !== undefined) numbers.set(spec.name, value);
    }
  }
  if (block) {
    for (const spec of blockSchemas[kind]) {
      if (spec.required && !seen.has(spec.name)) {
        context.diagnostics.error({ start: block.start, end: block.start + 1 }, "missing-attribute", `${what} needs '${spec.name}' (for example '${spec.name} ${spec.example}')`);
      }
    }
  }
  return { numbers, symbols, words, texts };
}

/** Checks that an attribute's value is one of `allowed` words. */
function checkWord(attribute: Attribute, allowed: readonly string[], context: AttributeContext): string | undefined {
  const value = attribute.value!;
  const word = value.kind === "reference" && value.reference.parts.length === 1 && !value.reference.parts[0]!.selector ? value.reference.text : undefined;
  if (word !== undefined && allowed.includes(word)) return word;
  context.diagnostics.error(value, "wrong-value", `'${attribute.name.text}' expects one of ${allowed.join(", ")}`);
  return undefined;
}

function checkReferenceValue(attribute: Attribute, target: SymbolKind, context: AttributeContext): SymbolInfo | undefined {
  const value = attribute.value!;
  if (value.kind !== "reference") {
    context.diagnostics.error(value, "wrong-value", `'${attribute.name.text}' expects the name of a ${target}`);
    return undefined;
  }
  return context.symbols.resolve(value.reference, [target], `'${attribute.name.text}'`);
}

/**
 * Checks a numeric value against its type and returns it in SI; `what` names the value in messages.
 * Used for attributes and for the numbers of `migrate ... at` and `expect`.
 */
export function checkNumber(value: Value, type: AttributeType, what: string, context: AttributeContext): number | undefined {
  if (type.kind !== "quantity" && type.kind !== "count") return undefined;
  if (value.kind !== "number") {
    context.diagnostics.error(value, "wrong-value", `${what} expects ${describeType(type)}`);
    return undefined;
  }
  if (type.kind === "count") {
    if (value.unit) {
      context.diagnostics.error(value.unit, "wrong-unit", `${what} is a plain count and takes no unit`);
      return undefined;
    }
    if (!Number.isInteger(value.value) || value.value < type.min || (type.max !== undefined && value.value > type.max)) {
      context.diagnostics.error(value, "out-of-range", `${what} must be a whole number ${rangeText(type.min, type.max)}, not ${value.value}`);
      return undefined;
    }
    return value.value;
  }
  if (!value.unit) {
    const fixes = suggestedUnits[type.dimension].map((unit, i) => ({
      title: `Add the unit '${unit}'`,
      edits: [{ start: value.end, end: value.end, newText: ` ${unit}` }],
      preferred: i === 0,
    }));
    context.diagnostics.error(value, "missing-unit", `${what} needs a unit of ${type.dimension} (${unitsOf(type.dimension).join(", ")})`, fixes);
    return undefined;
  }
  const unit = unitInfo(value.unit.text)!;
  if (unit.dimension !== type.dimension) {
    context.diagnostics.error(value.unit, "wrong-unit", `${what} is a ${type.dimension}, but '${value.unit.text}' is a unit of ${unit.dimension}`);
    return undefined;
  }
  const si = toSI(value.value, value.unit.text, context.pageBytes ?? DEFAULT_PAGE_BYTES);
  if (type.positive && !(si > 0)) {
    context.diagnostics.error(value, "out-of-range", `${what} must be greater than 0`);
    return undefined;
  }
  if (type.min !== undefined && si < type.min) {
    context.diagnostics.error(value, "out-of-range", `${what} must not be negative`);
    return undefined;
  }
  if (value.unit.text === "%" && value.value > 100) {
    context.diagnostics.error(value, "out-of-range", `${what} is a percentage and cannot exceed 100 %, not ${value.value} %`);
    return undefined;
  }
  if (type.max !== undefined && si > type.max) {
    context.diagnostics.error(value, "out-of-range", `${what} must be at most ${type.max}`);
    return undefined;
  }
  return si;
}

/** Units offered by the "add the unit" quick fix, most likely first. */
const suggestedUnits: Readonly<Record<Dimension, readonly string[]>> = {
  size: ["GiB", "MiB", "KiB", "pages"],
  rate: ["Gbps", "Mbps", "MB/s", "pages/s"],
  time: ["s", "ms", "us"],
  ratio: ["x", "%"],
};

function describeType(type: AttributeType & { kind: "quantity" | "count" }): string {
  return type.kind === "count" ? "a whole number" : `a ${type.dimension} such as ${exampleOf(type.dimension)}`;
}

function exampleOf(dimension: Dimension): string {
  return { size: "1 GiB", rate: "1 Gbps", time: "20 ms", ratio: "3 x" }[dimension];
}

function rangeText(min: number, max: number | undefined): string {
  return max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
}
