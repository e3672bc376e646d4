// Spans taken by other mentions (dates, factions): a place name may not overlap any of them. Asked once per
// candidate name, so the answer is a binary search over the starts plus a running maximum of the ends.
import { Span } from '../types';

/** The blocked spans of one article, in reusable columns. */
export class BlockedSpans {
  private starts = new Float64Array(256);
  private furthest = new Float64Array(256);
  private count = 0;

  /** Takes the article's spans (any order). */
  set(spans: Span[]): void {
    let list = spans;
    for (let i = 1; i < spans.length; i++) {
      if (!(spans[i - 1].start <= spans[i].start)) {
        list = [...spans].sort((a, b) => a.start - b.start);
        break;
      }
    }
    const n = list.length;
    if (n > this.starts.length) {
      this.starts = new Float64Array(n);
      this.furthest = new Float64Array(n);
    }
    // furthest[i] = the largest end among the first i + 1 spans: a long span may start much earlier than
    // a name and still reach into it, and looking back over every span per name was quadratic.
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      this.starts[i] = list[i].start;
      this.furthest[i] = max = Math.max(max, list[i].end);
    }
    this.count = n;
  }

  /** True when [start, end) overlaps a blocked span. */
  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.furthest[lo - 1] > start;
  }
}
