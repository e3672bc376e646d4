// Which way an expression without a year or week points: the last one, the next one, or the nearest,
// leaning with the tense of its sentence. Phrases for the hover say which was chosen.
import { addDays, Day, dayNumber, isValidDay, monthDiff, weekday } from './calendar';
import { Tense } from './tense';
import type { Anchor } from './resolve';

function anchorPhrase(anchor: Anchor): string {
  return anchor.at;
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
  // Candidates: the anchor's year and the years either side that have this day (29 Feb: leap years only),
  // tried in that order. Written without arrays or closures: it runs for every day written without a year.
  const ok0 = isValidDay(a.y - 1, m, d);
  const ok1 = isValidDay(a.y, m, d);
  const ok2 = isValidDay(a.y + 1, m, d);
  if (!ok0 && !ok1 && !ok2) return a.y;
  if (dir === 0) return a.y;
  const at = dayNumber(a);
  const d0 = ok0 ? dayNumber({ y: a.y - 1, m, d }) - at : 0;
  const d1 = ok1 ? dayNumber({ y: a.y, m, d }) - at : 0;
  const d2 = ok2 ? dayNumber({ y: a.y + 1, m, d }) - at : 0;
  if (dir === -1) {
    // The last candidate before the anchor.
    if (ok2 && d2 < 0) return a.y + 1;
    if (ok1 && d1 < 0) return a.y;
    if (ok0 && d0 < 0) return a.y - 1;
    return a.y;
  }
  if (dir === 1) {
    // The first candidate after the anchor.
    if (ok0 && d0 > 0) return a.y - 1;
    if (ok1 && d1 > 0) return a.y;
    if (ok2 && d2 > 0) return a.y + 1;
    return a.y;
  }
  // biased() over the candidates in order: the first with the lowest score wins.
  let best = 0;
  let bestScore = Infinity;
  for (let k = 0; k < 3; k++) {
    if (!(k === 0 ? ok0 : k === 1 ? ok1 : ok2)) continue;
    const dist = k === 0 ? d0 : k === 1 ? d1 : d2;
    const score = biasScore(dist, tense, 4);
    if (score < bestScore) {
      best = a.y - 1 + k;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Year for a month without a year: biased() over the anchor's year and the years either side, months
 * from the anchor counting 2.5 times against the tense. Written without an array or closure: it runs
 * for every month written alone ("in August").
 */
export function pickMonthYear(a: Day, m: number, tense: Tense): number {
  let best = a.y - 1;
  let bestScore = Infinity;
  for (let y = a.y - 1; y <= a.y + 1; y++) {
    const score = biasScore(monthDiff(a.y, a.m, y, m), tense, 2.5);
    if (score < bestScore) {
      best = y;
      bestScore = score;
    }
  }
  return best;
}

/** A candidate's distance from the anchor, counted `factor` times when it lies against the tense. */
function biasScore(d0: number, tense: Tense, factor: number): number {
  const against = (tense === 'past' && d0 > 0) || (tense === 'future' && d0 < 0) || (tense === null && d0 > 0);
  return Math.abs(d0) * (against ? (tense === null ? 1.01 : factor) : 1);
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
