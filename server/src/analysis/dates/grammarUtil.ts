// Small token predicates shared by the recognisers. Every helper looks at a bounded number of tokens.
import { Kind, Token, touching } from './tokens';
import { NUMBER_WORDS, VAGUE_AMOUNTS } from './lexicon';

/**
 * Token i, or undefined before the first: reading T[-1] is not an out-of-range read to V8 but a look-up
 * of a property named "-1" (about ten times slower, and the recognisers meet it at every window's start).
 */
export function tokenAt(T: Token[], i: number): Token | undefined {
  return i >= 0 ? T[i] : undefined;
}

/** Lower-case text of token i, or '' past the ends. */
export function w(T: Token[], i: number): string {
  return i >= 0 && i < T.length ? T[i].l : '';
}

export function isNumber(T: Token[], i: number): boolean {
  return i >= 0 && i < T.length && T[i].k === Kind.Number;
}

/** Skips an abbreviation's full stop written right after it ("Sept."). */
export function skipDot(T: Token[], i: number): number {
  return T[i] && T[i].l === '.' && touching(T[i - 1], T[i]) ? i + 1 : i;
}

/** A plain integer token (no separators), or null. */
export function intAt(T: Token[], i: number): number | null {
  const t = T[i];
  if (!t || t.k !== Kind.Number || t.big || t.t.length > 9) return null;
  return +t.t;
}

/** A day of the month at i ("18", "2nd", "21st"): value and the index after it. */
export function dayAt(T: Token[], i: number): { d: number; end: number } | null {
  const t = T[i];
  if (!t || t.k !== Kind.Number || t.big || t.t.length > 2) return null;
  const d = +t.t;
  if (d < 1 || d > 31) return null;
  let end = i + 1;
  const suf = T[end];
  if (suf && touching(t, suf) && (suf.l === 'st' || suf.l === 'nd' || suf.l === 'rd' || suf.l === 'th')) end++;
  else if (suf && suf.k === Kind.Word && touching(t, suf)) return null; // "18km"
  return { d, end };
}

/** A four-digit year at i (not "4,000", not glued to letters: "FY2007", "2017km"). */
export function yearAt(T: Token[], i: number, min = 1000, max = 2999): number | null {
  const t = T[i];
  if (!t || t.k !== Kind.Number || t.big || t.t.length !== 4) return null;
  const y = +t.t;
  if (y < min || y > max) return null;
  const before = tokenAt(T, i - 1);
  const after = T[i + 1];
  if (before && touching(before, t) && (before.k === Kind.Word || before.l === '$' || before.l === '#' || before.l === '£' || before.l === '€' || before.l === '.' || before.l === ':' || before.l === '/')) return null;
  if (after && touching(t, after) && (after.k === Kind.Word || after.l === '%' || after.l === ':')) return null;
  return y;
}

/** An amount before a unit: "3", "three", "a", "twenty-five", "two and a half", "several" (null = unknown). */
export function amountAt(T: Token[], i: number): { n: number | null; end: number } | null {
  const t = T[i];
  if (!t) return null;
  if (t.k === Kind.Number) {
    if (t.t.length > 6) return null;
    const n = t.big ? +t.t.replace(/,/g, '') : +t.t; // only "4,000" and "2.5" have separators
    if (!Number.isFinite(n)) return null;
    return withHalf(T, i + 1, n);
  }
  if (t.k !== Kind.Word) return null;
  if (VAGUE_AMOUNTS.has(t.l)) return { n: null, end: i + 1 };
  if (t.l === 'a' && w(T, i + 1) === 'few') return { n: null, end: i + 2 };
  if ((t.l === 'a' || t.l === 'the') && w(T, i + 1) === 'couple' && w(T, i + 2) === 'of') return { n: 2, end: i + 3 };
  const n = NUMBER_WORDS.get(t.l);
  if (n === undefined) return null;
  // "twenty-five"
  if (n >= 20 && n < 100 && T[i + 1]?.l === '-' && touching(t, T[i + 1]) && touching(T[i + 1], T[i + 2])) {
    const unit = NUMBER_WORDS.get(w(T, i + 2));
    if (unit !== undefined && unit < 10 && w(T, i + 2) !== 'a' && w(T, i + 2) !== 'an') return withHalf(T, i + 3, n + unit);
  }
  // "twenty four hours" (broadcast transcripts write tens and units apart)
  if (n >= 20 && n < 100 && n % 10 === 0) {
    const unit = NUMBER_WORDS.get(w(T, i + 1));
    if (unit !== undefined && unit > 0 && unit < 10 && w(T, i + 1) !== 'a' && w(T, i + 1) !== 'an') return withHalf(T, i + 2, n + unit);
  }
  return withHalf(T, i + 1, n);
}

/** A year spoken in words: "nineteen ninety-seven", "nineteen eighty", "two thousand one". */
export function spokenYearAt(T: Token[], i: number): { y: number; end: number } | null {
  const a = w(T, i);
  if (a === 'nineteen' || a === 'twenty') {
    const century = a === 'nineteen' ? 1900 : 2000;
    const tens = NUMBER_WORDS.get(w(T, i + 1));
    if (tens === undefined || tens < 10 || tens > 90 || (tens >= 20 && tens % 10 !== 0 && tens > 19)) return null;
    if (tens >= 20 && T[i + 2]?.l === '-' && touching(T[i + 1], T[i + 2])) {
      const unit = NUMBER_WORDS.get(w(T, i + 3));
      if (unit !== undefined && unit > 0 && unit < 10 && w(T, i + 3) !== 'a') return { y: century + tens + unit, end: i + 4 };
    }
    return { y: century + tens, end: i + 2 };
  }
  if (a === 'two' && w(T, i + 1) === 'thousand') {
    let j = i + 2;
    if (w(T, j) === 'and') j++;
    const unit = NUMBER_WORDS.get(w(T, j));
    if (unit !== undefined && unit > 0 && unit < 20 && w(T, j) !== 'a' && w(T, j) !== 'an') return { y: 2000 + unit, end: j + 1 };
    return { y: 2000, end: i + 2 };
  }
  return null;
}

function withHalf(T: Token[], i: number, n: number): { n: number; end: number } {
  if (w(T, i) === 'and' && w(T, i + 1) === 'a' && w(T, i + 2) === 'half') return { n: n + 0.5, end: i + 3 };
  return { n, end: i };
}

/** "a year and a half": the half after the unit. */
export function trailingHalf(T: Token[], i: number): number {
  return w(T, i) === 'and' && w(T, i + 1) === 'a' && w(T, i + 2) === 'half' ? 3 : 0;
}

/** True when token i starts a sentence or follows an opening quote/bracket/colon. */
export function atClauseStart(T: Token[], i: number): boolean {
  const p = tokenAt(T, i - 1);
  return !p || p.l === '"' || p.l === '“' || p.l === '(' || p.l === ':' || p.l === '-' || p.l === '—' || p.l === '.';
}
