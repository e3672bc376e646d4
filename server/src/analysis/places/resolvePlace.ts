// Disambiguation: which of the places sharing a name the article means. Candidates in the article's focus
// countries win (dateline city, countries it names, places already resolved nearby), then the kind of
// place a cue asks for, then rank (country, region, capital) and population.
import { admin1Of, countryOf, featureOf, FLAG_CAPITAL, FLAG_CURATED, FLAG_SEAT, flagsOf, PlaceIndex, placeAt, placeId, PlaceRecord, pointOf, populationOf } from './placeIndex';
import { PlaceFeature } from '../types';
import { ARTICLES, nameWords } from './placeKey';
import { PlaceCue } from './placeCues';

export interface ResolveInput {
  candidates: number[];
  pinned: number;
  cue: PlaceCue | null;
  /** Country and region named right after ("Mobile, Alabama"): candidates inside them win. */
  container: PlaceRecord | null;
  /** The words as written, basic-folded ("frankfurt"): a place spelled exactly so beats one that only folds alike ("Frankfort"). */
  surface?: string;
  /** Used as a modifier ("a Hollywood horror movie"): far from the story, the best-known place of the name is meant. */
  attributive?: boolean;
}

export interface ResolveContext {
  index: PlaceIndex;
  /** country -> 0..1, how much the article is about it. */
  focus: Map<string, number>;
  /** Points of places resolved earlier in the article. */
  resolved: { lat: number; lon: number }[];
}

export interface Resolution {
  place: PlaceRecord;
  confidence: number;
  alternatives: string[];
  reason: string;
}

const FEATURE_SCORE: Record<string, number> = {
  country: 8,
  admin1: 3.5,
  region: 2.5,
  river: 2.5,
  desert: 2.5,
  mountain: 2.5,
  crossing: 2.5,
  area: 2,
  admin2: 2,
  city: 1.5,
  town: 1,
  district: 0.5,
  other: 1,
};

interface Scored {
  i: number;
  score: number;
  focus: number;
  cue: number;
  container: number;
  nearby: number;
}

/** Picks the best candidate and says why; null when there are none. */
export function resolvePlace(input: ResolveInput, ctx: ResolveContext): Resolution | null {
  if (input.candidates.length === 0) return null;
  const cands = input.candidates.length > 40 ? input.candidates.slice(0, 40) : input.candidates;
  const scored = cands.map((i) => score(i, input, ctx));
  scored.sort((a, b) => b.score - a.score);
  let best = scored[0];
  let pinned = false;
  if (input.pinned >= 0) {
    best = scored.find((s) => s.i === input.pinned) ?? { i: input.pinned, score: Infinity, focus: 0, cue: 0, container: 0, nearby: 0 };
    pinned = true;
  }
  const others = scored.filter((s) => s !== best);
  const place = placeAt(ctx.index, best.i);
  const alternatives = others.slice(0, 5).map((s) => placeId(ctx.index, s.i));
  let confidence: number;
  if (pinned) confidence = 1;
  else if (others.length === 0) confidence = place.flags & FLAG_CURATED || input.cue ? 0.95 : 0.9;
  else confidence = round(0.5 + 0.49 * (1 - Math.exp(-(best.score - others[0].score) / 2)));
  return { place, confidence, alternatives, reason: pinned ? 'pinned in .dateline/places.json' : explain(place, best, others.length, input) };
}

