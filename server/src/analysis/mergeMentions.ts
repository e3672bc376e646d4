// Merging the stages' mention lists into one list in text order (by start, then end; ties keep the order of
// the lists given, as a stable sort of their concatenation would). Each stage's list is in order already,
// so they are merged in one pass. Mentions are objects of many shapes (dates, factions, places, sources),
// which makes every read of their offsets a slow one: each mention's start and end are read once, kept in
// two columns beside the merged list, and the next merge into that list compares the columns instead of
// reading its mentions again (the pipeline extends the list twice per article after the first merge).
import { Span } from './types';

/** Merges ordered lists, keeping the offsets of the last list it made; one at a time (analyses run one at a time). */
export class MentionMerger {
  // The offsets of `keyed` (the last merged list), in its order, and a second pair the next merge writes.
  private starts = new Float64Array(256);
  private ends = new Float64Array(256);
  private nextStarts = new Float64Array(256);
  private nextEnds = new Float64Array(256);
  private keyed: Span[] | null = null;
  private keyedCount = 0;
  // The offsets of the list being merged in.
  private listStarts = new Float64Array(64);
  private listEnds = new Float64Array(64);

  /** mergeSpans(a, b) extended by c, in one pass into one new list when all three are in order. */
  three(a: Span[], b: Span[], c: Span[]): Span[] {
    const n = a.length + b.length + c.length;
    this.reserveNext(n);
    const outStarts = this.nextStarts;
    const outEnds = this.nextEnds;
    const out: Span[] = new Array(n);
    let i = 0;
    let j = 0;
    let k = 0;
    // Each list's head offsets (read when it becomes the head); each list's order is checked as it advances.
    let sa = a.length > 0 ? a[0].start : 0;
    let ea = a.length > 0 ? a[0].end : 0;
    let sb = b.length > 0 ? b[0].start : 0;
    let eb = b.length > 0 ? b[0].end : 0;
    let sc = c.length > 0 ? c[0].start : 0;
    let ec = c.length > 0 ? c[0].end : 0;
    for (let m = 0; m < n; m++) {
      // The first of the three heads; a later list's head goes first only when strictly before (ties keep list order).
      let from = i < a.length ? 0 : j < b.length ? 1 : 2;
      let hs = from === 0 ? sa : from === 1 ? sb : sc;
      let he = from === 0 ? ea : from === 1 ? eb : ec;
      if (from === 0 && j < b.length && before(sb, eb, hs, he)) {
        from = 1;
        hs = sb;
        he = eb;
      }
      if (from !== 2 && k < c.length && before(sc, ec, hs, he)) {
        from = 2;
        hs = sc;
        he = ec;
      }
      outStarts[m] = hs;
      outEnds[m] = he;
      if (from === 0) {
        out[m] = a[i++];
        if (i < a.length) {
          sa = a[i].start;
          ea = a[i].end;
          if (after(hs, he, sa, ea)) return this.unkeyed(extendSpans(mergeSpans(a, b), c));
        }
      } else if (from === 1) {
        out[m] = b[j++];
        if (j < b.length) {
          sb = b[j].start;
          eb = b[j].end;
          if (after(hs, he, sb, eb)) return this.unkeyed(extendSpans(mergeSpans(a, b), c));
        }
      } else {
        out[m] = c[k++];
        if (k < c.length) {
          sc = c[k].start;
          ec = c[k].end;
          if (after(hs, he, sc, ec)) return this.unkeyed(extendSpans(mergeSpans(a, b), c));
        }
      }
    }
    return this.keep(out, n);
  }

