// Runs the recognisers over a sentence's tokens, left to right, longest match first, then adds
// modifiers around them: "late last month", "the end of October", "about three years", "12:00 UTC Monday".
import { TimexMod } from '../types';
import { Kind, Token, touching } from './tokens';
import { Expr, Match, expr, exprFrom, withMod } from './expr';
import { DAY_PARTS, JOINED_LONG, MONTHS, NUMBER_WORDS, ORDINALS, UNITS, WEEKDAYS, SEASONS, FREQUENCY_WORDS, REF_WORDS, VAGUE_AMOUNTS } from './lexicon';
import { w } from './grammarUtil';
import { put } from './scratch';
import { WordSet } from './wordShapes';
import { addWordFacts, Fact, RECOGNISERS_SHIFT } from './wordFacts';
import { matchDayFirst, matchDecade, matchMonthFirst, matchNumericDate, matchQuarter, matchSeason, matchSpokenYear, matchWeekOfMonth, matchYear } from './matchCalendar';
import { matchDeictic, matchDirectional, matchOnePoint, matchRef, matchSamePeriod, matchStreak, matchTheDay, matchTheWeekend, matchWeekday, ORDINAL_WORDS } from './matchRelative';
import { DURATION_ADJECTIVES, matchDuration, matchSet } from './matchDuration';
import { matchTime, UTC_ZONES } from './matchTime';
import { matchHoliday } from './holidays';

type Recogniser = (T: Token[], i: number) => Match | null;

const NUMERIC_ATOMS: Recogniser[] = [matchNumericDate, matchDayFirst, matchQuarter, matchDecade, matchTime, matchDuration, matchYear];
const QUOTE_ATOMS: Recogniser[] = [matchDecade, matchYear];

