// Repeated sentences: a claim's id ends in "~n" when n sentences read before it in the article have the same
// normalised text (same hash). Hashing reads a whole sentence, and only sentences with claims need the count:
// every read sentence is filed under a key read from its two ends (see normalisedEndsOfRange), and a claim
// sentence hashes only the earlier ones filed under its key (and those whose ends could not be read). Two
// texts that merely collide in the 32-bit hash no longer count as repeats unless their ends match too.

/** Repeat counts of one article's sentences, read lazily. */
export class SentenceRepeats {
  /** Per sentence: its ends key (-1: unreadable ends), and the last sentence noted before it under the same key (-1: none). */
  private readonly ends: number[];
  private readonly before: number[];
  /** Per sentence: its hash once computed, else -1. */
  private readonly hashes: number[];
  /** Ends key -> the last sentence noted under it. */
  private readonly lastByEnds = new Map<number, number>();
  /** Sentences noted with unreadable ends, and all sentences noted, in order. */
  private readonly odd: number[] = [];
  private readonly noted: number[] = [];

  /**
   * `count`: sentences in the article; `hashOf(i)`: the hash of sentence i; `endsOf(i)`: its ends key. Plain
   * arrays, not typed ones: a small typed array costs several times as much to make (one per article here).
   */
  constructor(
    count: number,
    private readonly hashOf: (index: number) => number,
    private readonly endsOf: (index: number) => number,
  ) {
    this.ends = new Array<number>(count).fill(-1);
    this.before = new Array<number>(count).fill(-1);
    this.hashes = new Array<number>(count).fill(-1);
  }

  /** Read sentences filed by defer() and not yet noted: from `flushed` on. */
  private readonly deferred: number[] = [];
  private flushed = 0;

  /**
   * Files a read sentence as note() does, but reads its ends only when a later call needs them: the sentences
   * after an article's last claim sentence (all of them in an article without claims) are never read. Calls of
   * defer() and note() are not mixed in one article.
   */
  defer(index: number): void {
    this.deferred.push(index);
  }

  /** Files a read sentence; sentences are noted in order, each once. */
  note(index: number): void {
    const ends = this.endsOf(index);
    this.ends[index] = ends;
    this.noted.push(index);
    if (ends < 0) {
      this.odd.push(index);
      this.before[index] = -1;
      return;
    }
    this.before[index] = this.lastByEnds.get(ends) ?? -1;
    this.lastByEnds.set(ends, index);
  }

  /** The hash of a noted sentence, computed once. */
  keyOf(index: number): number {
    let key = this.hashes[index];
    if (key < 0) key = this.hashes[index] = this.hashOf(index);
    return key;
  }

  /** How many sentences noted (or deferred) before `index` (a noted or deferred sentence) have its hash. */
  repeatOf(index: number): number {
    while (this.flushed < this.deferred.length) this.note(this.deferred[this.flushed++]);
    const key = this.keyOf(index);
    let repeats = 0;
    if (this.ends[index] < 0) {
      // Unreadable ends: any earlier sentence may be the same.
      for (let k = 0; k < this.noted.length && this.noted[k] < index; k++) if (this.keyOf(this.noted[k]) === key) repeats++;
      return repeats;
    }
    for (let j = this.before[index]; j >= 0; j = this.before[j]) if (this.keyOf(j) === key) repeats++;
    for (let k = 0; k < this.odd.length && this.odd[k] < index; k++) if (this.keyOf(this.odd[k]) === key) repeats++;
    return repeats;
  }
}
