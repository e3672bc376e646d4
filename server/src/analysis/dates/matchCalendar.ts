// Recognisers for calendar dates written out: "Oct. 21, 2017", "21 October 2017", "2017-09-02",
// "Aug. 18", "in 2015", "the 1990s", "the first quarter of 2009", "summer 2016".
import { Kind, Token, touching } from './tokens';
import { Match, expr, exprFrom, calExpr } from './expr';
import { AMBIGUOUS_MONTHS, COUNT_NOUNS, MONTHS, NOT_YEAR_BEFORE, ORDINALS, SEASONS } from './lexicon';
import { dayAt, intAt, isNumber, skipDot, spokenYearAt, tokenAt, w, yearAt } from './grammarUtil';
import { isValidDay } from './calendar';
import { WordSet } from './wordShapes';

/** Words before a bare month or year that make it a date: "in May", "since 2015". */
const DATE_CONTEXT = new WordSet([
  'in', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'from', 'through', 'during',
  'before', 'after', 'between', 'and', 'to', 'or', 'end', 'beginning', 'start', 'middle', 'on', 'throughout', 'past', 'coming', 'that',
  'following', 'previous', 'circa', 'around', 'year', 'as', 'for', 'at', 'against', 'into',
]);

const PREPOSITIONS_FOR_COUNTS = new WordSet(['in', 'since', 'by', 'until', 'till', 'from', 'to', 'before', 'after', 'during', 'of', 'between', 'and', 'through', 'throughout']);

/** Month word at i (capitalised), returning the month and the index after an optional dot. */
function monthAt(T: Token[], i: number): { m: number; end: number; ambiguous: boolean; dotted: boolean } | null {
  const t = T[i];
  if (!t || t.k !== Kind.Word || !t.cap) return null;
  const m = MONTHS.get(t.l);
  if (m === undefined) return null;
  const abbreviated = t.l.length <= 4 && t.l !== 'june' && t.l !== 'july' && t.l !== 'may';
  const end = abbreviated ? skipDot(T, i + 1) : i + 1;
  // "MARCH" in an all-caps headline counts like "March"; "Jan" without a dot may be a name.
  return { m, end, ambiguous: AMBIGUOUS_MONTHS.has(t.l) || (abbreviated && end === i + 1), dotted: end > i + 1 };
}

/** Optional ", 2017" / " 2017" after a day or month. */
function trailingYear(T: Token[], i: number): { y: number; end: number } | null {
  let j = i;
  if (T[j]?.l === ',') j++;
  const y = yearAt(T, j);
  if (y === null) return null;
  // "Aug. 18, 2017" yes; "on Aug. 18, 2000 people fled" no.
  if (COUNT_NOUNS.has(w(T, j + 1))) return null;
  return { y, end: j + 1 };
}

/** Words after "May 2,000" that make the number a count, not a year (a constant: not an array made per call). */
const NOT_AFTER_MONTH_YEAR: readonly string[] = ['percent', 'million', 'billion', 'per'];

/** "Oct. 21, 2017", "Sept. 2", "May 2008", "October". */
export function matchMonthFirst(T: Token[], i: number): Match | null {
  const mo = monthAt(T, i);
  if (!mo) return null;
  let j = mo.end;
  const day = dayAt(T, j);
  const timeAfter = day !== null && (T[day.end]?.l === ':' || T[day.end]?.l === '.') && isNumber(T, day.end + 1) && touching(T[day.end], T[day.end + 1]);
  if (day && !timeAfter) {
    const yr = trailingYear(T, day.end);
    const y = yr?.y ?? null;
    if (y !== null && !isValidDay(y, mo.m, day.d)) return null;
    if (y === null && !isValidDay(2000, mo.m, day.d)) return null;
    return { start: i, end: yr ? yr.end : day.end, expr: calExpr(y, mo.m, day.d) };
  }
  if ((w(T, j) === 'last' || w(T, j) === 'this' || w(T, j) === 'next') && w(T, j + 1) === 'year') {
    // "July last year"
    const rel = relativeYear(T, j);
    if (rel) return { start: i, end: rel.end, expr: expr({ k: 'cal', y: null, m: mo.m, d: null, yearRel: rel.rel, yearAt: j }) };
  }
  if (w(T, j) === 'of') {
    // "October of next year"
    const rel = relativeYear(T, j + 1);
    if (rel && w(T, j + 1) !== 'the') return { start: i, end: rel.end, expr: expr({ k: 'cal', y: null, m: mo.m, d: null, yearRel: rel.rel, yearAt: j + 1 }) };
  }
  if (w(T, j) === 'of' || w(T, j) === ',') j++;
  const spoken = spokenYearAt(T, j);
  if (spoken) return { start: i, end: spoken.end, expr: calExpr(spoken.y, mo.m, null) };
  const y = yearAt(T, j);
  // "May 2016 more than 300 people…" is still May 2016; only "May 2,000 people" style counts are refused (big numbers).
  if (y !== null && !NOT_AFTER_MONTH_YEAR.includes(w(T, j + 1))) return { start: i, end: j + 1, expr: calExpr(y, mo.m, null) };
  if (!bareMonthIsDate(T, i, mo.ambiguous, mo.dotted)) return null;
  return { start: i, end: mo.end, expr: calExpr(null, mo.m, null) };
}

