// Offset <-> LSP position conversion for any article text, open or not. The one place positions are computed.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Line start offsets of a text, for O(log n) offset -> position. */
export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(text: string) {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        starts.push(i + 2);
        i++;
      } else if (c === 10 || c === 13) starts.push(i + 1);
    }
    this.starts = Uint32Array.from(starts);
    this.length = text.length;
  }

  readonly length: number;

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const lineEnd = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.length;
    return Math.max(this.starts[position.line], Math.min(this.starts[position.line] + position.character, lineEnd));
  }

  rangeOf(span: { start: number; end: number }): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
