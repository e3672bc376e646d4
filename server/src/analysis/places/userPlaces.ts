// The user gazetteer `.dateline/places.json`: places and spellings the user adds, choices they pin, names that
// are not places for them. Pure: text in, entries and problems (with offsets into that text) out. A malformed
// entry is reported and skipped; the rest still applies.
import { Node, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';
import { PlaceFeature } from '../types';

const FEATURES: PlaceFeature[] = ['country', 'region', 'admin1', 'admin2', 'city', 'town', 'district', 'river', 'desert', 'mountain', 'crossing', 'area', 'other'];

/** A place the user defines, or spellings added to a built-in place (then only id and aliases). */
export interface UserPlaceEntry {
  id: string;
  name: string | null;
  feature: PlaceFeature | null;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  aliases: string[];
}

export interface UserPlaces {
  places: UserPlaceEntry[];
  /** Spelling -> place id it always means. */
  pins: { spelling: string; id: string }[];
  /** Spellings that are never places in this workspace. */
  notPlaces: string[];
}

export interface UserPlacesProblem {
  start: number;
  end: number;
  message: string;
}

/** Parses and validates the text of `.dateline/places.json`. Never throws. */
export function parseUserPlaces(text: string): { entries: UserPlaces; problems: UserPlacesProblem[] } {
  const entries: UserPlaces = { places: [], pins: [], notPlaces: [] };
  const problems: UserPlacesProblem[] = [];
  if (typeof text !== 'string' || text.trim() === '') return { entries, problems };
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    root = undefined;
  }
  for (const e of errors) problems.push({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `JSON: ${printParseErrorCode(e.error)}` });
  if (!root || root.type !== 'object') {
    if (root) problems.push(at(root, 'expected an object with "places", "pins" and "notPlaces"'));
    return { entries, problems };
  }
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0]?.value;
    const value = prop.children?.[1];
    if (!value) continue;
    if (key === 'places') readPlaces(value, entries, problems);
    else if (key === 'pins') readPins(value, entries, problems);
    else if (key === 'notPlaces') readNotPlaces(value, entries, problems);
    // Other keys ($schema, notes, future fields) are the user's: kept, never an error.
  }
  return { entries, problems };
}

function readPlaces(node: Node, out: UserPlaces, problems: UserPlacesProblem[]): void {
  if (node.type !== 'array') {
    problems.push(at(node, '"places" must be an array of place entries'));
    return;
  }
  const seen = new Set<string>();
  for (const item of node.children ?? []) {
    if (item.type !== 'object') {
      problems.push(at(item, 'a place entry must be an object with at least "id"'));
      continue;
    }
    const get = (name: string) => item.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];
    const idNode = get('id');
    const id = idNode?.type === 'string' ? String(idNode.value).trim() : '';
    if (!id) {
      problems.push(at(idNode ?? item, 'a place entry needs an "id" (e.g. "user:tell-abyad-silo", or a built-in id such as "geonames:172955" to add spellings)'));
      continue;
    }
    if (seen.has(id)) {
      problems.push(at(idNode!, `"${id}" is defined twice: the first entry is used`));
      continue;
    }
    const entry: UserPlaceEntry = { id, name: null, feature: null, country: null, admin1: null, lat: null, lon: null, aliases: [] };
    let ok = true;
    const str = (name: string): string | null => {
      const n = get(name);
      if (!n || n.type === 'null') return null;
      if (n.type !== 'string' || !String(n.value).trim()) {
        problems.push(at(n, `"${name}" must be a non-empty string`));
        ok = false;
        return null;
      }
      return String(n.value).trim();
    };
    entry.name = str('name');
    entry.admin1 = str('admin1');
    const country = str('country');
    if (country !== null && !/^[A-Z]{2}$/.test(country)) {
      problems.push(at(get('country')!, '"country" must be an ISO 3166-1 alpha-2 code such as "SY"'));
      ok = false;
    } else entry.country = country;
    const feature = str('feature');
    if (feature !== null && !FEATURES.includes(feature as PlaceFeature)) {
      problems.push(at(get('feature')!, `"feature" must be one of ${FEATURES.join(', ')}`));
      ok = false;
    } else entry.feature = feature as PlaceFeature | null;
    for (const [name, min, max] of [['lat', -90, 90], ['lon', -180, 180]] as const) {
      const n = get(name);
      if (!n || n.type === 'null') continue;
      if (n.type !== 'number' || !Number.isFinite(n.value) || n.value < min || n.value > max) {
        problems.push(at(n, `"${name}" must be a number from ${min} to ${max}`));
        ok = false;
      } else entry[name] = n.value;
    }
    if (ok && (entry.lat === null) !== (entry.lon === null)) {
      problems.push(at(item, 'give both "lat" and "lon", or neither'));
      ok = false;
    }
    const aliases = get('aliases');
    if (aliases && aliases.type !== 'array') {
      problems.push(at(aliases, '"aliases" must be an array of spellings'));
      ok = false;
    }
    for (const a of aliases?.type === 'array' ? (aliases.children ?? []) : []) {
      if (a.type === 'string' && String(a.value).trim()) entry.aliases.push(String(a.value).trim());
      else problems.push(at(a, 'an alias must be a non-empty string'));
    }
    if (!ok) continue;
    seen.add(id);
    out.places.push(entry);
  }
}

function readPins(node: Node, out: UserPlaces, problems: UserPlacesProblem[]): void {
  if (node.type !== 'object') {
    problems.push(at(node, '"pins" must be an object: { "spelling": "place id" }'));
    return;
  }
  for (const prop of node.children ?? []) {
    const spelling = String(prop.children?.[0]?.value ?? '').trim();
    const value = prop.children?.[1];
    if (!value) continue;
    if (value.type !== 'string' || !String(value.value).trim() || !spelling) {
      problems.push(at(value, 'a pin maps a spelling to a place id, e.g. "Tripoli": "geonames:2210247"'));
      continue;
    }
    out.pins.push({ spelling, id: String(value.value).trim() });
  }
}

function readNotPlaces(node: Node, out: UserPlaces, problems: UserPlacesProblem[]): void {
  if (node.type !== 'array') {
    problems.push(at(node, '"notPlaces" must be an array of spellings'));
    return;
  }
  for (const item of node.children ?? []) {
    if (item.type === 'string' && String(item.value).trim()) out.notPlaces.push(String(item.value).trim());
    else problems.push(at(item, 'each entry of "notPlaces" must be a non-empty string'));
  }
}

function at(node: Node, message: string): UserPlacesProblem {
  return { start: node.offset, end: node.offset + Math.max(1, node.length), message };
}
