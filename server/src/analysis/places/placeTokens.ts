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
const FIRST = 4;
// The separator is worked out on first use (most tokens never need it) and kept as sep + 1 from this bit on.
const SEP_SHIFT = 3;

/** The tokens of an article's stretches (sentences, dateline), one after another. */
export class TokenBuffer {
  text = '';
  length = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  private bits = new Uint8Array(1024);
  /** Indices of the capitalised tokens, in order: only they (and an article right before one) can start a name. */
  caps = new Int32Array(1024);
  capCount = 0;

  /**
   * The text as bytes when it is all ASCII (most articles), else null. Reading a byte array is about twice
   * as fast as reading the string, and the engine's encoder makes the copy at a small fraction of that.
   */
  ascii: Uint8Array | null = null;
  private byteStore: Uint8Array = new Uint8Array(0);
  /** The byte store read four bytes at a time (little-endian), for the tokeniser. */
  byteView: DataView = new DataView(this.byteStore.buffer);
  /** The text has characters beyond ASCII (ascii is null): its all-ASCII stretches are copied one by one. */
  private mixed = false;

  /** Forgets the previous article's tokens. */
  reset(text: string): void {
    this.text = text;
    this.length = 0;
    this.capCount = 0;
    this.ascii = null;
    this.mixed = false;
    if (text.length === 0) {
      // Between articles: what a very long one needed is not kept alive.
      if (this.byteStore.length > 1 << 22) this.setStore(new Uint8Array(0));
      if (this.start.length > 1 << 18) {
        this.start = new Int32Array(1024);
        this.end = new Int32Array(1024);
        this.bits = new Uint8Array(1024);
        this.caps = new Int32Array(1024);
      }
      return;
    }
    if (encoder === null) return;
    // WORD_SLACK bytes past the text: the tokeniser reads words four bytes at a time (wordEnd).
    if (this.byteStore.length < text.length + WORD_SLACK) this.setStore(new Uint8Array(Math.max(text.length + WORD_SLACK, this.byteStore.length * 2)));
    // Any character outside ASCII needs two bytes or more, so it stops the copy short of the text's length.
    const { read, written } = encoder.encodeInto(text, this.byteStore);
    if (read === text.length && written === text.length) this.ascii = this.byteStore;
    else this.mixed = true;
  }

  /**
   * The bytes when text[from, to) is all ASCII, else null. In a text with curly quotes or accented names
   * (most scraped articles) nearly every sentence is still plain ASCII: its bytes are written at the same
   * offsets of the store, and the byte tokeniser reads them instead of the string (~2x faster).
   */
  asciiStretch(from: number, to: number): Uint8Array | null {
    if (this.ascii !== null) return this.ascii;
    if (!this.mixed || encoder === null) return null;
    const { read, written } = encoder.encodeInto(this.text.slice(from, to), this.byteStore.subarray(from, to));
    return read === to - from && written === to - from ? this.byteStore : null;
  }

  private setStore(store: Uint8Array): void {
    this.byteStore = store;
    this.byteView = new DataView(store.buffer);
  }

  cap(i: number): boolean {
    return (this.bits[i] & CAP) !== 0;
  }

  /** Dotted capitals written as one word: "U.S.", "U.K.". */
  dotted(i: number): boolean {
    return (this.bits[i] & DOTTED) !== 0;
  }

  sep(i: number): number {
    const bits = this.bits[i];
    if (bits >>> SEP_SHIFT !== 0) return (bits >>> SEP_SHIFT) - 1;
    const sep = (bits & FIRST) !== 0 ? SEP_START : separator(this.text, this.end[i - 1], this.start[i]);
    this.bits[i] = bits | ((sep + 1) << SEP_SHIFT);
    return sep;
  }

