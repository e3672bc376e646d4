// Word tokens for the factions and sources matchers: one linear pass, no regex per name.
// Hyphens and stray apostrophes are not tokens of their own: they are recorded on the next token
// (`HYPHENED`), so "al-Qaida", "al Qaida" and "U.S.-backed" / "U.S. backed" meet the same trie keys.

import { addWords, classesOf, currentLexiconVersion } from './lexicon';
import { forgetDescribed } from './tokenArrays';
import { forgetRanges } from './tokenRanges';

export interface Token {
  start: number;
  end: number;
  /** Lowercased word, inner apostrophes removed ("Hay'at" → "hayat"); "U.S." keeps its dots. */
  key: string;
  /** Bit flags, see below. */
  flags: number;
  /** Word classes from the lexicon (force noun, speech verb, title…), looked up once here so later passes test bits. */
  cls: number;
}

/** Adds `bit` to each word's classes. Called at module load by the passes that own the word lists. */
export function registerWords(bit: number, words: Iterable<string>): void {
  if (recorded) {
    const list = [...words];
    recorded.push([bit, list]);
    addWords(bit, list);
    return;
  }
  addWords(bit, words);
}

/** registerWords calls made while `recordingWords` runs (null otherwise). */
let recorded: [number, string[]][] | null = null;

/**
 * Runs `run` and returns the registerWords calls it made, in order: building a factions index registers
 * its names' words, and the built-in index's snapshot (server/src/knowledge/factionSnapshot.ts) replays them.
 */
export function recordingWords<T>(run: () => T): { result: T; words: [number, string[]][] } {
  const outer = recorded;
  const words: [number, string[]][] = [];
  recorded = words;
  try {
    return { result: run(), words };
  } finally {
    recorded = outer;
  }
}

/** The token starts with an uppercase letter. */
export const CAP = 1;
/** Every letter is uppercase (acronyms: IS, SDF). */
export const UPPER = 2;
/** Attached to the previous token by a hyphen with no space ("U.S.-backed"). */
export const HYPHENED = 4;
/** Punctuation token (comma, quote, period, parenthesis…). */
export const PUNCT = 8;
/** The possessive "'s". */
export const POSSESSIVE = 16;
/** Abbreviation with dots: "U.S.", "U.N.". */
export const ABBR = 32;
/** Has a digit. */
export const DIGIT = 64;

let cacheText: string | null = null;
let cacheTokens: Token[] = [];
let cacheVersion = -1;

/** Tokens of the whole text, cached for the last text (factions and sources run on the same article). */
export function tokenize(text: string): Token[] {
  const version = currentLexiconVersion();
  if (text === cacheText && cacheVersion === version) return cacheTokens;
  const tokens = scan(text, true);
  cacheText = text;
  cacheTokens = tokens;
  cacheVersion = version;
  return tokens;
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000 ? true : c >= 0x3040 && !(c >= 0xd800 && c <= 0xdfff) && c < 0xfff0;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 96;
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** ASCII character kinds for the scanner's table lookups. */
const LOWER_CH = 1;
const UPPER_CH = 2;
const DIGIT_CH = 4;
const SPACE_CH = 8;
const WORD_CH = LOWER_CH | UPPER_CH | DIGIT_CH;
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_KIND[c] = c >= 97 && c <= 122 ? LOWER_CH : c >= 65 && c <= 90 ? UPPER_CH : c >= 48 && c <= 57 ? DIGIT_CH : isSpace(c) ? SPACE_CH : 0;
}
/** Base-37 digit of a word character, case folded: a-z and A-Z → 1..26, 0-9 → 27..36 (never 0, see internAscii). */
const ASCII_DIGIT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const lower = c >= 65 && c <= 90 ? c | 32 : c;
  ASCII_DIGIT[c] = lower >= 97 && lower <= 122 ? lower - 96 : c >= 48 && c <= 57 ? c - 48 + 27 : 0;
}

/**
 * Both of the above for word characters, in one lookup per character of a word: the base-37 digit in the low
 * bits, the kind above KIND_SHIFT; 0 for any other character.
 */
