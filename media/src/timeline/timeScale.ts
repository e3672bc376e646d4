// Days ↔ pixels for the horizontal timeline, and the axis ticks at each zoom (days → months → years).
import type { ZoomLevel } from '../../../client/src/timeline/messages';

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Pixels per day at each preset zoom. */
export const ZOOM_PRESETS: Record<ZoomLevel, number> = { days: 24, months: 3, years: 0.35 };
export const MIN_PX_PER_DAY = 0.02;
export const MAX_PX_PER_DAY = 96;
/** The widest the drawing may get, whatever the zoom: browsers stop laying out beyond a few million pixels. */
export const MAX_WIDTH = 400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null. */
export function dayOf(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : null;
}

function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** The zoom level a pixel density reads as, for the toolbar and tick choice. */
export function zoomLevelOf(pxPerDay: number): ZoomLevel {
  if (pxPerDay >= 8) return 'days';
  if (pxPerDay >= 0.8) return 'months';
  return 'years';
}

export function clampZoom(pxPerDay: number): number {
  return Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, pxPerDay));
}

export interface Tick {
  x: number;
  label: string;
  /** Year (or month, at day zoom) boundaries are drawn stronger. */
  major: boolean;
}

/** Ticks between two days at a density, labelled so that labels do not collide (at least ~48 px apart). */
export function ticks(minDay: number, maxDay: number, pxPerDay: number): Tick[] {
  return spaced(candidateTicks(minDay, maxDay, pxPerDay), pxPerDay >= 8 ? 70 : 48);
}

/** Drops ticks closer than `gap` to the previous one; a major tick (a new month or year) wins over a minor one. */
function spaced(all: Tick[], gap: number): Tick[] {
  const out: Tick[] = [];
  for (const t of all) {
    const last = out[out.length - 1];
    if (!last || t.x - last.x >= gap) out.push(t);
    else if (t.major && !last.major) out[out.length - 1] = t;
  }
  return out;
}

function candidateTicks(minDay: number, maxDay: number, pxPerDay: number): Tick[] {
  const out: Tick[] = [];
  const x = (day: number) => Math.round((day - minDay) * pxPerDay);
  const start = dateOf(minDay);
  if (pxPerDay >= 8) {
    const every = pxPerDay >= 48 ? 1 : pxPerDay >= 16 ? 2 : 7;
    for (let d = minDay; d <= maxDay && out.length < 5000; d++) {
      const date = dateOf(d);
      const first = date.getUTCDate() === 1;
      if (!first && (d - minDay) % every !== 0) continue;
      out.push({ x: x(d), label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${first || d === minDay ? ` ${date.getUTCFullYear()}` : ''}`, major: first });
    }
    return out;
  }
  if (pxPerDay >= 0.8) {
    const every = pxPerDay * 30 >= 48 ? 1 : 3;
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); out.length < 5000; m++) {
      if (m > 11) {
        m = 0;
        y++;
      }
      const d = Math.floor(Date.UTC(y, m, 1) / MS_PER_DAY);
      if (d > maxDay) break;
      if (d < minDay || m % every !== 0) continue;
      out.push({ x: x(d), label: m === 0 ? String(y) : `${MONTHS[m]} ${y}`, major: m === 0 });
    }
    return out;
  }
  const yearPx = pxPerDay * 365;
  const every = yearPx >= 48 ? 1 : yearPx >= 10 ? 5 : 10;
  for (let y = start.getUTCFullYear(); out.length < 5000; y++) {
    const d = Math.floor(Date.UTC(y, 0, 1) / MS_PER_DAY);
    if (d > maxDay) break;
    if (d < minDay || y % every !== 0) continue;
    out.push({ x: x(d), label: String(y), major: y % 10 === 0 });
  }
  return out;
}
