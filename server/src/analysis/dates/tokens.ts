// A small, linear tokenizer for the date grammar: words, numbers and single punctuation marks with offsets.
import { codeUnits } from './codeUnits';

export const enum Kind {
  Word = 1,
  Number = 2,
  Punct = 3,
}

export interface Token {
  /** Start and end offsets in the article text. */
  s: number;
  e: number;
  k: Kind;
  /** Text as written. */
  t: string;
  /** Lower-case text. */
  l: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Numbers: written with thousands separators or decimals ("4,000", "2.5"), so never a year or day. */
  big: boolean;
}

/** ASCII and Latin-1/Latin Extended-A/B letters. (c|32) folds A-Z onto a-z and nothing else into that range. */
function isLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigit(c: number): boolean {
  return (c - 48) >>> 0 < 10;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/**
 * Tokenizes text[start, end). Each character is looked at a bounded number of times. `codes` are the
 * text's code units (codeUnits.ts); callers that tokenize many ranges of one text make them once.
 */
export function tokenize(text: string, start: number, end: number, codes: Uint16Array = codeUnits(text)): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = codes[i];
    // The plain space first: it is most of what is skipped, and the full test is a long one.
    if (c === 32 || isSpace(c)) {
      i++;
      continue;
    }
    const s = i;
    if (isLetter(c)) {
      // Most words are written in lower case: they are their own lower-case form (no new string).
      let plain = c >= 97;
      i++;
      for (; i < end; i++) {
        const d = codes[i];
        if (d >= 97 && d <= 122) continue;
        if (!isLetter(d)) break;
        plain = false;
      }
      const t = text.slice(s, i);
      out.push({ s, e: i, k: Kind.Word, t, l: plain && c <= 122 ? t : t.toLowerCase(), cap: c >= 65 && c <= 90, big: false });
      continue;
    }
    if (isDigit(c)) {
      i++;
      while (i < end && isDigit(codes[i])) i++;
      let big = false;
      // "4,000" and "2.5" are one number; "2017-09-02" and "Aug. 18, 2017" are not touched here.
      while (i + 1 < end && (codes[i] === 44 || codes[i] === 46) && isDigit(codes[i + 1])) {
        const sep = codes[i];
        let j = i + 1;
        while (j < end && isDigit(codes[j])) j++;
        if (sep === 44 && j - i - 1 !== 3) break;
        big = true;
        i = j;
      }
      const t = text.slice(s, i);
      out.push({ s, e: i, k: Kind.Number, t, l: t, cap: false, big });
      continue;
    }
    i++;
    // Surrogate pairs stay one token so offsets never split a character.
    if (c >= 0xd800 && c <= 0xdbff && i < end) i++;
    const t = text.slice(s, i);
    out.push({ s, e: i, k: Kind.Punct, t, l: t, cap: false, big: false });
  }
  return out;
}

/** True when token b follows token a with no space between them. */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.e === b.s;
}
