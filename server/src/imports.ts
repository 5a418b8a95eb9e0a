/**
 * Resolves `import "x.vmig"` in the language server: relative to the importing document, from the open
 * editor's text when the file is open (unsaved changes included), else from disk. Imports are confined to
 * the workspace folders (or, without a workspace, to the importing file's folder), so a scenario cannot
 * make the server read arbitrary files — which also keeps Restricted Mode safe.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ImportResolver } from "@vmig/grammar";
import type { TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

export class ImportRoots {
  private roots: string[] = [];

  /** Sets the workspace folders' URIs (from `initialize`). */
  set(uris: readonly string[]): void {
    this.roots = uris.map((u) => (u.endsWith("/") ? u : `${u}/`));
  }

  /** True when `target` lies inside a workspace folder, or beside `from` when there is no workspace. */
  allows(target: string, from: string): boolean {
    const roots = this.roots.length > 0 ? this.roots : [from.slice(0, from.lastIndexOf("/") + 1)];
    return roots.some((root) => target.startsWith(root));
  }
}

export function serverImportResolver(documents: TextDocuments<TextDocument>, roots: ImportRoots): ImportResolver {
  return (path, fromUri) => {
    if (!fromUri || !fromUri.startsWith("file:")) return undefined;
    const target = new URL(path, fromUri).href;
    if (!roots.allows(target, fromUri)) return undefined;
    const open = documents.get(target);
    if (open) return { uri: target, text: open.getText() };
    try {
      return { uri: target, text: readFileSync(fileURLToPath(target), "utf8") };
    } catch {
      return undefined;
    }
  };
}

/** A resolver over files already read (what the simulation worker gets from the main thread). */
export function mapImportResolver(files: ReadonlyMap<string, string>): ImportResolver {
  return (path, fromUri) => {
    if (!fromUri) return undefined;
    const target = new URL(path, fromUri).href;
    const text = files.get(target);
    return text === undefined ? undefined : { uri: target, text };
  };
}
