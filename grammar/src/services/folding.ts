/**
 * Folding ranges: every `{ … }` block that spans lines, every block comment that spans lines, and every run
 * of two or more consecutive lines that hold only a `//` comment (or only a `///` doc comment).
 *
 * It works on the tokens, not the tree, so braces fold even where the parser gave up. Lines are zero-based;
 * a block's range ends on the line before its `}` when the `}` starts its line, so the brace stays visible.
 */
import type { IToken } from "chevrotain";
import * as T from "../syntax/tokens.js";
import { LineIndex } from "../lineIndex.js";
import { MAX_CHECKED_BYTES } from "../check/check.js";

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: "region" | "comment";
}

export function foldingRanges(text: string): FoldingRange[] {
  if (text.length > MAX_CHECKED_BYTES) return [];
  const lexed = T.vmigLexer.tokenize(text);
  const index = new LineIndex(text);
  const lineOf = (offset: number): number => index.position(offset).line;
  const ranges: FoldingRange[] = [];

  const open: IToken[] = [];
  for (const token of lexed.tokens) {
    if (token.tokenType === T.LCurly) open.push(token);
    else if (token.tokenType === T.RCurly) {
      const start = open.pop();
      if (!start) continue;
      const startLine = lineOf(start.startOffset);
      const closeLine = lineOf(token.startOffset);
      const startsLine = /^[ \t]*$/.test(text.slice(index.offset(closeLine, 0), token.startOffset));
      const endLine = startsLine ? closeLine - 1 : closeLine;
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: "region" });
    }
  }

  let run: { type: IToken["tokenType"]; startLine: number; endLine: number } | undefined;
  const closeRun = (): void => {
    if (run && run.endLine > run.startLine) ranges.push({ startLine: run.startLine, endLine: run.endLine, kind: "comment" });
    run = undefined;
  };
  for (const comment of lexed.groups.comments ?? []) {
    const startLine = lineOf(comment.startOffset);
    if (comment.tokenType === T.BlockComment) {
      closeRun();
      const endLine = lineOf(comment.startOffset + comment.image.length);
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: "comment" });
      continue;
    }
    const alone = /^[ \t]*$/.test(text.slice(index.offset(startLine, 0), comment.startOffset));
    if (!alone) {
      closeRun();
      continue;
    }
    if (run && run.type === comment.tokenType && run.endLine === startLine - 1) run.endLine = startLine;
    else {
      closeRun();
      run = { type: comment.tokenType, startLine, endLine: startLine };
    }
  }
  closeRun();
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
