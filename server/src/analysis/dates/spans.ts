// Joins recognised expressions into spans: "between X and Y", "from March to May", "2009-2011",
// "Aug. 18-20", "since 2015", "until October".
import { Kind, Token } from './tokens';
import { Expr, Match, SpanMatch, exprFrom } from './expr';
import { w } from './grammarUtil';
import { WordSet } from './wordShapes';
import { put } from './scratch';

/** A single expression or a span; no wrapper object around either (one fewer allocation per date). */
export type Item = Match | SpanMatch;

export function isSpan(item: Item): item is SpanMatch {
  return (item as SpanMatch).kind !== undefined;
}

/** Words that may follow "April 24 and 25" without making 25 a count ("25 people"). */
const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'in', 'at', 'to']);

const RANGE_TO = new WordSet(['to', 'until', 'till', 'through', 'thru', '-', '–', '—']);

/**
 * Groups matches[0, count) into single expressions and spans, in text order, written into out[0, n)
 * (n returned; entries past n are stale: the tagger reuses one array for every window, see grammar.ts
 * findExpressionsInto).
 */
export function groupSpans(T: Token[], matches: Match[], count: number, out: Item[]): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const a = matches[i];
    const b = i + 1 < count ? matches[i + 1] : undefined;
    if (!pointLike(a.expr)) {
      n = put(out, n, a);
      continue;
    }
    const before = w(T, a.start - 1);
    const joiner = w(T, a.end);
    if (b && b.start === a.end + 1 && pointLike(b.expr)) {
      if (before === 'between' && joiner === 'and') {
        n = put(out, n, { start: a.start - 1, end: b.end, kind: 'between', from: a, to: b });
        i++;
        continue;
      }
      const dash = joiner === '-' || joiner === '–' || joiner === '—';
      if ((before === 'from' && RANGE_TO.has(joiner)) || (dash && sameShape(a.expr, b.expr))) {
        n = put(out, n, { start: before === 'from' ? a.start - 1 : a.start, end: b.end, kind: 'between', from: a, to: b });
        i++;
        continue;
      }
    }
    // "Aug. 18-20": the second day borrows the month and year.
    if ((joiner === '-' || joiner === '–') && a.expr.k === 'cal' && a.expr.d && T[a.end + 1]?.k === Kind.Number && (!b || b.start > a.end + 1)) {
      const d2 = +T[a.end + 1].t;
      if (T[a.end + 1].t.length <= 2 && d2 > a.expr.d && d2 <= 31 && a.end === (a.expr.y ? a.end : a.end)) {
        const second: Match = { start: a.end + 1, end: a.end + 2, expr: exprFrom(a.expr, { d: d2 }) };
        if (!a.expr.y) {
          n = put(out, n, { start: before === 'from' || before === 'between' ? a.start - 1 : a.start, end: a.end + 2, kind: 'between', from: a, to: second });
          continue;
        }
      }
    }
    // "April 24 and 25": the second day borrows the month and year.
    if (joiner === 'and' && a.expr.k === 'cal' && a.expr.d && T[a.end + 1]?.k === Kind.Number && (!b || b.start > a.end + 1) && T[a.end + 1].t.length <= 2) {
      const d2 = +T[a.end + 1].t;
      if (d2 > a.expr.d && d2 <= 31 && !(T[a.end + 2] && T[a.end + 2].k === Kind.Word && !LIST_WORDS.has(T[a.end + 2].l) && !T[a.end + 2].cap)) {
        n = put(out, n, a);
        n = put(out, n, { start: a.end + 1, end: a.end + 2, expr: exprFrom(a.expr, { d: d2 }) });
        continue;
      }
    }
    if (before === 'since' || (before === 'ever' && w(T, a.start - 2) === 'since')) {
      n = put(out, n, { start: a.start - 1, end: a.end, kind: 'since', from: a, to: null });
      continue;
    }
    if (before === 'until' || before === 'till') {
      n = put(out, n, { start: a.start - 1, end: a.end, kind: 'until', from: null, to: a });
      continue;
    }
    n = put(out, n, a);
  }
  return n;
}

/** Expressions that can be the end of a span. */
function pointLike(e: Expr): boolean {
  return e.k === 'cal' || e.k === 'weekday' || e.k === 'rel' || e.k === 'decade' || e.k === 'quarter' || e.k === 'season' || e.k === 'half' || e.k === 'ago' || (e.k === 'ref' && e.ref === 'PRESENT_REF') || e.k === 'time';
}

/** "2009-2011", "March-May": both ends written the same way. */
function sameShape(a: Expr, b: Expr): boolean {
  return a.k === 'cal' && b.k === 'cal' && !!a.y === !!b.y && !!a.m === !!b.m && !!a.d === !!b.d;
}
