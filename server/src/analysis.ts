/**
 * The latest check of every open document, computed at most once per document version.
 */
import { check, type CheckResult, type ImportResolver } from "@vmig/grammar";
import type { TextDocument } from "vscode-languageserver-textdocument";

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; result: CheckResult }>();

  constructor(private readonly resolveImport: ImportResolver) {}

  /** The check of `document` at its current version. */
  get(document: TextDocument): CheckResult {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    const result = check(document.getText(), { uri: document.uri, resolveImport: this.resolveImport });
    this.entries.set(document.uri, { version: document.version, result });
    return result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** The documents whose last check imported `uri`, directly or not. */
  importersOf(uri: string): string[] {
    return [...this.entries].filter(([, entry]) => entry.result.importedFiles.has(uri)).map(([key]) => key);
  }
}
