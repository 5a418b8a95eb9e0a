/**
 * Moving the part of a syntax tree that follows an edit: every offset in it shifted in place.
 *
 * AST nodes hold their offsets in `start` and `end` (ast.ts, `Span`); every other field is left alone, so
 * nodes added to the tree later move correctly as long as they keep their offsets in spans. Shifting in
 * place rather than copying is what makes a re-parse cheap (a copy of a 10,000-line tree costs more than
 * the rest of the re-parse), so the tree it moves belongs to the new parse from then on.
 */
import type { Span } from "../syntax/ast.js";

/** Moves every `start` and `end` of `node`'s tree (a declaration, a member) by `delta` characters. */
export function shiftOffsets(node: Span, delta: number): void {
  if (delta !== 0) shiftNode(node, delta);
}

function shiftNode(node: object, delta: number): void {
  if (Array.isArray(node)) {
    for (const item of node) if (typeof item === "object" && item !== null) shiftNode(item, delta);
    return;
  }
  const fields = node as Record<string, unknown>;
  for (const key in fields) {
    const field = fields[key];
    if (typeof field === "object" && field !== null) shiftNode(field, delta);
    else if ((key === "start" || key === "end") && typeof field === "number") fields[key] = field + delta;
  }
}
