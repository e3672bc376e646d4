// Human labels for what has no calendar period: durations, repetitions, past/present/future, times, spans.
import { TimexMod } from '../types';
import { Unit } from './lexicon';
import { WEEKDAY_NAMES } from './lexicon';

const MOD_WORDS: Partial<Record<TimexMod, string>> = {
  APPROX: 'about ', MORE_THAN: 'more than ', LESS_THAN: 'less than ', EQUAL_OR_MORE: 'at least ', EQUAL_OR_LESS: 'up to ',
};

/** "3 years", "months", "about 2.5 years". */
export function durationLabel(unit: Unit, n: number | null, mod: TimexMod | null): string {
  if ((unit === 'decade' || unit === 'century') && n !== null) return durationLabel('year', n * (unit === 'decade' ? 10 : 100), mod);
  const plural = n === null || n !== 1;
  const name = unit === 'century' && plural ? 'centuries' : `${unit}${plural ? 's' : ''}`;
  return `${mod ? MOD_WORDS[mod] ?? '' : ''}${n === null ? name : `${n} ${name}`}`;
}

const SET_UNITS: Record<string, string> = { D: 'day', W: 'week', M: 'month', Y: 'year', Q: 'quarter', H: 'hour' };

/** "every day", "every 2 weeks", "every Friday". */
export function setLabel(value: string): string {
  const dow = /^XXXX-WXX-(\d)$/.exec(value);
  if (dow) return `every ${WEEKDAY_NAMES[+dow[1]]}`;
  const m = /^PT?(\d+(?:\.\d+)?)([A-Z]+)$/.exec(value);
  if (!m) return 'repeatedly';
  const unit = value.startsWith('PT') && m[2] === 'M' ? 'minute' : SET_UNITS[m[2]] ?? m[2];
  return m[1] === '1' ? `every ${unit}` : `every ${m[1]} ${unit}s`;
}

export function refLabel(ref: string): string {
  return ref === 'PAST_REF' ? 'the past' : ref === 'FUTURE_REF' ? 'the future' : 'the present';
}

/** "2 Sep 2017 20:12:54" (Z shown as UTC). */
export function timeLabel(day: string | null, clock: string): string {
  const c = clock.endsWith('Z') ? `${clock.slice(0, -1)} UTC` : clock;
  return day ? `${day} ${c}` : `${c}, day unknown`;
}

/** "since 2015", "until Oct 2017", "Mar 2017 – May 2017". */
export function spanLabel(kind: 'between' | 'since' | 'until', from: string | null, to: string | null): string {
  if (kind === 'since') return `since ${from ?? 'an unknown date'}`;
  if (kind === 'until') return `until ${to ?? 'an unknown date'}`;
  return `${from ?? '?'} – ${to ?? '?'}`;
}
