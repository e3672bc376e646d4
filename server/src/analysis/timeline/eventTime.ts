// When an event happened, at the precision the text allows: interval, precision, label and sort key.
// Dates are plain YYYY-MM-DD strings and {y, m, d} days, so nothing depends on the machine's time zone.
import { dayNumber, daysInMonth, isoDay, parseIsoDay, pad2 } from '../dates/calendar';
import type { ClaimAction, Modality } from '../types';
import type { DateSource, TimePrecision } from '../../protocol';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

export interface EventTime {
  sortDate: string | null;
  endDate: string | null;
  value: string;
  dateLabel: string;
  precision: TimePrecision;
  dateSource: DateSource;
}

/** The calendar interval a TIMEX3 value names ("2017-08" → 1–31 Aug 2017), or null when it names none. */
export function naturalInterval(value: string): { from: string; to: string } | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return parseIsoDay(v) ? { from: v, to: v } : null;
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const y = +m[1];
    const mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad2(daysInMonth(y, mo))}` };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) return isoWeekInterval(+m[1], +m[2]);
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return monthSpan(+m[1], (+m[2] - 1) * 3 + 1, (+m[2] - 1) * 3 + 3);
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) return monthSpan(+m[1], SEASON_MONTHS[m[2]][0], SEASON_MONTHS[m[2]][1]);
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m) return monthSpan(+m[1], m[2] === '1' ? 1 : 7, m[2] === '1' ? 6 : 12);
  m = /^(\d{4})$/.exec(v);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{3})$/.exec(v);
  if (m) return { from: `${m[1]}0-01-01`, to: `${m[1]}9-12-31` };
  return null;
}

/** Precision from the width of the interval; an open end ("since 2015") is a range. */
export function precisionOf(from: string | null, to: string | null): TimePrecision {
  const a = parseIsoDay(from);
  if (!a) return 'unknown';
  const b = parseIsoDay(to);
  if (!b) return 'range';
  const days = dayNumber(b) - dayNumber(a) + 1;
  if (days <= 0) return 'unknown';
  if (days <= 1) return 'day';
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  if (days <= 92) return 'season';
  if (days <= 366) return 'year';
  if (days <= 3653) return a.y % 10 === 0 && b.y === a.y + 9 ? 'decade' : 'range';
  return 'range';
}

/** "1 Sep 2017" from YYYY-MM-DD; other strings come back unchanged. */
export function dayLabel(iso: string): string {
  const d = parseIsoDay(iso);
  return d ? `${d.d} ${MONTHS[d.m - 1]} ${d.y}` : iso;
}

/** A label for an interval when the date tagger gave none: "Aug 2017", "2015", "1–5 Sep 2017", "since 2015". */
export function intervalLabel(from: string | null, to: string | null): string {
  const a = parseIsoDay(from);
  const b = parseIsoDay(to);
  if (!a) return 'undated';
  if (!b) return `since ${dayLabel(from!)}`;
  if (from === to) return dayLabel(from!);
  const wholeMonths = a.d === 1 && b.d === daysInMonth(b.y, b.m);
  if (wholeMonths && a.y === b.y && a.m === b.m) return `${MONTHS[a.m - 1]} ${a.y}`;
  if (wholeMonths && a.m === 1 && b.m === 12) return a.y === b.y ? String(a.y) : `${a.y}–${b.y}`;
  if (wholeMonths) return a.y === b.y ? `${MONTHS[a.m - 1]}–${MONTHS[b.m - 1]} ${a.y}` : `${MONTHS[a.m - 1]} ${a.y} – ${MONTHS[b.m - 1]} ${b.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  return `${dayLabel(from!)} – ${dayLabel(to!)}`;
}

/** States hold "as of" the report; events happened "by" it. */
const STATE_ACTIONS = new Set<string>(['controls', 'besieged']);

export interface TimeInput {
  /** The claim's resolved time, as the claims stage gives it. */
  time: { value: string; label: string; from: string | null; to: string | null; basis?: string } | null;
  /** Publication date (YYYY-MM-DD) of the article, the fallback anchor. */
  published: string | null;
  action: ClaimAction | 'dated';
  modality: Modality;
}

/**
 * Resolves an event's time: the claim's own time when it has one, else the publication date
 * ("as of 2 Sep 2017" for states, "by 2 Sep 2017" for events), else undated.
 */
export function eventTime(input: TimeInput): EventTime {
  const t = input.time;
  // Present and undated past tense are dated by the report itself: "as of" / "by" its publication.
  const byReport = t?.basis === 'publication' || t?.basis === 'before-publication';
  if (t && !byReport && (t.value || t.from)) {
    const natural = t.value ? naturalInterval(t.value) : null;
    const from = validDay(t.from) ?? natural?.from ?? null;
    // An explicit start without an end is open-ended ("since 2015"); otherwise fall back to the value's own end.
    const to = t.from && !t.to ? null : validDay(t.to) ?? natural?.to ?? null;
    if (from) {
      const [lo, hi] = to && to < from ? [to, from] : [from, to];
      return {
        sortDate: lo,
        endDate: hi,
        value: t.value || lo,
        dateLabel: cleanLabel(t.label) ?? intervalLabel(lo, hi),
        precision: precisionOf(lo, hi),
        dateSource: 'claim',
      };
    }
  }
  const published = validDay(input.published);
  if (published) {
    const word = t?.basis === 'publication' ? 'as of' : t?.basis === 'before-publication' ? 'by' : fallbackWord(input);
    return {
      sortDate: published,
      endDate: published,
      value: published,
      dateLabel: `${word} ${dayLabel(published)}`,
      precision: 'day',
      dateSource: 'publication',
    };
  }
  return { sortDate: null, endDate: null, value: t?.value ?? '', dateLabel: cleanLabel(t?.label) ?? 'undated', precision: 'unknown', dateSource: 'claim' };
}

function fallbackWord(input: TimeInput): string {
  return input.modality === 'predicted' ? 'after' : STATE_ACTIONS.has(input.action) ? 'as of' : 'by';
}

/** Days between two YYYY-MM-DD dates (b - a), or null. */
export function daysBetween(a: string | null, b: string | null): number | null {
  const x = dayIndex(a);
  const y = dayIndex(b);
  return x !== null && y !== null ? y - x : null;
}

/** The day number of an ISO day (days between two are the difference of theirs), or null when it is none. */
export function dayIndex(s: string | null): number | null {
  const d = parseIsoDay(s);
  return d ? dayNumber(d) : null;
}

function validDay(s: string | null | undefined): string | null {
  const d = parseIsoDay(s ?? null);
  return d ? isoDay(d) : null;
}

/** Labels are ours (from the date tagger), but keep them one short line whatever happens. */
function cleanLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.replace(/\s+/g, ' ').trim();
  return l ? l.slice(0, 80) : null;
}

function monthSpan(y: number, m1: number, m2: number): { from: string; to: string } {
  const endY = m2 > 12 ? y + 1 : y;
  const endM = m2 > 12 ? m2 - 12 : m2;
  return { from: isoDay({ y, m: m1, d: 1 }), to: isoDay({ y: endY, m: endM, d: daysInMonth(endY, endM) }) };
}

function isoWeekInterval(y: number, w: number): { from: string; to: string } | null {
  if (w < 1 || w > 53) return null;
  // ISO week 1 holds 4 January.
  const jan4 = dayNumber({ y, m: 1, d: 4 });
  const jan4Weekday = (new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7;
  const monday = jan4 - jan4Weekday + (w - 1) * 7;
  const toIso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  return { from: toIso(monday), to: toIso(monday + 6) };
}