/** "May" the modal, "March" the verb, "Jan" the name: a bare month needs a word like "in" or "last" before it. */
function bareMonthIsDate(T: Token[], i: number, ambiguous: boolean, dotted: boolean): boolean {
  const prev = w(T, i - 1);
  const context = DATE_CONTEXT.has(prev) || (prev === '-' && (w(T, i - 2) === 'mid' || w(T, i - 2) === 'late' || w(T, i - 2) === 'early'));
  if (ambiguous || dotted) {
    if (!context) return T[i].cap && monthRangeAfter(T, i);
    // "in May" yes; "as May said" no: "May" followed by a verb-like word after "as"/"that" is a name.
    if ((prev === 'as' || prev === 'that' || prev === 'and' || prev === 'to' || prev === 'or' || prev === 'for' || prev === 'at' || prev === 'against' || prev === 'on' || prev === 'into') && T[i].l === 'may') {
      // "from March to May", "April and May": another month just before makes it a month.
      const before = tokenAt(T, i - 2);
      return !!before && ((before.k === Kind.Word && before.cap && MONTHS.has(before.l)) || (before.k === Kind.Number && before.t.length === 4));
    }
    return true;
  }
  // A capitalised full month name mid-sentence is a month; at the very start it still is ("October saw …").
  const previous = tokenAt(T, i - 1);
  if (previous?.k === Kind.Word && previous.cap && !context && previous.l !== 'i') {
    // "Black September", "Operation October": a capitalised word before it makes it a name.
    return false;
  }
  return true;
}

/** "covers March to May", "March and April": another capitalised month right after makes it a month. */
function monthRangeAfter(T: Token[], i: number): boolean {
  const joiner = w(T, i + 1);
  if (joiner !== 'to' && joiner !== 'through' && joiner !== 'and' && joiner !== '-' && joiner !== '–') return false;
  const next = T[i + 2];
  if (!next || next.k !== Kind.Word || !next.cap || next.l.length < 3 || !MONTHS.has(next.l)) return false;
  // "Thousands March to May Square": a capitalised word after the second month makes it a name.
  const after = T[i + 3];
  return !(after && after.k === Kind.Word && after.cap);
}

/** "21 October 2017", "11 December", "the 5th of May". */
export function matchDayFirst(T: Token[], i: number): Match | null {
  const day = dayAt(T, i);
  if (!day) return null;
  let j = day.end;
  if (w(T, j) === 'of') j++;
  const mo = monthAt(T, j);
  if (!mo) return null;
  const yr = trailingYear(T, mo.end);
  const y = yr?.y ?? null;
  if (!isValidDay(y ?? 2000, mo.m, day.d)) return null;
  return { start: i, end: yr ? yr.end : mo.end, expr: calExpr(y, mo.m, day.d) };
}