const KIND_SHIFT = 8;
const DIGIT_MASK = (1 << KIND_SHIFT) - 1;
const ASCII_WORD = new Uint16Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = ASCII_KIND[c] & WORD_CH ? ASCII_DIGIT[c] | ((ASCII_KIND[c] & WORD_CH) << KIND_SHIFT) : 0;

// The two tables again over every UTF-16 code unit (zero beyond ASCII, but for the spaces), so a lookup needs
// no "is it ASCII?" test first: those tests, two per pair of characters, were ~6% of the tokenizer (tokenize
// alone, generated corpus, paired in-process). Only the first 128 entries are hot; 192 KB in all.
const WORD_UNIT = new Uint16Array(65536);
WORD_UNIT.set(ASCII_WORD);
const KIND_UNIT = new Uint8Array(65536);
KIND_UNIT.set(ASCII_KIND);
for (const c of [0xa0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x3000]) KIND_UNIT[c] = SPACE_CH;

// Token objects are reused from one article to the next (tokenize only; dictionary aliases get their own):
// an article has a token per 5 characters, and allocating them anew cost more than the scan's character loop
// in the young-generation GC. Tokens are read only while their article is analysed, before the next tokenize.
// The scan writes straight into the article's list, one array kept from article to article (an exact-size
// copy per article was 8 bytes a token, a tenth of the stages' allocation; copying from a pool into the list
// instead, a pointer store per token, was 8% of the tokenizer). The list keeps its identity, so what was cached
// for the previous article's list (typed arrays, sentence ranges) is forgotten at the end of the scan.
/** The tokens of the last text tokenized: the scan writes into this list, cut or grown to the count. */
const articleTokens: Token[] = [];
/** Token objects cut off the list for a shorter article, kept for the next longer one. */
const spare: Token[] = [];
/** Token objects kept (list and spares) beyond this many are dropped (a huge text must not pin its tokens for good). */
const MAX_POOLED = 1 << 16;
/** Tokens emitted so far by the running scan. */
let count = 0;

/** Writes the scan's next token into out[count], adding an object to the list first when it has none there. */
function emit(out: Token[], start: number, end: number, key: string, flags: number, cls: number): void {
  if (count >= out.length) grow(out);
  const t = out[count];
  t.start = start;
  t.end = end;
  t.key = key;
  t.flags = flags;
  t.cls = cls;
  count++;
}

/** One more token object at the end of the list: a spare one for the article's list, else a new one. */
function grow(out: Token[]): void {
  out.push(out === articleTokens && spare.length > 0 ? spare.pop()! : newToken());
}

function newToken(): Token {
  return { start: 0, end: 0, key: '', flags: 0, cls: 0 };
}

// Every field of a token is written again after it is made: done once here, so the engine learns now that the
// fields change. Learnt later, it threw away the optimized scan, and in about one process in five the scan
// then ran for good in its on-stack-replacement code, a quarter slower (tokenize alone, generated corpus).
const shaped = newToken();
shaped.start = 1;
shaped.end = 1;
shaped.key = 'a';
shaped.flags = 1;
shaped.cls = 1;

