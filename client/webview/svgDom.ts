/**
 * Turns the layouts' SVG trees (shared/svg.ts) into DOM nodes. Attributes only, never inline styles, so
 * the panel's Content-Security-Policy holds; the style sheet colours the nodes by class.
 */
import { formatValue, svgNamespace, type SvgNode } from "@vmig/report";

export function toSvgElement(node: SvgNode): SVGElement {
  const element = document.createElementNS(svgNamespace, node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, formatValue(value));
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.append(toSvgElement(child));
  return element;
}
