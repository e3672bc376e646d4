// Which way an expression without a year or week points: the last one, the next one, or the nearest,
// leaning with the tense of its sentence. Phrases for the hover say which was chosen.
import { addDays, Day, dayNumber, isValidDay, weekday } from './calendar';
import { Tense } from './tense';
import type { Anchor } from './resolve';

function anchorPhrase(anchor: Anchor): string {
  return `the publication date, ${anchor.text}`;
}

/** "the latest 18 Aug on or before the publication date, Sat 2 Sep 2017". */
export function pickPhrase(what: string, dir: -1 | 0 | 1 | null, tense: Tense, anchor: Anchor): string {
  if (dir === -1) return `the last ${what} before ${anchorPhrase(anchor)}`;
  if (dir === 1) return `the first ${what} after ${anchorPhrase(anchor)}`;
  if (tense === 'past') return `the latest ${what} on or before ${anchorPhrase(anchor)}`;
  if (tense === 'future') return `the first ${what} on or after ${anchorPhrase(anchor)}`;
  return `the ${what} nearest to ${anchorPhrase(anchor)}`;
}

export function dirWord(dir: -1 | 0 | 1 | null, tense: Tense): string {
  if (dir === -1 || (dir === null && tense === 'past')) return 'latest on or before';
  if (dir === 1 || (dir === null && tense === 'future')) return 'next on or after';
  return 'nearest';
}

export function tenseNote(tense: Tense, dir: -1 | 0 | 1 | null | undefined): string {
  if (dir !== null && dir !== undefined) return '';
  if (tense === 'past') return ' (past-tense sentence)';
  if (tense === 'future') return ' (future-tense sentence)';
  return '';
}

export function yearPhrase(tense: Tense): string {
  return tense === 'future' ? 'the next one on or after' : tense === 'past' ? 'the latest one on or before' : 'the nearest one to';
}

/** Weekday relative to the anchor: past by default (the news convention), future in a future sentence. */
export function pickWeekday(a: Day, dow: number, dir: -1 | 0 | 1 | null, tense: Tense): { day: Day; how: number } {
  const today = weekday(a);
  const back = (today - dow + 7) % 7;
  const ahead = (dow - today + 7) % 7;
  if (dir === -1) {
    const n = back === 0 ? 7 : back;
    return { day: addDays(a, -n), how: -1 };
  }
  if (dir === 1) {
    const n = ahead === 0 ? 7 : ahead;
    return { day: addDays(a, n), how: 1 };
  }
  if (dir === 0) {
    // "this Friday": the one in the current week.
    const n = dow - today;
    return { day: addDays(a, n), how: Math.sign(n) };
  }
  if (back === 0) return { day: a, how: 0 };
  if (tense === 'future') return { day: addDays(a, ahead), how: 1 };
  return { day: addDays(a, -back), how: -1 };
}

/**
 * Year for a day-and-month without a year: the nearest occurrence, with the sentence's tense as a
 * bias (a past-tense sentence still often announces a date a few weeks ahead: "said it would vote on June 3").
 */
export function pickDayYear(a: Day, m: number, d: number, tense: Tense, dir: -1 | 0 | 1 | null): number {
  const candidates = [a.y - 1, a.y, a.y + 1].filter((y) => isValidDay(y, m, d));
  if (candidates.length === 0) return a.y;
  const at = dayNumber(a);
  const dist = (y: number) => dayNumber({ y, m, d }) - at;
  if (dir === 0) return a.y;
  if (dir === -1) return candidates.filter((y) => dist(y) < 0).pop() ?? a.y;
  if (dir === 1) return candidates.find((y) => dist(y) > 0) ?? a.y;
  return biased(candidates, dist, tense, 4);
}

/** The candidate closest to the anchor, distances on the side against the tense counting `factor` times. */
export function biased(candidates: number[], dist: (y: number) => number, tense: Tense, factor: number): number {
  let best = candidates[0];
  let bestScore = Infinity;
  for (const y of candidates) {
    const d0 = dist(y);
    const against = (tense === 'past' && d0 > 0) || (tense === 'future' && d0 < 0) || (tense === null && d0 > 0);
    const score = Math.abs(d0) * (against ? (tense === null ? 1.01 : factor) : 1);
    if (score < bestScore) {
      best = y;
      bestScore = score;
    }
  }
  return best;
}
