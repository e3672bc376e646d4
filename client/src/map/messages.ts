// Messages between the map panel (extension side) and its webview script, declared once for both sides.
import type { Location, MapResult, Scope } from '../../../server/src/protocol';
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
  | { type: 'error'; message: string }
  | { type: 'saved'; target: string };

/** webview → extension */
export type FromMapWebview =
  | { type: 'ready' }
  | { type: 'open'; location: Location }
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
