// Span helpers shared by the factions and sources passes.
import { Sentence, Span } from '../types';

/** Mentions are short; a blocked span starting this far before cannot reach a later one. */
const MAX_MENTION = 400;

/** Does `s` overlap any span of `sorted` (sorted by start)? Binary search, then a short walk back. */
export function overlapsAny(s: Span, sorted: Span[]): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < s.end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const b = sorted[k];
    if (b.end > s.start && b.start < s.end) return true;
    if (b.start < s.start - MAX_MENTION) break;
  }
  return false;
}

/** Does a span of `sorted` cut across `s` or enclose it? Spans wholly inside `s` are fine. */
export function crossesAny(s: Span, sorted: Span[]): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < s.end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const b = sorted[k];
    if (b.start < s.start - MAX_MENTION) break;
    if (b.end <= s.start) continue;
    const inside = b.start >= s.start && b.end <= s.end && !(b.start === s.start && b.end === s.end);
    if (!inside) return true;
  }
  return false;
}

/** Index of the sentence containing `offset`, or -1. */
export function sentenceOf(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