function scan(text: string, pooled: boolean): Token[] {
  const out: Token[] = pooled ? articleTokens : [];
  count = 0;
  const codes = codeUnits(text);
  const version = currentLexiconVersion();
  // The table's classes are read again when the lexicon grew, for articles. Not for aliases: building an index
  // grows the lexicon between its alias scans, so those take their classes from the lexicon after the scan.
  const stale = version !== tableVersion;
  if (stale && pooled) refreshTableClasses(version);
  // "'s" can be the second word of a name ("Haftar's forces").
  const possessiveClasses = classesOf("'s");
  const n = text.length;
  let i = 0;
  let pendingHyphen = false;
  while (i < n) {
    const c = codes[i];
    const kind = KIND_UNIT[c];
    if (kind & SPACE_CH) {
      pendingHyphen = false;
      i++;
      continue;
    }
    if (kind & WORD_CH || (c >= 128 && isLetterCode(c))) {
      const start = i;
      // Abbreviation: single letters each followed by a dot (U.S., U.N., U.K.).
      if (codes[i + 1] === 46 && isLetterCode(c) && isLetterCode(codes[i + 2]) && codes[i + 3] === 46 && !isLetterCode(codes[i + 4])) {
        let j = i;
        while (j + 1 < n && isLetterCode(codes[j]) && codes[j + 1] === 46 && j - i < 12) j += 2;
        const raw = text.slice(i, j);
        const akey = raw.toLowerCase();
        emit(out, start, j, akey, ABBR | CAP | UPPER | (pendingHyphen ? HYPHENED : 0), classesOf(akey));
        pendingHyphen = false;
        i = j;
        continue;
      }
      let j = i;
      let seen = 0;
      // Plain ASCII words (nearly all of them) get their key from the intern table by a code built here.
      let h = 0;
      // The code of the first six characters (0 for shorter words): with h, it tells words of up to 12 apart.
      let h6 = 0;
      // Characters go two at a time (h * 37^2 + a * 37 + b is the same code): the multiplications chain from
      // one step to the next, and halving the steps took ~8% off the tokenizer. Pairs start at even offsets
      // from the word's start, so its sixth character ends the pair that starts at its fifth.
      const fifth = start + EXACT_CODE_LENGTH - 2;
      // The character that ends the word (0 at the end of the text), kept rather than read again.
      let stop = 0;
      // The padding after the text is 0, not a word character: the loop needs no bounds test.
      for (;;) {
        const d = codes[j];
        const v = WORD_UNIT[d];
        if (v === 0) {
          stop = d;
          break;
        }
        const d2 = codes[j + 1];
        const v2 = WORD_UNIT[d2];
        // The word's base-37 code mod 2^32 (see internAscii), written out here rather than called: under
        // per-module transpilation (tests, tsx) a call to an imported function per character costs more.
        if (v2 === 0) {
          seen |= v;
          h = (Math.imul(h, 37) + (v & DIGIT_MASK)) | 0;
          j++;
          stop = d2;
          break;
        }
        seen |= v | v2;
        h = (Math.imul(h, 37 * 37) + (v & DIGIT_MASK) * 37 + (v2 & DIGIT_MASK)) | 0;
        if (j === fifth) h6 = h;
        j += 2;
      }
      let hasDigit = (seen & (DIGIT_CH << KIND_SHIFT)) !== 0;
      let hasUpper = (seen & (UPPER_CH << KIND_SHIFT)) !== 0;
      let hasLower = (seen & (LOWER_CH << KIND_SHIFT)) !== 0;
      let key: string;
      let cls: number;
      // The intern table's first probe for a word it holds, written out here: the engine does not inline
      // internAscii into this (large) loop, and the call per word was a tenth of the tokenizer.
      const at = STRIDE * slotOf(h);
      const slotWord = table[at + 2];
      // The word ends at an ASCII character that joins nothing (not an apostrophe: "Hay'at").
      const plain = stop < 128 && stop !== 39 && stop !== 96;
      if (plain && (slotWord & 127) === j - start && j - start <= EXACT_PAIR_LENGTH && table[at] === h && table[at + 1] === h6) {
        key = keys[(slotWord >> 7) - 1];
        cls = table[at + 3];
      } else if (plain) {
        key = internAscii(text, start, j, h, h6);
        cls = internedClasses;
      } else {
        // Non-ASCII letters or an apostrophe inside: the general path.
        const word = wordFrom(text, start, j, hasUpper, hasLower, hasDigit);
        if (word.end === j && j > start) {
          // Nothing joined ("Assad" before "'s", a word before a curly quote): the ASCII part is the word.
          key = internAscii(text, start, j, h, h6);
          cls = internedClasses;
        } else {
          j = word.end;
          hasUpper = word.hasUpper;
          hasLower = word.hasLower;
          hasDigit = word.hasDigit;
          key = hasUpper ? word.key.toLowerCase() : word.key;
          cls = classesOf(key);
          stop = codes[j];
        }
      }
      let flags = pendingHyphen ? HYPHENED : 0;
      if (hasDigit) flags |= DIGIT;
      // An uppercase first letter: ASCII by its kind, other letters by their lowercase.
      if (kind & UPPER_CH || (c >= 128 && text[start] !== text[start].toLowerCase())) flags |= hasLower || j - start === 1 ? CAP : CAP | UPPER;
      emit(out, start, j, key, flags, cls);
      pendingHyphen = false;
      // Most words end at a plain space: step over it here rather than in another turn of the loop.
      i = stop === 32 ? j + 1 : j;
      continue;
    }
    if (isHyphen(c)) {
      // A hyphen glued to both sides joins words; a spaced dash is punctuation.
      const prevGlued = i > 0 && !isSpace(codes[i - 1]);
      const nextGlued = i + 1 < n && !isSpace(codes[i + 1]) && !isHyphen(codes[i + 1]);
      if (prevGlued && nextGlued) {
        pendingHyphen = true;
        i++;
        continue;
      }
      emit(out, i, i + 1, '-', PUNCT, 0);
      i++;
      continue;
    }
    if (isApostrophe(c)) {
      const next = codes[i + 1];
      const after = codes[i + 2];
      if ((next === 115 || next === 83) && !(isLetterCode(after) || isDigitCode(after)) && i > 0 && !isSpace(codes[i - 1])) {
        emit(out, i, i + 2, "'s", POSSESSIVE, possessiveClasses);
        i += 2;
        continue;
      }
      // A stray apostrophe ("Lions' Den", "IS' strongholds") is ignored by matching.
      i++;
      continue;
    }
    // The key of ASCII punctuation from a table, not text[i]: reading the text itself here made the scan
    // depend on the text's string representation (flat, concatenated, one or two bytes a character).
    const ch = c < 128 ? ASCII_CHARS[c] : text[i];
    emit(out, i, i + 1, ch, PUNCT, punctClasses(ch, version));
    pendingHyphen = false;
    i++;
  }
  if (!pooled) {
    if (stale) for (const t of out) t.cls = classesOf(t.key);
    return out;
  }
  // Cut to the count: the objects cut off wait in the spares for a longer article.
  const tokens = articleTokens;
  while (tokens.length > count) {
    const t = tokens.pop()!;
    if (count + spare.length < MAX_POOLED) spare.push(t);
  }
  forgetDescribed();
  forgetRanges();
  return tokens;
}

