// Explanations that depend only on the anchor and a few small numbers ("no year written: the latest
// 18 Aug on or before the publication date, Sat 2 Sep 2017") repeat from mention to mention, and from
// article to article of one day (anchorOf hands out one anchor per day): they are kept in a small table
// instead of being joined anew per mention. A hit is exact: the same anchor object and the same key.
import type { Anchor } from './resolve';
import type { Tense } from './tense';

/** Where an explanation is made; part of its key. */
export const enum Site {
  DayWithoutYear = 1,
  MonthWithoutYear = 2,
  Relative = 3,
  Weekday = 4,
  Ago = 5,
}

const SIZE = 1024;
const anchors: (Anchor | null)[] = new Array(SIZE).fill(null);
const keys = new Int32Array(SIZE);
const texts: string[] = new Array(SIZE).fill('');

/**
 * The key of an explanation made at `site` from four small numbers: a and b in [0, 64), c and d in
 * [0, 8); -1 when one is out of range (such explanations are not kept).
 */
export function textKey(site: Site, a: number, b: number, c: number, d: number): number {
  if (!(a >= 0 && a < 64 && b >= 0 && b < 64 && c >= 0 && c < 8 && d >= 0 && d < 8) || a !== (a | 0) || b !== (b | 0)) return -1;
  return (((site * 64 + a) * 64 + b) * 8 + c) * 8 + d;
}

function slotOf(anchor: Anchor, key: number): number {
  const day = anchor.day;
  return (Math.imul(key ^ (day.y * 373 + day.m * 31 + day.d), 0x9e3779b1) >>> 22) & (SIZE - 1);
}

/** The kept explanation for this anchor and key, or null. */
export function keptText(anchor: Anchor, key: number): string | null {
  if (key < 0) return null;
  const slot = slotOf(anchor, key);
  return anchors[slot] === anchor && keys[slot] === key ? texts[slot] : null;
}

/** Keeps an explanation made for this anchor and key (a key of -1 keeps nothing); returns it. */
export function keepText(anchor: Anchor, key: number, text: string): string {
  if (key < 0) return text;
  const slot = slotOf(anchor, key);
  anchors[slot] = anchor;
  keys[slot] = key;
  texts[slot] = text;
  return text;
}

/** null, past, future, present as 0-3. */
export function tenseCode(tense: Tense): number {
  return tense === null ? 0 : tense === 'past' ? 1 : tense === 'future' ? 2 : 3;
}

/** No direction, -1, 0, +1 as 0-3. */
export function dirCode(dir: -1 | 0 | 1 | null | undefined): number {
  return dir === null || dir === undefined ? 0 : dir + 2;
}