/** "2017-09-02", "2017/09/02", "2017-09", "7/8/07" (US order, as Wikinews and the wires write). */
export function matchNumericDate(T: Token[], i: number): Match | null {
  const a = T[i];
  if (!a || a.k !== Kind.Number || a.big) return null;
  const sep = T[i + 1];
  if (!sep || (sep.l !== '-' && sep.l !== '/' && sep.l !== '.') || !touching(a, sep) || !touching(sep, T[i + 2])) return null;
  const b = intAt(T, i + 2);
  if (b === null || T[i + 2].t.length > 2) return null;
  const sep2 = T[i + 3];
  const hasThird = !!sep2 && sep2.l === sep.l && touching(T[i + 2], sep2) && touching(sep2, T[i + 4]) && intAt(T, i + 4) !== null;
  if (a.t.length === 4) {
    const y = +a.t;
    if (y < 1000 || sep.l === '.') return null;
    if (hasThird && T[i + 4].t.length <= 2) {
      const d = intAt(T, i + 4)!;
      if (!isValidDay(y, b, d) || glued(T, i + 4)) return null;
      return { start: i, end: i + 5, expr: calExpr(y, b, d) };
    }
    if (!hasThird && sep.l === '-' && b >= 1 && b <= 12 && T[i + 2].t.length === 2 && !glued(T, i + 2) && T[i + 3]?.l !== '-') {
      return { start: i, end: i + 3, expr: calExpr(y, b, null) };
    }
    return null;
  }
  if (!hasThird || sep.l === '-' || a.t.length > 2) return null;
  const c = T[i + 4];
  if (c.t.length !== 2 && c.t.length !== 4) return null;
  if (glued(T, i + 4)) return null;
  let y = +c.t;
  if (c.t.length === 2) y += y < 50 ? 2000 : 1900;
  const first = +a.t;
  // Day-first when the first number cannot be a month ("21/10/2017"), else month-first.
  const [m, d] = first > 12 ? [b, first] : [first, b];
  if (!isValidDay(y, m, d)) return null;
  return { start: i, end: i + 5, expr: calExpr(y, m, d) };
}

/** The number at i runs on into more digits or separators ("1-2-3-4"): not a date. */
function glued(T: Token[], i: number): boolean {
  const n = T[i + 1];
  return !!n && touching(T[i], n) && (n.k !== Kind.Punct || ((n.l === '-' || n.l === '/' || n.l === '.') && isNumber(T, i + 2) && touching(n, T[i + 2])));
}

/** "2015", "in 1848", "'82", never "4,000", "2000 fighters" or "No. 2015". */
export function matchYear(T: Token[], i: number): Match | null {
  const t = T[i];
  if (!t) return null;
  if (t.l === "'" || t.l === '’') {
    const n = T[i + 1];
    if (!n || n.k !== Kind.Number || n.t.length !== 2 || !touching(t, n) || n.big || T[i + 2]?.l === 's' || T[i + 2]?.k === Kind.Word && touching(n, T[i + 2])) return null;
    const prev = w(T, i - 1);
    if (!DATE_CONTEXT.has(prev) && prev !== 'of' && !MONTHS.has(prev)) return null;
    const yy = +n.t;
    return { start: i, end: i + 2, expr: expr({ k: 'cal', y: yy < 50 ? 2000 + yy : 1900 + yy, m: null, d: null }) };
  }
  const prev = w(T, i - 1);
  const contextual = PREPOSITIONS_FOR_COUNTS.has(prev) || DATE_CONTEXT.has(prev) || prev === 'fiscal';
  const y = yearAt(T, i, contextual ? 1000 : 1900, contextual ? 2099 : 2049);
  if (y === null) return null;
  if (NOT_YEAR_BEFORE.has(prev)) return null;
  const before = tokenAt(T, i - 1);
  if (before && before.k === Kind.Word && before.cap && !contextual && !MONTHS.has(prev) && i - 1 > 0 && T[i + 1]?.cap && T[i + 1].k === Kind.Word) return null;
  const next = T[i + 1];
  // "2,015" is big already; "2015-2016" stays two years for the span pass; "2015.5" is a decimal.
  if (next && touching(t, next) && next.l === '.' && isNumber(T, i + 2) && touching(next, T[i + 2])) return null;
  if (!PREPOSITIONS_FOR_COUNTS.has(prev) && COUNT_NOUNS.has(w(T, i + 1))) return null;
  if (COUNT_NOUNS.has(w(T, i + 1)) && (w(T, i + 1) === 'percent' || w(T, i + 1) === 'million' || w(T, i + 1) === 'billion' || w(T, i + 1) === 'per')) return null;
  if (prev === 'the' && COUNT_NOUNS.has(w(T, i + 1))) return null;
  // "2000 Sunni residents", "1500 Syrian refugees": a count before an adjective and a noun.
  if (!contextual && COUNT_NOUNS.has(w(T, i + 2)) && T[i + 1]?.k === Kind.Word) return null;
  return { start: i, end: i + 1, expr: calExpr(y, null, null) };
}

