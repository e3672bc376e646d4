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

// Words with internal apostrophes or ayn marks ("Dar'a", "Ma‘arrat"), or dotted abbreviations ("U.S.").
// Each alternative consumes distinct characters, so matching stays linear.
const WORD = /(?:\p{Lu}\.){2,4}|[\p{L}\p{M}\p{N}]+(?:['’‘ʿ][\p{L}\p{M}]+){0,3}/gu;

/** Tokenises text[start, end) for place matching. */
export function placeTokens(text: string, start: number, end: number): PlaceToken[] {
  const out: PlaceToken[] = [];
  WORD.lastIndex = start;
  let prevEnd = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    const from = m.index;
    let to = Math.min(from + m[0].length, end);
    // "Lebanon's": the possessive is not part of the name.
    const last = text.charCodeAt(to - 1);
    if (to - from > 3 && (last === 115 || last === 83) && POSSESSIVE.has(text.charCodeAt(to - 2))) to -= 2;
    const first = text.charCodeAt(from);
    const dotted = to - from > 2 && text.charCodeAt(to - 1) === 46;
    // Fast path for ASCII; other scripts compare case forms.
    const cap = first < 128 ? first >= 65 && first <= 90 : m[0].charAt(0) !== m[0].charAt(0).toLowerCase();
    out.push(new PlaceToken(text, from, to, cap, out.length === 0 ? '' : separator(text, prevEnd, from), dotted));
    prevEnd = to;
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
  // Standalone "Al Qaim", "El Fasher": only al/el, which are not English words; inside a name ("Dayr az Zawr") any article.
  return next.sep === ' ' && next.cap && (midName || t.plain === 'al' || t.plain === 'el');
}
