// Recognisers for expressions that need the publication date: "Friday", "yesterday", "last month",
// "this week", "late last month" (modifier added by the grammar), "now", "recently", "this morning".
import { Kind, Token } from './tokens';
import { Match, RefValue, expr, exprFrom, unitExpr, refExpr, weekdayExpr } from './expr';
import { DAY_PARTS, MONTHS, REF_WORDS, UNITS, WEEKDAY_NAME_AFTER, WEEKDAY_NAME_BEFORE, WEEKDAYS } from './lexicon';
import { amountAt, tokenAt, w } from './grammarUtil';
import { matchDayFirst, matchMonthFirst } from './matchCalendar';
import { WordMap, WordSet } from './wordShapes';

const DIRECTION: WordMap<-1 | 0 | 1> = new WordMap(new Map([
  ['last', -1], ['past', -1], ['previous', -1], ['this', 0], ['current', 0], ['next', 1], ['coming', 1], ['following', 1], ['upcoming', 1],
]));

/** "Friday", "Friday, Sept. 1, 2017", "Thursday evening", "Fridays" (a set). */
export function matchWeekday(T: Token[], i: number): Match | null {
  const t = T[i];
  if (!t || t.k !== Kind.Word || !t.cap) return null;
  let dow = WEEKDAYS.get(t.l);
  let plural = false;
  if (dow === undefined && t.l.endsWith('s')) {
    dow = WEEKDAYS.get(t.l.slice(0, -1));
    plural = dow !== undefined && t.l.length > 6;
  }
  if (dow === undefined || t.l.length < 6) return null; // "Sun", "Wed" and "Sat" are words too
  const prev = tokenAt(T, i - 1);
  if (prev && prev.cap && WEEKDAY_NAME_BEFORE.has(prev.l)) return null;
  const next = T[i + 1];
  if (next && next.cap && WEEKDAY_NAME_AFTER.has(next.l)) return null;
  if (plural) return { start: i, end: i + 1, expr: expr({ k: 'set', value: `XXXX-WXX-${dow}` }) };
  // "Tuesday nights": every Tuesday night.
  const partsPlural = w(T, i + 1);
  if (partsPlural.endsWith('s') && DAY_PARTS.has(partsPlural.slice(0, -1))) {
    return { start: i, end: i + 2, expr: expr({ k: 'set', value: `XXXX-WXX-${dow}T${DAY_PARTS.get(partsPlural.slice(0, -1))}` }) };
  }
  // "Friday, Sept. 1, 2017" / "Friday 1 September": one date, weekday kept as a check.
  let j = i + 1;
  if (w(T, j) === ',') j++;
  const date = matchMonthFirst(T, j) ?? matchDayFirst(T, j);
  if (date && date.expr.d) return { start: i, end: date.end, expr: exprFrom(date.expr, { dow }) };
  const part = dayPartAt(T, i + 1);
  if (part) return { start: i, end: i + 2, expr: expr({ k: 'weekday', dow, part }) };
  return { start: i, end: i + 1, expr: weekdayExpr(dow) };
}

function dayPartAt(T: Token[], i: number): string | undefined {
  const l = w(T, i);
  return l === 'dawn' || l === 'noon' || l === 'midnight' || l === 'midday' ? undefined : DAY_PARTS.get(l);
}

/** "today", "yesterday", "tomorrow", "tonight", "last night", "yesterday morning", "this evening". */
export function matchDeictic(T: Token[], i: number): Match | null {
  const a = w(T, i);
  let n: number | null = null;
  if (a === 'today') n = 0;
  else if (a === 'yesterday') n = -1;
  else if (a === 'tomorrow') n = 1;
  if (a === 'tonight') return { start: i, end: i + 1, expr: expr({ k: 'rel', unit: 'day', n: 0, part: 'NI' }) };
  if (n !== null) {
    // "today's" is still today; "Today" the programme is rare in news.
    if (w(T, i - 1) === 'the' && w(T, i - 2) === 'day' && (w(T, i - 3) === 'before' || w(T, i - 3) === 'after')) return null;
    const part = dayPartAt(T, i + 1);
    if (part) return { start: i, end: i + 2, expr: expr({ k: 'rel', unit: 'day', n, part }) };
    return { start: i, end: i + 1, expr: unitExpr('rel', 'day', n) };
  }
  if (a === 'the' && w(T, i + 1) === 'day' && (w(T, i + 2) === 'before' || w(T, i + 2) === 'after')) {
    const b = w(T, i + 3);
    if (b === 'yesterday') return { start: i, end: i + 4, expr: unitExpr('rel', 'day', -2) };
    if (b === 'tomorrow') return { start: i, end: i + 4, expr: unitExpr('rel', 'day', 2) };
  }
  if ((a === 'last' || a === 'this') && (w(T, i + 1) === 'night' || DAY_PARTS.has(w(T, i + 1)))) {
    const part = dayPartAt(T, i + 1);
    if (!part) return null;
    return { start: i, end: i + 2, expr: expr({ k: 'rel', unit: 'day', n: a === 'last' ? -1 : 0, part }) };
  }
  // "earlier today", "later this week" are handled by the modifier pass; "earlier today" value = today.
  return null;
}

