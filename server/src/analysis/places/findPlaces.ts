// OWNED BY the places work (issue 3).
import { PlaceMention, Sentence, Span } from '../types';
import { PlaceIndex } from './placeIndex';

export interface PlaceContext {
  /** Spans already taken by other mentions (factions, dates): no place may overlap them. */
  blocked: Span[];
  /** Dateline city as written ("DAMASCUS"), a strong focus cue. */
  datelineCity: string | null;
}

/** Finds place names in the sentences and resolves each to a gazetteer entry. */
export function findPlaces(_text: string, _sentences: Sentence[], _index: PlaceIndex, _ctx: PlaceContext): PlaceMention[] {
  return [];
}
