// What the timeline panel shows of a built timeline: the events of the days on screen, briefly, or their counts
// per lane and bucket of days when there are too many to draw one by one. 10,000 articles make ~230,000 events
// (350 MB as full JSON): the panel asks for a window at a time and for one event in full when it is opened.
import type { TimelineEvent, TimelineEventBrief, TimelineFacet, TimelineLaneCounts, TimelineWindowParams, TimelineWindowResult } from '../../protocol';
import { dayNumber, fromDayNumber, isoDay, parseIsoDay } from '../dates/calendar';
import { compileFilter, factionOf, kindOf, passes, placeOf } from './timelineFilter';
import { ITEMS_PER_STEP } from './sortedInSteps';
import { runSteps } from '../steps';

/** Events drawn one by one at most, when the request names no limit. */
export const WINDOW_LIMIT = 1500;

/** A built timeline with what every window reads, worked out once: days as numbers, sources, filter counts. */
export interface TimelineIndex {
  events: readonly TimelineEvent[];
  /** First day of each event (days since 1970-01-01), NaN when undated. */
  start: Float64Array;
  /** Last day it may have happened; Infinity when open-ended, NaN when undated. */
  end: Float64Array;
  /** Every source reporting each event, the shown one first. */
  sources: string[][];
  facets: { factions: Map<string, number>; places: Map<string, number>; sources: Map<string, number>; kinds: Map<string, number> };
}

/** Indexes the events of a timeline (in its chronological order). Never throws. */
export function indexTimeline(events: readonly TimelineEvent[]): TimelineIndex {
  return runSteps(indexTimelineSteps(events));
}

/** indexTimeline, yielding every few thousand events (200,000 events at 10,000 articles: 0.5 s in one piece). */
export function* indexTimelineSteps(events: readonly TimelineEvent[]): Generator<void, TimelineIndex> {
  const valid = events.filter((e) => e && typeof e.id === 'string');
  const start = new Float64Array(valid.length);
  const end = new Float64Array(valid.length);
  const sources: string[][] = [];
  const facets = { factions: new Map<string, number>(), places: new Map<string, number>(), sources: new Map<string, number>(), kinds: new Map<string, number>() };
  const count = (m: Map<string, number>, v: string) => m.set(v, (m.get(v) ?? 0) + 1);
  for (let i = 0; i < valid.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const e = valid[i];
    const a = dayOf(e.sortDate);
    start[i] = a;
    end[i] = Number.isNaN(a) ? NaN : e.endDate === null ? Infinity : Math.max(a, dayOf(e.endDate) || a);
    const s = sourcesOf(e);
    sources.push(s);
    count(facets.factions, factionOf(e));
    count(facets.places, placeOf(e));
    count(facets.kinds, kindOf(e));
    for (const x of s) count(facets.sources, x);
  }
  return { events: valid, start, end, sources, facets };
}

/** The window of an indexed timeline a request asks for. Never throws on odd params. */
export function timelineWindow(index: TimelineIndex, params: Partial<TimelineWindowParams>, articles: number): TimelineWindowResult {
  const filter = compileFilter(params.filter);
  const limit = wholeNumber(params.limit, WINDOW_LIMIT);
  const from = dayOf(params.from ?? null);
  const to = dayOf(params.to ?? null);
  const lo = Number.isNaN(from) ? -Infinity : from;
  const hi = Number.isNaN(to) ? Infinity : to;
  const inWindow: number[] = [];
  const undated: number[] = [];
  let shown = 0;
  let first = Infinity;
  let last = -Infinity;
  const { events, start, end } = index;
  for (let i = 0; i < events.length; i++) {
    if (!passes(events[i], index.sources[i], filter)) continue;
    shown++;
    const a = start[i];
    if (Number.isNaN(a)) {
      undated.push(i);
      continue;
    }
    first = Math.min(first, a);
    last = Math.max(last, end[i] === Infinity ? a : end[i]);
    if (a <= hi && end[i] >= lo) inWindow.push(i);
  }
  const tooMany = inWindow.length > limit;
  return {
    events: tooMany ? [] : inWindow.map((i) => briefOf(events[i], index.sources[i])),
    inWindow: inWindow.length,
    lanes: tooMany ? laneCounts(index, inWindow, params.laneBy === 'place' ? 'place' : 'faction', wholeNumber(params.bucketDays, 1) || 1, lo) : null,
    undated: undated.slice(0, limit).map((i) => briefOf(events[i], index.sources[i])),
    undatedCount: undated.length,
    total: events.length,
    shown,
    range: Number.isFinite(first) ? { from: isoDay(fromDayNumber(first)), to: isoDay(fromDayNumber(last)) } : null,
    filters: {
      factions: facetList(index.facets.factions, filter?.factions),
      places: facetList(index.facets.places, filter?.places),
      sources: facetList(index.facets.sources, filter?.sources),
      kinds: facetList(index.facets.kinds, filter?.kinds),
    },
    articles,
  };
}

