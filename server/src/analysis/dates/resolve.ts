// Anchors what the grammar understood on the publication date: value at true granularity,
// calendar interval, label and a one-line explanation for hovers.
import { TimexMod, TimexType } from '../types';
import { addDays, addMonths, Day, dayNumber, daysInMonth, isoDay, isValidDay, monthDiff, weekday } from './calendar';
import { Expr, exprFrom } from './expr';
import { MONTH_ABBR, WEEKDAY_ABBR, WEEKDAY_NAMES } from './lexicon';
import { Tense } from './tense';
import { durationValue } from './values';
import { biased, dirWord, pickDayYear, pickMonthYear, pickPhrase, pickWeekday, tenseNote, yearPhrase } from './direction';
import { HOLIDAY_NAMES, holidayDay } from './holidays';
import { NO_ANCHOR, underspecified } from './underspecified';
import {
  centuryPeriod, dayPeriod, decadePeriod, halfPeriod, monthPeriod, Period, periodFacts, periodLabel,
  quarterPeriod, seasonPeriod, weekendPeriod, weekPeriod, yearPeriod,
} from './period';
import { durationLabel, refLabel, setLabel, timeLabel } from './labels';

export interface Resolved {
  type: TimexType;
  value: string;
  mod: TimexMod | null;
  relative: boolean;
  interval: { from: string; to: string } | null;
  label: string;
  explanation: string;
  /** The day a later clock time in the same sentence may sit on. */
  day: Day | null;
}

export interface Anchor {
  day: Day;
  /** "Sat 2 Sep 2017" */
  text: string;
  /** "the publication date, Sat 2 Sep 2017": most explanations name it, so it is made once. */
  at: string;
  /** "2017-09-02": where a span runs up to now. */
  iso: string;
}

export function anchorOf(day: Day | null): Anchor | null {
  if (!day) return null;
  const text = dayText(day);
  return { day, text, at: `the publication date, ${text}`, iso: isoDay(day) };
}

export function dayText(day: Day): string {
  return `${WEEKDAY_ABBR[weekday(day)]} ${day.d} ${MONTH_ABBR[day.m - 1]} ${day.y}`;
}


/** Resolves one expression; `lastDay` is the day named most recently in the sentence (for clock times). */
export function resolve(e: Expr, anchor: Anchor | null, tense: Tense, lastDay: Day | null = null): Resolved {
  const mod = e.mod ?? null;
  switch (e.k) {
    case 'dur':
      if (e.holiday) return plain('DURATION', 'PXD', null, `the ${HOLIDAY_NAMES[e.holiday].replace(/ (Day|Sunday)$/, '')} period`, 'the days around a holiday, an unspecified number of them');
      return plain('DURATION', durationValue(e.unit ?? 'day', e.n ?? null), mod, durationLabel(e.unit ?? 'day', e.n ?? null, mod), 'a length of time, not a point in time');
    case 'set': {
      const value = e.value ?? 'P1D';
      return plain('SET', value, mod, setLabel(value), 'a repetition, not a single date');
    }
    case 'ref':
      return { type: 'DATE', value: e.ref!, mod: null, relative: true, interval: null, label: refLabel(e.ref!), explanation: refExplanation(e.ref!, anchor), day: null };
    case 'decade':
      return fixed(decadePeriod(e.decade!), mod, `the decade ${e.decade! * 10}–${e.decade! * 10 + 9}`);
    case 'century':
      return fixed(centuryPeriod(e.century!), mod, `the years ${e.century! * 100}–${e.century! * 100 + 99}`);
    case 'time':
      return resolveTime(e, anchor, tense, lastDay);
    default:
      if (e.sameDay && lastDay) return fixed(dayPeriod(lastDay), mod, 'the day named earlier in the sentence', true);
      if (e.k === 'ago' && e.anaphoric && lastDay) {
        // "two days later": counted from the day the story last named, not from the publication date.
        const r = resolvePeriod(e, anchorOf(lastDay), tense);
        r.explanation = r.explanation.replace('the publication date', 'the day named before');
        return r;
      }
      return resolvePeriod(e, anchor, tense);
  }
}

function plain(type: TimexType, value: string, mod: TimexMod | null, label: string, explanation: string): Resolved {
  return { type, value, mod, relative: false, interval: null, label, explanation, day: null };
}

function fixed(p: Period, mod: TimexMod | null, explanation: string, relative = false): Resolved {
  const f = periodFacts(p, mod);
  return { type: 'DATE', value: f.value, mod, relative, interval: { from: f.from, to: f.to }, label: f.label, explanation, day: p.gran === 'day' ? p.first : null };
}

