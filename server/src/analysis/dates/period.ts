// A calendar period at its true granularity (a day, a month, ISO week 35, Q3, the 1990s) with its
// TIMEX3 value, its first and last day, and its human label.
import { TimexMod } from '../types';
import { addDays, Day, daysInMonth, dayNumber, fromDayNumber, isoDay, isoWeek, isoWeekValue, mondayOf, pad2, pad4 } from './calendar';
import { MONTH_ABBR } from './lexicon';

export type Granularity = 'day' | 'weekend' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';

export interface Period {
  gran: Granularity;
  /** First day of the period (for weeks: the Monday; weekends: the Saturday). */
  first: Day;
  /** Quarter/half number, season code, decade (199) or century (19) where relevant. */
  q?: number;
  season?: string;
}

const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
/** Northern-hemisphere meteorological seasons: first month of each. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export function dayPeriod(day: Day): Period {
  return { gran: 'day', first: day };
}
export function monthPeriod(y: number, m: number): Period {
  return { gran: 'month', first: { y, m, d: 1 } };
}
export function yearPeriod(y: number): Period {
  return { gran: 'year', first: { y, m: 1, d: 1 } };
}
export function weekPeriod(day: Day): Period {
  return { gran: 'week', first: mondayOf(day) };
}
export function weekendPeriod(day: Day): Period {
  return { gran: 'weekend', first: addDays(mondayOf(day), 5) };
}
export function quarterPeriod(y: number, q: number): Period {
  return { gran: 'quarter', first: { y, m: (q - 1) * 3 + 1, d: 1 }, q };
}
export function halfPeriod(y: number, h: number): Period {
  return { gran: 'half', first: { y, m: (h - 1) * 6 + 1, d: 1 }, q: h };
}
export function seasonPeriod(y: number, season: string): Period {
  return { gran: 'season', first: { y, m: SEASON_START[season] ?? 1, d: 1 }, season };
}
export function decadePeriod(decade: number): Period {
  return { gran: 'decade', first: { y: decade * 10, m: 1, d: 1 }, q: decade };
}
export function centuryPeriod(century: number): Period {
  return { gran: 'century', first: { y: century * 100, m: 1, d: 1 }, q: century };
}

/** TIMEX3 value: 2017-09-01, 2017-08, 2017-W35, 2017-W35-WE, 2017-Q3, 2017-H1, 2017-SU, 2017, 199, 19. */
export function periodValue(p: Period): string {
  const { y, m } = p.first;
  switch (p.gran) {
    case 'day':
      return isoDay(p.first);
    case 'week':
      return isoWeekValue(p.first);
    case 'weekend':
      return `${isoWeekValue(p.first)}-WE`;
    case 'month':
      return `${pad4(y)}-${pad2(m)}`;
    case 'quarter':
      return `${pad4(y)}-Q${p.q}`;
    case 'half':
      return `${pad4(y)}-H${p.q}`;
    case 'season':
      return `${pad4(y)}-${p.season}`;
    case 'year':
      return pad4(y);
    case 'decade':
      return String(p.q).padStart(3, '0');
    case 'century':
      return String(p.q).padStart(2, '0');
  }
}

/** Last day of the period. */
export function periodLast(p: Period): Day {
  const { y, m } = p.first;
  switch (p.gran) {
    case 'day':
      return p.first;
    case 'week':
      return addDays(p.first, 6);
    case 'weekend':
      return addDays(p.first, 1);
    case 'month':
      return { y, m, d: daysInMonth(y, m) };
    case 'quarter':
      return { y, m: m + 2, d: daysInMonth(y, m + 2) };
    case 'half':
      return { y, m: m + 5, d: daysInMonth(y, m + 5) };
    case 'season': {
      const end = fromDayNumber(dayNumber({ y: m === 12 ? y + 1 : y, m: m === 12 ? 3 : m + 3, d: 1 }) - 1);
      return end;
    }
    case 'year':
      return { y, m: 12, d: 31 };
    case 'decade':
      return { y: y + 9, m: 12, d: 31 };
    case 'century':
      return { y: y + 99, m: 12, d: 31 };
  }
}

/** [first, last] day, narrowed to the first/middle/last third for START/MID/END. */
export function periodInterval(p: Period, mod: TimexMod | null): { from: string; to: string } {
  let a = dayNumber(p.first);
  let b = dayNumber(periodLast(p));
  if (mod === 'START' || mod === 'MID' || mod === 'END') {
    const len = b - a + 1;
    if (len >= 3) {
      const third = Math.floor(len / 3);
      if (mod === 'START') b = a + third - 1;
      else if (mod === 'MID') {
        a = a + third;
        b = a + third - 1;
      } else a = b - third + 1;
    }
  }
  return { from: isoDay(fromDayNumber(a)), to: isoDay(fromDayNumber(b)) };
}

