// TimelineJS (Knight Lab) JSON: `events[]` with `start_date {year, month, day}`, `text {headline, text}` and `group`.
// TimelineJS renders text fields as HTML, so every piece of article text is HTML-escaped here.
import type { TimelineEvent } from '../../../protocol';
import { parseIsoDay, daysInMonth } from '../../dates/calendar';
import { escapeHtml } from './escape';

export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineJsEvent {
  unique_id: string;
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date: string;
  text: { headline: string; text: string };
  group: string;
}

export interface TimelineJsDocument {
  title: { text: { headline: string; text: string } };
  events: TimelineJsEvent[];
}

export interface TimelineJsOptions {
  title?: string;
  /** Lanes: by faction (default) or by place. */
  groupBy?: 'faction' | 'place';
}

/** Renders dated events as a TimelineJS document (undated events are left out: TimelineJS needs a year). */
export function toTimelineJs(events: TimelineEvent[], options: TimelineJsOptions = {}): TimelineJsDocument {
  const out: TimelineJsEvent[] = [];
  const ids = new Set<string>();
  for (const e of events) {
    const range = tjsRange(e);
    if (!range) continue;
    const item: TimelineJsEvent = {
      unique_id: uniqueId(e.id, ids),
      start_date: { ...range.start, display_date: escapeHtml(e.dateLabel) },
      display_date: escapeHtml(e.dateLabel),
      text: { headline: escapeHtml(headline(e)), text: body(e) },
      group: escapeHtml((options.groupBy === 'place' ? e.place : e.actor) ?? 'Other'),
    };
    if (range.end) item.end_date = range.end;
    out.push(item);
  }
  return {
    title: { text: { headline: escapeHtml(options.title ?? 'Timeline'), text: `<p>${out.length} dated events, built by Dateline from the articles’ claims.</p>` } },
    events: out,
  };
}

function headline(e: TimelineEvent): string {
  return e.modality === 'predicted' ? `Predicted: ${e.summary}` : e.summary;
}

function body(e: TimelineEvent): string {
  const parts = [`<p>${escapeHtml(e.sentence)}</p>`];
  const cite = [e.source, e.article.headline, e.article.published].filter(Boolean).map((s) => escapeHtml(String(s))).join(', ');
  parts.push(`<p>Source: ${cite}</p>`);
  for (const v of e.versions) parts.push(`<p>Disputed (${escapeHtml(v.kind)}): ${escapeHtml(v.source ? `${v.source}: ` : '')}${escapeHtml(v.summary)}</p>`);
  if (e.reports.length > 1) parts.push(`<p>Also reported by: ${e.reports.slice(1).map((r) => escapeHtml(r.source)).join('; ')}</p>`);
  return parts.join('');
}

/**
 * Start (and end) at the precision the event has: a whole year → {year}, a whole month → {year, month},
 * "since 2015" → {year: 2015} with no end, anything else → days.
 */
function tjsRange(e: TimelineEvent): { start: TimelineJsDate; end?: TimelineJsDate } | null {
  const a = parseIsoDay(e.sortDate);
  if (!a) return null;
  const b = parseIsoDay(e.endDate);
  if (!b) {
    if (/^\d{4}$/.test(e.value)) return { start: { year: a.y } };
    if (/^\d{4}-\d{2}$/.test(e.value)) return { start: { year: a.y, month: a.m } };
    return { start: { year: a.y, month: a.m, day: a.d } };
  }
  const wholeMonths = a.d === 1 && b.d === daysInMonth(b.y, b.m);
  if (wholeMonths && a.y === b.y && a.m === 1 && b.m === 12) return { start: { year: a.y } };
  if (wholeMonths && a.y === b.y && a.m === b.m) return { start: { year: a.y, month: a.m } };
  const start = { year: a.y, month: a.m, day: a.d };
  return e.endDate === e.sortDate ? { start } : { start, end: { year: b.y, month: b.m, day: b.d } };
}

/** TimelineJS ids must be unique and usable in URL fragments. */
function uniqueId(id: string, seen: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(-80) || 'event';
  let u = base;
  for (let n = 2; seen.has(u); n++) u = `${base}-${n}`;
  seen.add(u);
  return u;
}
