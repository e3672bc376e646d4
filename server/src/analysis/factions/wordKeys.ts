// The word-class lexicon, and a table of interned lowercase keys for plain ASCII words. The tokenizer
// meets the same few thousand words over and over: looking a word up here by a hash computed while it
// scans costs no string allocation, no lowercasing and no Map hashing, and every later Map/Set lookup
// on an interned key reuses the hash V8 cached on the string. The table is a cache: bounded (emptied
// when full), and a key's classes are looked up again when the lexicon has grown since.

/** Word classes by lowercase key (see registerWords in tokens.ts). */
const LEXICON = new Map<string, number>();
/** Bumped when the lexicon grows, so cached tokens and keys computed before (with fewer bits) are not reused. */
let lexiconVersion = 0;

/** Adds `bit` to each word's classes. */
export function addWords(bit: number, words: Iterable<string>): void {
  for (const w of words) {
    const old = LEXICON.get(w) ?? 0;
    if ((old | bit) === old) continue;
    LEXICON.set(w, old | bit);
    lexiconVersion++;
  }
}

/** The current lexicon version (changes whenever a word gains a class). */
export function currentLexiconVersion(): number {
  return lexiconVersion;
}

/** Classes of a lowercase key. */
export function classesOf(key: string): number {
  return LEXICON.get(key) ?? 0;
}

/** Open addressing over 2^16 slots, at most half full, then emptied (a news vocabulary mostly fits). */
const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;
const MAX_KEYS = SLOTS >> 1;
/** Per slot: [hash, key number + 1 (0 = empty)], side by side so a probe reads one cache line. */
const table = new Int32Array(2 * SLOTS);
const keys: string[] = [];
/** Per key: [classes, lexicon version the classes were read at]. */
const info = new Int32Array(2 * MAX_KEYS);

/** Set by internAscii: the classes of the key it returned (an object field, so no export getter per read). */
export const interned = { classes: 0 };

/** Hash step for one lowercase character code (FNV-1a style), used by the tokenizer while it scans. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/**
 * The lowercase key of text[start, end), a run of ASCII letters and digits whose lowercase hash is `h`.
 * Sets interned.classes. Returns the same string object for the same word every time (until a reset).
 */
export function internAscii(text: string, start: number, end: number, h: number): string {
  const len = end - start;
  if (len > MAX_INTERNED_LENGTH) {
    // Long runs (codes, garbage) are not worth keeping: their own lowercase slice.
    const raw = text.slice(start, end);
    const long = hasAsciiUpper(text, start, end) ? raw.toLowerCase() : raw;
    interned.classes = LEXICON.get(long) ?? 0;
    return long;
  }
  let slot = (h ^ (h >>> SLOT_BITS)) & (SLOTS - 1);
  for (;;) {
    const n = table[2 * slot + 1];
    if (n === 0) break;
    const k = n - 1;
    if (table[2 * slot] === h && sameLower(keys[k], text, start, len)) {
      if (info[2 * k + 1] !== lexiconVersion) {
        info[2 * k] = LEXICON.get(keys[k]) ?? 0;
        info[2 * k + 1] = lexiconVersion;
      }
      interned.classes = info[2 * k];
      return keys[k];
    }
    slot = (slot + 1) & (SLOTS - 1);
  }
  const key = freshLowercase(text, start, end);
  const cls = LEXICON.get(key) ?? 0;
  interned.classes = cls;
  if (keys.length >= MAX_KEYS) {
    // Full: start over rather than grow (memory stays bounded on any input).
    table.fill(0);
    keys.length = 0;
    slot = (h ^ (h >>> SLOT_BITS)) & (SLOTS - 1);
  }
  const k = keys.length;
  keys.push(key);
  info[2 * k] = cls;
  info[2 * k + 1] = lexiconVersion;
  table[2 * slot] = h;
  table[2 * slot + 1] = k + 1;
  return key;
}

function sameLower(key: string, text: string, start: number, len: number): boolean {
  if (key.length !== len) return false;
  for (let m = 0; m < len; m++) {
    let c = text.charCodeAt(start + m);
    if (c >= 65 && c <= 90) c |= 32;
    if (key.charCodeAt(m) !== c) return false;
  }
  return true;
}

/** Longest word kept in the table. */
const MAX_INTERNED_LENGTH = 64;
const codes: number[] = [];

/**
 * The lowercase word as a new string of its own. A slice could be a view into the whole article, and the
 * table outlives the article: keeping a view would keep every article that brought in a new word.
 */
function freshLowercase(text: string, start: number, end: number): string {
  codes.length = 0;
  for (let m = start; m < end; m++) {
    const c = text.charCodeAt(m);
    codes.push(c >= 65 && c <= 90 ? c | 32 : c);
  }
  return String.fromCharCode.apply(null, codes);
}

function hasAsciiUpper(text: string, start: number, end: number): boolean {
  for (let m = start; m < end; m++) {
    const c = text.charCodeAt(m);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
