// Calendar arithmetic on plain {y, m, d} days (proleptic Gregorian, UTC): no Date objects leak out,
// so results never depend on the machine's time zone.

export interface Day {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (proleptic Gregorian; integer arithmetic, no Date objects on the hot path). */
export function dayNumber(day: Day): number {
  const y = day.m <= 2 ? day.y - 1 : day.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (day.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(day: Day, n: number): Day {
  // Within the month (yesterday, the Monday of this week: most shifts) the day number alone moves: every
  // month has 28 days. Exactly what the arithmetic below gives, without its divisions.
  const d = day.d + n;
  if (d >= 1 && d <= 28 && Number.isInteger(d) && day.m >= 1 && day.m <= 12 && Number.isInteger(day.m)) return { y: day.y, m: day.m, d };
  return fromDayNumber(dayNumber(day) + n);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12 + 12) % 12 + 1 };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
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

/** Parses YYYY-MM-DD (anything may follow) into a valid day, or null. Read by code unit: it runs once per article. */
export function parseIsoDay(s: string | null | undefined): Day | null {
  if (!s || s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = asciiDigits(s, 0, 4);
  const m = asciiDigits(s, 5, 2);
  const d = asciiDigits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0) return null;
  return isValidDay(y, m, d) ? { y, m, d } : null;
}

/** The number written by the n ASCII digits at s[i, i + n), or -1 if any is not one (or s is too short). */
export function asciiDigits(s: string, i: number, n: number): number {
  if (i + n > s.length) return -1;
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export function isoWeekValue(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${pad4(y)}-W${pad2(w)}`;
}

/** Signed number of whole months from (y1, m1) to (y2, m2). */
export function monthDiff(y1: number, m1: number, y2: number, m2: number): number {
  return (y2 - y1) * 12 + (m2 - m1);
}
