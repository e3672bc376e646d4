// The messages between the timeline panel (extension side) and its webview script, declared once for both sides.
// Plain data only; the webview treats every event's text as untrusted. The webview asks for the window of days it
// shows and for an event in full when it is selected; the extension passes both on to the server.
import type { Location, Scope, TimelineEvent, TimelineFilter, TimelineFormat, TimelineWindowResult } from '../../../server/src/protocol';
import { locationFrom } from '../webviewLocation';

export type LaneBy = 'faction' | 'place';
export type ZoomLevel = 'days' | 'months' | 'years';
export type KindFilter = 'reported' | 'predicted' | 'denied' | 'dated-sentence';

/** Everything the view needs to come back as it was: kept by the webview (setState) and by the serializer. */
export interface TimelineViewState {
  scope: Scope;
  /** The article, for scope 'article'. */
  uri?: string;
  allDatedSentences: boolean;
  laneBy: LaneBy;
  /** Pixels per day; the zoom buttons snap it to days, months or years. */
  pxPerDay: number;
  /** Hidden values per filter (empty: everything shown). */
  hidden: { factions: string[]; places: string[]; sources: string[]; kinds: KindFilter[] };
  conflictsOnly: boolean;
  selectedId: string | null;
  scrollLeft: number;
}

export const DEFAULT_VIEW_STATE: TimelineViewState = {
  scope: 'workspace',
  allDatedSentences: false,
  laneBy: 'faction',
  pxPerDay: 3,
  hidden: { factions: [], places: [], sources: [], kinds: [] },
  conflictsOnly: false,
  selectedId: null,
  scrollLeft: 0,
};

/** extension → webview */
export type ToWebview =
  | { type: 'state'; state: TimelineViewState }
  /** The scope's events changed (or its scope did): ask again for what is shown. */
  | { type: 'changed'; title: string }
  | { type: 'window'; seq: number; window: TimelineWindowResult; title: string }
  | { type: 'detail'; id: string; event: TimelineEvent | null }
  | { type: 'error'; message: string }
  | { type: 'exported'; format: TimelineFormat; target: string | null };

/** webview → extension */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; location: Location }
  /** Exports the events the filters of the view state show. */
  | { type: 'export'; format: TimelineFormat }
  | { type: 'window'; seq: number; query: WindowQuery }
  | { type: 'detail'; id: string }
  | { type: 'refresh' }
  | { type: 'setOptions'; allDatedSentences: boolean }
  | { type: 'showOnMap'; placeId: string }
  | { type: 'stateChanged'; state: TimelineViewState };

/** The days (YYYY-MM-DD, null: open) the webview shows, the width of its count bars in days, its lanes. */
export interface WindowQuery {
  from: string | null;
  to: string | null;
  bucketDays: number;
  laneBy: LaneBy;
}

/** The filter of a view state, as the server reads it. */
export function filterOf(state: TimelineViewState): TimelineFilter {
  return { ...state.hidden, conflictsOnly: state.conflictsOnly };
}

/** The formats the panel's export buttons offer, with their labels. */
export const EXPORTS: { format: TimelineFormat; label: string; title: string }[] = [
  { format: 'md', label: 'Markdown', title: 'Chronology with citations (.md)' },
  { format: 'csv', label: 'CSV', title: 'ACLED-style columns (.csv)' },
  { format: 'json', label: 'JSON', title: 'The events as JSON (.json)' },
  { format: 'timelinejs', label: 'TimelineJS', title: 'TimelineJS JSON (.json)' },
  { format: 'geojson', label: 'GeoJSON', title: 'Places involved, for QGIS or kepler.gl (.geojson)' },
];

/** Narrows an unknown message from the webview to a FromWebview, or null: the webview is not trusted either. */
export function parseFromWebview(m: unknown): FromWebview | null {
  if (!m || typeof m !== 'object') return null;
  const msg = m as Record<string, unknown>;
  switch (msg.type) {
    case 'ready':
    case 'refresh':
      return { type: msg.type };
    case 'open': {
      const location = locationFrom(msg.location);
      return location ? { type: 'open', location } : null;
    }
    case 'export':
      return EXPORTS.some((e) => e.format === msg.format) ? { type: 'export', format: msg.format as TimelineFormat } : null;
    case 'window': {
      const q = (msg.query && typeof msg.query === 'object' ? msg.query : null) as Record<string, unknown> | null;
      const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
      if (!q || typeof msg.seq !== 'number') return null;
      const bucketDays = typeof q.bucketDays === 'number' && Number.isFinite(q.bucketDays) ? Math.min(3660, Math.max(1, Math.round(q.bucketDays))) : 1;
      return { type: 'window', seq: msg.seq, query: { from: day(q.from), to: day(q.to), bucketDays, laneBy: q.laneBy === 'place' ? 'place' : 'faction' } };
    }
    case 'detail':
      return typeof msg.id === 'string' && msg.id.length < 10_000 ? { type: 'detail', id: msg.id } : null;
    case 'setOptions':
      return { type: 'setOptions', allDatedSentences: msg.allDatedSentences === true };
    case 'showOnMap':
      return typeof msg.placeId === 'string' && msg.placeId.length < 500 ? { type: 'showOnMap', placeId: msg.placeId } : null;
    case 'stateChanged':
      return msg.state && typeof msg.state === 'object' ? { type: 'stateChanged', state: normalizeState(msg.state) } : null;
    default:
      return null;
  }
}

/** A state from storage or the webview, with every field checked and defaulted (old or malformed states load). */
export function normalizeState(raw: unknown): TimelineViewState {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<TimelineViewState>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const hidden = (s.hidden && typeof s.hidden === 'object' ? s.hidden : {}) as Partial<TimelineViewState['hidden']>;
  const px = typeof s.pxPerDay === 'number' && Number.isFinite(s.pxPerDay) ? Math.min(200, Math.max(0.01, s.pxPerDay)) : DEFAULT_VIEW_STATE.pxPerDay;
  return {
    scope: s.scope === 'article' ? 'article' : 'workspace',
    ...(typeof s.uri === 'string' ? { uri: s.uri } : {}),
    allDatedSentences: s.allDatedSentences === true,
    laneBy: s.laneBy === 'place' ? 'place' : 'faction',
    pxPerDay: px,
    hidden: {
      factions: strings(hidden.factions),
      places: strings(hidden.places),
      sources: strings(hidden.sources),
      kinds: strings(hidden.kinds).filter((k): k is KindFilter => ['reported', 'predicted', 'denied', 'dated-sentence'].includes(k)),
    },
    conflictsOnly: s.conflictsOnly === true,
    selectedId: typeof s.selectedId === 'string' ? s.selectedId : null,
    scrollLeft: typeof s.scrollLeft === 'number' && Number.isFinite(s.scrollLeft) ? Math.max(0, s.scrollLeft) : 0,
  };
}