const MOD_PREFIX: Partial<Record<TimexMod, string>> = { START: 'early ', MID: 'mid-', END: 'late ', APPROX: 'about ', BEFORE: 'before ', AFTER: 'after ' };

/** Human label at true precision: "1 Sep 2017", "late Aug 2017", "week 35 of 2017", "the 1990s". */
export function periodLabel(p: Period, mod: TimexMod | null = null): string {
  const { y, m, d } = p.first;
  let base: string;
  switch (p.gran) {
    case 'day':
      base = `${d} ${MONTH_ABBR[m - 1]} ${y}`;
      break;
    case 'week': {
      const last = addDays(p.first, 6);
      base = `week ${isoWeek(p.first).w} of ${isoWeek(p.first).y} (${p.first.d} ${MONTH_ABBR[p.first.m - 1]} – ${last.d} ${MONTH_ABBR[last.m - 1]})`;
      break;
    }
    case 'weekend':
      base = `weekend of ${d}–${addDays(p.first, 1).d} ${MONTH_ABBR[m - 1]} ${y}`;
      break;
    case 'month':
      base = `${MONTH_ABBR[m - 1]} ${y}`;
      break;
    case 'quarter':
      base = `Q${p.q} ${y}`;
      break;
    case 'half':
      base = `H${p.q} ${y}`;
      break;
    case 'season':
      base = `${SEASON_NAMES[p.season ?? ''] ?? p.season} ${y}`;
      break;
    case 'year':
      base = String(y);
      break;
    case 'decade':
      base = `the ${y}s`;
      break;
    case 'century': {
      const c = (p.q ?? 0) + 1;
      base = `the ${c}${c % 10 === 1 && c !== 11 ? 'st' : c % 10 === 2 && c !== 12 ? 'nd' : c % 10 === 3 && c !== 13 ? 'rd' : 'th'} century`;
      break;
    }
  }
  return (mod ? MOD_PREFIX[mod] ?? '' : '') + base;
}

/** What a resolved period shows: value, first and last day of its interval, and label. */
export interface PeriodFacts {
  value: string;
  from: string;
  to: string;
  label: string;
}

const CACHE_SIZE = 1024;
/**
 * The numbers of each cached period, KEY_FIELDS a slot: first day's year, month and day, granularity
 * (code below) and q (NO_Q when absent). Numbers side by side in one array: comparing them with a kept
 * copy of the period object read several scattered objects per date (1.6% of the stage's profile).
 */
const KEY_FIELDS = 5;
const cachedKeys = new Float64Array(CACHE_SIZE * KEY_FIELDS);
const cachedSeasons: (string | undefined)[] = new Array(CACHE_SIZE).fill(undefined);
const cachedMods: (TimexMod | null)[] = new Array(CACHE_SIZE).fill(null);
const cachedFacts: (PeriodFacts | null)[] = new Array(CACHE_SIZE).fill(null);
const NO_Q = -0.5;

/**
 * periodValue, periodInterval and periodLabel of a period at once. News repeats the same few days and
 * months, so the strings are kept in a small cache (a hit is checked field by field: it is exact).
 */
export function periodFacts(p: Period, mod: TimexMod | null): PeriodFacts {
  const f = p.first;
  // The granularity by its length and first letter, which tell every granularity apart (a table keyed by
  // the name was a slow keyed load).
  const g = p.gran;
  const gran = g.length * 128 + g.charCodeAt(0);
  const q = p.q === undefined ? NO_Q : p.q;
  const slot = (((f.y * 373 + f.m * 31 + f.d) * 11 + gran) * 7 + (mod ? mod.length : 0)) & (CACHE_SIZE - 1);
  const k = slot * KEY_FIELDS;
  const facts = cachedFacts[slot];
  if (
    facts !== null && cachedKeys[k] === f.y && cachedKeys[k + 1] === f.m && cachedKeys[k + 2] === f.d && cachedKeys[k + 3] === gran &&
    cachedKeys[k + 4] === q && cachedMods[slot] === mod && cachedSeasons[slot] === p.season
  ) {
    return facts;
  }
  const interval = periodInterval(p, mod);
  const made: PeriodFacts = { value: periodValue(p), from: interval.from, to: interval.to, label: periodLabel(p, mod) };
  cachedKeys[k] = f.y;
  cachedKeys[k + 1] = f.m;
  cachedKeys[k + 2] = f.d;
  cachedKeys[k + 3] = gran;
  cachedKeys[k + 4] = q;
  cachedSeasons[slot] = p.season;
  cachedMods[slot] = mod;
  cachedFacts[slot] = made;
  return made;
}
