/**
 * Hover text: what a name is (with its `///` documentation), what an attribute means, what a quantity is
 * in SI, and what the closed-form model predicts for a migration.
 */
import type { PolicyDecl, Span } from "../syntax/ast.js";
import type { CheckResult } from "../check/check.js";
import { attributeSpec, blockSchemas, contextualWords, expectMetrics, policies, policyBlockKind, type AttributeType } from "../check/schema.js";
import { DEFAULT_PAGE_BYTES, toSI, unitInfo } from "../units.js";
import { formatBytes, formatRate } from "../format.js";
import { nodeAt } from "./nodeAt.js";
import { symbolAt } from "./navigation.js";
import { describeForecast } from "./forecastText.js";
import { describePlacementAndReuse } from "./placementText.js";
import { keywordDocs } from "./keywordDocs.js";

export interface Hover extends Span {
  /** Markdown. */
  readonly contents: string;
}

export function hover(checked: CheckResult, offset: number): Hover | undefined {
  const symbol = symbolAt(checked.symbols, offset);
  const at = nodeAt(checked.parsed.file, offset);
  if (symbol) {
    const span = checked.symbols.references.find((r) => r.start <= offset && offset <= r.end) ?? symbol.span;
    const lines = [`**${symbol.kind}** \`${symbol.name}\``];
    if (symbol.doc) lines.push("", symbol.doc);
    const migration = at.declaration?.kind === "migrate" ? migrationForecast(checked, at.declaration) : undefined;
    if (migration) lines.push("", migration);
    return { start: span.start, end: span.end, contents: lines.join("\n") };
  }
  if (at.value?.kind === "number" && at.value.unit) {
    const unit = unitInfo(at.value.unit.text);
    if (unit) {
      const si = toSI(at.value.value, at.value.unit.text, DEFAULT_PAGE_BYTES);
      const shown = {
        size: `${si.toLocaleString("en-US")} B (${formatBytes(si)})`,
        rate: `${si.toLocaleString("en-US")} B/s (${formatRate(si)})`,
        time: `${si} s`,
        ratio: `${si}`,
      }[unit.dimension];
      return { start: at.value.start, end: at.value.end, contents: `**${unit.dimension}** ${at.value.value} ${at.value.unit.text} = ${shown}${unit.perPage ? " with 4 KiB pages" : ""}` };
    }
  }
  if (at.reuseEntry && offset < (at.reuseEntry.size?.start ?? at.reuseEntry.end)) {
    return { start: at.reuseEntry.start, end: at.reuseEntry.end, contents: contextualWords["reuse-entry"]! };
  }
  if (at.owner?.kind === "datacentre" && offset <= at.owner.keyword.end) return { ...at.owner.keyword, contents: contextualWords.datacentre! };
  if (at.attribute && at.blockKind && offset <= at.attribute.name.end) {
    const spec = attributeSpec(at.blockKind, at.attribute.name.text);
    if (spec) {
      const type = describeAttributeType(spec.type);
      return { ...at.attribute.name, contents: `**${at.blockKind}.${spec.name}** — ${type}${spec.required ? ", required" : ""}\n\n${spec.doc}\n\nExample: \`${spec.name} ${spec.example}\`` };
    }
  }
  const declaration = at.declaration;
  if (declaration?.kind === "policy") {
    const word = policyWordHover(declaration, offset);
    if (word) return word;
  }
  if (declaration?.kind === "migrate" && declaration.any && offset >= declaration.any.start && offset <= declaration.any.end) {
    return { ...declaration.any, contents: [contextualWords.any!, migrationForecast(checked, declaration) ?? ""].filter((p) => p).join("\n\n") };
  }
  if (declaration && offset >= declaration.keyword.start && offset <= declaration.keyword.end) {
    const parts = [keywordDocs[declaration.kind] ?? ""];
    if (declaration.kind === "migrate") parts.push(migrationForecast(checked, declaration) ?? "");
    if (declaration.kind === "expect") parts.push(`Metrics: ${Object.entries(expectMetrics).map(([m, d]) => `\`${m}\` — ${d.doc}`).join(" ")}`);
    return { ...declaration.keyword, contents: parts.filter((p) => p).join("\n\n") };
  }
  return undefined;
}

/** Hover over a policy's category (what it decides, its choices) or its choice (what it does, its attributes). */
function policyWordHover(declaration: PolicyDecl, offset: number): Hover | undefined {
  const category = declaration.category;
  const spec = category ? policies[category.text] : undefined;
  if (!category || !spec) return undefined;
  if (offset >= category.start && offset <= category.end) {
    const choices = Object.entries(spec.choices).map(([choice, doc]) => `- \`${choice}\` — ${doc}`);
    return { ...category, contents: [`**policy ${category.text}** — ${spec.doc}`, "", ...choices].join("\n") };
  }
  const choice = declaration.choice;
  const doc = choice ? spec.choices[choice.text] : undefined;
  if (!choice || doc === undefined || offset < choice.start || offset > choice.end) return undefined;
  const kind = policyBlockKind(category.text, choice.text);
  const attributes = kind ? blockSchemas[kind].map((a) => `\`${a.name}\``) : [];
  const takes = attributes.length > 0 ? `Attributes: ${attributes.join(", ")}.` : "";
  return { ...choice, contents: [`**policy ${category.text} ${choice.text}** — ${doc}`, takes].filter((p) => p).join("\n\n") };
}

function describeAttributeType(type: AttributeType): string {
  switch (type.kind) {
    case "quantity":
      return `a ${type.dimension}`;
    case "count":
      return "a whole number";
    case "reference":
      return `the name of a ${type.target}`;
    case "enum":
      return `one of ${type.values.join(", ")}`;
    case "switch":
      return "on or off";
    case "text":
      return "a string";
  }
}

function migrationForecast(checked: CheckResult, declaration: Span): string | undefined {
  const index = checked.migrationDeclarations.findIndex((d) => d.start === declaration.start);
  const forecast = index >= 0 ? checked.forecasts[index] : undefined;
  if (!forecast || !checked.scenario) return undefined;
  const ofThisLine = checked.migrationDeclarations.flatMap((d, i) => (d.start === declaration.start ? [i] : []));
  return [describeForecast(checked.scenario, forecast), ...describePlacementAndReuse(checked, ofThisLine)].join("\n\n");
}
