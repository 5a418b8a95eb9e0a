/**
 * The theme's colours as the charts need them: the palette of series colours, and reading a variable.
 */

/** Series colours, from the theme's chart palette (defined by dark, light and high-contrast themes alike). */
export const palette: readonly [variable: string, fallback: string][] = [
  ["--vscode-charts-blue", "#3794ff"],
  ["--vscode-charts-orange", "#d18616"],
  ["--vscode-charts-green", "#89d185"],
  ["--vscode-charts-purple", "#b180d7"],
  ["--vscode-charts-red", "#f14c4c"],
  ["--vscode-charts-yellow", "#cca700"],
];

/** The value of a theme variable on the page, or `fallback` when the theme does not define it. */
export function themeValue(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}

/**
 * `colour` without its alpha channel (`#rgba`, `#rrggbbaa` and `rgba(…)`; other forms unchanged). Some
 * themes give a chart colour half transparent (Dark Modern's orange, for one), and a thin line drawn in it
 * over the editor's background reads as a dim brown that the legend's swatch does not match.
 */
export function opaque(colour: string): string {
  const trimmed = colour.trim();
  if (/^#[0-9a-f]{4}$/i.test(trimmed)) return trimmed.slice(0, 4);
  if (/^#[0-9a-f]{8}$/i.test(trimmed)) return trimmed.slice(0, 7);
  const rgba = /^rgba?\(\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s)]+)\s*,\s*[^,)]+\)$/i.exec(trimmed);
  if (rgba !== null) return `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})`;
  return colour;
}

/** The palette's colour number `index` in the current theme, opaque; past the palette's end colours repeat. */
export function seriesColour(index: number): string {
  const [variable, fallback] = palette[index % palette.length]!;
  return opaque(themeValue(variable, fallback));
}
