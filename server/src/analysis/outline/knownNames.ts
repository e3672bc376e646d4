// What the dictionaries know about names, for finding entities by spellings no article uses:
// the gazetteer maps a typed name to the places it can mean ("Palmyra" → Tadmur), the factions
// dictionary lists each faction's aliases ("Daesh" → Islamic State).
import { Knowledge } from '../knowledge';
import { lookupKey, placeId } from '../places/placeIndex';
import { placeKey } from '../places/placeKey';

export interface NameKnowledge {
  /** Names the dictionaries give an entity besides the one in the text. */
  aliases(kind: 'place' | 'faction', id: string): readonly string[];
  /** Ids of the places a typed name can mean. */
  placeIdsFor(name: string): ReadonlySet<string>;
}

export const NO_NAMES: NameKnowledge = { aliases: () => [], placeIdsFor: () => new Set() };

/** Name lookups over the loaded knowledge; any failure (missing data) reads as "nothing known". */
export function nameKnowledge(k: Knowledge): NameKnowledge {
  return {
    aliases(kind, id) {
      if (kind !== 'faction') return [];
      try {
        const entry = k.factions.byId?.get(id);
        // Aliases are strings or dated { text, from, to } records.
        return entry ? [entry.name, ...entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))] : [];
      } catch {
        return [];
      }
    },
    placeIdsFor(name) {
      try {
        const key = placeKey(name);
        const found = key ? lookupKey(k.places, key) : null;
        return new Set(found ? found.candidates.map((i) => placeId(k.places, i)) : []);
      } catch {
        return new Set();
      }
    },
  };
}
