// The names one article's scan found, before disambiguation, in one list kept from article to article
// (analyses run one at a time): its match objects are written over in place, so a name found costs no new
// object (a match object per name and three lists per article were a tenth of the stage's garbage).
import type { RawMatch } from './scanPlaces';

/** The article's raw matches: items[0, count) are this article's; the slots after them wait for reuse. */
export class RawMatches {
  readonly items: RawMatch[] = [];
  count = 0;

  clear(): void {
    this.count = 0;
  }

  /** The slot the next match is written into; it joins the list only when commit() follows. */
  slot(): RawMatch {
    if (this.count === this.items.length) this.items.push(blankMatch());
    return this.items[this.count];
  }

  commit(): void {
    this.count++;
  }

  /** The match at r, or undefined outside the article's matches. */
  at(r: number): RawMatch | undefined {
    return r >= 0 && r < this.count ? this.items[r] : undefined;
  }

  /**
   * Puts the matches in text order, the dateline's (sentence -1) first where they tie: the order a stable
   * sort of the dateline's matches followed by the sentences' gives. The scan reads the dateline in its
   * place among the sentences, so the list is nearly always in order already and is only checked.
   */
  sortByStart(): void {
    const items = this.items;
    let ordered = true;
    for (let r = 1; r < this.count && ordered; r++) ordered = byStartDatelineFirst(items[r - 1], items[r]) <= 0;
    if (ordered) return;
    const sorted = items.slice(0, this.count).sort(byStartDatelineFirst);
    for (let r = 0; r < sorted.length; r++) items[r] = sorted[r];
  }
}

function byStartDatelineFirst(a: RawMatch, b: RawMatch): number {
  return a.start - b.start || (a.sentence === -1 ? 0 : 1) - (b.sentence === -1 ? 0 : 1);
}

function blankMatch(): RawMatch {
  return { start: 0, end: 0, sentence: 0, lookup: null as unknown as RawMatch['lookup'], cue: null, lo: 0, hi: 0, first: 0, firstWord: 0, last: 0 };
}
