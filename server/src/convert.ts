/**
 * Conversions from the grammar's offsets and diagnostics to LSP types. The only place where offsets
 * become lines and characters in the server.
 */
import type { Diagnostic as VmigDiagnostic, Span } from "@vmig/grammar";
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(Math.max(span.end, span.start)) };
}

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(document: TextDocument, diagnostic: VmigDiagnostic): Diagnostic {
  return {
    range: toRange(document, diagnostic),
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: "vmig",
    message: diagnostic.message,
  };
}