function refExplanation(ref: string, anchor: Anchor | null): string {
  const when = anchor ? anchor.at : 'the publication date';
  if (ref === 'PAST_REF') return `some time before ${when}; no date given`;
  if (ref === 'FUTURE_REF') return `some time after ${when}; no date given`;
  return `the time of writing, around ${when}`;
}

/** Everything that names a calendar period: explicit, year-less, weekday, relative, "ago". */
function resolvePeriod(e: Expr, anchor: Anchor | null, tense: Tense): Resolved {
  const mod = e.mod ?? null;
  const part = e.part;
  const found = periodFor(e, anchor, tense);
  if (!found) return underspecified(e, mod);
  const r = fixed(found.period, mod, found.explanation, found.relative);
  if (part && found.period.gran === 'day') {
    r.type = 'TIME';
    r.value = `${r.value}T${part}`;
    r.label = `${r.label}, ${PART_NAMES[part] ?? part}`;
  }
  if (e.anaphoric) r.explanation += '; the text may count from an event it mentions rather than from the publication date';
  return r;
}

const PART_NAMES: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', MI: 'midday', DT: 'daytime' };

interface Found {
  period: Period;
  relative: boolean;
  explanation: string;
}

/**
 * The one Found the period finders return, overwritten by the next: its reader (resolvePeriod) is done
 * with it before another is asked for, and a fresh object per date only fed fixed(). The finders that
 * call another (a week of a month) read the inner result in the arguments of their own found().
 */
const FOUND: Found = { period: { gran: 'day', first: { y: 1, m: 1, d: 1 } }, relative: false, explanation: '' };

function found(period: Period, relative: boolean, explanation: string): Found {
  FOUND.period = period;
  FOUND.relative = relative;
  FOUND.explanation = explanation;
  return FOUND;
}

function periodFor(e: Expr, anchor: Anchor | null, tense: Tense): Found | null {
  const at = anchor ? anchor.at : '';
  switch (e.k) {
    case 'cal':
      return calendarPeriod(e, anchor, tense);
    case 'weekday': {
      if (!anchor) return null;
      const { day, how } = pickWeekday(anchor.day, e.dow!, e.dir ?? null, tense);
      const name = WEEKDAY_NAMES[e.dow!];
      const text = how === 0 ? `the publication date itself, ${anchor.text}` : `the ${name} ${how < 0 ? 'before' : 'after'} ${at}`;
      return found(dayPeriod(day), true, text + tenseNote(tense, e.dir));
    }
    case 'rel':
      return anchor ? relativePeriod(e, anchor, tense) : null;
    case 'ago': {
      if (!anchor || e.n === null || e.n === undefined) return null;
      const n = e.n;
      const a = anchor.day;
      const unit = e.unit!;
      const text = `${Math.abs(n)} ${unit}${Math.abs(n) === 1 ? '' : 's'} ${n < 0 ? 'after' : 'before'} ${at}`;
      if (unit === 'day') return found(dayPeriod(addDays(a, -Math.round(n))), true, text);
      if (unit === 'week' || unit === 'fortnight') return found(dayPeriod(addDays(a, -Math.round(n * 7 * (unit === 'fortnight' ? 2 : 1)))), true, text);
      if (unit === 'month') {
        const t = addMonths(a.y, a.m, -Math.round(n));
        return found(monthPeriod(t.y, t.m), true, text);
      }
      if (unit === 'year') return found(yearPeriod(a.y - Math.round(n)), true, text);
      if (unit === 'decade') return found(yearPeriod(a.y - Math.round(n * 10)), true, text);
      if (unit === 'hour' || unit === 'minute' || unit === 'second') return found(dayPeriod(a), true, text);
      return null;
    }
    case 'quarter':
    case 'half': {
      const per = e.k === 'quarter' ? quarterPeriod : halfPeriod;
      if (e.y) return found(per(e.y, e.q!), false, 'written out in full');
      if (!anchor) return null;
      if (e.yearRel !== undefined) return found(per(anchor.day.y + e.yearRel, e.q!), true, `in the year ${e.yearRel === 0 ? 'of' : e.yearRel < 0 ? 'before that of' : 'after that of'} ${at}`);
      const size = e.k === 'quarter' ? 3 : 6;
      const current = Math.floor((anchor.day.m - 1) / size) + 1;
      // Quarters are reported after they end: the nearest one, leaning to the past.
      const y = biased([anchor.day.y - 1, anchor.day.y, anchor.day.y + 1], (cy) => (cy - anchor.day.y) * (12 / size) + (e.q! - current), tense === 'future' ? 'future' : 'past', 2.5);
      return found(per(y, e.q!), true, `no year written: ${yearPhrase(tense)} ${at}`);
    }
    case 'holiday': {
      const name = HOLIDAY_NAMES[e.holiday!];
      if (e.y) return found(dayPeriod(holidayDay(e.holiday!, e.y)), false, `${name} ${e.y}`);
      if (!anchor) return null;
      const a = anchor.day;
      const at0 = dayNumber(a);
      const dist = (y: number) => dayNumber(holidayDay(e.holiday!, y)) - at0;
      const dir = e.dir ?? null;
      let y: number;
      if (dir === -1) y = [a.y + 1, a.y, a.y - 1].find((cy) => dist(cy) < 0) ?? a.y - 1;
      else if (dir === 1) y = [a.y - 1, a.y, a.y + 1].find((cy) => dist(cy) > 0) ?? a.y + 1;
      else if (dir === 0) y = a.y;
      else y = biased([a.y - 1, a.y, a.y + 1], dist, tense, 4);
      return found(dayPeriod(holidayDay(e.holiday!, y)), true, `${name}: ${pickPhrase(name, dir, tense, anchor)}${tenseNote(tense, dir)}`);
    }
    case 'season': {
      if (e.y) return found(seasonPeriod(e.y, e.season!), false, 'written out in full');
      if (!anchor) return null;
      const order: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
      const m = anchor.day.m;
      const current = m === 12 || m <= 2 ? 0 : m <= 5 ? 1 : m <= 8 ? 2 : 3;
      const want = order[e.season!] ?? 0;
      let y = anchor.day.y;
      const dir = e.dir ?? null;
      if (dir === -1 || (dir === null && tense !== 'future')) y = want <= current ? y : y - 1;
      else if (dir === 1 || tense === 'future') y = want >= current ? y : y + 1;
      if (dir === -1 && want === current) y -= 1;
      if (dir === 1 && want === current) y += 1;
      return found(seasonPeriod(y, e.season!), true, `no year written: the ${dirWord(dir, tense)} one relative to ${at}`);
    }
    default:
      return null;
  }
}