/** Words between an amount and its unit that are skipped: "the past three straight days". */
const STREAK_WORDS: readonly string[] = ['straight', 'consecutive', 'trading', 'working', 'business', 'full'];

/** "last month", "this week", "next year", "last September", "next Friday", "this weekend", "the past decade" (duration). */
export function matchDirectional(T: Token[], i: number): Match | null {
  let j = i;
  const the = w(T, j) === 'the';
  if (the) j++;
  const dirWord = w(T, j);
  const dir = DIRECTION.get(dirWord);
  if (dir === undefined) return null;
  j++;
  // "the past three years", "the next few days", "the last 10 years": durations.
  if (the || dirWord === 'past' || dirWord === 'next' || dirWord === 'last') {
    const amount = amountAt(T, j);
    if (amount && amount.end > j && (amount.n === null || amount.n !== 1 || w(T, j) !== 'a')) {
      const skip = STREAK_WORDS.includes(w(T, amount.end)) ? 1 : 0;
      amount.end += skip;
      const unit = UNITS.get(w(T, amount.end));
      if (unit && (the || amount.n !== 1)) {
        return { start: i, end: amount.end + 1, expr: unitExpr('dur', unit, amount.n) };
      }
    }
  }
  // "the current fiscal year", "last fiscal year"
  if (w(T, j) === 'fiscal' && w(T, j + 1) === 'year') j++;
  const word = T[j];
  if (!word || word.k !== Kind.Word) return null;
  const unit = UNITS.get(word.l);
  if (unit && !word.l.endsWith('s')) {
    if (unit === 'second' || unit === 'minute' || unit === 'hour') return null;
    // "the past week", "the past year": the stretch up to now, a duration.
    if (the && (dirWord === 'past' || (dirWord === 'last' && unit === 'decade'))) return { start: i, end: j + 1, expr: unitExpr('dur', unit, 1) };
    if (the && (dirWord === 'coming' || dirWord === 'following' || dirWord === 'current' || dirWord === 'upcoming') && unit !== 'year') {
      return { start: i, end: j + 1, expr: unitExpr('rel', unit, dir) };
    }
    // "the next day", "the following week", "the previous year" are anchored on the story's event, not the date line.
    if (the && (dirWord === 'next' || dirWord === 'following' || dirWord === 'previous')) {
      return { start: i, end: j + 1, expr: expr({ k: 'rel', unit, n: dir, anaphoric: true }) };
    }
    return { start: i, end: j + 1, expr: unitExpr('rel', unit, dir) };
  }
  if (unit && word.l.endsWith('s') && the) {
    // "the coming weeks", "the past years": vague durations.
    return { start: i, end: j + 1, expr: unitExpr('dur', unit, null) };
  }
  if (the) return null;
  const dow = WEEKDAYS.get(word.l);
  if (dow !== undefined && word.cap && word.l.length >= 6) {
    const part = dayPartAt(T, j + 1);
    return { start: i, end: part ? j + 2 : j + 1, expr: expr({ k: 'weekday', dow, dir, part }) };
  }
  const m = MONTHS.get(word.l);
  if (m !== undefined && word.cap && word.l.length >= 3) return { start: i, end: j + 1, expr: expr({ k: 'cal', y: null, m, d: null, dir }) };
  return null;
}

/** Words that may follow "the past" / "the future" used as a noun: "in the past in Syria", "the future is". */
const AFTER_REF = new WordSet(['in', 'and', 'or', 'but', 'is', 'was', 'were', 'has', 'have', 'had', 'to', 'with', 'as', 'when', 'where', 'of', 'for', 'by', 'on', 'at', 'from', 'that', 'which', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'looks', 'remains', 'holds', 'lies', 'belongs', 'because', 'if', 'than', 'they', 'he', 'she', 'we', 'it', 'there']);

