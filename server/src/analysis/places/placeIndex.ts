// The gazetteer as the matcher sees it: key -> candidate places, places stored in columns.
// Built from the compact file scripts/data/build-gazetteer.js writes (parsing a buffer is not I/O:
// the knowledge loader reads the file and hands the bytes here).
import { PlaceFeature } from '../types';
import type { CandidateFact } from './candidateFacts';

export const FLAG_CURATED = 1;
export const FLAG_CAPITAL = 2;
export const FLAG_SEAT = 4;
export const FLAG_USER = 8;
export const KEYFLAG_COMMON = 1;
export const KEYFLAG_ABBREV = 2;
export const KEYFLAG_COUNTRY_NAME = 4;
const NO_COORD = -2147483648;
const BLOOM_BITS = 1 << 21;

/** False when no built-in name starts with this word (no false negatives; user names are checked apart). */
export function firstWordMayMatch(index: PlaceIndex, word: string): boolean {
  const bloom = index.bloom;
  if (!bloom) return true;
  if (index.user && (index.user.aliases.has(word) || index.user.prefixes.has(word) || index.user.pins.has(word))) return true;
  // Same hashes as scripts/data/build-gazetteer.js.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  const a = (h1 >>> 0) & (BLOOM_BITS - 1);
  const b = (h2 >>> 0) & (BLOOM_BITS - 1);
  return (bloom[a >>> 3] & (1 << (a & 7))) !== 0 && (bloom[b >>> 3] & (1 << (b & 7))) !== 0;
}

/** One gazetteer entry, as hovers and the matcher use it. */
export interface PlaceRecord {
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  feature: PlaceFeature;
  population: number | null;
  flags: number;
}

/** What the user gazetteer (.dateline/places.json) adds: places, spellings and pinned choices. */
export interface UserPlaceLayer {
  places: PlaceRecord[];
  /** key -> ids of places the user gave this spelling (their own or built-in ones). */
  aliases: Map<string, string[]>;
  /** key -> id the user pinned: this spelling always means that place. */
  pins: Map<string, string>;
  /** key -> ids the user said this spelling never means. */
  excluded: Map<string, string[]>;
  /** Proper prefixes of the user's multi-word keys. */
  prefixes: Set<string>;
  /** Keys that are never places in this workspace. */
  never: Set<string>;
}

export interface PlaceIndex {
  /** Number of places known (built-in and user). */
  size: number;
  /** Built-in places (indices below this are columns; from here on, user places). */
  builtIn: number;
  /** All keys concatenated, sorted by code unit; keyTextOffsets[k]..[k+1] delimits key k (binary-searched, never split). */
  keyText: string;
  keyTextOffsets: Uint32Array;
  maxWords: number;
  keyFlags: Uint8Array;
  keyOffsets: Uint32Array;
  candidates: Uint32Array;
  /** Bloom filter over the first word of every key (null: no filter, always probe). */
  bloom: Uint8Array | null;
  /** GeoNames id per place, 0 when the place has an id of another kind (otherIds). */
  geonamesId: Int32Array;
  otherIds: Map<number, string>;
  /** All names concatenated; nameOffsets[i]..[i+1] delimits place i's name. */
  nameText: string;
  nameOffsets: Uint32Array;
  lat: Int32Array;
  lon: Int32Array;
  population: Uint32Array;
  country: Uint16Array;
  admin1: Uint16Array;
  feature: Uint8Array;
  flags: Uint8Array;
  countries: [string, string | null][];
  admin1Names: string[];
  features: PlaceFeature[];
  /** Demonym key ("syrian") -> country code. Demonyms are never places. */
  demonyms: Map<string, string>;
  /**
   * Everyday English words, as written in lower case, whose key is a place key ("sure" folds to Surrey's). A key
   * flagged KEYFLAG_COMMON is an everyday word only when the text spells one of these: "Homs" folds to "hums"
   * without being a word.
   */
  everydaySpellings: Set<string>;
  /** id -> index, built on first use (hovers, user pins). */
  byId: Map<string, number> | null;
  user: UserPlaceLayer | null;
}

/** An index that knows no places (tests of other features, missing data). */
export function emptyPlaceIndex(): PlaceIndex {
  return {
    size: 0,
    builtIn: 0,
    keyText: '',
    keyTextOffsets: new Uint32Array(1),
    maxWords: 1,
    keyFlags: new Uint8Array(0),
    keyOffsets: new Uint32Array(1),
    candidates: new Uint32Array(0),
    bloom: null,
    geonamesId: new Int32Array(0),
    otherIds: new Map(),
    nameText: '',
    nameOffsets: new Uint32Array(1),
    lat: new Int32Array(0),
    lon: new Int32Array(0),
    population: new Uint32Array(0),
    country: new Uint16Array(0),
    admin1: new Uint16Array(0),
    feature: new Uint8Array(0),
    flags: new Uint8Array(0),
    countries: [],
    admin1Names: [],
    features: [],
    demonyms: new Map(),
    everydaySpellings: new Set(),
    byId: null,
    user: null,
  };
}

