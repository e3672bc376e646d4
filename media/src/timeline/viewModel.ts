// Pure "view model" of the timeline: a window of events (from the server) + view state → lanes, boxes at pixel
// positions (or count bars when the window holds too many events to draw), ticks and the words each event shows
// and says to screen readers. No DOM here, so all of it is tested without a browser.
import type { TimelineEventBrief, TimelineFacet, TimelineWindowResult } from '../../../server/src/protocol';
import type { KindFilter, TimelineViewState } from '../../../client/src/timeline/messages';
import { NO_ACTOR, NO_PLACE } from '../../../server/src/analysis/timeline/timelineFilter';
import { clampZoom, dayOf, MAX_WIDTH, Tick, ticks } from './timeScale';

/** Smallest box drawn, so a one-day event at year zoom is still a target for the mouse and its label fits. */
export const MIN_BOX = 190;
const GAP = 6;
export const ROW_HEIGHT = 30;
const LANE_PADDING = 8;
/** Narrowest count bar: the webview asks for buckets of as many days as make it. */
export const MIN_BAR = 8;

export interface EventBox {
  id: string;
  event: TimelineEventBrief;
  x: number;
  width: number;
  /** Row inside its lane (reported events first, predicted ones in their own band below). */
  row: number;
  predicted: boolean;
  open: boolean;
  conflict: boolean;
  /** The text on the box: "1 Sep 2017 · Syrian Arab Army took control of Uqayribat". */
  label: string;
  /** What a screen reader says: date, what, where, who says so, in which article, and any dispute. */
  ariaLabel: string;
}

/** How many events of a lane start in a bucket of days, when there are too many to draw one by one. */
export interface CountBar {
  day: string;
  x: number;
  width: number;
  count: number;
  /** 0..1 of the lane's height: the count against the window's largest. */
  level: number;
}

export interface LaneView {
  key: string;
  label: string;
  /** 0..7, for the lane's theme colour. */
  colour: number;
  top: number;
  height: number;
  boxes: EventBox[];
  bars: CountBar[];
}

export type FilterOption = TimelineFacet;

export interface ViewModel {
  width: number;
  height: number;
  pxPerDay: number;
  minDay: number;
  maxDay: number;
  lanes: LaneView[];
  ticks: Tick[];
  /** Visible events in chronological order (keyboard navigation follows it). */
  order: EventBox[];
  /** The window holds more events than are drawn: lanes show count bars. */
  aggregated: boolean;
  inWindow: number;
  undated: TimelineEventBrief[];
  undatedCount: number;
  filters: { factions: FilterOption[]; places: FilterOption[]; sources: FilterOption[]; kinds: FilterOption[] };
  total: number;
  shown: number;
  selected: TimelineEventBrief | null;
}

export { NO_ACTOR, NO_PLACE };

export const KIND_LABELS: Record<KindFilter, string> = {
  reported: 'Reported',
  predicted: 'Predicted',
  denied: 'Denied',
  'dated-sentence': 'Other dated sentences',
};

const factionOf = (e: TimelineEventBrief) => e.actor ?? NO_ACTOR;
const placeOf = (e: TimelineEventBrief) => e.place ?? NO_PLACE;

/** The days shown and the zoom they are shown at, from the range of the events passing the filters. */
export function axisOf(range: TimelineWindowResult['range'], state: TimelineViewState): { minDay: number; maxDay: number; pxPerDay: number; width: number } {
  let minDay = dayOf(range?.from) ?? 0;
  let maxDay = Math.max(minDay, dayOf(range?.to) ?? minDay);
  const pad = Math.max(3, Math.round((maxDay - minDay) * 0.03));
  minDay -= pad;
  maxDay += pad;
  const span = Math.max(1, maxDay - minDay);
  const pxPerDay = Math.min(clampZoom(state.pxPerDay), MAX_WIDTH / span);
  return { minDay, maxDay, pxPerDay, width: Math.ceil(span * pxPerDay) + MIN_BOX };
}

/** Days per count bar at a zoom, so that a bar is at least MIN_BAR pixels wide. */
export function bucketDaysAt(pxPerDay: number): number {
  return Math.max(1, Math.ceil(MIN_BAR / pxPerDay));
}

