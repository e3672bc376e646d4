// Keeps a span's ends in order: "fought from November to February" in a Sep 2017 story is
// Nov 2016 – Feb 2017, "will meet from Friday to Monday" on a Saturday is Fri 8 – Mon 11 Sep.
// Each end alone leans with the tense; when that puts the end before the start, one end moves.
import { parseIsoDay } from './calendar';
import { Expr } from './expr';
import { anchorOf, resolve, Resolved } from './resolve';
import { Tense } from './tense';

/** Ends without a written year or direction ("November", "Friday") may be re-anchored on the other end. */
function movable(e: Expr): boolean {
  return (e.k === 'cal' || e.k === 'weekday' || e.k === 'season' || e.k === 'quarter') && !e.y && e.dir === undefined;
}

/** Both ends of a "from X to Y" / "between X and Y" span, the later one never before the earlier. */
export function orderSpanEnds(fromExpr: Expr, toExpr: Expr, from: Resolved, to: Resolved, tense: Tense): [Resolved, Resolved] {
  if (!from.interval || !to.interval || from.interval.from <= to.interval.to) return [from, to];
  // A future sentence counts forward from the start; otherwise (the news default) back from the end.
  if (tense === 'future' && movable(toExpr)) {
    const moved = resolve(toExpr, anchorOf(parseIsoDay(from.interval.from)), 'future');
    if (moved.interval && moved.interval.to >= from.interval.from) return [from, { ...moved, explanation: reworded(moved, 'the start of the span') }];
  }
  if (tense !== 'future' && movable(fromExpr)) {
    const moved = resolve(fromExpr, anchorOf(parseIsoDay(to.interval.to)), 'past');
    if (moved.interval && moved.interval.from <= to.interval.to) return [{ ...moved, explanation: reworded(moved, 'the end of the span') }, to];
  }
  return [from, to];
}

/** The explanation names the other end, not the publication date, as what this end was counted from. */
function reworded(r: Resolved, other: string): string {
  return r.explanation.replace(/the publication date/g, other);
}
