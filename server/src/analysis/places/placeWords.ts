// What the matcher needs to know about a word, computed once per distinct spelling and gazetteer: its folded
// forms, the gazetteer's answer for names starting with it, and the few word lists the rules consult.
// News repeats its words, so nearly every token costs one map lookup instead of folding and probing again.
import { ARTICLES, basicFold, foldToken } from './placeKey';
import type { WordCues } from './placeCues';
import { FUNCTION_WORDS, NEVER } from './wordLists';
import { featureOf, firstWordMayMatch, FLAG_CAPITAL, FLAG_CURATED, flagsOf, KeyLookup, lookupKey, PlaceIndex, populationOf, probeKey } from './placeIndex';

/** A gazetteer key reached by walking words ("deir", "deir zur"): cached transitions to longer keys. */
export interface PhraseState {
  key: string;
  /** The key is a place name (built-in or user). */
  found: boolean;
  /** Some longer name starts with this key and a space. */
  prefix: boolean;
  next: Map<string, PhraseState> | null;
  /** lookupKey(key), filled on first use (undefined: not yet asked). */
  lookup: KeyLookup | null | undefined;
}

/** One spelling of a word as it appears in text ("Syria", "SYRIA", "U.S."). */
export interface PlaceWord {
  /** The spelling as written. */
  raw: string;
  /** basicFold of the word, letters and digits only ("al", "raqqa"). */
  plain: string;
  /** The word's contribution to a place key (foldToken of plain; plain itself for "U.S."). */
  key: string;
  /** A function word of up to five characters ("The", "In"): capitalised, it still never starts a name. */
  functionWord: boolean;
  /** Never a place on its own, whatever the gazetteer says (months, weekdays, peoples, "Xinhua"). */
  never: boolean;
  /** Written in capitals, more than one character ("SYRIA", "GAO"). */
  allCaps: boolean;
  /** An upper-case letter after the first character ("McCain", "al-Assad" never, "iPhone"). */
  innerUpper: boolean;
  /** The key state for names starting with this word; null when no name can (bloom filter or empty key). */
  first: PhraseState | null;
  /** Possessive that lost its apostrophe ("Syrias"): the key of the country or major place, else null. */
  possessive: PhraseState | null | undefined;
  /** Key of a country, region, capital or curated place (undefined: not yet asked). */
  wellKnown: boolean | undefined;
  /** The cue kinds the word gives (placeCues.ts; undefined: not yet asked). */
  cues: WordCues | undefined;
  /** Starts no name in any context (see startsNoName; undefined: not yet asked). */
  inert: boolean | undefined;
}

/**
 * Word info by spelling: an open-addressing table keyed by the characters themselves, so a token is looked
 * up without first copying it out of the text (the copy and its hashing were most of a lookup's cost).
 * A word of up to sixteen ASCII characters is keyed by its bytes as four 32-bit numbers (none zero, so
 * lengths cannot be confused), so finding it needs no character comparison; longer words compare them.
 */
export interface WordCache {
  table: (PlaceWord | null)[];
  /** Four numbers a slot: the spelling's bytes 1-4, 5-8, 9-12 and 13-16 (zero past its end); all zero for a word that does not pack. */
  keys: Int32Array;
  /** The hash the slot was chosen by (kept for growing the table). */
  hashes: Int32Array;
  count: number;
  states: number;
}

const caches = new WeakMap<PlaceIndex, WordCache>();
// Bounded: news vocabulary is small, but a hostile input must not grow memory without limit.
const WORD_LIMIT = 50000;
const STATE_LIMIT = 100000;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

function newCache(size: number): WordCache {
  return { table: new Array<PlaceWord | null>(size).fill(null), keys: new Int32Array(size * 4), hashes: new Int32Array(size), count: 0, states: 0 };
}

/** The cache of one gazetteer (a new index, e.g. with user places, starts afresh). */
export function wordCacheFor(index: PlaceIndex): WordCache {
  let c = caches.get(index);
  if (!c || c.count > WORD_LIMIT || c.states > STATE_LIMIT) caches.set(index, (c = newCache(4096)));
  return c;
}

// Longest word keyed by its bytes: four numbers of four bytes each.
const PACKED_MAX = 16;

// The low n bytes of a 32-bit number (n = 0..4).
const LOW_BYTES = [0, 0xff, 0xffff, 0xffffff, -1];