/** Builds the whole view: never throws on odd windows (missing dates, unknown kinds, huge ranges). */
export function buildViewModel(win: TimelineWindowResult | null, state: TimelineViewState, bucketDays = 1): ViewModel {
  const { minDay, maxDay, pxPerDay, width } = axisOf(win?.range ?? null, state);
  const events = (Array.isArray(win?.events) ? win!.events : []).filter((e) => e && typeof e.id === 'string' && dayOf(e.sortDate) !== null);
  const undated = (Array.isArray(win?.undated) ? win!.undated : []).filter((e) => e && typeof e.id === 'string');

  const laneKey = (e: TimelineEventBrief) => (state.laneBy === 'place' ? e.placeId ?? placeOf(e) : e.actorId ?? factionOf(e));
  const laneLabel = (e: TimelineEventBrief) => (state.laneBy === 'place' ? placeOf(e) : factionOf(e));
  const groups = new Map<string, { label: string; events: TimelineEventBrief[] }>();
  for (const e of events) {
    const k = laneKey(e);
    const g = groups.get(k) ?? { label: laneLabel(e), events: [] };
    g.events.push(e);
    groups.set(k, g);
  }

  const lanes: LaneView[] = [];
  let top = 0;
  let colour = 0;
  for (const [key, g] of groups) {
    const boxes = g.events.map((e) => boxOf(e, minDay, maxDay, pxPerDay, state.laneBy));
    const reported = packRows(boxes.filter((b) => !b.predicted), 0);
    packRows(boxes.filter((b) => b.predicted), reported);
    const rows = Math.max(1, ...boxes.map((b) => b.row + 1));
    const height = rows * ROW_HEIGHT + LANE_PADDING * 2;
    lanes.push({ key, label: g.label, colour: colour++ % 8, top, height, boxes, bars: [] });
    top += height;
  }
  const counted = Array.isArray(win?.lanes) ? win!.lanes : [];
  const most = Math.max(1, ...counted.flatMap((l) => l.buckets.map((b) => b[1])));
  for (const l of counted) {
    const bars = l.buckets.map(([day, count]): CountBar => ({ day, x: Math.round(((dayOf(day) ?? minDay) - minDay) * pxPerDay), width: Math.max(2, Math.round(bucketDays * pxPerDay) - 1), count, level: count / most }));
    const height = ROW_HEIGHT * 2 + LANE_PADDING * 2;
    lanes.push({ key: l.key, label: l.label, colour: colour++ % 8, top, height, boxes: [], bars });
    top += height;
  }

  const order = lanes.flatMap((l) => l.boxes).sort((a, b) => chronological(a.event, b.event));
  const all = [...events, ...undated];
  return {
    width,
    height: top,
    pxPerDay,
    minDay,
    maxDay,
    lanes,
    ticks: ticks(minDay, maxDay, pxPerDay),
    order,
    aggregated: counted.length > 0,
    inWindow: win?.inWindow ?? 0,
    undated,
    undatedCount: win?.undatedCount ?? undated.length,
    filters: win?.filters ?? { factions: [], places: [], sources: [], kinds: [] },
    total: win?.total ?? 0,
    shown: win?.shown ?? 0,
    selected: all.find((e) => e.id === state.selectedId) ?? null,
  };
}

/** The order the server sent is chronological; keep it among visible events (stable on ties). */
function chronological(a: TimelineEventBrief, b: TimelineEventBrief): number {
  const da = dayOf(a.sortDate) ?? Infinity;
  const db = dayOf(b.sortDate) ?? Infinity;
  return da - db || (dayOf(a.endDate) ?? Infinity) - (dayOf(b.endDate) ?? Infinity);
}

function boxOf(e: TimelineEventBrief, minDay: number, maxDay: number, pxPerDay: number, laneBy: TimelineViewState['laneBy']): EventBox {
  const a = dayOf(e.sortDate)!;
  const open = e.endDate === null;
  const b = open ? maxDay : Math.max(a, dayOf(e.endDate) ?? a);
  const x = Math.round((a - minDay) * pxPerDay);
  const width = Math.max(MIN_BOX, Math.round((b - a + 1) * pxPerDay));
  return {
    id: e.id,
    event: e,
    x,
    width,
    row: 0,
    predicted: e.modality === 'predicted',
    open,
    conflict: e.conflicts.length > 0,
    label: boxLabel(e, laneBy),
    ariaLabel: ariaLabelOf(e),
  };
}

/** Greedy interval packing: each box takes the first row where it does not overlap; returns rows used. */
function packRows(boxes: EventBox[], firstRow: number): number {
  const ends: number[] = [];
  for (const b of boxes.sort((p, q) => p.x - q.x)) {
    let r = ends.findIndex((end) => end + GAP <= b.x);
    if (r < 0) {
      r = ends.length;
      ends.push(0);
    }
    ends[r] = b.x + b.width;
    b.row = firstRow + r;
  }
  return firstRow + ends.length;
}

/** The box's own text: date at its precision, then what happened; the lane already names the faction. */
export function boxLabel(e: TimelineEventBrief, laneBy: TimelineViewState['laneBy'] = 'place'): string {
  return `${e.dateLabel} · ${e.modality === 'predicted' ? 'Predicted: ' : ''}${shortSummary(e, laneBy)}`;
}

/** The summary without the actor's name when the lane is that actor's ("took control of Uqayribat"). */
export function shortSummary(e: TimelineEventBrief, laneBy: TimelineViewState['laneBy']): string {
  if (laneBy !== 'faction' || !e.actor || !e.summary.startsWith(`${e.actor} `)) return e.summary;
  return e.summary.slice(e.actor.length + 1);
}

/** One sentence a screen reader can say for the event. */
export function ariaLabelOf(e: TimelineEventBrief): string {
  const parts = [`${e.dateLabel}: ${e.modality === 'predicted' ? 'predicted, ' : e.modality === 'denied' ? 'denied, ' : ''}${e.summary}`];
  if (e.place && !e.summary.includes(e.place)) parts.push(`in ${e.place}`);
  parts.push(`According to ${e.sources.join(' and ')}`);
  if (e.headline) parts.push(`Article: “${e.headline}”`);
  if (e.conflicts.length) parts.push('Disputed: select it to read the other versions');
  return parts.join('. ') + '.';
}

/** Precision in words for the details pane. */
export function precisionWords(e: Pick<TimelineEventBrief, 'precision' | 'dateSource' | 'sortDate' | 'endDate'>): string {
  const from = e.dateSource === 'publication' ? ', dated by the report itself' : e.dateSource === 'sentence' ? ', from a date in the sentence' : '';
  switch (e.precision) {
    case 'day':
      return `to the day${from}`;
    case 'week':
      return `to within a week${from}`;
    case 'month':
      return `to within a month${from}`;
    case 'season':
      return `to within a season${from}`;
    case 'year':
      return `to the year${from}`;
    case 'decade':
      return `to the decade${from}`;
    case 'range':
      return e.endDate ? `a range${from}` : `open-ended: from ${e.sortDate ?? '?'} on${from}`;
    default:
      return `unknown${from}`;
  }
}