  /** `merged` (a list in order, e.g. made by this merger) with `list` merged in; `merged` itself when the list is empty. */
  extend(merged: Span[], list: Span[]): Span[] {
    const n = list.length;
    if (n === 0) return merged;
    if (n > this.listStarts.length) {
      this.listStarts = new Float64Array(n * 2);
      this.listEnds = new Float64Array(n * 2);
    }
    const ls = this.listStarts;
    const le = this.listEnds;
    for (let j = 0; j < n; j++) {
      ls[j] = list[j].start;
      le[j] = list[j].end;
      if (j > 0 && after(ls[j - 1], le[j - 1], ls[j], le[j])) return this.unkeyed(extendSpans(merged, list));
    }
    const m = merged.length;
    // The merged list's offsets: from the columns when this merger made it, else read once.
    if (merged !== this.keyed || m !== this.keyedCount) {
      this.keyed = null;
      this.reserveCurrent(m);
      for (let i = 0; i < m; i++) {
        this.starts[i] = merged[i].start;
        this.ends[i] = merged[i].end;
      }
    }
    const ms = this.starts;
    const me = this.ends;
    this.reserveNext(m + n);
    const outStarts = this.nextStarts;
    const outEnds = this.nextEnds;
    const out: Span[] = new Array(m + n);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < m && j < n) {
      if (before(ls[j], le[j], ms[i], me[i])) {
        outStarts[k] = ls[j];
        outEnds[k] = le[j];
        out[k++] = list[j++];
      } else {
        outStarts[k] = ms[i];
        outEnds[k] = me[i];
        out[k++] = merged[i++];
      }
    }
    for (; i < m; i++, k++) {
      outStarts[k] = ms[i];
      outEnds[k] = me[i];
      out[k] = merged[i];
    }
    for (; j < n; j++, k++) {
      outStarts[k] = ls[j];
      outEnds[k] = le[j];
      out[k] = list[j];
    }
    return this.keep(out, m + n);
  }

  /** Forgets the last list (its mentions hold the article's text), and columns a very long article needed. */
  release(): void {
    this.keyed = null;
    this.keyedCount = 0;
    if (this.starts.length > 1 << 16) {
      this.starts = new Float64Array(256);
      this.ends = new Float64Array(256);
      this.nextStarts = new Float64Array(256);
      this.nextEnds = new Float64Array(256);
    }
  }

  /** Takes the columns just written as those of `list`. */
  private keep(list: Span[], count: number): Span[] {
    const starts = this.starts;
    const ends = this.ends;
    this.starts = this.nextStarts;
    this.ends = this.nextEnds;
    this.nextStarts = starts;
    this.nextEnds = ends;
    this.keyed = list;
    this.keyedCount = count;
    return list;
  }

  private unkeyed(list: Span[]): Span[] {
    this.keyed = null;
    return list;
  }

  private reserveNext(n: number): void {
    if (n > this.nextStarts.length) {
      this.nextStarts = new Float64Array(n * 2);
      this.nextEnds = new Float64Array(n * 2);
    }
  }

  private reserveCurrent(n: number): void {
    if (n > this.starts.length) {
      this.starts = new Float64Array(n * 2);
      this.ends = new Float64Array(n * 2);
    }
  }
}

/** byStart(x, y) < 0 from the offsets: x goes strictly before y. */
function before(xs: number, xe: number, ys: number, ye: number): boolean {
  return (xs - ys || xe - ye) < 0;
}

/** byStart(x, y) > 0: x, listed before y, belongs after it (the list is out of order). */
function after(xs: number, xe: number, ys: number, ye: number): boolean {
  return (xs - ys || xe - ye) > 0;
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** The general merge, for lists not all in order: a stable sort where one is out of order. */
export function mergeSpans(a: Span[], b: Span[]): Span[] {
  if (!inOrder(a)) return [...a, ...b].sort(byStart);
  return extendSpans(mergeTwo([], a), b);
}

/** mergeSpans for a list that came out of a merge, so is in order already: only the new list is checked. */
export function extendSpans(merged: Span[], list: Span[]): Span[] {
  if (!inOrder(list)) return [...merged, ...list].sort(byStart);
  return mergeTwo(merged, list);
}

function inOrder(list: Span[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1], list[i]) > 0) return false;
  return true;
}

function mergeTwo(a: Span[], b: Span[]): Span[] {
  if (!a.length) return b.slice();
  if (!b.length) return a;
  const out: Span[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byStart(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
