// Words of a sentence as the place matcher needs them: offsets, capitalisation and what separates each word
// from the previous one ("al-Bukamal" is two words joined by a hyphen). Stored in flat typed arrays that are
// reused from one article to the next: the matcher sees every word of the text, and one object per word
// was most of its cost. A word's folded forms live in placeWords.ts, computed once per distinct spelling.

/** What lies between the previous token and this one. */
export const SEP_START = 0; // first token of the stretch
export const SEP_SPACE = 1; // white space only
export const SEP_HYPHEN = 2;
export const SEP_COMMA = 3;
export const SEP_DOT = 4;
export const SEP_OTHER = 5; // anything else ("'s ", "(", "\n" alone)

const CAP = 1;
const DOTTED = 2;
const SEP_SHIFT = 2;

/** The tokens of an article's stretches (sentences, dateline), one after another. */
export class TokenBuffer {
  text = '';
  length = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  private bits = new Uint8Array(1024);

  /** Forgets the previous article's tokens. */
  reset(text: string): void {
    this.text = text;
    this.length = 0;
  }

  cap(i: number): boolean {
    return (this.bits[i] & CAP) !== 0;
  }

  /** Dotted capitals written as one word: "U.S.", "U.K.". */
  dotted(i: number): boolean {
    return (this.bits[i] & DOTTED) !== 0;
  }

  sep(i: number): number {
    return this.bits[i] >>> SEP_SHIFT;
  }

  /** The token as written. */
  raw(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  push(start: number, end: number, cap: boolean, dotted: boolean, sep: number): void {
    const n = this.length;
    if (n === this.start.length) this.grow();
    this.start[n] = start;
    this.end[n] = end;
    this.bits[n] = (cap ? CAP : 0) | (dotted ? DOTTED : 0) | (sep << SEP_SHIFT);
    this.length = n + 1;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const bits = new Uint8Array(size);
    start.set(this.start);
    end.set(this.end);
    bits.set(this.bits);
    this.start = start;
    this.end = end;
    this.bits = bits;
  }
}

// Per code unit: 1 = classified, 2 = word character, 4 = upper case. Filled on first sight of a character,
// so a regex runs at most once per distinct character instead of once per character of the text.
const CLASS = new Uint8Array(65536);
const LETTER = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const WORD = 2;
const UP = 4;

function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const s = String.fromCharCode(c);
    // Astral letters come as surrogate pairs: both halves count as word characters.
    const word = (c >= 0xd800 && c <= 0xdfff) || LETTER.test(s);
    k = 1 | (word ? WORD : 0) | (UPPER.test(s) ? UP : 0);
    CLASS[c] = k;
  }
  return k;
}

for (let c = 0; c < 128; c++) {
  const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  CLASS[c] = 1 | (word ? WORD : 0) | (c >= 65 && c <= 90 ? UP : 0);
}

function isWordChar(c: number): boolean {
  return (classOf(c) & WORD) !== 0;
}

function isUpper(c: number): boolean {
  return (classOf(c) & UP) !== 0;
}

/** Apostrophes and ayn marks inside a word ("Dar'a", "Ma‘arrat"): at most three per word. */
function isInnerMark(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bf;
}

/**
 * Appends the tokens of text[start, end) to the buffer: words (with inner apostrophes) and dotted
 * abbreviations ("U.S."). One forward pass over the characters; returns the buffer's new length.
 */
export function tokenizeStretch(buf: TokenBuffer, text: string, start: number, end: number): number {
  const stop = Math.min(end, text.length);
  let prevEnd = Math.max(0, start);
  let i = prevEnd;
  let first = true;
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
        else if (marks < 3 && isInnerMark(d) && j + 1 < stop && isWordChar(text.charCodeAt(j + 1)) && text.charCodeAt(j + 1) < 0xd800) {
          marks++;
          j++;
        } else break;
      }
      to = j;
      // "Lebanon's": the possessive is not part of the name.
      const last = text.charCodeAt(to - 1);
      if (to - from > 3 && (last === 115 || last === 83) && isPossessiveMark(text.charCodeAt(to - 2))) to -= 2;
    }
    buf.push(from, to, isUpper(c), dotted, first ? SEP_START : separator(text, prevEnd, from));
    first = false;
    prevEnd = to;
    i = Math.max(j, to);
  }
  return buf.length;
}

function isPossessiveMark(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function separator(text: string, from: number, to: number): number {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (c === 32 || c === 0xa0) return SEP_SPACE;
    if (c === 45 || c === 0x2010 || c === 0x2011) return SEP_HYPHEN;
    if (c === 44) return SEP_COMMA;
    if (c === 46) return SEP_DOT;
    return SEP_OTHER;
  }
  // The gap trimmed (as String.prototype.trim does), without slicing it: ", " is the usual case.
  let a = from;
  let b = to;
  while (a < b && isTrimSpace(text.charCodeAt(a))) a++;
  while (b > a && isTrimSpace(text.charCodeAt(b - 1))) b--;
  if (a === b) return SEP_SPACE;
  if (b - a === 1) {
    const c = text.charCodeAt(a);
    if (c === 44) return SEP_COMMA;
    if (c === 46) return SEP_DOT;
    if (c === 45) return SEP_HYPHEN;
  }
  return SEP_OTHER;
}

/** The white space and line terminators String.prototype.trim removes. */
function isTrimSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
