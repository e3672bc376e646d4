// Which days the webview asks the server for: those on screen, and whether the window it holds already covers
// them. Pure, over day numbers (days since 1970-01-01), so it is tested without a browser.
import type { TimelineWindowResult } from '../../../server/src/protocol';
import type { WindowQuery } from '../../../client/src/timeline/messages';
import { dayOf } from './timeScale';

/** The days on screen: a box starts up to `minBox` pixels left of where it shows, so those days count too. */
export function daysOnScreen(axis: { minDay: number; pxPerDay: number }, scrollLeft: number, clientWidth: number, minBox: number): { from: number; to: number } {
  const px = Math.max(1e-6, axis.pxPerDay);
  return { from: Math.floor(axis.minDay + (scrollLeft - minBox) / px), to: Math.ceil(axis.minDay + (scrollLeft + Math.max(1, clientWidth)) / px) };
}

/** Does the window asked with `query` (and answered with `win`) hold what the screen shows at this bar width? */
export function covers(query: WindowQuery, win: TimelineWindowResult, screen: { from: number; to: number }, bucketDays: number): boolean {
  const counted = win.lanes !== null;
  if (counted && query.bucketDays !== bucketDays) return false;
  if (query.from === null && query.to === null) return !counted;
  const from = dayOf(query.from) ?? -Infinity;
  const to = dayOf(query.to) ?? Infinity;
  // Counts for many more days than are shown (the view zoomed in since): the days shown may be few enough to draw.
  if (counted && to - from > 2 * (screen.to - screen.from)) return false;
  return from <= screen.from && screen.to <= to;
}

/** YYYY-MM-DD of a day number (kept within years 1–9999, which dates can name). */
export function isoOfDay(day: number): string {
  const d = Math.min(2_932_896, Math.max(-719_162, Math.floor(day)));
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
}
