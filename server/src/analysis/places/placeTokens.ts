// Words of a sentence as the place matcher needs them: offsets, surface, folded key, capitalisation and
// what separates each word from the previous one ("al-Bukamal" is two words joined by a hyphen).
import { ARTICLES, basicFold, foldToken } from './placeKey';

export interface PlaceToken {
  start: number;
  end: number;
  text: string;
  /** basicFold of the word, letters and digits only ("al", "raqqa"). */
  plain: string;
  /** foldToken(plain): the word's contribution to a place key. */
  key: string;
  cap: boolean;
  allCaps: boolean;
  /** What lies between the previous token and this one: ' ', '-', ',', '.', or '' at the sentence start; '?' for anything else. */
  sep: string;
  /** Dotted capitals written as one word: "U.S.", "U.K.". */
  dotted: boolean;
}

// Words with internal apostrophes or ayn marks ("Dar'a", "Ma‘arrat"), or dotted abbreviations ("U.S.").
// Each alternative consumes distinct characters, so matching stays linear.
const WORD = /(?:\p{Lu}\.){2,4}|[\p{L}\p{M}\p{N}]+(?:['’‘ʿ][\p{L}\p{M}]+){0,3}/gu;

/** Tokenises text[start, end) for place matching. */
export function placeTokens(text: string, start: number, end: number): PlaceToken[] {
  const out: PlaceToken[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  let prevEnd = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const word = m[0];
    const between = slice.slice(prevEnd, m.index);
    prevEnd = m.index + word.length;
    const dotted = word.length > 2 && word.endsWith('.') && /^(?:\p{Lu}\.)+$/u.test(word);
    const plain = basicFold(word).replace(/[^a-z0-9]/g, '');
    const first = word.charAt(0);
    const cap = first !== first.toLowerCase() || dotted;
    const letters = word.replace(/[^\p{L}]/gu, '');
    out.push({
      start: start + m.index,
      end: start + m.index + word.length,
      text: word,
      plain,
      key: dotted ? plain : foldToken(plain),
      cap,
      allCaps: letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      sep: out.length === 0 ? '' : separator(between),
      dotted,
    });
  }
  return out;
}

function separator(between: string): string {
  if (between === ' ' || between === '\u00a0') return ' ';
  if (between === '-' || between === '‐' || between === '‑') return '-';
  const t = between.trim();
  if (t === '') return ' ';
  if (t === ',' || t === '.' || t === '-') return t;
  return '?';
}

/** True when the token is an Arabic article written before a name ("al-", "Al ", "ash-"). */
export function isArticle(tokens: PlaceToken[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || !ARTICLES.has(t.plain)) return false;
  if (next.sep === '-') return true;
  // Standalone "Al Qaim", "El Fasher": only al/el, which are not English words.
  return next.sep === ' ' && next.cap && (t.plain === 'al' || t.plain === 'el');
}
