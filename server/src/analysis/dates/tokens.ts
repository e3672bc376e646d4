// A small, linear tokenizer for the date grammar: words, numbers and single punctuation marks with offsets.
import { codeUnits } from './codeUnits';
import { factsVersion, wordFacts } from './wordFacts';
import { ObjectPool } from '../objectPool';

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
  /** Facts of the lower-case text (wordFacts.ts); numbers have none. */
  f: number;
}

/** ASCII and Latin-1/Latin Extended-A/B letters. (c|32) folds A-Z onto a-z and nothing else into that range. */
function isLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigit(c: number): boolean {
  return (c - 48) >>> 0 < 10;
}

export function isSpace(c: number): boolean {
  // Letters, digits and ASCII punctuation (nearly every code unit asked) answer after two compares.
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/**
 * Words (and plain numbers) met before, by a hash of their code units: a word written again is handed
 * the same strings (as written and lower-case) and facts instead of a fresh slice, a lower-casing and a
 * look-up of its facts. A kept string also has its hash cached, so the word lists the recognisers ask are
 * quicker on it. A slot holds the last word that hashed to it (exact: its key, or else its text, is
 * compared), so memory stays bounded.
 */
const WORDS = 1 << 13;
const wordText: (string | null)[] = new Array(WORDS).fill(null);
const wordLower: string[] = new Array(WORDS).fill('');
const wordFact = new Int32Array(WORDS);
/**
 * The slot's word as a number when it is at most KEY_MAX ASCII code units long (its units as the digits,
 * base 128, first unit lowest: exact in a double below 128^7 = 2^49, and as no unit is 0 the key fixes the
 * length too), else NaN, which equals no key. Equal keys are equal words, so most words are found again
 * without reading the kept string: comparing it unit by unit was about a fifth of the tokenizer's time
 * (tokenizing the stage's windows alone: +7 to +15% MB/s, 3 runs of 15 alternated passes).
 */
const wordKey = new Float64Array(WORDS).fill(NaN);
const KEY_MAX = 7;
/** The facts version the kept words and marks were read under (wordFacts.ts). */
let keptVersion = -1;

function sameText(t: string, codes: Uint16Array, s: number): boolean {
  for (let k = 0; k < t.length; k++) if (t.charCodeAt(k) !== codes[s + k]) return false;
  return true;
}

function slotOf(h: number, length: number): number {
  return (h ^ (h >>> 13) ^ length) & (WORDS - 1);
}

/**
 * The kept string for text[s, e) (hash h of its code units; key: its exact key, or NaN when it has none),
 * kept now if it was not; its lower-case form and facts are kept in the same slot. `lower`: the text is its
 * own lower-case form.
 */
function kept(text: string, codes: Uint16Array, s: number, e: number, h: number, key: number, lower: boolean): string {
  const slot = slotOf(h, e - s);
  let t = wordText[slot];
  // key === key: the word has a key (is not NaN).
  if (key === key ? wordKey[slot] !== key : t === null || t.length !== e - s || !sameText(t, codes, s)) {
    t = text.slice(s, e);
    wordKey[slot] = key;
    const l = lower ? t : t.toLowerCase();
    wordText[slot] = t;
    wordLower[slot] = l;
    wordFact[slot] = wordFacts(l);
  }
  // A slot with a key always has its text (both are set together, and cleared together by forgetFacts).
  return t!;
}

/** Single-unit punctuation marks below U+3000 by code unit, with their facts, kept when first met. */
const PUNCT_TEXT: (string | undefined)[] = new Array(0x3000).fill(undefined);
const PUNCT_FACTS = new Int32Array(0x3000);

/** A one-unit mark: its kept string (no slice) and facts in PUNCT_FACTS. */
function punctText(c: number): string {
  let t = PUNCT_TEXT[c];
  if (t === undefined) {
    t = PUNCT_TEXT[c] = String.fromCharCode(c);
    PUNCT_FACTS[c] = wordFacts(t);
  }
  return t;
}

function forgetFacts(): void {
  wordText.fill(null);
  wordKey.fill(NaN);
  PUNCT_TEXT.fill(undefined);
  keptVersion = factsVersion();
}

/**
 * Token objects handed out again once their holder is done with them (a stretch's tokens die with it;
 * see stretchTokens.ts). Making a fresh object per token was most of what the tagger allocated, and
 * the collector's share of its time was 14%. At most LIMIT objects are kept: past that, tokens are
 * fresh (a text on one line must be able to let go of the tokens it has read past).
 */
export class TokenPool {
  private static readonly LIMIT = 8192;
  private readonly pool = new ObjectPool<Token>(TokenPool.LIMIT);

  /** Everything handed out so far may be handed out again: its holder no longer reads it. */
  reset(): void {
    this.pool.reset();
  }

  /** A token with these fields: a kept object, or a fresh one. */
  make(s: number, e: number, k: Kind, t: string, l: string, cap: boolean, big: boolean, f: number): Token {
    const tok = this.pool.reuse();
    if (!tok) return this.pool.keep({ s, e, k, t, l, cap, big, f });
    tok.s = s;
    tok.e = e;
    tok.k = k;
    tok.t = t;
    tok.l = l;
    tok.cap = cap;
    tok.big = big;
    tok.f = f;
    return tok;
  }
}

function make(pool: TokenPool | null, s: number, e: number, k: Kind, t: string, l: string, cap: boolean, big: boolean, f: number): Token {
  return pool !== null ? pool.make(s, e, k, t, l, cap, big, f) : { s, e, k, t, l, cap, big, f };
}

/**
 * Tokenizes text[start, end). Each character is looked at a bounded number of times. `codes` are the
 * text's code units (codeUnits.ts); callers that tokenize many ranges of one text make them once.
 * With a pool, the token objects may be ones the pool handed out before its last reset. With `into`, the
 * tokens are written over that array's (which the caller no longer reads) and it is returned, cut to
 * their count: a fresh array grown token by token was the stage's largest allocation (a fifth of its
 * bytes). A scratch copied out at its exact count was tried before and cost ~4% of the stage's CPU.
 */
export function tokenize(text: string, start: number, end: number, codes: Uint16Array = codeUnits(text), pool: TokenPool | null = null, into: Token[] | null = null): Token[] {
  const out: Token[] = into ?? [];
  // Written by index: over the old tokens of `into`, or appended (as push would) past its end.
  let n = 0;
  if (keptVersion !== factsVersion()) forgetFacts();
  let i = start;
  while (i < end) {
    const c = codes[i];
    // The plain space first: it is most of what is skipped. The full space test is a long one, so it
    // waits until letters and digits are ruled out (no space is either).
    if (c === 32) {
      i++;
      continue;
    }
    const s = i;
    if (isLetter(c)) {
      // Most words are written in lower case: they are their own lower-case form (no new string).
      let plain = c >= 97;
      let ascii = c < 128;
      let h = c;
      // The key grows by adding each unit times its place (not by multiplying the key): two short
      // chains of arithmetic per unit that run side by side, instead of one long one.
      let key = c;
      let place = 128;
      i++;
      for (; i < end; i++) {
        const d = codes[i];
        if (!(d >= 97 && d <= 122)) {
          if (!isLetter(d)) break;
          plain = false;
          if (d >= 128) ascii = false;
        }
        h = (Math.imul(h, 31) + d) | 0;
        key += d * place;
        place *= 128;
      }
      const slot = slotOf(h, i - s);
      const t = kept(text, codes, s, i, h, ascii && i - s <= KEY_MAX ? key : NaN, plain && c <= 122);
      out[n++] = make(pool, s, i, Kind.Word, t, wordLower[slot], c >= 65 && c <= 90, false, wordFact[slot]);
      continue;
    }
    if (isDigit(c)) {
      let h = c;
      let key = c;
      let place = 128;
      i++;
      for (; i < end; i++) {
        const d = codes[i];
        if (!isDigit(d)) break;
        h = (Math.imul(h, 31) + d) | 0;
        key += d * place;
        place *= 128;
      }
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
      // A plain number written before is handed its kept string too: converting a string to a number
      // is quick once the runtime has cached its value on it.
      const t = big ? text.slice(s, i) : kept(text, codes, s, i, h, i - s <= KEY_MAX ? key : NaN, true);
      out[n++] = make(pool, s, i, Kind.Number, t, t, false, big, 0);
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    i++;
    // Surrogate pairs stay one token so offsets never split a character.
    if (c >= 0xd800 && c <= 0xdbff && i < end) i++;
    if (i - s === 1 && c < PUNCT_TEXT.length) {
      const t = punctText(c);
      out[n++] = make(pool, s, i, Kind.Punct, t, t, false, false, PUNCT_FACTS[c]);
    } else {
      const t = text.slice(s, i);
      out[n++] = make(pool, s, i, Kind.Punct, t, t, false, false, wordFacts(t));
    }
  }
  // Cut to the count by popping the old tokens past it, not by setting the length: that is a runtime call,
  // and an array cut to well under its capacity gives its store back, to grow it again for the next
  // sentence (4,000 times a megabyte; stage x1.03 generated, x1.016 FA-KES, paired passes).
  while (out.length > n) out.pop();
  return out;
}

/** True when token b follows token a with no space between them. */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.e === b.s;
}
