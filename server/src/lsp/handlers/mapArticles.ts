// The records as the map reads them (analysis/map): an indexed file's places from its mention keys and digests,
// so a workspace map needs no article's mentions, text or line starts.
import { articlePlaces, MapArticle, MapArticlePlace } from '../../analysis/map';
import { TimelineArticle } from '../../analysis/timeline/timelineInput';
import { ArticleRecord } from '../articleStore';
import { articlesMentioning } from './outlineArticles';

type PlaceFacts = Omit<MapArticlePlace, 'written'>;

/**
 * Reads records for mapPlaces, one at a time. An indexed file is unpacked only when it names a place no record
 * read before did (for the place's facts, which are the same in every article): reading every file's mentions
 * took ~60 s at 10,000.
 */
export function mapArticleReader(): (record: ArticleRecord) => MapArticle {
  const facts = new Map<string, PlaceFacts>();
  return (r): MapArticle => {
    if (!r.mentionKeys || !r.writtenNames) return { uri: r.uri, analysis: r.analysis };
    const keys = r.mentionKeys.filter((k) => k.startsWith('place\u0000'));
    if (keys.some((k) => !facts.has(k))) {
      for (const { written: _, ...place } of articlePlaces(r.analysis.mentions)) if (!facts.has(`place\u0000${place.id}`)) facts.set(`place\u0000${place.id}`, place);
    }
    const places: MapArticlePlace[] = [];
    for (const key of keys) {
      const place = facts.get(key);
      if (place) places.push({ ...place, written: r.writtenNames(key)?.written ?? [] });
    }
    return { uri: r.uri, analysis: r.analysis, places };
  };
}

/**
 * The records that mention a place, for placeSentences: the others are left out by their keys, unread; the text
 * and line starts of those kept are read only if their sentences are reached.
 */
export function sentenceArticles(records: readonly ArticleRecord[], placeId: string): TimelineArticle[] {
  return articlesMentioning(records, 'place', placeId).map((r) => ({
    uri: r.uri,
    analysis: r.analysis,
    get text() {
      return r.text;
    },
    rangeOf: (span) => r.lines.rangeOf(span),
  }));
}
