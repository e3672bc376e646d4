// The strings the claim finders read for each sentence: lower-cased, with mentions blanked out, and the
// key that counts repeated sentences. Made once per article, not per sentence: one toLowerCase and one
// masking pass over the whole text, each sentence then a slice of them (no copy, and the regexes get
// flat strings instead of a concatenation to flatten first). Measured on the 1 MB generated corpus, the
// per-sentence way spent about a quarter of the claims stage on these strings.
import { Mention, Sentence } from '../types';
import { normalisedEndsOfRange, normalisedHashOfRange } from './claimText';
import { MentionsBySentence } from './sentenceView';
import { classBytes } from './sentenceWords';
import { SentenceKeys } from './sentenceRepeats';

// Lower-casing the whole text equals lower-casing each sentence apart unless it holds a character whose
// lower case depends on what follows (capital sigma), one whose lower case is longer (dotted capital I),
// or a surrogate that a sentence edge could split from its pair.
const CONTEXT_CASED = /[\u0130\u03a3\ud800-\udfff]/;

export class SentenceTexts implements SentenceKeys {
  private text = '';
  private group: MentionsBySentence = NO_GROUP;
  private sentences: Sentence[] = NO_SENTENCES;
  /** The whole text lower-cased and the same with every read sentence's mentions blanked; null: per sentence. */
  private lower: string | null = null;
  private masked: string | null = null;
  /** The masked text's characters as bytes (see classBytes), good until the next article; null: per sentence. */
  private bytes: Uint8Array | null = null;
  /** What the masked text blanks: [start, end) pairs in text offsets, in order (the first `blankCount` numbers). */
  readonly blanks: readonly number[] = BLANKS_FOUND;
  blankCount = 0;

  /**
   * Reads a new article (the claim loop keeps one SentenceTexts for all: an object of a class made per article
   * dies with it, and once every object of its shape has died a full GC drops the shape, and with it V8's
   * optimised code of every function that read one: the claim loop and the repeat counts recompiled after
   * each full GC). `read`: the sentences that will be asked for, in order (the others are neither masked nor
   * checked).
   */
  start(text: string, group: MentionsBySentence, sentences: Sentence[], read: (s: Sentence) => boolean): this {
    this.text = text;
    this.group = group;
    this.sentences = sentences;
    this.lower = null;
    this.masked = null;
    this.bytes = null;
    this.blankCount = 0;
    this.readWhole(text, group, sentences, read);
    return this;
  }

  /** The whole text lower-cased and masked at once, when it can be (else each sentence is read apart). */
  private readWhole(text: string, group: MentionsBySentence, sentences: Sentence[], read: (s: Sentence) => boolean): void {
    // Offsets that are no integers (hand-made input): each sentence is read apart.
    if (!group.integral || CONTEXT_CASED.test(text)) return;
    const lower = text.toLowerCase();
    const { first, starts, ends } = group;
    // What masked() blanks in each read sentence, as [start, end) pairs in text offsets, in order.
    const blanks = BLANKS_FOUND;
    const firsts = FIRST_BLANKS;
    let count = 0;
    let readTo = 0;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (!read(s)) continue;
      // Sentences out of order, overlapping or outside the text (hand-made input): each is read apart.
      if (!(s.start >= readTo && s.end >= s.start && s.end <= text.length && Number.isInteger(s.start) && Number.isInteger(s.end))) return;
      readTo = s.end;
      firsts[i] = count;
      // As masked() does for the sentence alone: each mention clipped to the sentence and to the one before.
      let at = s.start;
      for (let k = first[i]; k < first[i + 1]; k++) {
        const b = Math.max(at, starts[k]);
        const e = Math.min(s.end, ends[k]);
        if (e <= b) continue;
        blanks[count++] = b;
        blanks[count++] = e;
        at = e;
      }
    }
    this.lower = lower;
    if (LATIN1_BYTES && !WIDE.test(lower)) {
      // The bytes masked into are kept for the word pass (one byte a character, as classBytes would make them).
      const bytes = latin1Scratch(lower.length);
      this.masked = blankedLatin1(lower, blanks, count, bytes);
      this.bytes = bytes;
    } else if (ASCII_ONLY.test(text)) {
      this.bytes = ENCODER.encode(lower);
      this.masked = blankedBytes(this.bytes, blanks, count);
    } else {
      this.masked = blankedString(lower, blanks, count);
      this.bytes = classBytes(this.masked);
    }
    this.blankCount = count;
  }

  /** The index in `blanks` of read sentence `index`'s first blank (its blanks start at or after its start). */
  firstBlankOf(index: number): number {
    return FIRST_BLANKS[index];
  }

  /** The masked text's characters as bytes (see classBytes), when the masked text is made once; else null. */
  get maskedBytes(): Uint8Array | null {
    return this.bytes;
  }

  /** Done with the article: nothing of it is held after it, and lists grown past their limit are let go. */
  release(): void {
    this.text = '';
    this.group = NO_GROUP;
    this.sentences = NO_SENTENCES;
    this.lower = null;
    this.masked = null;
    this.bytes = null;
    if (BLANKS_FOUND.length > BLANKS_KEPT) BLANKS_FOUND.length = 0;
    if (FIRST_BLANKS.length > BLANKS_KEPT) FIRST_BLANKS.length = 0;
  }

  /** Sentence `s` lower-cased. */
  lowerOf(s: Sentence): string {
    return this.lower !== null ? this.lower.slice(s.start, s.end) : this.text.slice(s.start, s.end).toLowerCase();
  }


  /** Sentence `index` (`s` is sentences[index]) lower-cased with its mentions blanked out. */
  maskedOf(index: number, s: Sentence): string {
    if (this.masked !== null) return this.masked.slice(s.start, s.end);
    return masked(this.lowerOf(s), this.group.order, this.group.first[index], this.group.first[index + 1], s.start);
  }

  /**
   * The repeat key of a sentence: the number normalisedHash spells. Read from the lower-cased copy, a flat
   * string (the text itself may be a concatenation, slow to read a character at a time: a third slower on the
   * generated corpus).
   */
  keyOf(s: Sentence): number {
    return normalisedHashOfRange(this.lower ?? this.text, s.start, s.end);
  }

  /** The key of the sentence's two ends (see normalisedEndsOfRange), read from the string keyOf reads. */
  endsOf(s: Sentence): number {
    return normalisedEndsOfRange(this.lower ?? this.text, s.start, s.end);
  }

  /** keyOf(the sentence at `index`), for the repeat counts (see SentenceKeys). */
  hashOfSentence(index: number): number {
    return this.keyOf(this.sentences[index]);
  }

  /** endsOf(the sentence at `index`), for the repeat counts. */
  endsOfSentence(index: number): number {
    return this.endsOf(this.sentences[index]);
  }
}

