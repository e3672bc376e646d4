// The places of a set of articles for the map: coordinates, spellings, mention counts, sentences, latest claims and
// control history; plus the date range the time slider spans.
import type { MapPlace, MapResult } from '../../protocol';
import type { TimelineArticle } from '../timeline/timelineInput';
import { eventTime } from '../timeline/eventTime';
import { sentenceText } from '../timeline/eventText';
import { ControlConflict, controlHistory } from './controlHistory';

const MAX_SENTENCES = 50;
const MAX_CLAIMS = 5;

/** Places with coordinates mentioned in the articles, most mentioned first. Never throws. */
export function mapPlaces(articles: TimelineArticle[], conflicts: readonly ControlConflict[] = []): MapResult {
  const places = new Map<string, MapPlace>();
  const claimDates: { place: string; sort: string; item: MapPlace['claims'][number] }[] = [];
  let from: string | null = null;
  let to: string | null = null;
  for (const article of articles) {
    try {
      const a = article.analysis;
      if (a.skipped) continue;
      const ref = { uri: article.uri, headline: a.headline, published: a.publication.date };
      for (const m of a.mentions) {
        if (m.kind !== 'place' || m.lat === null || m.lon === null || !Number.isFinite(m.lat) || !Number.isFinite(m.lon)) continue;
        let p = places.get(m.id);
        if (!p) {
          p = { id: m.id, name: m.name, names: [], lat: m.lat, lon: m.lon, country: m.countryName ?? m.country, admin1: m.admin1, feature: m.feature, mentions: 0, sentences: [], claims: [], control: [] };
          places.set(m.id, p);
        }
        p.mentions++;
        const written = m.text.replace(/\s+/g, ' ').trim();
        if (written && !p.names.includes(written) && p.names.length < 20) p.names.push(written);
        const s = a.sentences[m.sentence];
        if (s && p.sentences.length < MAX_SENTENCES && !p.sentences.some((x) => x.location.uri === article.uri && x.location.range.start.line === article.rangeOf(s).start.line && x.sentence === sentenceText(article.text, s))) {
          p.sentences.push({ sentence: sentenceText(article.text, s), location: { uri: article.uri, range: article.rangeOf(s) }, article: ref });
        }
      }
      for (const c of a.claims) {
        const t = eventTime({ time: c.time, published: a.publication.date, action: c.action, modality: c.modality });
        if (t.sortDate) {
          if (!from || t.sortDate < from) from = t.sortDate;
          const end = t.endDate ?? t.sortDate;
          if (!to || end > to) to = end;
        }
        if (c.place) claimDates.push({ place: c.place.id, sort: t.sortDate ?? '', item: { summary: c.summary.replace(/^(?:predicted|denied|reported):\s*/i, ''), source: c.source.name, dateLabel: t.dateLabel, modality: c.modality } });
      }
    } catch {
      // One malformed analysis must not empty the map.
    }
  }
  for (const c of claimDates.sort((x, y) => (x.sort < y.sort ? 1 : x.sort > y.sort ? -1 : 0))) {
    const p = places.get(c.place);
    if (p && p.claims.length < MAX_CLAIMS) p.claims.push(c.item);
  }
  const control = controlHistory(articles, conflicts);
  for (const [id, history] of control) {
    const p = places.get(id);
    if (p) p.control = history.periods;
  }
  const list = [...places.values()].sort((x, y) => y.mentions - x.mentions || (x.name < y.name ? -1 : 1));
  return { places: list, range: from && to ? { from, to } : null, articles: articles.filter((a) => !a.analysis.skipped).length };
}
