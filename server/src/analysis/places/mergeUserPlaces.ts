// Lays the user gazetteer over the built-in one: new places, extra spellings, pinned choices and names that
// are not places. Pure: returns a new index sharing the built-in data, plus what could not be applied.
import { FLAG_CURATED, FLAG_USER, placeIndexOf, PlaceIndex, PlaceRecord, UserPlaceLayer, countryName } from './placeIndex';
import { placeKey } from './placeKey';
import { UserPlaces } from './userPlaces';

export interface MergeProblem {
  /** The entry the problem is about: a place id, or a spelling for pins. */
  subject: string;
  message: string;
}

/** The built-in index with the user's places over it (the built-in index is not changed). */
export function withUserPlaces(base: PlaceIndex, user: UserPlaces): { index: PlaceIndex; problems: MergeProblem[] } {
  const builtIn = base.user ? { ...base, user: null, byId: null, size: base.builtIn } : base;
  const layer: UserPlaceLayer = { places: [], aliases: new Map(), pins: new Map(), excluded: new Map(), prefixes: new Set(), never: new Set() };
  const problems: MergeProblem[] = [];
  const addKey = (spelling: string, id: string) => {
    const key = userKey(spelling);
    if (!key) return;
    const ids = layer.aliases.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    layer.aliases.set(key, ids);
    addPrefixes(layer, key);
  };
  for (const e of user.places) {
    const existing = placeIndexOf(builtIn, e.id);
    if (existing >= 0) {
      if (e.name || e.lat !== null || e.country || e.feature) problems.push({ subject: e.id, message: `${e.id} is a built-in place: only its "aliases" apply (give your own place a new id to change its name, kind or position)` });
      for (const a of e.aliases) addKey(a, e.id);
      continue;
    }
    if (!e.name) {
      problems.push({ subject: e.id, message: `${e.id} is not a built-in place: a new place needs a "name"` });
      continue;
    }
    const record: PlaceRecord = {
      id: e.id,
      name: e.name,
      lat: e.lat,
      lon: e.lon,
      country: e.country,
      countryName: countryName(builtIn, e.country),
      admin1: e.admin1,
      feature: e.feature ?? 'other',
      population: null,
      flags: FLAG_USER | FLAG_CURATED,
    };
    layer.places.push(record);
    for (const a of [e.name, ...e.aliases]) addKey(a, e.id);
  }
  const index: PlaceIndex = { ...builtIn, size: builtIn.builtIn + layer.places.length, user: layer, byId: null };
  for (const pin of user.pins) {
    if (placeIndexOf(index, pin.id) < 0) {
      problems.push({ subject: pin.spelling, message: `pin "${pin.spelling}": no place has the id ${pin.id}` });
      continue;
    }
    const key = userKey(pin.spelling);
    if (!key) continue;
    layer.pins.set(key, pin.id);
    addPrefixes(layer, key);
  }
  for (const spelling of user.notPlaces) {
    const key = userKey(spelling);
    if (key) layer.never.add(key);
  }
  return { index, problems };
}

function userKey(spelling: string): string {
  return /^(?:[A-Z]\.?){2,4}$/.test(spelling) ? spelling.replace(/\./g, '').toLowerCase() : placeKey(spelling);
}

function addPrefixes(layer: UserPlaceLayer, key: string): void {
  for (let sp = key.indexOf(' '); sp >= 0; sp = key.indexOf(' ', sp + 1)) layer.prefixes.add(key.slice(0, sp));
}
