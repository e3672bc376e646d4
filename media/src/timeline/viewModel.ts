// Pure "view model" of the timeline: events + view state → filtered lanes, boxes at pixel positions, ticks and
// the words each event shows and says to screen readers. No DOM here, so all of it is tested without a browser.
import type { TimelineEvent } from '../../../server/src/protocol';
import type { KindFilter, TimelineViewState } from '../../../client/src/timeline/messages';
import { clampZoom, dayOf, MAX_WIDTH, Tick, ticks } from './timeScale';

/** Smallest box drawn, so a one-day event at year zoom is still a target for the mouse and its label fits. */
export const MIN_BOX = 190;
const GAP = 6;
export const ROW_HEIGHT = 30;
const LANE_PADDING = 8;

export interface EventBox {
  id: string;
  event: TimelineEvent;
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

export interface LaneView {
  key: string;
  label: string;
  /** 0..7, for the lane's theme colour. */
  colour: number;
  top: number;
  height: number;
  boxes: EventBox[];
}

export interface FilterOption {
  value: string;
  count: number;
  hidden: boolean;
}

export interface ViewModel {
  width: number;
  height: number;
  pxPerDay: number;
  minDay: number;
  lanes: LaneView[];
  ticks: Tick[];
  /** Visible events in chronological order (keyboard navigation follows it). */
  order: EventBox[];
  undated: TimelineEvent[];
  filters: { factions: FilterOption[]; places: FilterOption[]; sources: FilterOption[]; kinds: FilterOption[] };
  total: number;
  shown: number;
  selected: TimelineEvent | null;
}

export const NO_ACTOR = 'No actor named';
export const NO_PLACE = 'No place named';

/** The kind an event counts as for the kind filter. */
export function kindOf(e: TimelineEvent): KindFilter {
  if (e.kind === 'dated-sentence') return 'dated-sentence';
  if (e.modality === 'predicted') return 'predicted';
  if (e.modality === 'denied') return 'denied';
  return 'reported';
}

export const KIND_LABELS: Record<KindFilter, string> = {
  reported: 'Reported',
  predicted: 'Predicted',
  denied: 'Denied',
  'dated-sentence': 'Other dated sentences',
};

const factionOf = (e: TimelineEvent) => e.actor ?? NO_ACTOR;
const placeOf = (e: TimelineEvent) => e.place ?? NO_PLACE;
const sourcesOf = (e: TimelineEvent) => [...new Set([e.source, ...e.reports.map((r) => r.source)])];

/** Does the event pass the filters of the state? */
export function isShown(e: TimelineEvent, s: TimelineViewState): boolean {
  if (s.hidden.kinds.includes(kindOf(e))) return false;
  if (s.hidden.factions.includes(factionOf(e))) return false;
  if (s.hidden.places.includes(placeOf(e))) return false;
  if (s.hidden.sources.length && sourcesOf(e).every((x) => s.hidden.sources.includes(x))) return false;
  if (s.conflictsOnly && e.conflicts.length === 0) return false;
  return true;
}

/** Builds the whole view: never throws on odd events (missing dates, unknown kinds, huge ranges). */
export function buildViewModel(events: TimelineEvent[], state: TimelineViewState): ViewModel {
  const valid = events.filter((e) => e && typeof e.id === 'string');
  const shown = valid.filter((e) => isShown(e, state));
  const dated = shown.filter((e) => dayOf(e.sortDate) !== null);
  const undated = shown.filter((e) => dayOf(e.sortDate) === null);

  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const e of dated) {
    const a = dayOf(e.sortDate)!;
    const b = dayOf(e.endDate) ?? a;
    minDay = Math.min(minDay, a);
    maxDay = Math.max(maxDay, b, a);
  }
  if (!Number.isFinite(minDay)) {
    minDay = 0;
    maxDay = 0;
  }
  const pad = Math.max(3, Math.round((maxDay - minDay) * 0.03));
  minDay -= pad;
  maxDay += pad;
  const span = Math.max(1, maxDay - minDay);
  const pxPerDay = Math.min(clampZoom(state.pxPerDay), MAX_WIDTH / span);
  const width = Math.ceil(span * pxPerDay) + MIN_BOX;

