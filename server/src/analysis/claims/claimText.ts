// Small text helpers for claims: stable ids from normalised text, slugs, day arithmetic and labels.

/** Lower-case letters and digits only, single-spaced: edits to spacing or punctuation keep ids. */
export function normaliseText(text: string): string {
  const lower = text.toLowerCase();
  // ASCII text (most wire copy) takes the cheap class, which means the same there as the Unicode one.
  if (ASCII.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * hashText(normaliseText(text)) without building the normalised string: ASCII text is folded and hashed
 * in one pass (once per sentence, for claim ids); anything else takes the two-step path.
 */
export function normalisedHash(text: string): string {
  let h = 0x811c9dc5;
  let gap = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return hashText(normaliseText(text));
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && started) h = Math.imul(h ^ 32, 0x01000193) >>> 0;
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
      started = true;
      gap = false;
    } else gap = true;
  }
  return h.toString(36).padStart(7, '0');
}

/** FNV-1a over UTF-16 units, base-36: short, stable, no dependencies. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** "Syrian Observatory" → "syrian-observatory". */
export function slug(text: string): string {
  return normaliseText(text).replace(/ /g, '-') || 'unknown';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2017-09-02" → "2 Sep 2017"; partial values keep their precision ("2017-09" → "Sep 2017"). */
export function dayLabel(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : null;
  if (!month) return m[1];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Days since 1970-01-01 for a YYYY-MM-DD string, or null when it is not one. */
export function dayNumber(day: string | null | undefined): number | null {
  if (!day) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / 86400000) : null;
}

/** The calendar interval a TIMEX-like value names: 2017, 2017-09, 2017-09-01. */
export function intervalOfValue(value: string): { from: string; to: string } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { from: m[0], to: m[0] };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return null;
}
