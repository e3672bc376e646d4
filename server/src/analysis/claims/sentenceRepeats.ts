// Repeated sentences: a claim's id ends in "~n" when n sentences read before it in the article have the same
// normalised text (same hash). Hashing reads a whole sentence, and only sentences with claims need the count:
// every read sentence is filed under a key read from its two ends (see normalisedEndsOfRange), and a claim
// sentence hashes only the earlier ones filed under its key (and those whose ends could not be read). Two
// texts that merely collide in the 32-bit hash no longer count as repeats unless their ends match too.

/** Where the repeat counts read a sentence's keys from. */
export interface SentenceKeys {
  /** The hash of sentence `index` (the number normalisedHash spells). */
  hashOfSentence(index: number): number;
  /** Its ends key (see normalisedEndsOfRange). */
  endsOfSentence(index: number): number;
}

/**
 * Repeat counts of one article's sentences, read lazily. The per-sentence lists and the table by ends key are
 * reused from article to article (made for each, with a Map grown key by key, they were a twentieth of the
 * stage's bytes): one SentenceRepeats at a time.
 */
export class SentenceRepeats {
  /** Per sentence: its ends key (-1: unreadable ends), and the last sentence noted before it under the same key (-1: none). */
  private ends: Int32Array = NO_INTS;
  private before: Int32Array = NO_INTS;
  /** Per sentence: its hash once computed, else -1. */
  private hashes: Float64Array = NO_FLOATS;
  /** Ends key -> the last sentence noted under it: an open-addressed table (see lastByEnds). */
  private table: EndsTable = NO_TABLE;
  private keys: SentenceKeys = NO_KEYS;
  /**
   * Sentences noted with unreadable ends, all sentences noted, and the read sentences filed by defer(), in
   * order: the first `oddCount`, `notedCount` and `deferredCount` of each (the lists are kept for the next article).
   */
  private readonly odd: number[] = [];
  private readonly noted: number[] = [];
  private readonly deferred: number[] = [];
  private oddCount = 0;
  private notedCount = 0;
  private deferredCount = 0;
  /** Deferred sentences from here on are not yet noted. */
  private flushed = 0;

  /**
   * Starts a new article of `count` sentences; `keys`: their hashes and ends keys. The claim loop keeps one
   * SentenceRepeats for all (see SentenceTexts.start: an object made per article took V8's optimised code with
   * it at each full GC).
   */
  start(count: number, keys: SentenceKeys): this {
    const lists = listsFor(count);
    this.ends = lists.ends;
    this.before = lists.before;
    this.hashes = lists.hashes;
    this.table = tableFor(count);
    this.keys = keys;
    this.oddCount = 0;
    this.notedCount = 0;
    this.deferredCount = 0;
    this.flushed = 0;
    return this;
  }

  /** Done with the article: lists grown past their limit for a long one are let go. */
  release(): void {
    this.keys = NO_KEYS;
    if (this.noted.length > LISTS_KEPT) this.noted.length = this.odd.length = this.deferred.length = 0;
  }

  /**
   * Files a read sentence as note() does, but reads its ends only when a later call needs them: the sentences
   * after an article's last claim sentence (all of them in an article without claims) are never read. Calls of
   * defer() and note() are not mixed in one article.
   */
  defer(index: number): void {
    this.deferred[this.deferredCount++] = index;
  }

  /** Files a read sentence; sentences are noted in order, each once. */
  note(index: number): void {
    const ends = this.keys.endsOfSentence(index);
    this.ends[index] = ends;
    this.noted[this.notedCount++] = index;
    if (ends < 0) {
      this.odd[this.oddCount++] = index;
      this.before[index] = -1;
      return;
    }
    this.before[index] = lastByEnds(this.table, ends, index);
  }

  /** The hash of a noted sentence, computed once. */
  keyOf(index: number): number {
    let key = this.hashes[index];
    if (key < 0) key = this.hashes[index] = this.keys.hashOfSentence(index);
    return key;
  }

  /** How many sentences noted (or deferred) before `index` (a noted or deferred sentence) have its hash. */
  repeatOf(index: number): number {
    while (this.flushed < this.deferredCount) this.note(this.deferred[this.flushed++]);
    const key = this.keyOf(index);
    let repeats = 0;
    if (this.ends[index] < 0) {
      // Unreadable ends: any earlier sentence may be the same.
      for (let k = 0; k < this.notedCount && this.noted[k] < index; k++) if (this.keyOf(this.noted[k]) === key) repeats++;
      return repeats;
    }
    for (let j = this.before[index]; j >= 0; j = this.before[j]) if (this.keyOf(j) === key) repeats++;
    for (let k = 0; k < this.oddCount && this.odd[k] < index; k++) if (this.keyOf(this.odd[k]) === key) repeats++;
    return repeats;
  }
}

// What a SentenceRepeats holds before its first article and between articles.
const NO_INTS = new Int32Array(0);
const NO_FLOATS = new Float64Array(0);
const NO_TABLE: EndsTable = { keys: NO_INTS, last: NO_INTS, mask: 0 };
const NO_KEYS: SentenceKeys = {
  hashOfSentence: () => -1,
  endsOfSentence: () => -1,
};

/** Per-sentence lists, kept for the next article up to this many sentences. */
const LISTS_KEPT = 1 << 16;
let lists: { ends: Int32Array; before: Int32Array; hashes: Float64Array } | null = null;

/** The per-sentence lists for `count` sentences, all -1. */
function listsFor(count: number): { ends: Int32Array; before: Int32Array; hashes: Float64Array } {
  if (count > LISTS_KEPT) return { ends: new Int32Array(count).fill(-1), before: new Int32Array(count).fill(-1), hashes: new Float64Array(count).fill(-1) };
  if (lists === null || lists.ends.length < count) {
    const n = Math.max(count, 256);
    lists = { ends: new Int32Array(n), before: new Int32Array(n), hashes: new Float64Array(n) };
  }
  lists.ends.fill(-1, 0, count);
  lists.before.fill(-1, 0, count);
  lists.hashes.fill(-1, 0, count);
  return lists;
}

/** Ends keys (below 2^30, -1: free) and the last sentence noted under each, in slots by key; mask + 1 slots. */
interface EndsTable {
  keys: Int32Array;
  last: Int32Array;
  mask: number;
}

let table: EndsTable | null = null;

/** An empty table with room for `count` keys at most half full. */
function tableFor(count: number): EndsTable {
  let size = 64;
  while (size < 2 * count) size *= 2;
  if (size > 2 * LISTS_KEPT) return { keys: new Int32Array(size).fill(-1), last: new Int32Array(size), mask: size - 1 };
  if (table === null || table.keys.length < size) table = { keys: new Int32Array(size), last: new Int32Array(size), mask: size - 1 };
  table.mask = size - 1;
  table.keys.fill(-1, 0, size);
  return table;
}

/** The last sentence noted under `key` before (-1: none); `index` becomes the last. Keys are hashes: their low bits spread. */
function lastByEnds(t: EndsTable, key: number, index: number): number {
  let i = key & t.mask;
  while (t.keys[i] !== -1 && t.keys[i] !== key) i = (i + 1) & t.mask;
  const before = t.keys[i] === key ? t.last[i] : -1;
  t.keys[i] = key;
  t.last[i] = index;
  return before;
}