/** Which recognisers can start at a given word: most words start none and are skipped at once. */
const BY_WORD = new Map<string, Recogniser[]>();
function on(words: Iterable<string>, ...rs: Recogniser[]): void {
  for (const word of words) {
    const list = BY_WORD.get(word) ?? [];
    for (const r of rs) if (!list.includes(r)) list.push(r);
    BY_WORD.set(word, list);
  }
}
on(MONTHS.keys(), matchMonthFirst);
on(WEEKDAYS.keys(), matchWeekday);
on([...WEEKDAYS.keys()].map((k) => k + 's'), matchWeekday);
on(UNITS.keys(), matchDuration);
on(JOINED_LONG.keys(), matchDuration);
on(NUMBER_WORDS.keys(), matchDuration);
on(VAGUE_AMOUNTS, matchDuration);
on(['a', 'an'], matchSet);
on(ORDINALS.keys(), matchQuarter);
on(SEASONS.keys(), matchSeason);
on(FREQUENCY_WORDS.keys(), matchSet);
on(['every', 'each', 'per'], matchSet);
on(REF_WORDS.keys(), matchRef);
on(['recent'], matchRef);
on(['the', 'these', 'present', 'right', 'very', 'more', 'until'], matchRef);
on(['the', 'this', 'last', 'next', 'past', 'previous', 'current', 'coming', 'following', 'upcoming'], matchDirectional, matchSeason);
on(['the', 'today', 'yesterday', 'tomorrow', 'tonight', 'last', 'this'], matchDeictic);
on(['the'], matchQuarter, matchWeekOfMonth, matchTheDay, matchTheWeekend, matchSamePeriod);
on(['current'], matchRef);
on(['a', 'the', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'], matchStreak);
on(['one'], matchOnePoint);
on(['nineteen', 'twenty', 'two'], matchSpokenYear);
on(['christmas', 'thanksgiving', 'easter', 'new', 'last', 'this', 'next'], matchHoliday);
on(['this', 'last', 'next'], matchQuarter);
on(['late', 'early'], matchTheDay);
on(ORDINALS.keys(), matchWeekOfMonth);
on(['noon', 'midnight', 'midday'], matchTime);

/** Words that start a modifier around an expression ("late", "the end of", "about"). */
const MODIFIER_STARTS: ReadonlySet<string> = new Set([
  'early', 'mid', 'late', 'earlier', 'later', 'the', 'about', 'around', 'approximately', 'roughly', 'some', 'nearly',
  'almost', 'less', 'under', 'just', 'more', 'over', 'at', 'up', 'close',
]);

const APPROXIMATORS: [string[], TimexMod][] = [
  [['about'], 'APPROX'], [['around'], 'APPROX'], [['approximately'], 'APPROX'], [['roughly'], 'APPROX'], [['some'], 'APPROX'],
  [['nearly'], 'LESS_THAN'], [['almost'], 'LESS_THAN'], [['less', 'than'], 'LESS_THAN'], [['under'], 'LESS_THAN'],
  [['just', 'under'], 'LESS_THAN'], [['more', 'than'], 'MORE_THAN'], [['over'], 'MORE_THAN'], [['just', 'over'], 'MORE_THAN'],
  [['at', 'least'], 'EQUAL_OR_MORE'], [['up', 'to'], 'EQUAL_OR_LESS'], [['at', 'most'], 'EQUAL_OR_LESS'], [['close', 'to'], 'APPROX'],
];

/** Words after "earlier"/"later" that make a modified period: "earlier this month". */
const EARLIER_LATER_BEFORE: readonly string[] = ['this', 'today', 'tonight', 'next', 'last'];

const POSITION_MODS: ReadonlyMap<string, TimexMod> = new Map([
  ['beginning', 'START'], ['start', 'START'], ['middle', 'MID'], ['end', 'END'], ['close', 'END'], ['turn', 'START'],
]);

/** Every temporal expression among the tokens, in order, non-overlapping. Linear in the number of tokens. */
export function findExpressions(T: Token[]): Match[] {
  const out: Match[] = [];
  out.length = findExpressionsInto(T, out);
  return out;
}

/**
 * findExpressions written into out[0, n), n returned; entries past n are stale. The tagger hands the
 * same array to every window: a fresh [] per window grew a 16-slot store on its first match, about
 * 8% of the bytes the stage allocated.
 */
export function findExpressionsInto(T: Token[], out: Match[]): number {
  let n = 0;
  let lastEnd = 0;
  for (let i = 0; i < T.length; ) {
    const m = matchAt(T, i);
    if (m && m.end > i) {
      if (m.start < lastEnd) m.start = i;
      n = put(out, n, m);
      lastEnd = m.end;
      i = m.end;
    } else i++;
  }
  return n;
}

/** Every word that can start something: one bit of each token's facts rejects the rest. */
const STARTERS: ReadonlySet<string> = new Set([...BY_WORD.keys(), ...MODIFIER_STARTS]);
addWordFacts(STARTERS, Fact.Starter);
addWordFacts(MODIFIER_STARTS, Fact.Modifier);

/**
 * BY_WORD's distinct lists, numbered from 1; each word's number is kept in its facts (above
 * RECOGNISERS_SHIFT), so atom() reads a word's recognisers from its token instead of hashing it into
 * the map. 0 (no list) reads as undefined.
 */
const RECOGNISER_LISTS: (Recogniser[] | undefined)[] = [undefined];
for (const [word, list] of BY_WORD) {
  let id = RECOGNISER_LISTS.findIndex((l) => l !== undefined && l.length === list.length && l.every((r, k) => r === list[k]));
  if (id < 0) id = RECOGNISER_LISTS.push(list) - 1;
  addWordFacts([word], id << RECOGNISERS_SHIFT);
}

/**
 * Words that can follow "the" in anything that starts with it: the recognisers registered for "the"
 * above and the "the end of" modifier ("the past", "the next week", "the summer", "the day before",
 * "the first quarter", "the same day", "the rest of the week", "the very end of"); a number may follow
 * too ("the 1988 second quarter"). "the" is the commonest word in news, and after any other word all
 * of those give nothing, so they are not asked. Keep in step with them: test/unit/dates/theGate.test.ts
 * runs them after "the" on every word the tagger knows.
 */
export const AFTER_THE = new WordSet([
  // matchRef: "the past", "the near future", "the long term", "the time being", "the moment"
  'past', 'future', 'near', 'distant', 'long', 'short', 'time', 'moment',
  // matchDirectional, matchQuarter ("the last quarter", "the current year's"), matchSeason
  'last', 'previous', 'this', 'current', 'next', 'coming', 'following', 'upcoming', 'the',
  'spring', 'summer', 'autumn', 'fall', 'winter',
  // matchDeictic, matchTheDay ("the day before", "end the day"), matchTheWeekend
  'day', 'weekend',
  // matchQuarter, matchWeekOfMonth (ordinals), matchStreak ("the second straight week")
  ...ORDINALS.keys(), 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  // matchSamePeriod ("the latest quarter", "the same day", "the rest of the week")
  'latest', 'most', 'fiscal', 'quarter', 'year', 'same', 'week', 'weeks', 'month', 'months', 'years',
  // modified: "the (very) beginning/start/middle/end/close/turn of"
  'very', ...POSITION_MODS.keys(),
]);

/**
 * Words that can follow "a" or "an" in anything that starts with it: "a few", "a couple of", "a week",
 * "a 12-year", "a second straight day", "a year and a half" (matchDuration, matchSet, matchStreak).
 */
export const AFTER_A = new WordSet(['few', 'couple', 'and', '-', ...DURATION_ADJECTIVES, ...UNITS.keys(), ...ORDINAL_WORDS.keys()]);

/**
 * Tokens that can follow a number in anything that starts with it, unless it has four digits (a year
 * needs nothing after it): "2017-09-02", "21st", "21 of October", "5 March", "the '90s", "1990s",
 * "20:12", "0800 GMT", "6 p.m.", "three years", "12-year", "two and a half", "60 and 90 days". Most
 * numbers in news are counts ("150 people", "89 percent") and are rejected at once.
 */
export const AFTER_NUMBER = new WordSet([
  '-', '/', '.', ':', "'", '\u2019', 's', 'st', 'nd', 'rd', 'th', 'of', 'and', 'am', 'pm', 'a', 'p', 'hrs', 'hours',
  ...UTC_ZONES, ...MONTHS.keys(), ...UNITS.keys(), ...DURATION_ADJECTIVES,
]);

/**
 * Words that can follow "last", "this" or "next" in anything that starts with it: "last week", "next
 * Friday", "this September", "last fiscal year", "the last three years" style durations ("last 10 days",
 * "next few weeks"), "this summer", "last night", "this morning", "last Christmas", "last year's",
 * "last-quarter", "the last week of" (matchDirectional, matchSeason, matchDeictic, matchHoliday,
 * matchQuarter, matchWeekOfMonth); a number may follow too.
 */
export const AFTER_LAST = new WordSet([
  '-', 'the', 'fiscal', 'night', 'year', 'quarter', 'half', 'week', 'christmas', 'thanksgiving', 'easter', 'new',
  ...VAGUE_AMOUNTS, ...NUMBER_WORDS.keys(), ...UNITS.keys(), ...WEEKDAYS.keys(), ...MONTHS.keys(), ...SEASONS.keys(), ...DAY_PARTS.keys(),
]);

// The lists above as token facts: matchAt asks them of every token (tokens.ts keeps each token's bits).
addWordFacts(AFTER_THE, Fact.AfterThe);
addWordFacts(AFTER_A, Fact.AfterA);
addWordFacts(AFTER_LAST, Fact.AfterLast);
addWordFacts(AFTER_NUMBER, Fact.AfterNumber);
// The words mayStart gates, as bits too: asked of every word that may start something.
addWordFacts(['the'], Fact.GateThe);
addWordFacts(['a', 'an'], Fact.GateA);
addWordFacts(['last', 'this', 'next'], Fact.GateLast);
const GATES = Fact.GateThe | Fact.GateA | Fact.GateLast;

/** For the unit test of the AFTER_ lists: whether anything at all starts at token i, asked the long way (no lists). */
export function somethingStartsAt(T: Token[], i: number): boolean {
  const t = T[i];
  const mod = t.k === Kind.Word && MODIFIER_STARTS.has(t.l) ? modified(T, i) : null;
  return longest(mod, withSuffix(T, atom(T, i, false))) !== null;
}

function matchAt(T: Token[], i: number): Match | null {
  const t = T[i];
  if (t.k === Kind.Word ? (t.f & Fact.Starter) === 0 : t.k === Kind.Punct && t.l !== "'" && t.l !== '’') return null; // only quotes start something ("'90s")
  if (!mayStart(T, i)) return null;
  const mod = t.k === Kind.Word && (t.f & Fact.Modifier) !== 0 ? modified(T, i) : null;
  return longest(mod, withSuffix(T, atom(T, i)));
}

/** False when token i is "the", "a"/"an" or a number and the token after it is not on its list above. */
function mayStart(T: Token[], i: number): boolean {
  const t = T[i];
  const next = T[i + 1];
  if (t.k === Kind.Word) {
    const gate = t.f & GATES;
    if (gate === 0) return true;
    if (gate === Fact.GateThe) return next !== undefined && (next.k === Kind.Number || (next.f & Fact.AfterThe) !== 0);
    if (gate === Fact.GateA) return next !== undefined && (next.f & Fact.AfterA) !== 0;
    return next !== undefined && (next.k === Kind.Number || (next.f & Fact.AfterLast) !== 0);
  }
  if (t.k === Kind.Number && t.t.length !== 4) return next !== undefined && (next.f & Fact.AfterNumber) !== 0;
  return true;
}

function atom(T: Token[], i: number, gated = true): Match | null {
  const t = T[i];
  if (!t || (gated && !mayStart(T, i))) return null;
  const list = t.k === Kind.Number ? NUMERIC_ATOMS : t.k === Kind.Word ? RECOGNISER_LISTS[t.f >>> RECOGNISERS_SHIFT] : t.l === "'" || t.l === '’' ? QUOTE_ATOMS : undefined;
  if (!list) return null;
  let best: Match | null = null;
  for (let k = 0; k < list.length; k++) best = longest(best, list[k](T, i));
  return best;
}

function longest(a: Match | null, b: Match | null): Match | null {
  if (!a) return b;
  if (!b) return a;
  return b.end > a.end ? b : a;
}

/** "late last month", "mid-2011", "the end of October", "earlier this month", "about three years". */
function modified(T: Token[], i: number): Match | null {
  const a = w(T, i);
  if (a === 'early' || a === 'mid' || a === 'late') {
    let j = i + 1;
    if (T[j]?.l === '-' && touching(T[i], T[j])) j++;
    const inner = atom(T, j);
    if (!inner || !periodLike(inner.expr) || inner.expr.mod) return null;
    const mod: TimexMod = a === 'early' ? 'START' : a === 'mid' ? 'MID' : 'END';
    return { start: i, end: inner.end, expr: withMod(inner.expr, mod) };
  }
  if ((a === 'earlier' || a === 'later') && EARLIER_LATER_BEFORE.includes(w(T, i + 1))) {
    const inner = atom(T, i + 1);
    if (!inner || !periodLike(inner.expr)) return null;
    return { start: i, end: inner.end, expr: inner.expr };
  }
  if (a === 'the') {
    let j = i + 1;
    if (w(T, j) === 'very') j++;
    const mod = POSITION_MODS.get(w(T, j));
    if (mod && w(T, j + 1) === 'of') {
      const k = j + 2;
      // "the end of the year/month/week": the current one.
      const unit = w(T, k) === 'the' ? UNITS.get(w(T, k + 1)) : undefined;
      if (unit && (unit === 'year' || unit === 'month' || unit === 'week' || unit === 'day' || unit === 'decade')) {
        return { start: i, end: k + 2, expr: expr({ k: 'rel', unit, n: 0, mod }) };
      }
      const inner = atom(T, k);
      if (!inner || !periodLike(inner.expr)) return null;
      return { start: i, end: inner.end, expr: withMod(inner.expr, mod) };
    }
    return null;
  }
  for (const [words, mod] of APPROXIMATORS) {
    if (a !== words[0]) continue;
    let j = i + 1;
    if (words.length === 2) {
      if (w(T, j) !== words[1]) continue;
      j++;
    }
    const inner = atom(T, j);
    if (!inner || (inner.expr.k !== 'dur' && inner.expr.k !== 'ago') || inner.expr.n === null) return null;
    return { start: i, end: inner.end, expr: withMod(inner.expr, mod) };
  }
  return null;
}

/** Periods a "late"/"the end of" can sit on. */
function periodLike(e: Expr): boolean {
  return e.k === 'cal' || e.k === 'rel' || e.k === 'season' || e.k === 'decade' || e.k === 'century' || e.k === 'quarter' || e.k === 'half' || e.k === 'weekday';
}

/** Joins a time and the day it is on when they are written together: "2017-09-02 20:12:54", "12:00 UTC Monday". */
function withSuffix(T: Token[], m: Match | null): Match | null {
  if (!m) return m;
  if (m.expr.k === 'time') {
    const day = atom(T, m.end);
    if (day && isDay(day.expr)) return { start: m.start, end: day.end, expr: exprFrom(m.expr, { on: day.expr }) };
    return m;
  }
  if (isDay(m.expr)) {
    let j = m.end;
    if (w(T, j) === ',' || w(T, j) === 'at') j++;
    const time = matchTime(T, j);
    if (time && (j === m.end || T[j - 1].l === 'at' || T[j - 1].l === ',') && (T[j].k === Kind.Number && (time.expr.time!.zone || T[j + 1]?.l === ':'))) {
      if (j === m.end) return { start: m.start, end: time.end, expr: exprFrom(time.expr, { on: m.expr }) };
    }
  }
  return m;
}

function isDay(e: Expr): boolean {
  return (e.k === 'cal' && !!e.d && !!e.m) || e.k === 'weekday' || (e.k === 'rel' && e.unit === 'day' && !e.part);
}
