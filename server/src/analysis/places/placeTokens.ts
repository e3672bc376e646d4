// Words of a sentence as the place matcher needs them: offsets, surface, folded key, capitalisation and
// what separates each word from the previous one ("al-Bukamal" is two words joined by a hyphen).
import { ARTICLES, basicFold, foldToken } from './placeKey';

/** One word; its folded forms are computed on first use, since most words are never looked at twice. */
export class PlaceToken {
  private plainCache: string | undefined;

  constructor(
    private readonly src: string,
    readonly start: number,
    readonly end: number,
    readonly cap: boolean,
    /** What lies between the previous token and this one: ' ', '-', ',', '.', or '' at the sentence start; '?' for anything else. */
    readonly sep: string,
    /** Dotted capitals written as one word: "U.S.", "U.K.". */
    readonly dotted: boolean,
  ) {}

  /** A character of the source text (for looking just past the word). */
  charAt(offset: number): string {
    return this.src.charAt(offset);
  }

  get text(): string {
    return this.src.slice(this.start, this.end);
  }

  /** basicFold of the word, letters and digits only ("al", "raqqa"). */
  get plain(): string {
    if (this.plainCache === undefined) {
      const word = this.text;
      this.plainCache = ASCII_WORD.test(word) ? word.toLowerCase() : basicFold(word).replace(/[^a-z0-9]/g, '');
    }
    return this.plainCache;
  }

  get allCaps(): boolean {
    const word = this.text;
    return this.cap && word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
  }
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;

/** Letters, marks and digits; ASCII answered without a regex (this loop sees every character of the text). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters come as surrogate pairs
  return LETTER.test(String.fromCharCode(c));
}

function isUpper(c: number): boolean {
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(String.fromCharCode(c));
}

// Apostrophes and ayn marks inside a word ("Dar'a", "Ma‘arrat"): at most three per word.
const INNER_MARKS = new Set([39, 0x2019, 0x2018, 0x02bf]);

/**
 * Tokenises text[start, end) for place matching: words (with inner apostrophes) and dotted abbreviations
 * ("U.S."). One forward pass over the characters.
 */
export function placeTokens(text: string, start: number, end: number): PlaceToken[] {
  const out: PlaceToken[] = [];
  const stop = Math.min(end, text.length);
  let prevEnd = Math.max(0, start);
  let i = prevEnd;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const from = i;
    let to: number;
    let dotted = false;
    // "U.S.", "U.K.": capital, dot, repeated two to four times.
    let j = i;
    let pairs = 0;
    while (pairs < 4 && j + 1 < stop && isUpper(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) {
      j += 2;
      pairs++;
    }
    if (pairs >= 2 && !(j < stop && isWordChar(text.charCodeAt(j)))) {
      to = j;
      dotted = true;
    } else {
      j = i + 1;
      let marks = 0;
      while (j < stop) {
        const d = text.charCodeAt(j);
        if (isWordChar(d)) j++;
        else if (marks < 3 && INNER_MARKS.has(d) && j + 1 < stop && isWordChar(text.charCodeAt(j + 1)) && text.charCodeAt(j + 1) < 0xd800) {
          marks++;
          j++;
        } else break;
      }
      to = j;
      // "Lebanon's": the possessive is not part of the name.
      const last = text.charCodeAt(to - 1);
      if (to - from > 3 && (last === 115 || last === 83) && POSSESSIVE.has(text.charCodeAt(to - 2))) to -= 2;
    }
    const cap = c < 128 ? c >= 65 && c <= 90 : isUpper(c);
    out.push(new PlaceToken(text, from, to, cap, out.length === 0 ? '' : separator(text, prevEnd, from), dotted));
    prevEnd = to;
    i = Math.max(j, to);
  }
  return out;
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;
const POSSESSIVE = new Set([39, 0x2019]);
const keyCache = new Map<string, string>();

/** The token's contribution to a place key (foldToken of its plain form), cached across calls. */
export function tokenKey(t: PlaceToken): string {
  if (t.dotted) return t.plain;
  let k = keyCache.get(t.plain);
  if (k === undefined) {
    k = foldToken(t.plain);
    // Bounded: news vocabulary is small, but a hostile input must not grow memory without limit.
    if (keyCache.size > 50000) keyCache.clear();
    keyCache.set(t.plain, k);
  }
  return k;
}

function separator(text: string, from: number, to: number): string {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (c === 32 || c === 0xa0) return ' ';
    if (c === 45 || c === 0x2010 || c === 0x2011) return '-';
    if (c === 44) return ',';
    if (c === 46) return '.';
    return '?';
  }
  const t = text.slice(from, to).trim();
  if (t === '') return ' ';
  if (t === ',' || t === '.' || t === '-') return t;
  return '?';
}

/** True when the token is an Arabic article written before a name ("al-", "Al ", "ash-"). */
export function isArticle(tokens: PlaceToken[], i: number, midName = false): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || t.end - t.start > 3 || (next.sep !== '-' && next.sep !== ' ') || !ARTICLES.has(t.plain)) return false;
  if (next.sep === '-') return true;
  if (next.sep !== ' ' || !next.cap) return false;
  // Standalone "Al Qaim", "El Fasher": al/el are not English words; inside a name ("Dayr az Zawr") any article.
  if (midName || t.plain === 'al' || t.plain === 'el') return true;
  // "Ar Raqqah", "As Sukhnah", "Ash Shaddadi": a capitalised article assimilated to the name's first
  // (sun) letter. The assimilation is what tells it from "Ash Carter"; "As", "An", "At" also need a
  // lower-case word before them, since sentence-first or title-case they are English ("At Raqqa, ...").
  if (!t.cap || !SUN_ARTICLES.has(t.plain) || !next.plain.startsWith(t.plain.slice(1))) return false;
  if (!ENGLISH_ARTICLES.has(t.plain)) return true;
  const prev = tokens[i - 1];
  return !!prev && !prev.cap;
}

const SUN_ARTICLES = new Set(['ar', 'as', 'ash', 'ad', 'az', 'at', 'an']);
const ENGLISH_ARTICLES = new Set(['as', 'an', 'at']);