function score(i: number, input: ResolveInput, ctx: ResolveContext): Scored {
  const index = ctx.index;
  const feature = featureOf(index, i);
  const flags = flagsOf(index, i);
  const country = countryOf(index, i);
  let s = FEATURE_SCORE[feature] ?? 1;
  if (flags & FLAG_CAPITAL) s = Math.max(s, 3);
  else if (flags & FLAG_SEAT) s = Math.max(s, 2);
  if (flags & FLAG_CURATED) s += 1.5;
  const population = populationOf(index, i);
  const focusShare = country ? (ctx.focus.get(country) ?? 0) : 0;
  // "a Hollywood horror movie": a modifier far from the story names the most famous place, and among
  // settlements size says fame better than the gazetteer's rank (a Los Angeles district beats a Florida city).
  const famous = input.attributive && focusShare < 0.5 && (feature === 'city' || feature === 'town' || feature === 'district');
  if (famous) s = Math.max(s, FEATURE_SCORE.city);
  s += (famous ? 1.2 : 0.6) * Math.log10(population + 1);
  // World cities and capitals are what a name means far from the story's focus ("traders in London");
  // inside the focus countries the cue and the rank decide (Homs the city or Homs province).
  if (population >= 500000 || (flags & FLAG_CAPITAL && feature !== 'admin1')) s += 3 * (1 - focusShare);
  if (input.surface && ctx.index.size > 0 && cands(input) > 1 && spelledAs(ctx.index, i, input.surface)) s += 2;
  const focus = 4 * focusShare;
  const cue = cueBonus(feature, input.cue);
  let container = 0;
  if (input.container && feature !== 'country') {
    const c = input.container;
    // Written next to the name, the country outweighs the article's focus and a capital's fame
    // ("Tripoli, Lebanon" in a story mostly about Libya).
    if (c.feature === 'country' && country === c.country) container = 6;
    else if (c.feature === 'admin1' && country === c.country) container = admin1Of(index, i) === c.name ? 5 : 2;
  }
  let nearby = 0;
  // Only for places small enough for "nearby" to mean something (not provinces or countries).
  if (ctx.resolved.length > 0 && feature !== 'country' && feature !== 'admin1' && feature !== 'region') {
    const pt = pointOf(index, i);
    if (pt) {
      for (const r of ctx.resolved) {
        if (distanceKm(pt.lat, pt.lon, r.lat, r.lon) < 150) {
          nearby = 1.5;
          break;
        }
      }
    }
  }
  return { i, score: s + focus + cue + container + nearby, focus, cue, container, nearby };
}

const GENERIC = new Set(['governorate', 'province', 'state', 'region', 'district', 'oblast', 'county', 'river', 'desert', 'mountains']);

function cands(input: ResolveInput): number {
  return input.candidates.length;
}

/** True when the place's own name, less diacritics and articles, is exactly the surface. */
function spelledAs(index: PlaceIndex, i: number, surface: string): boolean {
  let name = spelledCache.get(index)?.get(i);
  if (name === undefined) {
    // "Hama Governorate" is spelled "Hama" as much as the city is: the kind word does not count.
    name = nameWords(placeAt(index, i).name)
      .filter((w) => !ARTICLES.has(w) && !GENERIC.has(w))
      .join(' ');
    let m = spelledCache.get(index);
    if (!m || m.size > 50000) spelledCache.set(index, (m = new Map()));
    m.set(i, name);
  }
  return name === surface.split(' ').filter((w) => !ARTICLES.has(w)).join(' ');
}

// Folded names by index and place: candidates of common names come up again and again.
const spelledCache = new WeakMap<PlaceIndex, Map<number, string>>();

function cueBonus(f: PlaceFeature, cue: PlaceCue | null): number {
  if (!cue) return 0;
  switch (cue.kind) {
    case 'admin':
      return f === 'admin1' || f === 'admin2' ? 4 : f === 'region' || f === 'area' ? 2 : f === 'city' || f === 'town' ? -1 : 0;
    case 'settlement':
      return f === 'city' || f === 'town' || f === 'district' ? 2 : f === 'admin1' ? -1 : 0;
    case 'river':
      return f === 'river' ? 4 : 0;
    case 'desert':
      return f === 'desert' || f === 'region' ? 4 : 0;
    default:
      return 0;
  }
}

function explain(place: PlaceRecord, best: Scored, rivals: number, input: ResolveInput): string {
  if (rivals === 0) return 'the only place known by this name';
  const parts: string[] = [];
  if (best.cue > 0 && input.cue) parts.push(`"${input.cue.text}" points to a ${featureWord(place.feature)}`);
  if (best.container > 0 && input.container) parts.push(`followed by ${input.container.name}`);
  if (best.focus > 0 && place.countryName) parts.push(`in ${place.countryName}, which the article is about`);
  if (best.nearby > 0) parts.push('near other places in the article');
  if (parts.length === 0) {
    if (place.feature === 'country') parts.push('the country of this name');
    else if (place.population) parts.push(`the largest place of this name (population ${groupDigits(place.population)})`);
    else parts.push(`the best-known ${featureWord(place.feature)} of this name`);
  }
  return `${parts.join('; ')} (${rivals} other place${rivals === 1 ? ' shares' : 's share'} the name)`;
}

/** 1234567 -> "1,234,567" (toLocaleString is slow in hot paths). */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The user's word for a feature: admin1 is a province or governorate. */
export function featureWord(feature: string): string {
  return feature === 'admin1' ? 'province' : feature === 'admin2' ? 'district' : feature;
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
