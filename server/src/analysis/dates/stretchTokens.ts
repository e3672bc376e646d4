// The tokens of one stretch (a sentence), made once and shared by its windows and by the tense look
// around each date. Any sub-range is served exactly as tokenize() would have cut it, word fragments at
// its ends included, so reading a range here never changes what the grammar sees.
import { isSpace, tokenize, Token, TokenPool } from './tokens';

/**
 * The token objects of the latest stretch, reused by the next one: a stretch's tokens are read only
 * while it is tagged (mentions keep offsets, not tokens). So the ranges a stretch hands out are valid
 * until the next StretchTokens is made; a stretch used after that forgets its region and tokenizes
 * afresh, with new objects.
 */
const POOL = new TokenPool();
/** The empty region: never written to (a region only ever gets new arrays). */
const NONE: Token[] = [];
/**
 * The array of the latest stretch's first region (its first window's tokens, mostly all it tokenizes),
 * written over by the next stretch like the token objects in it: stage allocation gen 11.0 -> 9.1,
 * FA-KES 4.6 -> 4.0 bytes per input byte, CPU unchanged (x1.00, 0.995, 1.02 in alternated passes).
 */
const FIRST: Token[] = [];
let latest = 0;

export class StretchTokens {
  /** The tokens of [lo, hi), a region that only grows; both ends are places no token crosses. */
  private all: Token[] = NONE;
  private lo = -1;
  private hi = -1;
  private id = ++latest;
  /** The region was made after the pool was taken by a later stretch (fresh objects). */
  private fresh = false;

  constructor(
    private text: string,
    /** The text's code units (codeUnits.ts). */
    private codes: Uint16Array,
    private min: number,
    private max: number,
  ) {
    POOL.reset();
  }

  /**
   * This object made over for another stretch, as if new: the tagger keeps one for all the sentences it
   * tags (a new one per sentence was 7% of the bytes the stage allocated). Ranges handed out before
   * are then as stale as those of any earlier stretch.
   */
  restart(text: string, codes: Uint16Array, min: number, max: number): this {
    this.text = text;
    this.codes = codes;
    this.min = min;
    this.max = max;
    this.all = NONE;
    this.lo = -1;
    this.hi = -1;
    this.id = ++latest;
    this.fresh = false;
    POOL.reset();
    return this;
  }

  /** Exactly tokenize(text, from, to), token objects from the pool while this is the latest stretch. */
  private tokenize(from: number, to: number, into: Token[] | null = null): Token[] {
    return this.id === latest ? tokenize(this.text, from, to, this.codes, POOL, into) : tokenize(this.text, from, to, this.codes, null);
  }

  /** Exactly tokenize(text, from, to), for min <= from <= to <= max. Each character is tokenized once at most. */
  range(from: number, to: number): Token[] {
    if (this.id !== latest && this.lo >= 0 && !this.fresh) {
      // A later stretch has taken the pool: this region's objects are being reused.
      this.fresh = true;
      this.all = NONE;
      this.lo = -1;
      this.hi = -1;
    }
    this.cover(from, to);
    const all = this.all;
    let a = firstStartingAtOrAfter(all, from);
    // A token cut by `from` ("terday" of "yesterday"): its tail is tokenized apart. The tokenizer is back in
    // step at that token's end, because a token's end never depends on where it started.
    let lead: Token[] | null = null;
    if (a > 0 && all[a - 1].e > from) {
      const cut = all[a - 1];
      if (cut.e >= to) return this.tokenize(from, to);
      lead = this.tokenize(from, cut.e);
    }
    const b = firstEndingAfter(all, a, to);
    if (b < all.length && all[b].s < to) {
      // A token cut by `to`: its whole run of touching tokens is re-read, since a number cut short may join
      // the digits before it differently ("4,0001" cut after "4,000" is one number, not "4" "," "0001").
      let c = b;
      while (c > a && all[c - 1].e === all[c].s) c--;
      if (c === a && lead && lead.length > 0 && lead[lead.length - 1].e === all[a].s) return this.tokenize(from, to);
      const tail = this.tokenize(all[c].s, to);
      return join(lead, all, a, c, tail);
    }
    return join(lead, all, a, b, null);
  }

