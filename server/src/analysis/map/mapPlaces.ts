// The places of a set of articles for the map: coordinates, spellings, mention counts, latest claims and control
// history (summed up per period; in full for a place's details); plus the date range the time slider spans.
import type { MapControlSummary, MapPlace, MapResult, MapSide } from '../../protocol';
import type { Claim, PlaceFeature } from '../types';
import { eventTime, EventTime } from '../timeline/eventTime';
import { ARTICLES_PER_STEP, ClaimTime, ControlArticle, ControlConflict, controlHistorySteps, ControlPeriod } from './controlHistory';
import { runSteps } from '../steps';
import { articlePlaces, hasCoordinates, MapArticle } from './mapArticle';

const MAX_CLAIMS = 5;
const MAX_NAMES = 20;

/** Places with coordinates mentioned in the articles, most mentioned first, each with its control summed up. Never throws. */
export function mapPlaces(articles: readonly MapArticle[], conflicts: readonly ControlConflict[] = []): MapResult {
  return mapOfPlaces(articles, conflicts).result;
}

/**
 * The map (as mapPlaces) and each place's control periods in full, for its details. A place's sentences are asked
 * for when it is selected (placeSentences): the first 50 of every place made the reply 52 MB at 10,000 articles,
 * and reading them meant every article's text and line starts.
 */
export function mapOfPlaces(articles: readonly MapArticle[], conflicts: readonly ControlConflict[] = []): MapOfPlaces {
  return runSteps(mapOfPlacesSteps(articles, conflicts));
}

export interface MapOfPlaces {
  result: MapResult;
  control: Map<string, ControlPeriod[]>;
}

/** mapOfPlaces, yielding every few articles and places (10,000 articles: 1.9 s in one piece). */
export function* mapOfPlacesSteps(articles: readonly MapArticle[], conflicts: readonly ControlConflict[] = []): Generator<void, MapOfPlaces> {
  const places = new Map<string, MapPlace>();
  /** Raw spellings already counted per place: most repeat, and each was tidied with a regex. */
  const spellingsSeen = new Map<string, Set<string>>();
  const latest = new Map<string, LatestClaim[]>();
  // Worked out once per claim: controlHistory dates the same claims (eventTime was a third of the map's time).
  const times = new Map<Claim, EventTime>();
  const control: ControlArticle[] = [];
  let from: string | null = null;
  let to: string | null = null;
  for (let i = 0; i < articles.length; i++) {
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const article = articles[i];
    try {
      const a = article.analysis;
      if (a.skipped) continue;
      const mentioned = article.places ?? articlePlaces(a.mentions ?? []);
      const features = new Map<string, PlaceFeature>();
      for (const m of mentioned) {
        features.set(m.id, m.feature);
        if (!hasCoordinates(m)) continue;
        let p = places.get(m.id);
        if (!p) {
          p = { id: m.id, name: m.name, names: [], lat: m.lat, lon: m.lon, country: m.country, admin1: m.admin1, feature: m.feature, mentions: 0, claims: [], control: [] };
          places.set(m.id, p);
        }
        p.mentions += m.written.length;
        let seen = spellingsSeen.get(m.id);
        if (!seen) spellingsSeen.set(m.id, (seen = new Set()));
        for (const text of m.written) {
          if (p.names.length >= MAX_NAMES) break;
          if (seen.has(text)) continue;
          seen.add(text);
          const written = text.replace(/\s+/g, ' ').trim();
          if (written && !p.names.includes(written)) p.names.push(written);
        }
      }
      control.push({ uri: article.uri, analysis: a, placeFeatures: features });
      for (const c of a.claims) {
        const t = eventTime({ time: c.time, published: a.publication.date, action: c.action, modality: c.modality });
        times.set(c, t);
        if (t.sortDate) {
          if (!from || t.sortDate < from) from = t.sortDate;
          const end = t.endDate ?? t.sortDate;
          if (!to || end > to) to = end;
        }
        if (c.place) keepLatest(latest, c.place.id, t.sortDate ?? '', () => ({ summary: c.summary.replace(/^(?:predicted|denied|reported):\s*/i, ''), source: c.source.name, dateLabel: t.dateLabel, modality: c.modality }));
      }
    } catch {
      // One malformed analysis must not empty the map.
    }
  }
  for (const [id, claims] of latest) {
    const p = places.get(id);
    if (p) p.claims = claims.map((c) => c.item);
  }
  const periods = new Map<string, ControlPeriod[]>();
  const sides = new SideTable();
  const timeOf: ClaimTime = (a, claim) => times.get(claim) ?? eventTime({ time: claim.time, published: a.analysis.publication.date, action: claim.action, modality: claim.modality });
  for (const [id, history] of yield* controlHistorySteps(control, conflicts, timeOf)) {
    const p = places.get(id);
    if (!p) continue;
    p.control = history.periods.map((period) => summary(period, sides));
    periods.set(id, history.periods);
  }
  const list = [...places.values()].sort((x, y) => y.mentions - x.mentions || (x.name < y.name ? -1 : 1));
  return { result: { places: list, sides: sides.list, range: from && to ? { from, to } : null, articles: articles.filter((a) => !a.analysis.skipped).length }, control: periods };
}

interface LatestClaim {
  sort: string;
  item: MapPlace['claims'][number];
}

/**
 * Keeps a place's latest claims, newest first, the earlier-read first among claims of one date (as a stable sort of
 * all claims did: 200,000 of them at 10,000 articles, each summary tidied, for five a place).
 */
function keepLatest(latest: Map<string, LatestClaim[]>, place: string, sort: string, item: () => LatestClaim['item']): void {
  let list = latest.get(place);
  if (!list) latest.set(place, (list = []));
  if (list.length === MAX_CLAIMS && sort <= list[MAX_CLAIMS - 1].sort) return;
  let at = list.length;
  while (at > 0 && list[at - 1].sort < sort) at--;
  list.splice(at, 0, { sort, item: item() });
  if (list.length > MAX_CLAIMS) list.pop();
}

/** A period as every place carries it: the sides of a contested one without the claims behind them, counts for the rest. */
function summary(p: ControlPeriod, sides: SideTable): MapControlSummary {
  const parties = p.status === 'contested' ? p.parties.map((side) => sides.indexOf(side)) : [];
  return { from: p.from, to: p.to, status: p.status, faction: p.faction, parties, claims: p.basis.length, conflicts: p.conflicts.length };
}

/** The distinct sides of the map's periods (who, in which role, holding which parts), numbered in order of first use. */
class SideTable {
  readonly list: MapSide[] = [];
  private readonly index = new Map<string, number>();

  indexOf({ id, name, role, areas }: MapSide): number {
    const key = `${id}\u0000${name}\u0000${role}\u0000${areas ? areas.join('\u0000') : '-'}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.push({ id, name, role, ...(areas ? { areas: [...areas] } : {}) }) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}
