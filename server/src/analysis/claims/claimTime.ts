// When a claim holds: the sentence's date nearest its trigger, an open "since" range, or the publication date.
import { Claim, DateMention } from '../types';
import { dayLabel, intervalOfValue } from './claimText';

export type ClaimTime = NonNullable<Claim['time']>;

/** Dates usable as a claim's time: calendar dates, not durations ("three years") or sets ("every Friday"). */
export function usableDates(dates: DateMention[]): DateMention[] {
  return dates.filter(isUsableDate);
}

/** One date of usableDates. */
export function isUsableDate(d: DateMention): boolean {
  return d.type !== 'DURATION' && d.type !== 'SET' && d.value !== 'PRESENT_REF';
}

// The list datesByTrigger answers in, reused: a new Array(n).fill(-1) for each dated claim sentence was 6 % of the
// time spent building claims (a runtime call to fill); the answer is read before the next call.
const OWN: number[] = [];

/**
 * Assigns each date to the trigger it is nearest to, so "siege on 18 Aug before storming it on Friday" splits:
 * the index of each trigger's date (-1: none), in a list good until the next call.
 */
export function datesByTrigger(triggers: { start: number; end: number }[], dates: { start: number; end: number }[]): number[] {
  // Each trigger's own date: the first date whose nearest trigger it is (ties go to the earlier trigger).
  const own = OWN;
  while (own.length > triggers.length) own.pop();
  for (let i = 0; i < own.length; i++) own[i] = -1;
  while (own.length < triggers.length) own.push(-1);
  for (let k = 0; k < dates.length; k++) {
    const d = dates[k];
    let best = -1;
    let bestDist = Infinity;
    for (let i = 0; i < triggers.length; i++) {
      const t = triggers[i];
      const dist = d.start >= t.end ? d.start - t.end : t.start >= d.end ? t.start - d.end : 0;
      if (dist < bestDist) {
        bestDist = dist;
        best = i;
      }
    }
    if (best >= 0 && own[best] < 0) own[best] = k;
  }
  return own;
}

/** A claim's time from a date mention, with open "since"/"by" ranges closed by the publication date; null when the date names no calendar time ("recently"). */
export function timeFromDate(d: DateMention, published: string | null, predicted: boolean): ClaimTime | null {
  if (d.range && (d.range.from || d.range.to)) {
    const from = d.range.from;
    let to = d.range.to;
    let basis: ClaimTime['basis'] = 'stated';
    if (from && !to && !predicted) {
      to = published;
      basis = 'since';
    }
    return { value: d.value, label: d.label, from, to, basis };
  }
  const iv = d.interval ?? intervalOfValue(d.value);
  if (!iv) return null;
  return { value: d.value, label: d.label || dayLabel(d.value), from: iv?.from ?? null, to: iv?.to ?? null, basis: 'stated' };
}

/** A claim's time when its sentence states none. */
export function timeFromPublication(published: string | null, present: boolean, predicted: boolean): ClaimTime | null {
  if (!published) return null;
  if (predicted) return { value: 'FUTURE_REF', label: `after ${dayLabel(published)}`, from: published, to: null, basis: 'after-publication' };
  if (present) return { value: published, label: `as of ${dayLabel(published)}`, from: published, to: published, basis: 'publication' };
  return { value: 'PAST_REF', label: `before ${dayLabel(published)}`, from: null, to: published, basis: 'before-publication' };
}
