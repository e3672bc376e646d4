// Span helpers shared by the factions and sources passes.
import { Sentence, Span } from '../types';
import { firstAtLeast } from './sortedStarts';

/** Mentions are short; a blocked span starting this far before cannot reach a later one. */
const MAX_MENTION = 400;

/**
 * Start offsets and running maximum of the ends of the spans, for the last two lists asked about (each pass of
 * an article tests against one list, built once per article and not changed after; a changed length is
 * recomputed). The buffers are kept and reused when large enough: a typed array allocated per list and pass
 * cost about 1.4% of the factions and sources stages in profiles. The starts are kept because the lists mix
 * mentions of several kinds (dates, places, factions: several hidden classes), so each `.start` read of the
 * search by halves was a slow megamorphic load (~3% of the factions and sources stages in profiles).
 */
let listA: Span[] | null = null;
let lengthA = 0;
let endsA: Float64Array = new Float64Array(64);
let startsA: Int32Array = new Int32Array(64);
let listB: Span[] | null = null;
let lengthB = 0;
let endsB: Float64Array = new Float64Array(64);
let startsB: Int32Array = new Int32Array(64);

/** Makes `sorted` the list of slot A (computing its arrays unless it is in a slot already). */
function describeList(sorted: Span[]): void {
  if (sorted === listA && lengthA === sorted.length) return;
  if (sorted === listB && lengthB === sorted.length) {
    // Swap the slots: the list asked about now is A.
    intoSlotA(sorted, endsB, startsB);
    return;
  }
  // The new list takes the older slot's buffers (B), and A moves to B.
  const size = Math.max(sorted.length, 2 * endsB.length);
  const ends = endsB.length >= sorted.length ? endsB : new Float64Array(size);
  const starts = startsB.length >= sorted.length ? startsB : new Int32Array(size);
  let max = -Infinity;
  for (let k = 0; k < sorted.length; k++) {
    const s = sorted[k];
    starts[k] = s.start;
    max = Math.max(max, s.end);
    ends[k] = max;
  }
  intoSlotA(sorted, ends, starts);
}

/** Slot A becomes `list` with these arrays; what was in A moves to B. */
function intoSlotA(list: Span[], ends: Float64Array, starts: Int32Array): void {
  listB = listA;
  lengthB = lengthA;
  endsB = endsA;
  startsB = startsA;
  listA = list;
  lengthA = list.length;
  endsA = ends;
  startsA = starts;
}

/** Index past the last span of `sorted` starting before `end`. */
export function countStartingBefore(sorted: Span[], end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does `s` overlap any span of `sorted` (sorted by start)? Binary search, then a short walk back. */
export function overlapsAny(s: Span, sorted: Span[]): boolean {
  describeList(sorted);
  const lo = firstAtLeast(startsA, 0, sorted.length, s.end);
  // Nothing before ends after s starts (the common answer): no walk needed.
  if (lo === 0 || endsA[lo - 1] <= s.start) return false;
  for (let k = lo - 1; k >= 0; k--) {
    const b = sorted[k];
    if (b.end > s.start && b.start < s.end) return true;
    if (b.start < s.start - MAX_MENTION) break;
  }
  return false;
}

/** Does a span of `sorted` cut across `s` or enclose it? Spans wholly inside `s` are fine. */
export function crossesAny(s: Span, sorted: Span[]): boolean {
  describeList(sorted);
  const lo = firstAtLeast(startsA, 0, sorted.length, s.end);
  if (lo === 0 || endsA[lo - 1] <= s.start) return false;
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
