// Recognisers for lengths of time and repetitions: "three years", "months-long", "a 12-year-old",
// "for years", "two days ago" (a date), "daily", "every week", "twice a month".
import { Kind, Token, touching } from './tokens';
import { Match, expr, refExpr, unitExpr } from './expr';
import { FREQUENCY_WORDS, JOINED_LONG, MONTHS, NUMBER_WORDS, UNITS, Unit, WEEKDAYS } from './lexicon';
import { amountAt, tokenAt, trailingHalf, w } from './grammarUtil';
import { durationValue } from './values';
import { WordSet } from './wordShapes';

/** Words before a bare plural unit that make it a vague duration: "for years", "in recent months". */
const VAGUE_BEFORE = new WordSet(['for', 'recent', 'within', 'in', 'just', 'over', 'after', 'take', 'takes', 'took', 'taken', 'lasted', 'last', 'lasting', 'spent', 'spend']);

/** Words after "a year" that anchor it in time: not a rate. */
const ANCHORED_AFTER = new WordSet(['ago', 'earlier', 'later', 'before', 'after', 'since']);

/** "years long ago", "weeks long enough": "long" there is not the "-long" adjective. */
const LONG_NOT_ADJECTIVE = new WordSet(['ago', 'before', 'after', 'enough', 'since', 'as']);

export const DURATION_ADJECTIVES = new WordSet(['straight', 'consecutive', 'successive', 'full', 'whole', 'trading', 'working', 'business', 'long', 'more', 'additional', 'further', 'calendar', 'solid']);

/** "three years", "a week", "12-year", "months-long", "two days ago", "years ago". */
export function matchDuration(T: Token[], i: number): Match | null {
  const t = T[i];
  if (!t) return null;
  // "months-long", "years-long", "year-long", "decades-old"
  if (t.k === Kind.Word) {
    const unit = UNITS.get(t.l);
    if (unit && T[i + 1]?.l === '-' && touching(t, T[i + 1]) && w(T, i + 2) === 'long' && touching(T[i + 1], T[i + 2])) {
      return { start: i, end: i + 3, expr: expr({ k: 'dur', unit, n: t.l.endsWith('s') ? null : 1 }) };
    }
    // "a weeklong truce", "a yearlong siege": the unit and "long" written as one word.
    const joined = JOINED_LONG.get(t.l);
    if (joined) return { start: i, end: i + 1, expr: unitExpr('dur', joined, 1) };
    if (unit && t.l.endsWith('s') && t.l !== 'seconds') {
      // "a months long campaign", "the siege was weeks long": "-long" without its hyphen.
      if (w(T, i + 1) === 'long' && !LONG_NOT_ADJECTIVE.has(w(T, i + 2))) return { start: i, end: i + 2, expr: unitExpr('dur', unit, null) };
      if (w(T, i + 1) === 'ago') return { start: i, end: i + 2, expr: refExpr('PAST_REF') };
      const prev = w(T, i - 1);
      if (VAGUE_BEFORE.has(prev) || (prev === 'the' && w(T, i - 2) === 'over')) return { start: i, end: i + 1, expr: unitExpr('dur', unit, null) };
      if (prev === 'recent' && w(T, i - 2) === 'in') return { start: i - 1, end: i + 1, expr: unitExpr('dur', unit, null) };
    }
  }
  const amount = amountAt(T, i);
  if (!amount) return null;
  if (t.k === Kind.Number && (t.big && !t.t.includes('.'))) return null;
  let j = amount.end;
  // "12-year", "fifty-year", "three-day-old", "four-week"
  let hyphen = false;
  if (T[j]?.l === '-' && touching(T[j - 1], T[j]) && touching(T[j], T[j + 1])) {
    hyphen = true;
    j++;
  }
  // "six straight days", "two consecutive quarters", "five trading days"
  let adjective = false;
  if (!hyphen && DURATION_ADJECTIVES.has(w(T, j))) {
    j++;
    adjective = true;
  }
  const unitTok = T[j];
  const unit = unitTok ? UNITS.get(unitTok.l) : undefined;
  if (!unit) {
    // "between 60 and 90 days": the first number borrows the unit of the second.
    if (t.k === Kind.Number && w(T, i - 1) === 'between' && w(T, amount.end) === 'and') {
      const second = matchDuration(T, amount.end + 1);
      if (second && second.expr.k === 'dur' && second.expr.unit) return { start: i, end: amount.end, expr: unitExpr('dur', second.expr.unit, amount.n) };
    }
    return null;
  }
  if ((t.l === 'a' || t.l === 'an') && amount.end === i + 1 && !hyphen) {
    // "a months-long campaign", "a year-long siege": the unit is an adjective; the match starts at the unit.
    if (T[j + 1]?.l === '-' && touching(unitTok, T[j + 1]) && w(T, j + 2) === 'long' && touching(T[j + 1], T[j + 2])) return null;
    // The article counts exactly one: "a month", never "a months".
    if (unitTok.l.endsWith('s')) return null;
  }
  // "a quarter of its dealers", "about a quarter", "three quarters of": fractions, not months.
  if (unit === 'quarter' && !adjective && (t.l === 'a' || t.l === 'an' || t.l === 'one' || t.l === 'three' || w(T, j + 1) === 'of')) return null;
  // "once a day", "250 people a day" are sets (matchSet); "a week" alone is a duration.
  if ((t.l === 'a' || t.l === 'an') && !hyphen && isFrequencyBefore(T, i - 1) && !ANCHORED_AFTER.has(w(T, j + 1))) return null;
  // "a second time", "the second round": an ordinal, not a duration.
  if (unit === 'second' && (amount.n === null || t.l === 'a' || t.l === 'an' || t.l === 'one')) return null;
  let end = j + 1;
  let n = amount.n;
  if (amount.n === 1 && !hyphen && trailingHalf(T, end)) {
    n = 1.5;
    end += 3;
  }
  if (hyphen && T[end]?.l === '-' && touching(T[end - 1], T[end]) && touching(T[end], T[end + 1])) {
    // "a 6-year-old boy" is an age, not a time expression (TimeBank and AQUAINT leave ages out).
    if (w(T, end + 1) === 'old') return null;
    if (w(T, end + 1) === 'long') end += 2;
  }
  if (!hyphen && w(T, end) === 'ago') return { start: i, end: end + 1, expr: unitExpr('ago', unit, n) };
  // "a year earlier", "two days later": counted from an event in the story, a date in TimeML terms.
  if (!hyphen && (w(T, end) === 'earlier' || w(T, end) === 'later' || w(T, end) === 'before')) {
    if (w(T, end) !== 'before' || !T[end + 1] || T[end + 1].k === Kind.Punct) return { start: i, end: end + 1, expr: expr({ k: 'ago', unit, n: w(T, end) === 'later' ? -(n ?? 0) : n, anaphoric: true }) };
  }
  // "1988 second", "three year": English puts counts other than one in the plural (hyphenated adjectives aside).
  // "a 20 year low", "a four day rally" are adjectives written without the hyphen.
  const adjectival = (w(T, i - 1) === 'a' || w(T, i - 1) === 'an') && (n ?? 0) < 1000;
  if (!hyphen && !adjective && !adjectival && n !== null && n !== 1 && !unitTok.l.endsWith('s') && unit !== 'century') return null;
  // "four years earlier/later" anchor on the story's own events; still a duration in TimeML terms.
  if (t.k === Kind.Number && unit === 'year' && !hyphen && +t.t > 200) return null; // "2015 years"? a typo, not a duration
  return { start: i, end, expr: unitExpr('dur', unit, n) };
}

