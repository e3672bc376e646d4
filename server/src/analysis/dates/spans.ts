// Joins recognised expressions into spans: "between X and Y", "from March to May", "2009-2011",
// "Aug. 18-20", "since 2015", "until October".
import { Kind, Token } from './tokens';
import { Expr, Match, SpanMatch, exprFrom } from './expr';
import { w } from './grammarUtil';
import { WordSet } from './wordShapes';

/** A single expression or a span; no wrapper object around either (one fewer allocation per date). */
export type Item = Match | SpanMatch;

export function isSpan(item: Item): item is SpanMatch {
  return (item as SpanMatch).kind !== undefined;
}

const RANGE_TO = new WordSet(['to', 'until', 'till', 'through', 'thru', '-', '–', '—']);

/** Groups matches into single expressions and spans, in text order. */
export function groupSpans(T: Token[], matches: Match[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < matches.length; i++) {
    const a = matches[i];
    const b = matches[i + 1];
    if (!pointLike(a.expr)) {
      out.push(a);
      continue;
    }
    const before = w(T, a.start - 1);
    const joiner = w(T, a.end);
    if (b && b.start === a.end + 1 && pointLike(b.expr)) {
      if (before === 'between' && joiner === 'and') {
        out.push({ start: a.start - 1, end: b.end, kind: 'between', from: a, to: b });
        i++;
        continue;
      }
      const dash = joiner === '-' || joiner === '–' || joiner === '—';
      if ((before === 'from' && RANGE_TO.has(joiner)) || (dash && sameShape(a.expr, b.expr))) {
        out.push({ start: before === 'from' ? a.start - 1 : a.start, end: b.end, kind: 'between', from: a, to: b });
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
          out.push({ start: before === 'from' || before === 'between' ? a.start - 1 : a.start, end: a.end + 2, kind: 'between', from: a, to: second });
          continue;
        }
      }
    }
    // "April 24 and 25": the second day borrows the month and year.
    if (joiner === 'and' && a.expr.k === 'cal' && a.expr.d && T[a.end + 1]?.k === Kind.Number && (!b || b.start > a.end + 1) && T[a.end + 1].t.length <= 2) {
      const d2 = +T[a.end + 1].t;
      if (d2 > a.expr.d && d2 <= 31 && !(T[a.end + 2] && T[a.end + 2].k === Kind.Word && !['and', 'or', 'in', 'at', 'to'].includes(T[a.end + 2].l) && !T[a.end + 2].cap)) {
        out.push(a, { start: a.end + 1, end: a.end + 2, expr: exprFrom(a.expr, { d: d2 }) });
        continue;
      }
    }
    if (before === 'since' || (before === 'ever' && w(T, a.start - 2) === 'since')) {
      out.push({ start: a.start - 1, end: a.end, kind: 'since', from: a, to: null });
      continue;
    }
    if (before === 'until' || before === 'till') {
      out.push({ start: a.start - 1, end: a.end, kind: 'until', from: null, to: a });
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Expressions that can be the end of a span. */
function pointLike(e: Expr): boolean {
  return e.k === 'cal' || e.k === 'weekday' || e.k === 'rel' || e.k === 'decade' || e.k === 'quarter' || e.k === 'season' || e.k === 'half' || e.k === 'ago' || (e.k === 'ref' && e.ref === 'PRESENT_REF') || e.k === 'time';
}

/** "2009-2011", "March-May": both ends written the same way. */
function sameShape(a: Expr, b: Expr): boolean {
  return a.k === 'cal' && b.k === 'cal' && !!a.y === !!b.y && !!a.m === !!b.m && !!a.d === !!b.d;
}