/** "the 1990s", "the '90s", "70s" (not "in their 70s"), "the 20th century". */
export function matchDecade(T: Token[], i: number): Match | null {
  let j = i;
  if (T[j]?.l === "'" || T[j]?.l === '’') j++;
  const n = T[j];
  if (!n || n.k !== Kind.Number || n.big) return null;
  const s = T[j + 1];
  let end = j + 2;
  if (s && (s.l === "'" || s.l === '’') && touching(n, s) && T[j + 2]?.l === 's' && touching(s, T[j + 2])) end = j + 3;
  else if (!(s && s.l === 's' && touching(n, s))) {
    return matchCentury(T, i);
  }
  if (T[end] && T[end].k === Kind.Word && touching(T[end - 1], T[end])) return null;
  const prev = w(T, i - 1);
  if (n.t.length === 4 && n.t.endsWith('0')) {
    const y = +n.t;
    if (y < 1000 || y > 2090) return null;
    return { start: i, end, expr: expr({ k: 'decade', decade: Math.floor(y / 10) }) };
  }
  if (n.t.length === 2 && n.t.endsWith('0')) {
    // Ages: "in their 70s", "a man in his 40s".
    if (['their', 'his', 'her', 'my', 'our', 'your', 'its'].includes(prev) || ['their', 'his', 'her'].includes(w(T, i - 2))) return null;
    const yy = +n.t;
    return { start: i, end, expr: expr({ k: 'decade', decade: yy <= 20 ? 200 + yy / 10 : 190 + yy / 10 }) };
  }
  return null;
}

function matchCentury(T: Token[], i: number): Match | null {
  const n = T[i];
  const suf = T[i + 1];
  if (!n || n.k !== Kind.Number || n.t.length > 2 || !suf || !touching(n, suf) || !['st', 'nd', 'rd', 'th'].includes(suf.l)) return null;
  if (w(T, i + 2) !== 'century') return null;
  const c = +n.t;
  if (c < 1 || c > 22) return null;
  return { start: i, end: i + 3, expr: expr({ k: 'century', century: c - 1 }) };
}

/** "the first quarter of 2009", "the fourth quarter", "third-quarter", "the first half of last year". */
export function matchQuarter(T: Token[], i: number): Match | null {
  let j = i;
  if (w(T, j) === 'the') j++;
  // "this year's third quarter", "the 1988 second quarter"
  let yearRel: number | undefined;
  let year: number | null = null;
  const rel = relativeYear(T, j);
  if (rel && rel.end === j + 2 && T[j + 2]?.l === "'" && w(T, j + 3) === 's') {
    yearRel = rel.rel;
    j += 4;
  } else if (w(T, i) === 'the' && yearAt(T, j) !== null && ORDINALS.has(w(T, j + 1))) {
    year = yearAt(T, j);
    j++;
  }
  if (yearRel !== undefined || year !== null) {
    const ord = ORDINALS.get(w(T, j));
    const unitWord = w(T, j + 1);
    if (ord === undefined || (unitWord !== 'quarter' && unitWord !== 'half')) return null;
    const k = unitWord === 'quarter' ? 'quarter' : 'half';
    const q = ord === -1 ? (k === 'quarter' ? 4 : 2) : ord;
    if (q < 1 || q > (k === 'quarter' ? 4 : 2)) return null;
    return { start: i, end: j + 2, expr: year !== null ? expr({ k, q, y: year }) : expr({ k, q, y: null, yearRel }) };
  }
  let q = ORDINALS.get(w(T, j));
  if (q === undefined) {
    const n = T[j];
    if (n && n.k === Kind.Number && n.t.length === 1 && touching(n, T[j + 1]) && ['st', 'nd', 'rd', 'th'].includes(w(T, j + 1))) {
      q = +n.t;
      j++;
    } else return null;
  }
  j++;
  if (T[j]?.l === '-' && touching(T[j - 1], T[j])) j++;
  const unit = w(T, j);
  if (unit !== 'quarter' && unit !== 'half') return null;
  const max = unit === 'quarter' ? 4 : 2;
  if (q === 0 || q > max) return null;
  const k = unit === 'quarter' ? 'quarter' : 'half';
  j++;
  const lastOf = q === -1 ? max : q;
  if (w(T, j) === 'of' || w(T, j) === ',') {
    const y = yearAt(T, j + 1);
    if (y !== null) return { start: i, end: j + 2, expr: expr({ k, q: lastOf, y }) };
    const rel = relativeYear(T, j + 1);
    if (rel) return { start: i, end: rel.end, expr: expr({ k, q: lastOf, y: null, yearRel: rel.rel }) };
  }
  const y = yearAt(T, j);
  if (y !== null) return { start: i, end: j + 1, expr: expr({ k, q: lastOf, y }) };
  // "the last quarter" is the quarter before the current one.
  if (q === -1) return { start: i, end: j, expr: expr({ k: 'rel', unit: unit === 'quarter' ? 'quarter' : 'month', n: -1 }) };
  return { start: i, end: j, expr: expr({ k, q, y: null }) };
}

