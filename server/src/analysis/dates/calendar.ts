// Calendar arithmetic on plain {y, m, d} days (proleptic Gregorian, UTC): no Date objects leak out,
// so results never depend on the machine's time zone.

export interface Day {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01. */
export function dayNumber(day: Day): number {
  return Math.floor(Date.UTC(day.y, day.m - 1, day.d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Day {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12 + 12) % 12 + 1 };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(day: Day): number {
  const w = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(day: Day): { y: number; w: number } {
  const n = dayNumber(day);
  const thursday = fromDayNumber(n - weekday(day) + 4);
  const jan1 = dayNumber({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((dayNumber(thursday) - jan1) / 7) + 1 };
}

/** Monday of the ISO week containing `day`. */
export function mondayOf(day: Day): Day {
  return addDays(day, 1 - weekday(day));
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export function isoDay(day: Day): string {
  return `${pad4(day.y)}-${pad2(day.m)}-${pad2(day.d)}`;
}

/** Parses YYYY-MM-DD into a valid day, or null. */
export function parseIsoDay(s: string | null | undefined): Day | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const day = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

export function isoWeekValue(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${pad4(y)}-W${pad2(w)}`;
}

/** Signed number of whole months from (y1, m1) to (y2, m2). */
export function monthDiff(y1: number, m1: number, y2: number, m2: number): number {
  return (y2 - y1) * 12 + (m2 - m1);
}
