// Spans taken by other mentions (dates, factions): a place name may not overlap any of them. Asked once per
// candidate name, so the answer is a cursor moving forward over the starts (names come in text order; a
// binary search otherwise) plus a running maximum of the ends.
import { Span } from '../types';

/** The blocked spans of one article, in reusable columns. */
export class BlockedSpans {
  private starts = new Float64Array(256);
  private furthest = new Float64Array(256);
  private count = 0;

  /** Takes the article's spans (any order). */
  set(spans: Span[]): void {
    // Sorted spans whose starts are not all numbers (NaN) may still be out of order: then always search.
    this.monotone = this.fill(spans) || this.fill([...spans].sort((a, b) => a.start - b.start), true);
    this.cursor = 0;
    this.lastEnd = -Infinity;
  }

  /**
   * set() for two lists (the dates and the factions): when each is in order they are merged as they are
   * copied, so the pipeline makes no merged list for this stage alone. Spans starting together may come in
   * either order: which of them counts up to a start is the same.
   */
  setBoth(a: Span[], b: Span[]): void {
    if (!inOrder(a) || !inOrder(b)) return this.set(a.concat(b));
    const n = a.length + b.length;
    if (n > this.starts.length) {
      this.starts = new Float64Array(n);
      this.furthest = new Float64Array(n);
    }
    let max = -Infinity;
    for (let k = 0, i = 0, j = 0; k < n; k++) {
      const span = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
      this.starts[k] = span.start;
      this.furthest[k] = max = Math.max(max, span.end);
    }
    this.count = n;
    this.monotone = true;
    this.cursor = 0;
    this.lastEnd = -Infinity;
  }

  /**
   * Copies the spans; true when their starts are numbers in order. Unless `sorted` (the spans were sorted
   * already and must be taken as they are), spans out of order are not copied and false is returned.
   */
  private fill(list: Span[], sorted = false): boolean {
    const n = list.length;
    if (n > this.starts.length) {
      this.starts = new Float64Array(n);
      this.furthest = new Float64Array(n);
    }
    // furthest[i] = the largest end among the first i + 1 spans: a long span may start much earlier than
    // a name and still reach into it, and looking back over every span per name was quadratic.
    let max = -Infinity;
    let prev = -Infinity;
    let ordered = true;
    for (let i = 0; i < n; i++) {
      const span = list[i];
      const start = span.start;
      if (!(prev <= start) && i > 0) {
        if (!sorted) return false;
        ordered = false;
      }
      prev = start;
      this.starts[i] = start;
      this.furthest[i] = max = Math.max(max, span.end);
    }
    this.count = n;
    return ordered && !(n > 0 && Number.isNaN(this.starts[0]));
  }

  // Names are asked about in text order: the count of spans starting before the last end asked about is
  // kept, and moved forward, instead of searched for again.
  private cursor = 0;
  private lastEnd = -Infinity;
  private monotone = true;

  /** True when [start, end) overlaps a blocked span. */
  overlaps(start: number, end: number): boolean {
    let lo: number;
    if (this.monotone && end >= this.lastEnd) {
      lo = this.cursor;
      while (lo < this.count && this.starts[lo] < end) lo++;
    } else {
      lo = 0;
      let hi = this.count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.starts[mid] < end) lo = mid + 1;
        else hi = mid;
      }
    }
    this.cursor = lo;
    this.lastEnd = end;
    return lo > 0 && this.furthest[lo - 1] > start;
  }
}

/** True when the starts are numbers in order (fill's test). */
function inOrder(list: Span[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i - 1].start <= list[i].start)) return false;
  return !(list.length > 0 && Number.isNaN(list[0].start));
}