/** "this year", "last year", "the year", "next year" after "of". */
function relativeYear(T: Token[], i: number): { rel: number; end: number } | null {
  const a = w(T, i);
  if (w(T, i + 1) !== 'year') return null;
  if (a === 'this' || a === 'the' || a === 'current') return { rel: 0, end: i + 2 };
  if (a === 'last' || a === 'previous' || a === 'past') return { rel: -1, end: i + 2 };
  if (a === 'next' || a === 'coming') return { rel: 1, end: i + 2 };
  return null;
}

/** "summer 2016", "the spring of 2015", "this winter", "in the fall" (never "the fall of Raqqa"). */
export function matchSeason(T: Token[], i: number): Match | null {
  let j = i;
  let dir: -1 | 0 | 1 | undefined;
  const a = w(T, j);
  if (a === 'this' || a === 'last' || a === 'next' || a === 'past' || a === 'coming') {
    dir = a === 'this' ? 0 : a === 'next' || a === 'coming' ? 1 : -1;
    j++;
  } else if (a === 'the') j++;
  const t = T[j];
  const season = t ? SEASONS.get(t.l) : undefined;
  if (!season) return null;
  // "Arab Spring", "Prague Spring": a name.
  if (t.cap && T[j - 1]?.cap && T[j - 1].k === Kind.Word && j - 1 >= 0 && !['This', 'Last', 'Next', 'The'].includes(T[j - 1].t)) return null;
  const end = j + 1;
  if (w(T, end) === 'of' || w(T, end) === ',') {
    const y = yearAt(T, end + 1);
    if (y !== null) return { start: i, end: end + 2, expr: expr({ k: 'season', season, y }) };
    if (w(T, end) === 'of') return null; // "the fall of Raqqa"
  }
  const y = yearAt(T, end);
  if (y !== null) return { start: i, end: end + 1, expr: expr({ k: 'season', season, y }) };
  if (dir !== undefined) return { start: i, end, expr: expr({ k: 'season', season, y: null, dir }) };
  const prev = w(T, i - 1);
  // "their Autumn meetings", "its spring offensive"
  if (j === i && ['their', 'its', 'our'].includes(w(T, i - 1))) {
    return { start: i, end, expr: expr({ k: 'season', season, y: null }) };
  }
  if (a === 'the' && (prev === 'in' || prev === 'during' || prev === 'by' || prev === 'until' || prev === 'since' || prev === 'over' || prev === 'through')) {
    return { start: i, end, expr: expr({ k: 'season', season, y: null }) };
  }
  return null;
}

/** "the last week of March", "the first week of October 2016": the ISO week whose Thursday is in that month. */
export function matchWeekOfMonth(T: Token[], i: number): Match | null {
  let j = i;
  if (w(T, j) === 'the') j++;
  const ord = ORDINALS.get(w(T, j));
  if (ord === undefined || w(T, j + 1) !== 'week' || w(T, j + 2) !== 'of') return null;
  const month = matchMonthFirst(T, j + 3);
  if (!month || month.expr.d || month.expr.dir !== undefined) return null;
  return { start: i, end: month.end, expr: exprFrom(month.expr, { k: 'cal', weekOfMonth: ord }) };
}

/** "in nineteen ninety-seven", "since two thousand one" (broadcast transcripts). */
export function matchSpokenYear(T: Token[], i: number): Match | null {
  if (!DATE_CONTEXT.has(w(T, i - 1))) return null;
  const spoken = spokenYearAt(T, i);
  if (!spoken || spoken.y > 2099) return null;
  return { start: i, end: spoken.end, expr: calExpr(spoken.y, null, null) };
}
