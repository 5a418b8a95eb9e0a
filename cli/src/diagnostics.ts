/**
 * Prints diagnostics the way compilers do: `file:line:col: severity: message [code]`, one per line,
 * with 1-based lines and columns.
 */
import { LineIndex, type Diagnostic } from "@vmig/grammar";

export function formatDiagnostics(file: string, text: string, diagnostics: readonly Diagnostic[]): string[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => {
    const { line, character } = lines.position(d.start);
    return `${file}:${line + 1}:${character + 1}: ${d.severity}: ${d.message} [${d.code}]`;
  });
}