/** Code units past the end of the text, zero (reads a few characters ahead need no bounds check: no character is 0 there). */
const PADDING = 8;
/** Longest text whose code units are kept for the next one (a huge text must not pin its copy). */
const MAX_KEPT_UNITS = 1 << 22;
let keptUnits = new Uint16Array(4096);
let keptBytes = new Uint8Array(4096);
const encoder: TextEncoder | null = typeof TextEncoder === 'function' ? new TextEncoder() : null;

/**
 * The text's UTF-16 code units in a typed array, zero for PADDING units after the end. The scan reads each
 * character once or more; reading an array costs a fraction of charCodeAt, whose string-shape dispatch (flat,
 * cons, sliced: an edited document or a concatenated text is not flat) is not hoisted out of the scan's loops.
 * ASCII text (most articles) is copied by the engine's encoder; other text unit by unit.
 */
function codeUnits(text: string): Uint16Array {
  const n = text.length;
  let units = keptUnits;
  if (units.length < n + PADDING) {
    units = new Uint16Array(Math.max(n + PADDING, 2 * units.length));
    if (units.length <= MAX_KEPT_UNITS) keptUnits = units;
  }
  let ascii = false;
  if (encoder !== null) {
    let bytes = keptBytes;
    if (bytes.length < n) {
      bytes = new Uint8Array(Math.max(n, 2 * bytes.length));
      if (bytes.length <= MAX_KEPT_UNITS) keptBytes = bytes;
    }
    // Any character outside ASCII takes two bytes or more, so it stops the copy short of the text's length.
    const { read, written } = encoder.encodeInto(text, bytes.subarray(0, n));
    ascii = read === n && written === n;
    if (ascii) units.set(bytes.subarray(0, n));
  }
  if (!ascii) for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  units.fill(0, n, n + PADDING);
  return units;
}

interface Word {
  key: string;
  end: number;
  hasUpper: boolean;
  hasLower: boolean;
  hasDigit: boolean;
}