/** "daily", "weekly", "annual", "every week", "each year", "twice a week", "15 a year", "per day", "on Fridays". */
export function matchSet(T: Token[], i: number): Match | null {
  const t = T[i];
  if (!t || t.k !== Kind.Word) {
    return null;
  }
  const freq = FREQUENCY_WORDS.get(t.l);
  if (freq) {
    // "The Daily Telegraph" is a name.
    if (t.cap && T[i + 1]?.cap && T[i + 1].k === Kind.Word) return null;
    return { start: i, end: i + 1, expr: expr({ k: 'set', value: freq }) };
  }
  if (t.l === 'every' || t.l === 'each') {
    // "every Friday", "each July"
    const next = T[i + 1];
    if (next && next.cap) {
      const dow = WEEKDAYS.get(next.l);
      if (dow !== undefined && next.l.length >= 6) return { start: i, end: i + 2, expr: expr({ k: 'set', value: `XXXX-WXX-${dow}` }) };
      const m = MONTHS.get(next.l);
      if (m !== undefined && next.l.length >= 3) return { start: i, end: i + 2, expr: expr({ k: 'set', value: `XXXX-${m < 10 ? '0' : ''}${m}` }) };
    }
  }
  if (t.l === 'every' || t.l === 'each' || t.l === 'per') {
    let j = i + 1;
    let n = 1;
    if (w(T, j) === 'other') {
      n = 2;
      j++;
    } else {
      const a = amountAt(T, j);
      if (a && a.n !== null && w(T, j) !== 'a' && w(T, j) !== 'an') {
        n = a.n;
        j = a.end;
      }
    }
    const unit = UNITS.get(w(T, j));
    if (!unit) return null;
    return { start: i, end: j + 1, expr: expr({ k: 'set', value: setValue(unit, n) }) };
  }
  if ((t.l === 'a' || t.l === 'an') && isFrequencyBefore(T, i - 1)) {
    const unit = UNITS.get(w(T, i + 1));
    if (!unit || w(T, i + 1).endsWith('s')) return null;
    // "$5 million a year ago", "a year earlier": a date, not a rate.
    if (ANCHORED_AFTER.has(w(T, i + 2))) return null;
    return { start: i, end: i + 2, expr: expr({ k: 'set', value: setValue(unit, 1) }) };
  }
  return null;
}

/** "twice", "three times", "15", "once" before "a week". */
function isFrequencyBefore(T: Token[], i: number): boolean {
  const p = tokenAt(T, i);
  if (!p) return false;
  if (p.l === 'once' || p.l === 'twice' || p.l === 'times') return true;
  if (p.k === Kind.Number) return true;
  // "250 people a day", "ten attacks a week"
  const pp = tokenAt(T, i - 1);
  if (p.k === Kind.Word && !p.cap && pp && (pp.k === Kind.Number || (NUMBER_WORDS.has(pp.l) && pp.l !== 'a' && pp.l !== 'an'))) return true;
  return NUMBER_WORDS.has(p.l) && p.l !== 'a' && p.l !== 'an';
}

function setValue(unit: Unit, n: number): string {
  return durationValue(unit, n);
}
