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