interface Header {
  version: number;
  places: number;
  keys: number;
  candidates: number;
  maxWords: number;
  features: PlaceFeature[];
  countries: [string, string | null][];
  admin1: string[];
  otherIds: [number, string][];
  demonyms: Record<string, string>;
  everydaySpellings: string[];
  nameBytes: number;
  keyBytes: number;
}

/** Decoders for the gazetteer's two text blocks (written by the build as UTF-16LE and as Latin-1 bytes). */
export interface GazetteerTextDecoders {
  utf16le(bytes: Uint8Array): string;
  latin1(bytes: Uint8Array): string;
}

const STANDARD_DECODERS: GazetteerTextDecoders = {
  utf16le: (b) => new TextDecoder('utf-16le').decode(b),
  latin1: (b) => new TextDecoder('latin1').decode(b),
};

/**
 * Parses the compiled gazetteer bytes; returns null when they are not a gazetteer this code understands.
 * The I/O side passes Node's Buffer decoders: ~1 ms for the 3.8 MB of text, where TextDecoder took ~7 ms.
 */
export function placeIndexFromBytes(bytes: Uint8Array, decoders: GazetteerTextDecoders = STANDARD_DECODERS): PlaceIndex | null {
  try {
    if (bytes.length < 8 || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'DLGZ') return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
    if (header.version !== 4) return null;
    let pos = 8 + headerLength;
    // Typed arrays need aligned offsets: copy the bytes once if the caller's view is not 8-aligned.
    const base = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    const take = <T>(ctor: { new (buf: ArrayBufferLike, off: number, len: number): T; BYTES_PER_ELEMENT: number }, count: number): T => {
      pos += (8 - (pos % 8)) % 8;
      if (pos + count * ctor.BYTES_PER_ELEMENT > base.byteLength) throw new Error('truncated gazetteer');
      const arr = new ctor(base.buffer, base.byteOffset + pos, count);
      pos += count * ctor.BYTES_PER_ELEMENT;
      return arr;
    };
    const n = header.places;
    const lat = take(Int32Array, n);
    const lon = take(Int32Array, n);
    const population = take(Uint32Array, n);
    const country = take(Uint16Array, n);
    const admin1 = take(Uint16Array, n);
    const feature = take(Uint8Array, n);
    const flags = take(Uint8Array, n);
    const geonamesId = take(Int32Array, n);
    const nameOffsets = take(Uint32Array, n + 1);
    const keyTextOffsets = take(Uint32Array, header.keys + 1);
    const keyOffsets = take(Uint32Array, header.keys + 1);
    const candidates = take(Uint32Array, header.candidates);
    const keyFlags = take(Uint8Array, header.keys);
    const bloom = take(Uint8Array, BLOOM_BITS / 8);
    const nameText = decoders.utf16le(take(Uint8Array, header.nameBytes));
    const keyText = decoders.latin1(take(Uint8Array, header.keyBytes));
    return {
      size: n,
      builtIn: n,
      keyText,
      keyTextOffsets,
      maxWords: Math.min(header.maxWords, 8),
      keyFlags,
      keyOffsets,
      candidates,
      bloom,
      geonamesId,
      otherIds: new Map(header.otherIds),
      nameText,
      nameOffsets,
      lat,
      lon,
      population,
      country,
      admin1,
      feature,
      flags,
      countries: header.countries,
      admin1Names: header.admin1,
      features: header.features,
      demonyms: new Map(Object.entries(header.demonyms)),
      everydaySpellings: new Set(header.everydaySpellings),
      byId: null,
      user: null,
    };
  } catch {
    return null;
  }
}

/** Compares key k of the index with a string, by code unit, without slicing. */
function compareKey(index: PlaceIndex, k: number, s: string): number {
  const from = index.keyTextOffsets[k];
  const len = index.keyTextOffsets[k + 1] - from;
  const text = index.keyText;
  const n = Math.min(len, s.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(from + i) - s.charCodeAt(i);
    if (d !== 0) return d;
  }
  return len - s.length;
}