  /** The token as written. */
  raw(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** Makes room for `more` tokens beyond the current length. */
  reserve(more: number): void {
    let size = this.start.length;
    if (this.length + more <= size) return;
    while (size < this.length + more) size *= 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const bits = new Uint8Array(size);
    const caps = new Int32Array(size);
    start.set(this.start.subarray(0, this.length));
    end.set(this.end.subarray(0, this.length));
    bits.set(this.bits.subarray(0, this.length));
    caps.set(this.caps.subarray(0, this.capCount));
    this.start = start;
    this.end = end;
    this.bits = bits;
    this.caps = caps;
  }

  /** The flag bits of each token (cap, dotted, separator), for the tokeniser. */
  bitsArray(): Uint8Array {
    return this.bits;
  }
}

const encoder: TextEncoder | null = typeof TextEncoder === 'function' ? new TextEncoder() : null;

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
  const from0 = Math.max(0, start);
  if (from0 >= stop) return buf.length;
  // Every token but the last is followed by at least one character that is not part of it.
  buf.reserve(((stop - from0) >> 1) + 2);
  const bytes = text === buf.text ? buf.asciiStretch(from0, stop) : null;
  if (bytes !== null) return tokenizeAscii(buf, bytes, buf.byteView, from0, stop);
  const S = buf.start;
  const E = buf.end;
  const B = buf.bitsArray();
  const C = buf.caps;
  let n = buf.length;
  let capCount = buf.capCount;
  const firstToken = n;
  let i = from0;
  while (i < stop) {
    const c = text.charCodeAt(i);
    let k = CLASS[c];
    if (k === 0) k = classOf(c);
    if ((k & WORD) === 0) {
      i++;
      continue;
    }
    const from = i;
    let to = -1;
    let j = i;
    let dotted = false;
    // "U.S.", "U.K.": capital, dot, repeated two to four times.
    if ((k & UP) !== 0 && i + 1 < stop && text.charCodeAt(i + 1) === 46) {
      let pairs = 0;
      while (pairs < 4 && j + 1 < stop && (classOf(text.charCodeAt(j)) & UP) !== 0 && text.charCodeAt(j + 1) === 46) {
        j += 2;
        pairs++;
      }
      if (pairs >= 2 && !(j < stop && (classOf(text.charCodeAt(j)) & WORD) !== 0)) {
        to = j;
        dotted = true;
      }
    }
    if (!dotted) {
      j = i + 1;
      let marks = 0;
      while (j < stop) {
        const d = text.charCodeAt(j);
        // Lower-case ASCII letters are most of the text: decided without the table.
        if (d >= 97 && d <= 122) {
          j++;
          continue;
        }
        let kd = CLASS[d];
        if (kd === 0) kd = classOf(d);
        if ((kd & WORD) !== 0) j++;
        else if (d !== 32 && marks < 3 && isInnerMark(d) && j + 1 < stop && (classOf(text.charCodeAt(j + 1)) & WORD) !== 0 && text.charCodeAt(j + 1) < 0xd800) {
          marks++;
          j++;
        } else break;
      }
      to = j;
      // "Lebanon's": the possessive is not part of the name (an apostrophe inside means a mark was taken).
      if (marks > 0 && to - from > 3) {
        const last = text.charCodeAt(to - 1);
        if ((last === 115 || last === 83) && isPossessiveMark(text.charCodeAt(to - 2))) to -= 2;
      }
    }
    S[n] = from;
    E[n] = to;
    B[n] = ((k & UP) !== 0 ? CAP : 0) | (dotted ? DOTTED : 0) | (n === firstToken ? FIRST : 0);
    if ((k & UP) !== 0) C[capCount++] = n;
    n++;
    i = j > to ? j : to;
  }
  buf.length = n;
  buf.capCount = capCount;
  return n;
}

// 1 for the bytes that are word characters in an ASCII text (letters and digits): the tokeniser's inner loop
// reads this small table instead of testing the class bits of the full one.
const WORD_BYTE = new Uint8Array(256);
for (let c = 0; c < 128; c++) WORD_BYTE[c] = (CLASS[c] & WORD) !== 0 ? 1 : 0;

/**
 * tokenizeStretch over the bytes of an all-ASCII stretch: the same tokens (only "'" is an ASCII inner mark).
 * Every token of every sentence passes through here, so the loops are kept tight: letters are consumed by a
 * loop that tests nothing else, and the next token after a single space starts without a trip round the
 * outer loop (that single space is also what makes the separator known at once).
 */