function calendarPeriod(e: Expr, anchor: Anchor | null, tense: Tense): Found | null {
  const { m, d } = e;
  if (e.y) {
    const explicit = 'an explicit date: the year is written, so the publication date plays no part';
    if (m && d) {
      let text = explicit;
      if (e.dow && weekday({ y: e.y, m, d }) !== e.dow) text += ` (note: the text says ${WEEKDAY_NAMES[e.dow]}, but ${d} ${MONTH_ABBR[m - 1]} ${e.y} is a ${WEEKDAY_NAMES[weekday({ y: e.y, m, d })]})`;
      return found(dayPeriod({ y: e.y, m, d }), false, text);
    }
    if (m) return found(monthPeriod(e.y, m), false, explicit);
    return found(yearPeriod(e.y), false, 'an explicit year');
  }
  if (e.weekOfMonth !== undefined && m) {
    const month = calendarPeriod(exprFrom(e, { weekOfMonth: undefined }), anchor, tense);
    if (!month) return null;
    const { y } = month.period.first;
    const thursdays: Day[] = [];
    for (let d = 1; d <= daysInMonth(y, m); d++) if (weekday({ y, m, d }) === 4) thursdays.push({ y, m, d });
    const pick = e.weekOfMonth === -1 ? thursdays[thursdays.length - 1] : thursdays[e.weekOfMonth - 1];
    if (!pick) return null;
    return found(weekPeriod(pick), month.relative, `${e.weekOfMonth === -1 ? 'the last week' : 'week ' + e.weekOfMonth} of ${periodLabel(month.period)} (weeks belong to the month holding their Thursday); ${month.explanation}`);
  }
  if (!anchor || !m) return null;
  const a = anchor.day;
  const dir = e.dir ?? null;
  if (d) {
    let y = pickDayYear(a, m, d, tense, dir);
    if (!isValidDay(y, m, d)) y = a.y; // 29 Feb in a non-leap year: keep the anchor's year
    if (!isValidDay(y, m, d)) return null;
    const day = { y, m, d };
    return found(dayPeriod(day), true, `no year written: ${pickPhrase(`${d} ${MONTH_ABBR[m - 1]}`, dir, tense, anchor)}${tenseNote(tense, dir)}`);
  }
  let y = a.y;
  const diff = monthDiff(a.y, a.m, a.y, m);
  if (dir === -1) y = diff < 0 ? a.y : a.y - 1;
  else if (dir === 1) y = diff > 0 ? a.y : a.y + 1;
  else if (dir === 0) y = a.y;
  else if (e.yearRel !== undefined) y = a.y + e.yearRel;
  else y = pickMonthYear(a, m, tense);
  const phrase =
    e.yearRel !== undefined
      ? `${MONTH_ABBR[m - 1]} of the year ${e.yearRel === 0 ? 'of' : e.yearRel < 0 ? 'before that of' : 'after that of'} ${anchorPhrase(anchor)}`
      : dir === 0
        ? `${MONTH_ABBR[m - 1]} in the year of ${anchorPhrase(anchor)}`
        : pickPhrase(MONTH_ABBR[m - 1], dir, tense, anchor);
  return found(monthPeriod(y, m), true, `no year written: ${phrase}${tenseNote(tense, dir)}`);
}