const REF_PHRASES: [string[], RefValue][] = [
  [['the', 'past'], 'PAST_REF'],
  [['the', 'future'], 'FUTURE_REF'],
  [['the', 'near', 'future'], 'FUTURE_REF'],
  [['the', 'distant', 'future'], 'FUTURE_REF'],
  [['the', 'long', 'term'], 'FUTURE_REF'],
  [['the', 'short', 'term'], 'FUTURE_REF'],
  [['the', 'near', 'term'], 'FUTURE_REF'],
  [['the', 'long', 'run'], 'FUTURE_REF'],
  [['the', 'time', 'being'], 'PRESENT_REF'],
  [['the', 'moment'], 'PRESENT_REF'],
  [['these', 'days'], 'PRESENT_REF'],
  [['present'], 'PRESENT_REF'],
  [['right', 'now'], 'PRESENT_REF'],
  [['very', 'soon'], 'FUTURE_REF'],
  [['more', 'recently'], 'PAST_REF'],
  [['until', 'recently'], 'PAST_REF'],
];
/** The words REF_PHRASES start with: the commonest refs ("now", "recently", "soon") skip the phrase loop. */
const REF_PHRASE_STARTS = new WordSet(REF_PHRASES.map(([words]) => words[0]));

/** "now", "currently", "recently", "soon", "the past", "the future", "for the time being". */
export function matchRef(T: Token[], i: number): Match | null {
  const a = w(T, i);
  if (REF_PHRASE_STARTS.has(a)) for (const [words, ref] of REF_PHRASES) {
    if (a !== words[0]) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = w(T, i + k) === words[k];
    if (!ok) continue;
    const end = i + words.length;
    if (words[0] === 'present' && !(w(T, i - 1) === 'at')) continue;
    if (words[0] === 'the' && words[1] === 'moment' && w(T, i - 1) !== 'at' && w(T, i - 1) !== 'for') continue;
    // "the past three years" is a duration; "the past" alone is the past; "the past administration" is an adjective.
    if (words[1] === 'past' && (UNITS.has(w(T, end)) || amountAt(T, end))) continue;
    if ((words[1] === 'past' || words[1] === 'future') && T[end]?.k === Kind.Word && !T[end].cap && !AFTER_REF.has(T[end].l)) continue;
    if (words[0] === 'until') return { start: i + 1, end, expr: refExpr(ref) };
    return { start: i, end, expr: refExpr(ref) };
  }
  if (a === 'recent') {
    // "in recent years" is a vague duration; "recent fighting" points at the past.
    const unit = UNITS.get(w(T, i + 1));
    if (unit && w(T, i + 1).endsWith('s')) return { start: i, end: i + 2, expr: unitExpr('dur', unit, null) };
    if (T[i + 1]?.k !== Kind.Word || T[i + 1].cap) return null;
    return { start: i, end: i + 1, expr: refExpr('PAST_REF') };
  }
  if (a === 'current') {
    // "the current crisis" points at the present; "current account" and "Current Affairs" do not.
    const next = T[i + 1];
    if (!next || next.k !== Kind.Word || next.cap || next.l === 'account' || next.l === 'accounts' || next.l === 'affairs' || next.l === 'events') return null;
    if (UNITS.has(next.l)) return null;
    return { start: i, end: i + 1, expr: refExpr('PRESENT_REF') };
  }
  const ref = REF_WORDS.get(a);
  if (!ref) return null;
  // "the now-cancelled deal", "the soon-to-open terminal": part of a compound adjective.
  if (T[i + 1]?.l === '-' && T[i + 1].s === T[i].e) return null;
  return { start: i, end: i + 1, expr: refExpr(ref) };
}

/** Verbs and prepositions before "the day" that make it the trading or news day: "to end the day", "for the day". */
const DAY_BEFORE = new WordSet(['end', 'ended', 'ending', 'ends', 'finish', 'finished', 'finishing', 'close', 'closed', 'closing', 'for', 'during', 'throughout', 'start', 'started', 'began', 'begin', 'open', 'opened']);

/** "to end the day", "later in the day", "late in the day": the day being reported on. */
export function matchTheDay(T: Token[], i: number): Match | null {
  if ((w(T, i) === 'late' || w(T, i) === 'early') && w(T, i + 1) === 'in' && w(T, i + 2) === 'the' && w(T, i + 3) === 'day') {
    return { start: i, end: i + 4, expr: expr({ k: 'rel', unit: 'day', n: 0, mod: w(T, i) === 'late' ? 'END' : 'START', sameDay: true }) };
  }
  if (w(T, i) !== 'the' || w(T, i + 1) !== 'day') return null;
  const next = w(T, i + 2);
  if (next === 'before' || next === 'after' || next === 'of' || next === 'when' || next === 'that') return null;
  const prev = w(T, i - 1);
  if (!DAY_BEFORE.has(prev) && !(prev === 'in' && w(T, i - 2) === 'later')) return null;
  return { start: i, end: i + 2, expr: expr({ k: 'rel', unit: 'day', n: 0, sameDay: true }) };
}