/** First key index whose key is >= s (binary search). */
function lowerBound(index: PlaceIndex, s: string): number {
  let lo = 0;
  let hi = index.keyFlags.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKey(index, mid, s) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of a built-in key, or -1. */
export function builtInKey(index: PlaceIndex, key: string): number {
  const k = lowerBound(index, key);
  return k < index.keyFlags.length && compareKey(index, k, key) === 0 ? k : -1;
}

/** The key text of key index k. */
export function keyAt(index: PlaceIndex, k: number): string {
  return index.keyText.slice(index.keyTextOffsets[k], index.keyTextOffsets[k + 1]);
}

/** The place at an index (built-in or user). */
export function placeAt(index: PlaceIndex, i: number): PlaceRecord {
  if (i >= index.builtIn) return index.user!.places[i - index.builtIn];
  const [code, countryName] = index.countries[index.country[i]] ?? ['', null];
  const lat = index.lat[i];
  const lon = index.lon[i];
  return {
    id: placeId(index, i),
    name: index.nameText.slice(index.nameOffsets[i], index.nameOffsets[i + 1]),
    lat: lat === NO_COORD ? null : lat / 1e5,
    lon: lon === NO_COORD ? null : lon / 1e5,
    country: code || null,
    countryName: countryName ?? null,
    admin1: index.admin1Names[index.admin1[i]] || null,
    feature: index.features[index.feature[i]] ?? 'other',
    population: index.population[i] || null,
    flags: index.flags[i],
  };
}

/** The stable id of place i: "geonames:172955", "country:SY", "dateline:qalamoun". */
export function placeId(index: PlaceIndex, i: number): string {
  if (i >= index.builtIn) return index.user!.places[i - index.builtIn].id;
  const g = index.geonamesId[i];
  return g ? `geonames:${g}` : (index.otherIds.get(i) ?? `place:${i}`);
}

/** Index of the place with this id, or -1. */
export function placeIndexOf(index: PlaceIndex, id: string): number {
  const g = /^geonames:(\d+)$/.exec(id);
  if (g && !index.user) return geonamesIndex(index, Number(g[1]));
  if (!index.byId) {
    const m = new Map<string, number>();
    for (const [i, other] of index.otherIds) m.set(other, i);
    index.user?.places.forEach((p, j) => m.set(p.id, index.builtIn + j));
    index.byId = m;
  }
  return index.byId.get(id) ?? (g ? geonamesIndex(index, Number(g[1])) : -1);
}

// GeoNames places are few lookups (hovers, pins): a scan beats keeping a 137k-entry map in memory.
function geonamesIndex(index: PlaceIndex, id: number): number {
  const ids = index.geonamesId;
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return i;
  return -1;
}

/** Name of a country code ("SY" -> "Syria"), from the gazetteer. */
export function countryName(index: PlaceIndex, code: string | null): string | null {
  if (!code) return null;
  for (const [c, name] of index.countries) if (c === code) return name;
  return null;
}

export interface KeyLookup {
  /** Candidate place indices, best static prior first. */
  candidates: number[];
  flags: number;
  /** Index of the place the user pinned for this spelling, or -1. */
  pinned: number;
  // What the place stage works out once per name, kept on the lookup (filled on first use): a property read
  // per mention instead of a WeakMap search, several of which every mention used to make.
  /** candidateFacts.ts: facts of the first candidates. */
  facts: CandidateFact[] | undefined;
  /** findPlaces.ts: whether a candidate is more than a town, and the countries of the mid-sized ones. */
  size: { big: boolean; midCountries: string[] } | undefined;
  /** candidateFacts.ts focusEvidence: what the name says about the article's country. */
  evidence: { country: string | null; weight: number } | undefined;
  /** placeWords.ts isWellKnownLookup. */
  wellKnown: boolean | undefined;
  /** scanPlaces.ts namesWellKnownPlace: the last spelling asked about and the answer for it. */
  namedAs: string | undefined;
  namesWellKnown: boolean;
}

/** Candidates for a key, with the user's aliases, exclusions and pins applied; null when unknown. Shared: do not modify. */
export function lookupKey(index: PlaceIndex, key: string): KeyLookup | null {
  const cache = cacheFor(lookupCache, index);
  let hit = cache.get(key);
  if (hit === undefined) cache.set(key, (hit = lookupKeyUncached(index, key)));
  return hit;
}

function lookupKeyUncached(index: PlaceIndex, key: string): KeyLookup | null {
  const user = index.user;
  if (user?.never.has(key)) return null;
  const ki = builtInKey(index, key);
  const userIds = user?.aliases.get(key);
  const pinId = user?.pins.get(key);
  if (ki < 0 && !userIds && !pinId) return null;
  const out: number[] = [];
  let flags = 0;
  if (ki >= 0) {
    for (let j = index.keyOffsets[ki]; j < index.keyOffsets[ki + 1]; j++) out.push(index.candidates[j]);
    flags = index.keyFlags[ki];
  }
  let pinned = -1;
  if (user) {
    for (const id of userIds ?? []) {
      const i = placeIndexOf(index, id);
      if (i >= 0 && !out.includes(i)) out.unshift(i);
    }
    const excluded = user.excluded.get(key);
    if (excluded) {
      for (const id of excluded) {
        const i = placeIndexOf(index, id);
        const at = out.indexOf(i);
        if (at >= 0) out.splice(at, 1);
      }
    }
    if (pinId) {
      pinned = placeIndexOf(index, pinId);
      if (pinned >= 0 && !out.includes(pinned)) out.unshift(pinned);
    }
    // A spelling the user vouched for is not an everyday word any more.
    if (userIds || pinId) flags &= ~KEYFLAG_COMMON;
  }
  if (out.length === 0) return null;
  return { candidates: out, flags, pinned, facts: undefined, size: undefined, evidence: undefined, wellKnown: undefined, namedAs: undefined, namesWellKnown: false };
}

export interface KeyProbe {
  /** The key is a place name (built-in or user). */
  found: boolean;
  /** Some longer name starts with this key and a space. */
  prefix: boolean;
}

// News repeats its names: answers are cached per index (a new index, e.g. with user places, starts afresh).
const probeCache = new WeakMap<PlaceIndex, Map<string, KeyProbe>>();
const lookupCache = new WeakMap<PlaceIndex, Map<string, KeyLookup | null>>();
const CACHE_LIMIT = 20000;

function cacheFor<T>(caches: WeakMap<PlaceIndex, Map<string, T>>, index: PlaceIndex): Map<string, T> {
  let m = caches.get(index);
  if (!m || m.size > CACHE_LIMIT) caches.set(index, (m = new Map()));
  return m;
}

/** One binary search answers both "is this a name?" and "can a longer name start so?" (space sorts before letters). */
export function probeKey(index: PlaceIndex, key: string): KeyProbe {
  const cache = cacheFor(probeCache, index);
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = probeKeyUncached(index, key)));
  return hit;
}

