// Named days news refers to: "Christmas", "New Year's Eve", "Thanksgiving Day", "Easter".
// Recognised with their year (written, or the nearest one, leaning with the tense).
import { Token } from './tokens';
import { Match, expr } from './expr';
import { addDays, Day, weekday } from './calendar';
import { w, yearAt } from './grammarUtil';
import { WordSet } from './wordShapes';

export type Holiday = 'christmas' | 'christmas-eve' | 'new-year' | 'new-year-eve' | 'thanksgiving' | 'easter';

export const HOLIDAY_NAMES: Record<Holiday, string> = {
  christmas: 'Christmas Day', 'christmas-eve': 'Christmas Eve', 'new-year': "New Year's Day", 'new-year-eve': "New Year's Eve",
  thanksgiving: 'Thanksgiving (US)', easter: 'Easter Sunday',
};

/** The day of a holiday in a given year. */
export function holidayDay(h: Holiday, y: number): Day {
  switch (h) {
    case 'christmas':
      return { y, m: 12, d: 25 };
    case 'christmas-eve':
      return { y, m: 12, d: 24 };
    case 'new-year':
      return { y, m: 1, d: 1 };
    case 'new-year-eve':
      return { y, m: 12, d: 31 };
    case 'thanksgiving': {
      // Fourth Thursday of November.
      const first = { y, m: 11, d: 1 };
      const toThursday = (4 - weekday(first) + 7) % 7;
      return addDays(first, toThursday + 21);
    }
    case 'easter':
      return easter(y);
  }
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

const SEASON_NOUNS = new WordSet(['sales', 'season', 'period', 'holidays', 'holiday', 'shopping', 'break', 'rush', 'vacation', 'recess', 'week', 'weekend', 'spending', 'trading', 'quarter']);

/** "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving Day", "Easter Sunday", "last Christmas", "Christmas 2016". */
export function matchHoliday(T: Token[], i: number): Match | null {
  let j = i;
  let dir: -1 | 0 | 1 | undefined;
  const first = w(T, j);
  if (first === 'last' || first === 'this' || first === 'next') {
    dir = first === 'last' ? -1 : first === 'this' ? 0 : 1;
    j++;
  }
  const t = T[j];
  if (!t || !t.cap) return null;
  let h: Holiday | null = null;
  let end = j + 1;
  if (t.l === 'christmas') {
    h = 'christmas';
    if (w(T, end) === 'eve') (h = 'christmas-eve'), end++;
    else if (w(T, end) === 'day') end++;
  } else if (t.l === 'thanksgiving') {
    h = 'thanksgiving';
    if (w(T, end) === 'day') end++;
  } else if (t.l === 'easter') {
    h = 'easter';
    if (w(T, end) === 'sunday' || w(T, end) === 'day') end++;
  } else if (t.l === 'new' && w(T, j + 1) === 'year' && (T[j + 2]?.l === "'" || T[j + 2]?.l === '’') && w(T, j + 3) === 's') {
    const what = w(T, j + 4);
    if (what === 'day') h = 'new-year';
    else if (what === 'eve') h = 'new-year-eve';
    end = j + 5;
  }
  if (!h) return null;
  // "Christmas sales", "the Christmas period", "Christmas and New Year holidays": the season around it, some days long.
  const after = w(T, end);
  if (SEASON_NOUNS.has(after) || (after === 'and' && T[end + 1]?.cap)) return { start: i, end, expr: expr({ k: 'dur', unit: 'day', n: null, holiday: h }) };
  // "Christmas sales", "Easter week" still name the holiday; "Christmas Island" does not.
  const next = T[end];
  if (next && next.cap && next.l !== 'eve' && !yearAt(T, end)) return null;
  const y = yearAt(T, end);
  if (y !== null) return { start: i, end: end + 1, expr: expr({ k: 'holiday', holiday: h, y }) };
  return { start: i, end, expr: expr({ k: 'holiday', holiday: h, y: null, dir }) };
}