// What a SentenceTexts holds between articles.
const NO_GROUP: MentionsBySentence = { order: [], first: [0], starts: [], ends: [], kinds: [], integral: true, sources: [] };
const NO_SENTENCES: Sentence[] = [];

// The blanks of the last article, kept for the next (a list grown pair by pair for each was a twentieth of
// the stage's bytes): only the first `count` entries are the article's. Not kept past this many.
const BLANKS_FOUND: number[] = [];
const BLANKS_KEPT = 1 << 17;
// Per read sentence (by index), its first pair in BLANKS_FOUND; kept from article to article as they are.
const FIRST_BLANKS: number[] = [];

/** Mention text blanked out ("IS" is not the verb "is"; "2017" is not a toll), offsets kept. */
export function masked(lower: string, list: Mention[], from: number, to: number, offset: number): string {
  if (from === to) return lower;
  let out = '';
  let at = 0;
  for (let k = from; k < to; k++) {
    const m = list[k];
    const s = Math.max(at, m.start - offset);
    const e = Math.min(lower.length, m.end - offset);
    if (e <= s) continue;
    out += lower.slice(at, s) + blank(e - s);
    at = e;
  }
  return out + lower.slice(at);
}

// A character above Latin-1: V8 answers this at once for a string stored one byte a character (none can be in
// it), where a test for ASCII only reads the whole text (0.5 ms a MB).
const WIDE = /[\u0100-\uffff]/;
// Node's Buffer, where there is one (the core runs without it too).
const LATIN1_BYTES = typeof Buffer !== 'undefined';
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/**
 * ASCII text (`bytes`, its UTF-8 encoding) with the `blanks` ranges as underscores: one byte per character, so
 * filling bytes and decoding once is a few native passes (about four times quicker than concatenating the pieces).
 */
function blankedBytes(bytes: Uint8Array, blanks: number[], count: number): string {
  fillBlanks(bytes, blanks, count);
  return DECODER.decode(bytes);
}

const UNDERSCORE = 95;

/**
 * The `blanks` ranges of `bytes` as underscores. A plain loop: mentions are a few bytes each, too short for
 * fill() to pay for its call; each range's end read once (read again at every byte, the loop took a fifth longer).
 */
function fillBlanks(bytes: Uint8Array, blanks: number[], count: number): void {
  for (let k = 0; k < count; k += 2) {
    const end = blanks[k + 1];
    for (let i = blanks[k]; i < end; i++) bytes[i] = UNDERSCORE;
  }
}

/**
 * blankedBytes for text with no character above Latin-1 (all wire copy), one byte a character both ways:
 * the Latin-1 copy and back take about half the time of UTF-8 encoding and decoding, and need no ASCII test.
 */
function blankedLatin1(lower: string, blanks: number[], count: number, bytes: Buffer): string {
  bytes.write(lower, 0, lower.length, 'latin1');
  fillBlanks(bytes, blanks, count);
  return bytes.toString('latin1', 0, lower.length);
}

// One buffer reused from article to article (a new Buffer for each cost about a microsecond, more than
// writing an article into it), kept only up to this size: a longer article gets a buffer of its own.
const SCRATCH_KEPT = 1 << 20;
let scratch: Buffer | null = null;

function latin1Scratch(length: number): Buffer {
  if (length > SCRATCH_KEPT) return Buffer.allocUnsafe(length);
  if (scratch === null || scratch.length < length) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_KEPT, Math.max(length, 2 * (scratch?.length ?? 0), 1 << 14)));
  return scratch;
}

/** `lower` with the `blanks` ranges as underscores, for any text. */
function blankedString(lower: string, blanks: number[], count: number): string {
  let out = '';
  let at = 0;
  for (let k = 0; k < count; k += 2) {
    out += lower.slice(at, blanks[k]) + blank(blanks[k + 1] - blanks[k]);
    at = blanks[k + 1];
  }
  return out + lower.slice(at);
}

// Blanks cut from one long run: a slice is cheaper than a new repeat() for each mention.
const BLANKS = '_'.repeat(1024);

function blank(n: number): string {
  return n <= BLANKS.length ? BLANKS.slice(0, n) : '_'.repeat(n);
}

