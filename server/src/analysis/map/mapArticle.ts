// What the map reads of an article: its light fields and, per place, the facts and spellings of its mentions. Made here from the mentions, or by the caller from what an index keeps without unpacking them.
import type { ArticleAnalysis, Mention, PlaceFeature } from '../types';

/** One place an article mentions: the place's facts (as its mentions give them) and each mention as written. */
export interface MapArticlePlace {
  id: string;
  name: string;
  /** Null when the place has none: it is then not drawn, but its feature still counts for control. */
  lat: number | null;
  lon: number | null;
  /** Country name (or code when no name is known). */
  country: string | null;
  admin1: string | null;
  feature: PlaceFeature;
  /** The text of each mention, in order. */
  written: readonly string[];
}

export interface MapArticle {
  uri: string;
  analysis: Pick<ArticleAnalysis, 'skipped' | 'publication' | 'headline' | 'claims'> & Partial<Pick<ArticleAnalysis, 'mentions'>>;
  /** Its places, in order of first mention; read from `analysis.mentions` when absent. */
  places?: readonly MapArticlePlace[];
}

/** The places among an article's mentions, in order of first mention (as the first mention of each gives them). */
export function articlePlaces(mentions: readonly Mention[]): MapArticlePlace[] {
  const byId = new Map<string, MapArticlePlace & { written: string[] }>();
  for (const m of mentions) {
    if (m.kind !== 'place') continue;
    let p = byId.get(m.id);
    if (!p) byId.set(m.id, (p = { id: m.id, name: m.name, lat: m.lat, lon: m.lon, country: m.countryName ?? m.country, admin1: m.admin1, feature: m.feature, written: [] }));
    p.written.push(m.text);
  }
  return [...byId.values()];
}

/** A place the map can draw. */
export function hasCoordinates<P extends { lat: number | null; lon: number | null }>(p: P): p is P & { lat: number; lon: number } {
  return p.lat !== null && p.lon !== null && Number.isFinite(p.lat) && Number.isFinite(p.lon);
}