/** The events passing a filter, in timeline order (what an export of the panel's view holds). */
export function filteredEvents(index: TimelineIndex, filter: Parameters<typeof compileFilter>[0]): TimelineEvent[] {
  const f = compileFilter(filter);
  return f ? index.events.filter((e, i) => passes(e, index.sources[i], f)) : [...index.events];
}

/** An event as the panel draws it. */
export function briefOf(e: TimelineEvent, sources: string[] = sourcesOf(e)): TimelineEventBrief {
  return {
    id: e.id,
    kind: e.kind,
    sortDate: e.sortDate,
    endDate: e.endDate,
    dateLabel: e.dateLabel,
    precision: e.precision,
    dateSource: e.dateSource,
    actor: e.actor,
    actorId: e.actorId,
    action: e.action,
    place: e.place,
    placeId: e.placeId,
    modality: e.modality,
    summary: e.summary,
    sources,
    conflicts: e.conflicts,
    headline: e.article?.headline ?? null,
    location: e.location,
  };
}

/** Lanes as the panel makes them (by actor or place, in order of their first event), counting events per bucket. */
function laneCounts(index: TimelineIndex, inWindow: number[], laneBy: 'faction' | 'place', bucketDays: number, from: number): TimelineLaneCounts[] {
  const lanes = new Map<string, { label: string; buckets: Map<number, number> }>();
  for (const i of inWindow) {
    const e = index.events[i];
    const key = laneBy === 'place' ? e.placeId ?? placeOf(e) : e.actorId ?? factionOf(e);
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { label: laneBy === 'place' ? placeOf(e) : factionOf(e), buckets: new Map() }));
    // An event begun before the window (a siege "since 2015") counts where the window starts: that is where it shows.
    const bucket = Math.floor(Math.max(index.start[i], from) / bucketDays) * bucketDays;
    lane.buckets.set(bucket, (lane.buckets.get(bucket) ?? 0) + 1);
  }
  return [...lanes].map(([key, lane]) => ({
    key,
    label: lane.label,
    buckets: [...lane.buckets].sort((a, b) => a[0] - b[0]).map(([day, n]): [string, number] => [isoDay(fromDayNumber(day)), n]),
  }));
}

function facetList(counts: Map<string, number>, hidden: Set<string> | undefined): TimelineFacet[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([value, count]) => ({ value, count, hidden: hidden?.has(value) ?? false }));
}

/** The event's source, then its reports' other sources, each once. */
function sourcesOf(e: TimelineEvent): string[] {
  const reports = Array.isArray(e.reports) ? e.reports : [];
  // Most events have a report or two: a list searched through, not a set and two copies per event.
  if (reports.length > 16) return [...new Set([e.source, ...reports.map((r) => r.source)])];
  const out = [e.source];
  for (const r of reports) if (!out.includes(r.source)) out.push(r.source);
  return out;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, NaN when there is none. */
function dayOf(iso: string | null): number {
  const day = parseIsoDay(iso);
  return day && iso!.length === 10 ? dayNumber(day) : NaN;
}

function wholeNumber(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback;
}
