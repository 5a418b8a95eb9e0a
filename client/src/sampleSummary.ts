/**
 * How a bundled sample reads in the Open Sample quick pick. Pure, so it is unit-tested.
 */

/** The sample's first `///` doc-comment paragraph, on one line; empty when it has none. */
export function sampleSummary(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*\/\/\/\s?(.*)$/.exec(line);
    if (match === null) {
      if (lines.length > 0 || line.trim() !== "") break;
      continue;
    }
    lines.push(match[1]!.trim());
  }
  return lines.join(" ").trim();
}