  /**
   * Tokenizes what [from, to) needs and the region does not have yet. Only the neighbourhood of the dates
   * is tokenized: in a long sentence with one date most of the words are never made into tokens.
   */
  private cover(from: number, to: number): void {
    if (this.lo >= 0 && from >= this.lo && to <= this.hi) return;
    const a = this.boundaryAtOrBefore(from);
    const b = this.boundaryAtOrAfter(to);
    if (this.lo < 0) {
      this.all = this.tokenize(a, b, FIRST);
      this.lo = a;
      this.hi = b;
      return;
    }
    // New arrays, never the kept one grown: that one may have been handed out (see join). Built by push onto
    // a fresh array rather than by concat, which cost more than the copying itself (a third of the tense
    // look-around's time outside the tokenizer).
    if (a < this.lo) {
      this.all = appended(this.tokenize(a, this.lo), this.all);
      this.lo = a;
    }
    if (b > this.hi) {
      this.all = appended(this.all.slice(), this.tokenize(this.hi, b));
      this.hi = b;
    }
    // A stretch may be a whole book on one line: windows move left to right, so tokens well behind the
    // one asked for are let go (asked for again, they are tokenized again, exactly the same). Dropping only
    // once they are half of what is kept keeps this linear.
    if (this.all.length > KEEP_TOKENS) {
      const cut = this.boundaryAtOrBefore(Math.max(this.min, from - KEEP_BEHIND));
      const k = firstStartingAtOrAfter(this.all, cut);
      if (cut > this.lo && k * 2 >= this.all.length) {
        this.all = this.all.slice(k);
        this.lo = cut;
      }
    }
  }

  /** True when no token crosses p: the stretch's ends, or next to a space. */
  boundary(p: number): boolean {
    return p <= this.min || p >= this.max || isSpace(this.codes[p - 1]) || isSpace(this.codes[p]);
  }

  /** A place at or before p that no token crosses (next to a space, or the stretch's start). */
  private boundaryAtOrBefore(p: number): number {
    if (p >= this.max) return this.max;
    for (let k = 0; k < BOUNDARY_REACH; k++, p--) {
      if (p <= this.min) return this.min;
      if (isSpace(this.codes[p - 1]) || isSpace(this.codes[p])) return p;
    }
    return this.min; // no space near: from the start (each character is still tokenized once at most)
  }

  /** A place at or after p that no token crosses (next to a space, or the stretch's end). */
  private boundaryAtOrAfter(p: number): number {
    if (p <= this.min) return this.min;
    for (let k = 0; k < BOUNDARY_REACH; k++, p++) {
      if (p >= this.max) return this.max;
      if (isSpace(this.codes[p - 1]) || isSpace(this.codes[p])) return p;
    }
    return this.max;
  }
}

const BOUNDARY_REACH = 64;
/** Past this many tokens, those more than KEEP_BEHIND characters behind the range asked for are let go. */
const KEEP_TOKENS = 4096;
const KEEP_BEHIND = 512;

/**
 * The tokens lead + all[a, b) + tail. A kept array is never changed once made (the region grows and
 * shrinks into new arrays), so a range that is the whole region (a sentence's first window, mostly)
 * is handed the kept array itself, uncopied; callers only read what they are given.
 */
function join(lead: Token[] | null, all: Token[], a: number, b: number, tail: Token[] | null): Token[] {
  if (!lead && !tail) return a === 0 && b === all.length ? all : all.slice(a, b);
  const out: Token[] = lead ?? []; // lead is a fresh array of this call: added to, not copied
  for (let k = a; k < b; k++) out.push(all[k]);
  if (tail) for (const t of tail) out.push(t);
  return out;
}

/** `more` pushed onto `fresh` (an array of the caller's own); fresh returned. */
function appended(fresh: Token[], more: Token[]): Token[] {
  for (let k = 0; k < more.length; k++) fresh.push(more[k]);
  return fresh;
}

/** Index of the first token at or after all[from] ending after `pos` (binary search: ends grow in text order). */
export function firstEndingAfter(all: Token[], from: number, pos: number): number {
  let lo = from;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].e <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token starting at or after `pos` (binary search; tokens are in text order). */
export function firstStartingAtOrAfter(all: Token[], pos: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].s < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