/**
 * The rest of a word whose ASCII prefix text[start, j) is scanned: non-ASCII letters, and inner apostrophes
 * that join ("Hay'at", "Kata'ib") unless they start a possessive "'s". Returns the raw key (apostrophes removed).
 */
function wordFrom(text: string, start: number, j: number, hasUpper: boolean, hasLower: boolean, hasDigit: boolean): Word {
  const n = text.length;
  let key = '';
  let segStart = start;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d >= 97 && d <= 122) hasLower = true;
    else if (d >= 65 && d <= 90) hasUpper = true;
    else if (d >= 48 && d <= 57) hasDigit = true;
    else if (d >= 128 && isLetterCode(d)) {
      const ch = text[j];
      if (ch !== ch.toLowerCase()) hasUpper = true;
      else hasLower = true;
    } else if (isApostrophe(d) && isLetterCode(text.charCodeAt(j + 1))) {
      const next = text.charCodeAt(j + 1);
      const after = text.charCodeAt(j + 2);
      if ((next === 115 || next === 83) && !(isLetterCode(after) || isDigitCode(after))) break;
      key += text.slice(segStart, j);
      segStart = j + 1;
    } else break;
    j++;
  }
  key = segStart === start ? text.slice(start, j) : key + text.slice(segStart, j);
  return { key, end: j, hasUpper, hasLower, hasDigit };
}

/** One-character strings of the ASCII codes. */
const ASCII_CHARS: string[] = [];
for (let c = 0; c < 128; c++) ASCII_CHARS.push(String.fromCharCode(c));

/** Classes of one-character punctuation keys ("&" may start a name), cached per ASCII code and lexicon version. */
const punctCache = new Int32Array(128).fill(-1);
let punctVersion = -1;

function punctClasses(ch: string, version: number): number {
  const c = ch.charCodeAt(0);
  if (c >= 128) return classesOf(ch);
  if (punctVersion !== version) {
    punctCache.fill(-1);
    punctVersion = version;
  }
  let cls = punctCache[c];
  if (cls < 0) cls = punctCache[c] = classesOf(ch);
  return cls;
}

export * from './wordClasses';

/** Tokens of a dictionary alias, with the same rules as the text. */
export function aliasTokens(alias: string): Token[] {
  return scan(alias, false);
}

export { rangeClassMasks, spanTokenRanges, tokenAt, tokenAtFrom } from './tokenRanges';

// Interned keys for plain ASCII words. The tokenizer meets the same few thousand words over and over:
// looking a word up here by the hash it computed while scanning costs no slice, no lowercasing and no
// Map hashing, and every later Map/Set lookup on an interned key reuses the hash V8 cached on the string.
// It lives in this file so the scanner calls it directly (no import indirection per word under tsx).
// The table is a cache: bounded (emptied when full); a key's classes are read again when the lexicon grew.

/** Open addressing over 2^16 slots, at most half full, then emptied (a news vocabulary mostly fits). */
const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;
const MAX_KEYS = SLOTS >> 1;
/**
 * Per slot, four numbers side by side so a hit reads one cache line (16-byte slots never straddle one) and
 * never the key string: [code, code of the first six characters, (key number + 1) << 7 | length (0 = empty),
 * classes]. The classes are all read again when the lexicon grows (see refreshTableClasses): a fifth number per
 * slot for the version they were read at made slots straddle cache lines, and the probe's load was the
 * tokenizer's hottest line on real text (FA-KES: 10,000 distinct words a corpus).
 */
const STRIDE = 4;
const table = new Int32Array(STRIDE * SLOTS);
const keys: string[] = [];

/** Set by internAscii: the classes of the key it returned. */
let internedClasses = 0;

/**
 * Words up to this long are told apart by their code alone: 36^6 codes of nonzero base-37 digits stay below
 * 37^6 < 2^32, so two words of the same length (≤ 6) with the same code are the same word.
 */
const EXACT_CODE_LENGTH = 6;
/**
 * Words up to this long are told apart by their code and the code of their first six characters (h6):
 * the code is h6 * 37^(len-6) + (code of the rest) mod 2^32, and the rest's code is below 37^6 < 2^32, so
 * it is fixed by the two. The table compares characters only for longer words (rare in news copy).
 */