  const laneKey = (e: TimelineEvent) => (state.laneBy === 'place' ? e.placeId ?? placeOf(e) : e.actorId ?? factionOf(e));
  const laneLabel = (e: TimelineEvent) => (state.laneBy === 'place' ? placeOf(e) : factionOf(e));
  const groups = new Map<string, { label: string; events: TimelineEvent[] }>();
  for (const e of dated) {
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
    lanes.push({ key, label: g.label, colour: colour++ % 8, top, height, boxes });
    top += height;
  }

  const order = lanes.flatMap((l) => l.boxes).sort((a, b) => chronological(a.event, b.event));
  return {
    width,
    height: top,
    pxPerDay,
    minDay,
    lanes,
    ticks: ticks(minDay, maxDay, pxPerDay),
    order,
    undated,
    filters: {
      factions: options(valid, (e) => [factionOf(e)], state.hidden.factions),
      places: options(valid, (e) => [placeOf(e)], state.hidden.places),
      sources: options(valid, sourcesOf, state.hidden.sources),
      kinds: options(valid, (e) => [kindOf(e)], state.hidden.kinds),
    },
    total: valid.length,
    shown: shown.length,
    selected: valid.find((e) => e.id === state.selectedId) ?? null,
  };
}

/** The order the server sent is chronological; keep it among visible events (stable on ties). */
function chronological(a: TimelineEvent, b: TimelineEvent): number {
  const da = dayOf(a.sortDate) ?? Infinity;
  const db = dayOf(b.sortDate) ?? Infinity;
  return da - db || (dayOf(a.endDate) ?? Infinity) - (dayOf(b.endDate) ?? Infinity);
}

function boxOf(e: TimelineEvent, minDay: number, maxDay: number, pxPerDay: number, laneBy: TimelineViewState['laneBy']): EventBox {
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

function options(events: TimelineEvent[], values: (e: TimelineEvent) => string[], hidden: string[]): FilterOption[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const v of values(e)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([value, count]) => ({ value, count, hidden: hidden.includes(value) }));
}

/** The box's own text: date at its precision, then what happened; the lane already names the faction. */
export function boxLabel(e: TimelineEvent, laneBy: TimelineViewState['laneBy'] = 'place'): string {
  return `${e.dateLabel} · ${e.modality === 'predicted' ? 'Predicted: ' : ''}${shortSummary(e, laneBy)}`;
}

/** The summary without the actor's name when the lane is that actor's ("took control of Uqayribat"). */
export function shortSummary(e: TimelineEvent, laneBy: TimelineViewState['laneBy']): string {
  if (laneBy !== 'faction' || !e.actor || !e.summary.startsWith(`${e.actor} `)) return e.summary;
  return e.summary.slice(e.actor.length + 1);
}

/** One sentence a screen reader can say for the event. */
export function ariaLabelOf(e: TimelineEvent): string {
  const parts = [`${e.dateLabel}: ${e.modality === 'predicted' ? 'predicted, ' : e.modality === 'denied' ? 'denied, ' : ''}${e.summary}`];
  if (e.place && !e.summary.includes(e.place)) parts.push(`in ${e.place}`);
  parts.push(`According to ${sourcesOf(e).join(' and ')}`);
  if (e.article.headline) parts.push(`Article: “${e.article.headline}”`);
  if (e.conflicts.length) parts.push(`Disputed: ${e.versions.map((v) => `${v.source ? `${v.source} ${v.modality === 'predicted' ? 'predicted' : 'says'} ` : ''}${v.summary}`).join('; ') || 'see details'}`);
  return parts.join('. ') + '.';
}

/** Precision in words for the details pane. */
export function precisionWords(e: TimelineEvent): string {
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
