/**
 * `import "shared.vmig"`: loads the files a document imports, transitively, and reports what cannot be
 * imported (an unreadable file, a cycle) at the `import` that asks for it.
 *
 * The grammar does no I/O: the caller (the CLI, the language server) provides `resolveImport`, which
 * resolves a path relative to the importing file and returns its text. Imported files contribute their
 * declarations except `scenario`, `migrate` and `expect`: they share topologies, profiles, hosts, VMs,
 * traffic and policies, while the importing file says what runs.
 */
import { parse, type ParseResult } from "../syntax/parse.js";
import type { Declaration, ImportDecl } from "../syntax/ast.js";
import { LineIndex } from "../lineIndex.js";
import { DiagnosticBag } from "./diagnostics.js";
import type { SourcedDeclaration } from "./lower.js";

export interface ImportedFile {
  readonly uri: string;
  readonly text: string;
}

/** Resolves `path`, as written in an import of the file `fromUri` (undefined for an unsaved document). */
export type ImportResolver = (path: string, fromUri: string | undefined) => ImportedFile | undefined;

export interface LoadedImports {
  /** Declarations of every imported file, in dependency order (a file's imports before the file). */
  readonly declarations: SourcedDeclaration[];
  /** Every imported file's text, by URI (for positions in other files). */
  readonly files: Map<string, string>;
  /** One bag per imported file; their problems are summarised at the import in the checked file. */
  readonly bags: { readonly uri: string; readonly text: string; readonly bag: DiagnosticBag; readonly at: ImportDecl }[];
}

const shared: ReadonlySet<Declaration["kind"]> = new Set(["hypervisor", "topology", "host", "hosts", "vm", "traffic", "policy"]);

export function loadImports(parsed: ParseResult, uri: string | undefined, resolve: ImportResolver | undefined, diagnostics: DiagnosticBag): LoadedImports {
  const loaded: LoadedImports = { declarations: [], files: new Map(), bags: [] };
  const visit = (file: ParseResult, fileUri: string | undefined, chain: readonly string[], report: DiagnosticBag, topImport: ImportDecl | undefined) => {
    for (const decl of file.file.declarations) {
      if (decl.kind !== "import" || !decl.path) continue;
      const at = topImport ?? decl;
      if (!resolve) {
        report.error(decl.path, "unsupported", "imports cannot be resolved here (an unsaved or virtual document)");
        continue;
      }
      const target = resolve(decl.path.value, fileUri);
      if (!target) {
        report.error(decl.path, "unknown-name", `cannot import '${decl.path.value}': no such file${fileUri ? " next to this one" : ""}, or outside the workspace`);
        continue;
      }
      if (target.uri === uri || chain.includes(target.uri)) {
        const cycle = [...chain, target.uri].map((u) => u.slice(u.lastIndexOf("/") + 1));
        // A cycle is the importing file's problem, wherever it closes: report it at the import in this file.
        diagnostics.error(at.path ?? at, "wrong-value", `import cycle: ${[uri ? uri.slice(uri.lastIndexOf("/") + 1) : "this file", ...cycle].join(" → ")}`);
        continue;
      }
      if (loaded.files.has(target.uri)) continue;
      loaded.files.set(target.uri, target.text);
      const child = parse(target.text);
      const bag = new DiagnosticBag();
      for (const e of child.errors) bag.error(e, "syntax", e.message);
      loaded.bags.push({ uri: target.uri, text: target.text, bag, at });
      visit(child, target.uri, [...chain, target.uri], bag, at);
      for (const d of child.file.declarations) if (shared.has(d.kind)) loaded.declarations.push({ declaration: d, diagnostics: bag, uri: target.uri });
    }
  };
  visit(parsed, uri, [], diagnostics, undefined);
  return loaded;
}

/** Reports, at the import that brought it in, each imported file's first error. */
export function summariseImportedProblems(loaded: LoadedImports, diagnostics: DiagnosticBag): void {
  for (const { uri, text, bag, at } of loaded.bags) {
    const errors = bag.sorted().filter((d) => d.severity === "error");
    if (errors.length === 0) continue;
    const first = errors[0]!;
    const { line, character } = new LineIndex(text).position(first.start);
    const name = uri.slice(uri.lastIndexOf("/") + 1);
    diagnostics.error(at.path ?? at, "wrong-value", `'${name}' has ${errors.length} error${errors.length === 1 ? "" : "s"}; the first, at ${line + 1}:${character + 1}: ${first.message}`);
  }
}