function probeKeyUncached(index: PlaceIndex, key: string): KeyProbe {
  const n = index.keyFlags.length;
  let k = lowerBound(index, key);
  let found = false;
  if (k < n && compareKey(index, k, key) === 0) {
    found = true;
    k++;
  }
  let prefix = k < n && index.keyTextOffsets[k + 1] - index.keyTextOffsets[k] > key.length && index.keyText.charCodeAt(index.keyTextOffsets[k] + key.length) === 32 && index.keyText.startsWith(key, index.keyTextOffsets[k]);
  const user = index.user;
  if (user) {
    found ||= user.aliases.has(key) || user.pins.has(key);
    prefix ||= user.prefixes.has(key);
  }
  return { found, prefix };
}

/** Country code of place i without building its record. */
export function countryOf(index: PlaceIndex, i: number): string | null {
  if (i >= index.builtIn) return index.user!.places[i - index.builtIn].country;
  return index.countries[index.country[i]]?.[0] || null;
}

/** Feature of place i without building its record. */
export function featureOf(index: PlaceIndex, i: number): PlaceFeature {
  if (i >= index.builtIn) return index.user!.places[i - index.builtIn].feature;
  return index.features[index.feature[i]] ?? 'other';
}

/** Flags of place i without building its record. */
export function flagsOf(index: PlaceIndex, i: number): number {
  return i >= index.builtIn ? index.user!.places[i - index.builtIn].flags : index.flags[i];
}

/** Coordinates of place i (null when unknown) without building its record. */
export function pointOf(index: PlaceIndex, i: number): { lat: number; lon: number } | null {
  if (i >= index.builtIn) {
    const p = index.user!.places[i - index.builtIn];
    return p.lat === null || p.lon === null ? null : { lat: p.lat, lon: p.lon };
  }
  const lat = index.lat[i];
  return lat === NO_COORD ? null : { lat: lat / 1e5, lon: index.lon[i] / 1e5 };
}

/** First-level region name of place i without building its record. */
export function admin1Of(index: PlaceIndex, i: number): string | null {
  return i >= index.builtIn ? index.user!.places[i - index.builtIn].admin1 : index.admin1Names[index.admin1[i]] || null;
}

/** Population of place i (0 when unknown) without building its record. */
export function populationOf(index: PlaceIndex, i: number): number {
  return i >= index.builtIn ? (index.user!.places[i - index.builtIn].population ?? 0) : index.population[i];
}

/** True when some multi-word key starts with these words. */
export function hasPrefix(index: PlaceIndex, key: string): boolean {
  const p = key + ' ';
  const k = lowerBound(index, p);
  if (k < index.keyFlags.length && index.keyText.startsWith(p, index.keyTextOffsets[k])) return true;
  return index.user?.prefixes.has(key) ?? false;
}