function anchorPhrase(anchor: Anchor): string {
  return anchor.at;
}






function relativePeriod(e: Expr, anchor: Anchor, tense: Tense): Found | null {
  const a = anchor.day;
  const n = e.n ?? 0;
  const unit = e.unit!;
  const at = anchor.at;
  switch (unit) {
    case 'day':
      return found(dayPeriod(addDays(a, n)), true, n === 0 ? `${at}` : `the day ${n < 0 ? 'before' : 'after'} ${at}`.replace('the day before the day', 'two days before the'));
    case 'week':
      return found(weekPeriod(addDays(a, 7 * n)), true, relText('week', n, at));
    case 'fortnight':
      return found(weekPeriod(addDays(a, 14 * n)), true, relText('fortnight', n, at));
    case 'weekend': {
      if (e.nearest) {
        // "the weekend": the one just past in a past sentence (or the current one on a Saturday or Sunday).
        const wd = weekday(a);
        const shift = wd >= 6 ? 0 : tense === 'future' ? 0 : -7;
        return found(weekendPeriod(addDays(a, shift)), true, `the weekend ${shift < 0 ? 'before' : wd >= 6 ? 'of' : 'after'} ${at}`);
      }
      return found(weekendPeriod(addDays(a, 7 * n)), true, relText('weekend', n, at));
    }
    case 'month': {
      const t = addMonths(a.y, a.m, n);
      return found(monthPeriod(t.y, t.m), true, relText('month', n, at));
    }
    case 'quarter': {
      const q0 = Math.floor((a.m - 1) / 3) + 4 * a.y + n;
      return found(quarterPeriod(Math.floor(q0 / 4), (q0 % 4) + 1), true, relText('quarter', n, at));
    }
    case 'year':
      return found(yearPeriod(a.y + n), true, relText('year', n, at));
    case 'decade':
      return found(decadePeriod(Math.floor(a.y / 10) + n), true, relText('decade', n, at));
    case 'century':
      return found(centuryPeriod(Math.floor(a.y / 100) + n), true, relText('century', n, at));
    default:
      return null;
  }
}

/** "the month before that of the publication date, …", "the year of the publication date, …". */
function relText(what: string, n: number, at: string): string {
  return n === 0 ? `the ${what} of ${at}` : `the ${what} ${Math.abs(n) === 1 ? '' : Math.abs(n) + ' '}${n < 0 ? 'before' : 'after'} that of ${at}`;
}

function resolveTime(e: Expr, anchor: Anchor | null, tense: Tense, lastDay: Day | null): Resolved {
  const t = e.time!;
  let day: Day | null = null;
  let explanation: string;
  let relative = true;
  if (e.on) {
    const on = resolve(e.on, anchor, tense);
    day = on.day;
    relative = on.relative;
    explanation = day ? `on ${on.label}: ${on.explanation}` : on.explanation;
  } else if (lastDay) {
    day = lastDay;
    explanation = 'on the day named earlier in the sentence';
  } else if (anchor) {
    day = anchor.day;
    explanation = `no day written: taken to be ${anchorPhrase(anchor)}`;
  } else explanation = NO_ANCHOR;
  const clock = `${pad2(t.h)}:${pad2(t.mi)}${t.s !== null ? ':' + pad2(t.s) : ''}${t.zone ?? ''}`;
  const facts = day ? periodFacts(dayPeriod(day), null) : null;
  const dayValue = facts ? facts.value : 'XXXX-XX-XX';
  const interval = facts ? { from: facts.from, to: facts.to } : null;
  return { type: 'TIME', value: `${dayValue}T${clock}`, mod: e.mod ?? null, relative, interval, label: timeLabel(facts ? facts.label : null, clock), explanation, day };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