/**
 * The word info of text[start, end) as written; `dotted` for "U.S." forms (they keep their plain key).
 * `bytes` is the text's bytes when it is all ASCII (placeTokens.ts), with at least three readable bytes
 * past the text's end; null otherwise.
 */
export function placeWordAt(cache: WordCache, index: PlaceIndex, text: string, bytes: DataView | null, start: number, end: number, cap: boolean, dotted: boolean): PlaceWord {
  const len = end - start;
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let h: number;
  if (len > 0 && len <= PACKED_MAX) {
    let packable = true;
    if (bytes !== null) {
      // Four bytes a read, the bytes past the word masked off (a read never passes the text's end by more
      // than three bytes). Two reads key most words; a loop per character made this a third of the lookup.
      k0 = bytes.getUint32(start, true) & LOW_BYTES[len < 4 ? len : 4];
      if (len > 4) k1 = bytes.getUint32(start + 4, true) & LOW_BYTES[len < 8 ? len - 4 : 4];
      if (len > 8) k2 = bytes.getUint32(start + 8, true) & LOW_BYTES[len < 12 ? len - 8 : 4];
      if (len > 12) k3 = bytes.getUint32(start + 12, true) & LOW_BYTES[len - 12];
    } else {
      // The same numbers from the string, when every character is ASCII.
      for (let k = 0; k < len; k++) {
        const c = text.charCodeAt(start + k);
        if (c >= 128) {
          packable = false;
          break;
        }
        const shifted = c << (8 * (k & 3));
        if (k < 4) k0 |= shifted;
        else if (k < 8) k1 |= shifted;
        else if (k < 12) k2 |= shifted;
        else k3 |= shifted;
      }
    }
    if (packable) {
      h = Math.imul(k0 ^ Math.imul(k1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(k2 ^ Math.imul(k3, 0x27d4eb2f), 0x165667b1);
      h ^= h >>> 15;
    } else {
      k0 = k1 = k2 = k3 = 0;
      h = textHash(text, start, end);
    }
  } else h = textHash(text, start, end);
  const table = cache.table;
  const keys = cache.keys;
  const mask = table.length - 1;
  let slot = h & mask;
  for (;;) {
    const w = table[slot];
    if (w === null) break;
    const at = slot * 4;
    if (k0 !== 0 ? keys[at] === k0 && keys[at + 1] === k1 && keys[at + 2] === k2 && keys[at + 3] === k3 : keys[at] === 0 && cache.hashes[slot] === h && w.raw.length === len && sameText(w.raw, text, start)) return w;
    slot = (slot + 1) & mask;
  }
  const w = makeWord(cache, index, text.slice(start, end), cap, dotted);
  table[slot] = w;
  const at = slot * 4;
  keys[at] = k0;
  keys[at + 1] = k1;
  keys[at + 2] = k2;
  keys[at + 3] = k3;
  cache.hashes[slot] = h;
  cache.count++;
  // Kept under three quarters full, so probes stay short and always end at an empty slot.
  if (cache.count * 4 > table.length * 3) grow(cache);
  return w;
}

function textHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

function sameText(raw: string, text: string, start: number): boolean {
  for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function grow(cache: WordCache): void {
  const old = cache.table;
  const oldKeys = cache.keys;
  const oldHashes = cache.hashes;
  const size = old.length * 2;
  cache.table = new Array<PlaceWord | null>(size).fill(null);
  cache.keys = new Int32Array(size * 4);
  cache.hashes = new Int32Array(size);
  const mask = size - 1;
  for (let s = 0; s < old.length; s++) {
    const w = old[s];
    if (w === null) continue;
    let slot = oldHashes[s] & mask;
    while (cache.table[slot] !== null) slot = (slot + 1) & mask;
    cache.table[slot] = w;
    cache.keys.set(oldKeys.subarray(s * 4, s * 4 + 4), slot * 4);
    cache.hashes[slot] = oldHashes[s];
  }
}

/** A word as the place stage compares it: lower case, marks and other signs dropped ("Münster" -> "munster"). */
export function plainWord(raw: string): string {
  return ASCII_WORD.test(raw) ? raw.toLowerCase() : basicFold(raw).replace(/[^a-z0-9]/g, '');
}

function makeWord(cache: WordCache, index: PlaceIndex, raw: string, cap: boolean, dotted: boolean): PlaceWord {
  const plain = plainWord(raw);
  const key = dotted ? plain : foldToken(plain);
  const first = key && firstWordMayMatch(index, key) ? newState(cache, index, key) : null;
  return {
    raw,
    plain,
    key,
    functionWord: raw.length <= 5 && FUNCTION_WORDS.has(plain),
    never: NEVER.has(plain),
    allCaps: cap && raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
    innerUpper: /\p{Lu}/u.test(raw.slice(1)),
    first,
    possessive: undefined,
    wellKnown: undefined,
    cues: undefined,
    inert: undefined,
  };
}

function newState(cache: WordCache, index: PlaceIndex, key: string): PhraseState {
  cache.states++;
  const probe = probeKey(index, key);
  return { key, found: probe.found, prefix: probe.prefix, next: null, lookup: undefined };
}

/** The state for `state.key + " " + key`. */
export function nextState(cache: WordCache, index: PlaceIndex, state: PhraseState, key: string): PhraseState {
  if (state.next === null) state.next = new Map();
  let s = state.next.get(key);
  if (s === undefined) {
    s = newState(cache, index, `${state.key} ${key}`);
    state.next.set(key, s);
  }
  return s;
}

/** lookupKey of a state's key, cached on the state. */
export function stateLookup(index: PlaceIndex, state: PhraseState): KeyLookup | null {
  if (state.lookup === undefined) state.lookup = lookupKey(index, state.key);
  return state.lookup;
}

/** "Syrias", "Aleppos": a possessive of a country or major place whose apostrophe was lost in scraping. */
export function possessiveOf(cache: WordCache, index: PlaceIndex, w: PlaceWord): PhraseState | null {
  if (w.possessive === undefined) {
    w.possessive = null;
    const p = w.plain;
    if (p.length > 4 && p.endsWith('s') && !p.endsWith('ss')) {
      const stem = foldToken(p.slice(0, -1));
      const look = lookupKey(index, stem);
      if (look && hasMajorPlace(index, look.candidates)) w.possessive = { key: stem, found: true, prefix: false, next: null, lookup: look };
    }
  }
  return w.possessive;
}

// The cold parts of memoised functions are loops in functions of their own: a closure over a parameter
// puts the parameter in a context object that optimised code may allocate on every call of the function
// holding it, even when the closure is not reached. It did so here: inlined into plausible(),
// isWellKnownLookup made ~1 byte of garbage per byte of text (sampling heap profile), none as a helper.

/** A country, curated place or capital among the candidates. */
function hasMajorPlace(index: PlaceIndex, candidates: number[]): boolean {
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (featureOf(index, c) === 'country' || flagsOf(index, c) & (FLAG_CURATED | FLAG_CAPITAL)) return true;
  }
  return false;
}

/** A well-known place (isWellKnownPlace) among the candidates. */
function hasWellKnownPlace(index: PlaceIndex, candidates: number[]): boolean {
  for (let k = 0; k < candidates.length; k++) if (isWellKnownPlace(index, candidates[k])) return true;
  return false;
}

/**
 * True when a name can never start at this word, whatever surrounds it: no key starts with it, it is no
 * possessive of a known place and it cannot be an Arabic article. Most capitalised words ("Syrian", "Army",
 * "According") are such words, and the scan passes over them after this one look.
 */
export function startsNoName(cache: WordCache, index: PlaceIndex, w: PlaceWord): boolean {
  if (w.inert === undefined) w.inert = w.first === null && !(w.plain.length <= 3 && ARTICLES.has(w.plain)) && possessiveOf(cache, index, w) === null;
  return w.inert;
}

/** A name of a country, region, capital or curated place (not any hamlet: "Post" is a town in Texas). */
export function isWellKnownWord(index: PlaceIndex, w: PlaceWord): boolean {
  if (w.wellKnown === undefined) {
    const look = probeKey(index, w.key).found ? lookupKey(index, w.key) : null;
    w.wellKnown = !!look && isWellKnownLookup(index, look);
  }
  return w.wellKnown;
}

/** A country, province, capital, curated or million-people place. */
export function isWellKnownPlace(index: PlaceIndex, i: number): boolean {
  return featureOf(index, i) === 'country' || featureOf(index, i) === 'admin1' || (flagsOf(index, i) & (FLAG_CURATED | FLAG_CAPITAL)) !== 0 || populationOf(index, i) >= 1000000;
}

/** A lookup with a country, province, capital, curated or million-people place among its candidates. */
export function isWellKnownLookup(index: PlaceIndex, look: KeyLookup): boolean {
  let known = look.wellKnown;
  if (known === undefined) {
    known = hasWellKnownPlace(index, look.candidates);
    look.wellKnown = known;
  }
  return known;
}