function tokenizeAscii(buf: TokenBuffer, t: Uint8Array, view: DataView, from0: number, stop: number): number {
  const S = buf.start;
  const E = buf.end;
  const B = buf.bitsArray();
  const C = buf.caps;
  let n = buf.length;
  let capCount = buf.capCount;
  // Bits of the next token from what came before it: the stretch start, one space, or worked out later by sep().
  let lead = FIRST | ((SEP_START + 1) << SEP_SHIFT);
  let i = from0;
  while (i < stop) {
    const c = t[i];
    if (WORD_BYTE[c] === 0) {
      i++;
      continue;
    }
    const from = i;
    let j = i + 1;
    let bits = lead;
    if (c >= 65 && c <= 90) {
      bits |= CAP;
      C[capCount++] = n;
      // "U.S.", "U.K.": capital, dot, repeated two to four times.
      if (j < stop && t[j] === 46) {
        let k = i;
        let pairs = 0;
        while (pairs < 4 && k + 1 < stop && t[k] >= 65 && t[k] <= 90 && t[k + 1] === 46) {
          k += 2;
          pairs++;
        }
        if (pairs >= 2 && !(k < stop && WORD_BYTE[t[k]] !== 0)) {
          S[n] = from;
          E[n] = k;
          B[n++] = bits | DOTTED;
          i = k;
          lead = 0;
          continue;
        }
      }
    }
    let marks = 0;
    for (;;) {
      j = wordEnd(view, j, stop);
      // An inner apostrophe followed by a letter ("Dar'a"): at most three per word.
      if (j + 1 >= stop || t[j] !== 39 || marks === 3 || WORD_BYTE[t[j + 1]] === 0) break;
      marks++;
      j += 2;
    }
    let to = j;
    // "Lebanon's": the possessive is not part of the name.
    if (marks > 0 && to - from > 3 && (t[to - 1] === 115 || t[to - 1] === 83) && t[to - 2] === 39) to -= 2;
    S[n] = from;
    E[n] = to;
    B[n++] = bits;
    if (to === j && j + 1 < stop && t[j] === 32 && WORD_BYTE[t[j + 1]] !== 0) {
      // The usual case: one space, then the next word.
      lead = (SEP_SPACE + 1) << SEP_SHIFT;
      i = j + 1;
    } else {
      lead = 0;
      i = j;
    }
  }
  buf.length = n;
  buf.capCount = capCount;
  return n;
}

// Bytes the store holds past the text, so wordEnd (and placeWordAt) may read a whole four-byte group at the text's end.
const WORD_SLACK = 4;

/**
 * The first position from j that is not a letter or digit (the bytes WORD_BYTE marks), or stop if sooner.
 * Four bytes are tested at once, so a word costs a branch per four letters instead of one per letter
 * (tokeniser alone: generated corpus x0.90, FA-KES x0.82 of the byte-at-a-time loop). Bytes past stop
 * may be anything (the next sentence, an earlier article's UTF-8): a word running into them ends at stop,
 * and the byte sums below only carry into later bytes, so the first test that fails is always exact.
 */
function wordEnd(view: DataView, j: number, stop: number): number {
  for (;;) {
    const w = view.getUint32(j, true);
    const x = w | 0x20202020;
    // Per byte, bit 7 set when the byte is a letter (0x61-0x7a once case is folded) or a digit (0x30-0x39).
    const word = ((x + 0x1f1f1f1f) & ~(x + 0x05050505)) | ((w + 0x50505050) & ~(w + 0x46464646));
    const ends = ~word & 0x80808080;
    if (ends !== 0) {
      // The lowest byte that ends the word: its bit's position over 8.
      j += (31 - Math.clz32(ends & -ends)) >> 3;
      return j < stop ? j : stop;
    }
    j += 4;
    if (j >= stop) return stop;
  }
}

function isPossessiveMark(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** The separator between a token ending at `from` and the next starting at `to`. */
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
