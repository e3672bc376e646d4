// A sentence's dictionary hits looked up by their first token: the hits are already in token order, so a
// search by halves over them replaces a Map built for every sentence. The sentence's hits are the range
// [from, to) of the article's list (one list per article rather than one array per sentence).
import { DictionaryHit } from './matcher';

export class HitsByFirst<E> {
  constructor(
    private hits: DictionaryHit<E>[],
    private from = 0,
    private to = hits.length,
  ) {}

  /** This lookup made over another range: one object serves sentence after sentence (not one per sentence). */
  over(hits: DictionaryHit<E>[], from: number, to: number): this {
    this.hits = hits;
    this.from = from;
    this.to = to;
    return this;
  }

  /** The hit starting at token `first`, if any (hits never share a first token). */
  get(first: number): DictionaryHit<E> | undefined {
    const hits = this.hits;
    let lo = this.from;
    const to = this.to;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].first < first) lo = mid + 1;
      else hi = mid;
    }
    return lo < to && hits[lo].first === first ? hits[lo] : undefined;
  }

  has(first: number): boolean {
    return this.get(first) !== undefined;
  }
}
