// What a date written without a year reads as when the article has no publication date to anchor it on:
// TIMEX3 X-placeholders ("XXXX-08-18", "XXXX-WXX-5") and a label that says the rest is unknown.
import { TimexMod } from '../types';
import type { Expr } from './expr';
import type { Resolved } from './resolve';
import { MONTH_ABBR, WEEKDAY_NAMES } from './lexicon';
import { HOLIDAY_NAMES } from './holidays';

export const NO_ANCHOR = 'no publication date found to anchor it on: add a date line, set dateline.defaultPublished or pass --published';

/**
 * Value and label of a day and month (or a month) without a year, by month * 32 + day (0: no day), made
 * when first met. Articles without a date line (a third of FA-KES) resolve every such date here, and
 * building the strings per mention was a sixth of the bytes the stage allocated on FA-KES.
 */
const monthDayValue: (string | undefined)[] = new Array(13 * 32).fill(undefined);
const monthDayLabel: string[] = new Array(13 * 32).fill('');
/** "XXXX-WXX-5" and "Friday, date unknown" by weekday number. */
const weekdayValue: (string | undefined)[] = new Array(8).fill(undefined);
const weekdayLabel: string[] = new Array(8).fill('');
/** "early ", "mid ", … by modifier: the label's prefix. */
const MOD_PREFIX = new Map<TimexMod, string>();

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Without an anchor: TIMEX3 X-placeholders ("XXXX-WXX-5") and a label that says so. */
export function underspecified(e: Expr, mod: TimexMod | null): Resolved {
  let value = 'XXXX-XX-XX';
  let label = 'date unknown';
  if (e.k === 'cal' && e.m) {
    const m = e.m;
    const d = e.d || 0;
    const key = m >= 1 && m <= 12 && d >= 0 && d <= 31 && m === (m | 0) && d === (d | 0) ? m * 32 + d : -1;
    const kept = key >= 0 ? monthDayValue[key] : undefined;
    if (kept !== undefined) {
      value = kept;
      label = monthDayLabel[key];
    } else {
      value = d ? `XXXX-${pad(m)}-${pad(d)}` : `XXXX-${pad(m)}`;
      label = `${d ? d + ' ' : ''}${MONTH_ABBR[m - 1]}, year unknown`;
      if (key >= 0) {
        monthDayValue[key] = value;
        monthDayLabel[key] = label;
      }
    }
  } else if (e.k === 'weekday') {
    const dow = e.dow!;
    const key = dow >= 0 && dow <= 7 && dow === (dow | 0) ? dow : -1;
    const kept = key >= 0 ? weekdayValue[key] : undefined;
    if (kept !== undefined) {
      value = kept;
      label = weekdayLabel[key];
    } else {
      value = `XXXX-WXX-${dow}`;
      label = `${WEEKDAY_NAMES[dow]}, date unknown`;
      if (key >= 0) {
        weekdayValue[key] = value;
        weekdayLabel[key] = label;
      }
    }
  } else if (e.k === 'rel' || e.k === 'ago') {
    const u = e.unit;
    value = u === 'week' || u === 'fortnight' ? 'XXXX-WXX' : u === 'weekend' ? 'XXXX-WXX-WE' : u === 'month' ? 'XXXX-XX' : u === 'year' ? 'XXXX' : u === 'quarter' ? 'XXXX-QX' : u === 'decade' ? 'XXX' : 'XXXX-XX-XX';
    if (e.k === 'ago' && e.n === null) value = 'PAST_REF';
  } else if (e.k === 'quarter') value = `XXXX-Q${e.q}`;
  else if (e.k === 'half') value = `XXXX-H${e.q}`;
  else if (e.k === 'season') value = `XXXX-${e.season}`;
  else if (e.k === 'holiday') label = `${HOLIDAY_NAMES[e.holiday!]}, year unknown`;
  if (e.part && value.length === 10) value += `T${e.part}`;
  return { type: e.part ? 'TIME' : 'DATE', value, mod, relative: true, interval: null, label: mod ? modPrefix(mod) + label : label, explanation: NO_ANCHOR, day: null };
}

function modPrefix(mod: TimexMod): string {
  let p = MOD_PREFIX.get(mod);
  if (p === undefined) MOD_PREFIX.set(mod, (p = `${mod.toLowerCase()} `));
  return p;
}
