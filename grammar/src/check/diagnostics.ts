/**
 * Diagnostics produced by the grammar layer: offsets, a severity, a message that gives the numbers, and a
 * stable code that tests, quick fixes and documentation refer to.
 */
import type { Span } from "../syntax/ast.js";

export type Severity = "error" | "warning" | "info";

export type DiagnosticCode =
  | "syntax"
  | "unknown-name"
  | "duplicate-name"
  | "wrong-kind"
  | "unknown-attribute"
  | "duplicate-attribute"
  | "missing-attribute"
  | "missing-unit"
  | "wrong-unit"
  | "wrong-value"
  | "out-of-range"
  | "missing-scenario"
  | "unsupported"
  | "cannot-converge"
  | "no-route"
  | "expect-violated"
  | "unused"
  | "no-block-migration"
  | "short-horizon"
  | "unreachable-after-migration"
  | "mode-mismatch"
  | "no-traffic"
  | "no-room";

/** A replacement of the text in [start, end). */
export interface TextEdit extends Span {
  readonly newText: string;
}

/** A quick fix the checker knows for a diagnostic, offered by the editor as a code action. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply when the user asks for "the" fix (for example on save or with a single click). */
  readonly preferred?: boolean;
}

export interface Diagnostic extends Span {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

/** Collects diagnostics while a document is checked. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  error(span: Span, code: DiagnosticCode, message: string, fixes?: readonly Fix[]): void {
    this.items.push({ start: span.start, end: span.end, severity: "error", code, message, ...(fixes && fixes.length > 0 ? { fixes } : {}) });
  }

  warning(span: Span, code: DiagnosticCode, message: string, fixes?: readonly Fix[]): void {
    this.items.push({ start: span.start, end: span.end, severity: "warning", code, message, ...(fixes && fixes.length > 0 ? { fixes } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  /** Diagnostics in source order (then by message, so that output is deterministic). */
  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.start - b.start || a.end - b.end || a.message.localeCompare(b.message));
  }
}
