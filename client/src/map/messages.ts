// Messages between the map panel (extension side) and its webview script, declared once for both sides.
import type { Location, MapPlaceResult, MapResult, Scope } from '../../../server/src/protocol';
import { locationFrom } from '../webviewLocation';

/** What comes back after a reload: scope, the slider's date and the selected place. */
export interface MapViewState {
  scope: Scope;
  uri?: string;
  /** The slider's day (YYYY-MM-DD), or null for the latest. */
  date: string | null;
  selectedId: string | null;
}

export const DEFAULT_MAP_STATE: MapViewState = { scope: 'workspace', date: null, selectedId: null };

/** extension → webview */
export type ToMapWebview =
  | { type: 'state'; state: MapViewState }
  | { type: 'basemap'; topology: unknown }
  | { type: 'loading' }
  | { type: 'places'; result: MapResult; title: string }
  /** A place's details with a page of its sentences, asked for by `offset` (empty and `error` when the request failed). */
  | { type: 'placeDetails'; placeId: string; offset: number; result: MapPlaceResult; error?: string }
  | { type: 'error'; message: string }
  | { type: 'saved'; target: string };

/** webview → extension */
export type FromMapWebview =
  | { type: 'ready' }
  | { type: 'open'; location: Location }
  /** The selected place's details and its sentences from `offset` on (0: the first page, with the details). */
  | { type: 'placeDetails'; placeId: string; offset: number }
  | { type: 'refresh' }
  | { type: 'stateChanged'; state: MapViewState }
  | { type: 'export'; format: 'svg' | 'png'; data: string };

/** Narrows an unknown message from the webview, or null. */
export function parseFromMapWebview(m: unknown): FromMapWebview | null {
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
    case 'stateChanged':
      return { type: 'stateChanged', state: normalizeMapState(msg.state) };
    case 'placeDetails':
      return typeof msg.placeId === 'string' && msg.placeId.length < 1_000 && Number.isSafeInteger(msg.offset) && (msg.offset as number) >= 0
        ? { type: 'placeDetails', placeId: msg.placeId, offset: msg.offset as number }
        : null;
    case 'export':
      return (msg.format === 'svg' || msg.format === 'png') && typeof msg.data === 'string' && msg.data.length < 50_000_000 ? { type: 'export', format: msg.format, data: msg.data } : null;
    default:
      return null;
  }
}

export function normalizeMapState(raw: unknown): MapViewState {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<MapViewState>;
  return {
    scope: s.scope === 'article' ? 'article' : 'workspace',
    ...(typeof s.uri === 'string' ? { uri: s.uri } : {}),
    date: typeof s.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? s.date : null,
    selectedId: typeof s.selectedId === 'string' ? s.selectedId : null,
  };
}
