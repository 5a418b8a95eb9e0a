import type { CheckResult } from "../src/index.js";

/** Everything a check gives the editor: diagnostics, the tree, the names navigation reads, the scenario and forecasts. */
export function snapshot(result: CheckResult): string {
  return JSON.stringify({
    diagnostics: result.diagnostics,
    errors: result.parsed.errors,
    declarations: result.parsed.file.declarations,
    comments: result.parsed.comments.map((c) => [c.startOffset, c.image, c.tokenType.name]),
    symbols: result.symbols.all().map((s) => ({ ...s, declaration: [s.declaration.start, s.declaration.end] })),
    references: result.symbols.references.map((r) => [r.start, r.end, r.symbol.name, r.uri]),
    scenario: result.scenario,
    forecasts: result.forecasts,
    migrations: result.migrationDeclarations.map((d) => [d.start, d.end]),
  });
}
