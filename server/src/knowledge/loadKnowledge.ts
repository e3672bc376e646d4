// Loads the built-in data (gazetteer, factions dictionary) once. This is the I/O side; the core only sees the result.
import { Knowledge } from '../analysis/knowledge';
import { loadPlaceIndex } from './loadPlaceIndex';
import { loadFactionIndex } from './loadFactions';

export function loadKnowledge(): Knowledge {
  return { places: loadPlaceIndex().index, factions: loadFactionIndex() };
}
