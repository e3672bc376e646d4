// A sentence's dictionary hits looked up by their first token: the hits are already in token order, so a
// search by halves over them replaces a Map built for every sentence.
import { DictionaryHit } from './matcher';

export class HitsByFirst<E> {
  constructor(private readonly hits: DictionaryHit<E>[]) {}

  /** The hit starting at token `first`, if any (hits never share a first token). */
  get(first: number): DictionaryHit<E> | undefined {
    const hits = this.hits;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].first < first) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo].first === first ? hits[lo] : undefined;
  }

  has(first: number): boolean {
    return this.get(first) !== undefined;
  }
}
