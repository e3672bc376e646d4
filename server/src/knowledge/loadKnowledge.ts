// Loads the built-in data (gazetteer, factions dictionary) once. This is the I/O side; the core only sees the result.
import { Knowledge } from '../analysis/knowledge';
import { loadPlaceIndex } from './loadPlaceIndex';
import { loadFactionIndex } from './loadFactions';

/** `gazetteer`: the gazetteer's bytes when another thread read them already (index workers). */
export function loadKnowledge(options: { gazetteer?: Uint8Array | null } = {}): Knowledge {
  return { places: loadPlaceIndex(options.gazetteer).index, factions: loadFactionIndex() };
}
