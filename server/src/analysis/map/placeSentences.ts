// The sentences that mention one place, a page at a time, for the map's details: asked when a place is selected.
import type { MapPlaceResult } from '../../protocol';
import type { TimelineArticle } from '../timeline/timelineInput';
import { sentenceText } from '../timeline/eventText';
import { hasCoordinates } from './mapArticle';

/** A page of a place's sentences, and where the next starts (null: none). */
export type PlaceSentences = Pick<MapPlaceResult, 'sentences' | 'next'>;

/** Sentences a page holds: as many as the map once sent for every place. */
export const SENTENCES_PER_PAGE = 50;

/**
 * The sentences mentioning a place, in article order then reading order, each once per article; `offset` skips
 * the pages already shown. Pass only the articles that mention the place: the others are never read. Never throws.
 */
export function placeSentences(articles: readonly TimelineArticle[], placeId: string, offset = 0): PlaceSentences {
  const skip = Number.isInteger(offset) && offset > 0 ? offset : 0;
  const sentences: PlaceSentences['sentences'] = [];
  let row = 0;
  for (const article of articles) {
    try {
      const a = article.analysis;
      if (a.skipped) continue;
      const ref = { uri: article.uri, headline: a.headline, published: a.publication.date };
      const seen = new Set<string>();
      // Read once: an indexed article's fields are unpacked at each read once it has left the recent few.
      let sentenceSpans: typeof a.sentences | null = null;
      for (const m of a.mentions) {
        if (m.kind !== 'place' || m.id !== placeId || !hasCoordinates(m)) continue;
        const s = (sentenceSpans ??= a.sentences)[m.sentence];
        if (!s) continue;
        const range = article.rangeOf(s);
        const sentence = sentenceText(article.text, s);
        // One row per sentence (a place named twice in it is one row), as the map always showed them.
        const key = `${range.start.line}\u0000${sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (row++ < skip) continue;
        if (sentences.length === SENTENCES_PER_PAGE) return { sentences, next: skip + SENTENCES_PER_PAGE };
        sentences.push({ sentence, location: { uri: article.uri, range }, article: ref });
      }
    } catch {
      // A malformed analysis costs its own sentences only.
    }
  }
  return { sentences, next: null };
}
