/**
 * A tiny SVG tree that the charts' layouts produce, so that one layout serves both the webview (which
 * turns it into DOM nodes) and the exported HTML report (which turns it into text). Pure; no DOM.
 *
 * Colours never appear here: nodes carry classes, and each page's style sheet colours them (the webview
 * from the VS Code theme, the report from its own palette).
 */

export type SvgTag = "svg" | "g" | "rect" | "line" | "path" | "text" | "title";

export interface SvgNode {
  readonly tag: SvgTag;
  readonly attrs?: Readonly<Record<string, string | number>>;
  /** Text content (for `text` and `title`), escaped when written out. */
  readonly text?: string;
  readonly children?: readonly SvgNode[];
}

export const svgNamespace = "http://www.w3.org/2000/svg";

/** Builds a node; `children` may hold `undefined` entries, which are skipped. */
export function svg(
  tag: SvgTag,
  attrs: Readonly<Record<string, string | number>> = {},
  children: readonly (SvgNode | undefined)[] = [],
  text?: string,
): SvgNode {
  const kept = children.filter((c): c is SvgNode => c !== undefined);
  return { tag, attrs, ...(kept.length > 0 && { children: kept }), ...(text !== undefined && { text }) };
}

/** A `<title>` child: the tooltip a browser shows on hover. */
export function tooltip(text: string): SvgNode {
  return { tag: "title", text };
}

/** Writes a tree as SVG markup; every attribute value and text is escaped. */
export function svgToString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(formatValue(value))}"`)
    .join("");
  const xmlns = node.tag === "svg" ? ` xmlns="${svgNamespace}"` : "";
  const inner = (node.text !== undefined ? escapeXml(node.text) : "") + (node.children ?? []).map(svgToString).join("");
  return `<${node.tag}${xmlns}${attrs}>${inner}</${node.tag}>`;
}

/** Rounds coordinates to two decimals, which keeps the markup short and deterministic. */
export function formatValue(value: string | number): string {
  return typeof value === "number" ? String(Math.round(value * 100) / 100) : value;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
