/**
 * Converts between offsets and zero-based (line, character) positions, with characters counted in UTF-16
 * code units as both JavaScript strings and LSP count them. Used by the CLI and the server, which speak
 * lines; the rest of the grammar speaks offsets.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The zero-based line and character of `offset` (clamped to the text). */
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  /** The offset of a zero-based line and character (clamped to the text). */
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line]!;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }
}

export function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  return new LineIndex(text).position(offset);
}

export function positionToOffset(text: string, line: number, character: number): number {
  return new LineIndex(text).offset(line, character);
}
