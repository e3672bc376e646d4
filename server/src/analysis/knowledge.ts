import type { PlaceIndex } from './places/placeIndex';
import type { FactionIndex } from './factions/factionIndex';

/** Everything the core knows about the world, built once from data and handed to every analysis. */
export interface Knowledge {
  places: PlaceIndex;
  factions: FactionIndex;
}