const EXACT_PAIR_LENGTH = 2 * EXACT_CODE_LENGTH;

/** Table slot of a word code (multiplicative hashing: the code's low bits alone cluster). */
function slotOf(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/**
 * The lowercase key of text[start, end), a run of ASCII letters and digits whose code `h` the tokenizer
 * computed as it scanned: h = h * 37 + ASCII_DIGIT[c] from 0, mod 2^32 (h6: the same after six characters).
 * Sets internedClasses. Returns the same string
 * object for the same word every time (until a reset). Kept small so the engine inlines it into the scan:
 * new words, classes to read again and long words take the functions below. (With those inside it, the
 * scan's recompilation after real text's rarer paths stopped inlining it: a call per word cost FA-KES ~8%
 * of the tokenizer.)
 */
function internAscii(text: string, start: number, end: number, h: number, h6: number): string {
  const len = end - start;
  if (len > EXACT_PAIR_LENGTH) return internLong(text, start, end, h, h6);
  let slot = slotOf(h);
  for (;;) {
    const at = STRIDE * slot;
    const n = table[at + 2];
    if (n === 0) return newKey(text, start, end, h, h6, slot);
    // Up to EXACT_PAIR_LENGTH characters, the codes and the length tell the word (no character compare).
    if (table[at] === h && table[at + 1] === h6 && (n & 127) === len) {
      internedClasses = table[at + 3];
      return keys[(n >> 7) - 1];
    }
    slot = (slot + 1) & (SLOTS - 1);
  }
}

/** internAscii for longer words, whose codes may be shared: the key's characters are compared too. */
function internLong(text: string, start: number, end: number, h: number, h6: number): string {
  const len = end - start;
  if (len > MAX_INTERNED_LENGTH) return longKey(text, start, end);
  let slot = slotOf(h);
  for (;;) {
    const at = STRIDE * slot;
    const n = table[at + 2];
    if (n === 0) return newKey(text, start, end, h, h6, slot);
    if (table[at] === h && table[at + 1] === h6 && (n & 127) === len && sameLower(keys[(n >> 7) - 1], text, start, len)) {
      internedClasses = table[at + 3];
      return keys[(n >> 7) - 1];
    }
    slot = (slot + 1) & (SLOTS - 1);
  }
}

/** Lexicon version the table's classes were read at. */
let tableVersion = -1;

/** Reads every key's classes again: the lexicon grew (rare once the passes and dictionaries are loaded). */
function refreshTableClasses(version: number): void {
  for (let at = 0; at < table.length; at += STRIDE) {
    const n = table[at + 2];
    if (n !== 0) table[at + 3] = classesOf(keys[(n >> 7) - 1]);
  }
  tableVersion = version;
}

/** A word not in the table yet: its fresh lowercase key, put in the empty slot the probe ended on. */
function newKey(text: string, start: number, end: number, h: number, h6: number, slot: number): string {
  const key = internalized(freshLowercase(text, start, end));
  const cls = classesOf(key);
  internedClasses = cls;
  if (keys.length >= MAX_KEYS) {
    // Full: start over rather than grow (memory stays bounded on any input).
    table.fill(0);
    keys.length = 0;
    slot = slotOf(h);
  }
  keys.push(key);
  const at = STRIDE * slot;
  table[at] = h;
  table[at + 1] = h6;
  table[at + 2] = (keys.length << 7) | (end - start);
  table[at + 3] = cls;
  return key;
}

/**
 * The engine's one copy of the string (the copy a property name is made): the passes compare keys with string
 * literals ("the", "and", "said"), which are such copies, and two of them compare by address, where a fresh
 * string is compared character by character. Made once per word the table keeps.
 */
function internalized(s: string): string {
  const names: Record<string, number> = {};
  names[s] = 0;
  for (const name in names) return name;
  return s;
}

/** Long runs (codes, garbage) are not worth keeping: their own lowercase slice. */
function longKey(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  const long = hasAsciiUpper(text, start, end) ? raw.toLowerCase() : raw;
  internedClasses = classesOf(long);
  return long;
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