const PERIOD_PREPOSITIONS = new WordSet(['in', 'for', 'during', 'of', 'through', 'throughout', 'over']);
const PERIOD_FOLLOWERS = new WordSet(['ended', 'ending', 'ends', 'to', 'so', 'through', 'just']);

/** "in the quarter", "for the latest quarter", "for the year ended Sept. 30": the period being reported on. */
function reportedPeriod(T: Token[], i: number): Match | null {
  let j = i + 1;
  const latest = w(T, j) === 'latest' || w(T, j) === 'most';
  if (w(T, j) === 'most' && w(T, j + 1) !== 'recent') return null;
  if (latest) j += w(T, j) === 'most' ? 2 : 1;
  if (w(T, j) === 'fiscal') j++;
  const unit = w(T, j);
  if (unit !== 'quarter' && unit !== 'year') return null;
  const next = T[j + 1];
  const ok = !next || (next.k === Kind.Punct && !(next.l === '-' && next.s === T[j].e)) || PERIOD_FOLLOWERS.has(next.l);
  if (!ok) return null;
  // Quarters are reported once they are over: the last completed one.
  if (unit === 'quarter') return { start: i, end: j + 1, expr: unitExpr('rel', 'quarter', -1) };
  return { start: i, end: j + 1, expr: unitExpr('rel', 'year', 0) };
}

/** "the same day", "the rest of the week", "the remainder of the year": the current or last-named period. */
export function matchSamePeriod(T: Token[], i: number): Match | null {
  if (w(T, i) !== 'the') return null;
  if (PERIOD_PREPOSITIONS.has(w(T, i - 1)) && !(w(T, i - 1) === 'of' && ['rest', 'remainder', 'course', 'balance'].includes(w(T, i - 2)))) {
    const reported = reportedPeriod(T, i);
    if (reported) return reported;
  }
  if (w(T, i + 1) === 'same' && w(T, i + 2) === 'day') return { start: i, end: i + 3, expr: expr({ k: 'rel', unit: 'day', n: 0, sameDay: true }) };
  const unit = UNITS.get(w(T, i + 1));
  const of = w(T, i - 1) === 'of' ? w(T, i - 2) : '';
  if ((unit === 'week' || unit === 'month' || unit === 'year') && (of === 'rest' || of === 'remainder' || of === 'course' || of === 'balance')) {
    return { start: i, end: i + 2, expr: unitExpr('rel', unit, 0) };
  }
  return null;
}

/** "the weekend", "during the weekend": the one just past, or the next in a future sentence (resolver). */
export function matchTheWeekend(T: Token[], i: number): Match | null {
  if (w(T, i) !== 'the' || w(T, i + 1) !== 'weekend') return null;
  return { start: i, end: i + 2, expr: expr({ k: 'rel', unit: 'weekend', n: 0, nearest: true }) };
}

export const ORDINAL_WORDS: WordMap<number> = new WordMap(new Map([
  ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10],
]));

/** "for a second consecutive day", "gains for a fourth week in a row": the current day or week of a streak. */
export function matchStreak(T: Token[], i: number): Match | null {
  let j = i;
  if (w(T, j) === 'a' || w(T, j) === 'the') j++;
  if (!ORDINAL_WORDS.has(w(T, j))) return null;
  j++;
  const adjective = w(T, j) === 'consecutive' || w(T, j) === 'straight' || w(T, j) === 'successive';
  if (adjective) j++;
  const unit = UNITS.get(w(T, j));
  if (!unit || (unit !== 'day' && unit !== 'week' && unit !== 'month' && unit !== 'year' && unit !== 'quarter')) return null;
  const inARow = w(T, j + 1) === 'in' && w(T, j + 2) === 'a' && w(T, j + 3) === 'row';
  if (!adjective && !inARow) return null;
  return { start: i, end: j + 1, expr: unitExpr('rel', unit, 0) };
}

/** "at one point": some time in the past. */
export function matchOnePoint(T: Token[], i: number): Match | null {
  if (w(T, i) !== 'one' || w(T, i + 1) !== 'point' || w(T, i - 1) !== 'at') return null;
  return { start: i, end: i + 2, expr: refExpr('PAST_REF') };
}
