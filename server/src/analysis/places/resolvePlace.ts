// Disambiguation: which of the places sharing a name the article means. Candidates in the article's focus
// countries win (dateline city, countries it names, places already resolved nearby), then the kind of
// place a cue asks for, then rank (country, region, capital) and population.
import { FLAG_CAPITAL, FLAG_CURATED, FLAG_SEAT, PlaceIndex, placeAt, PlaceRecord } from './placeIndex';
import { PlaceCue } from './placeCues';

export interface ResolveInput {
  candidates: number[];
  pinned: number;
  cue: PlaceCue | null;
  /** Country and region named right after ("Mobile, Alabama"): candidates inside them win. */
  container: PlaceRecord | null;
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
  place: PlaceRecord;
  score: number;
  focus: number;
  cue: number;
  container: number;
  nearby: number;
}

/** Picks the best candidate and says why; null when there are none. */
export function resolvePlace(input: ResolveInput, ctx: ResolveContext): Resolution | null {
  if (input.candidates.length === 0) return null;
  const scored = input.candidates.slice(0, 40).map((i) => score(placeAt(ctx.index, i), input, ctx));
  scored.sort((a, b) => b.score - a.score);
  let best = scored[0];
  let pinned = false;
  if (input.pinned >= 0) {
    const p = placeAt(ctx.index, input.pinned);
    best = scored.find((s) => s.place.id === p.id) ?? { place: p, score: Infinity, focus: 0, cue: 0, container: 0, nearby: 0 };
    pinned = true;
  }
  const others = scored.filter((s) => s !== best);
  const alternatives = others.slice(0, 5).map((s) => s.place.id);
  let confidence: number;
  if (pinned) confidence = 1;
  else if (others.length === 0) confidence = best.place.flags & FLAG_CURATED || input.cue ? 0.95 : 0.9;
  else confidence = round(0.5 + 0.49 * (1 - Math.exp(-(best.score - others[0].score) / 2)));
  return { place: best.place, confidence, alternatives, reason: pinned ? 'pinned in .dateline/places.json' : explain(best, others.length, input, ctx) };
}

function score(place: PlaceRecord, input: ResolveInput, ctx: ResolveContext): Scored {
  let s = FEATURE_SCORE[place.feature] ?? 1;
  if (place.flags & FLAG_CAPITAL) s = Math.max(s, 3);
  else if (place.flags & FLAG_SEAT) s = Math.max(s, 2);
  if (place.flags & FLAG_CURATED) s += 1.5;
  s += 0.6 * Math.log10((place.population ?? 0) + 1);
  const focus = place.country ? 4 * (ctx.focus.get(place.country) ?? 0) : 0;
  const cue = cueBonus(place, input.cue);
  let container = 0;
  if (input.container && place.feature !== 'country') {
    const c = input.container;
    if (c.feature === 'country' && place.country === c.country) container = 3;
    else if (c.feature === 'admin1' && place.country === c.country) container = place.admin1 === c.name ? 5 : 2;
  }
  let nearby = 0;
  if (place.lat !== null && place.lon !== null && place.feature !== 'country') {
    for (const r of ctx.resolved) {
      if (distanceKm(place.lat, place.lon, r.lat, r.lon) < 150) {
        nearby = 1.5;
        break;
      }
    }
  }
  return { place, score: s + focus + cue + container + nearby, focus, cue, container, nearby };
}

function cueBonus(place: PlaceRecord, cue: PlaceCue | null): number {
  if (!cue) return 0;
  const f = place.feature;
  switch (cue.kind) {
    case 'admin':
      return f === 'admin1' || f === 'admin2' ? 3 : f === 'region' || f === 'area' ? 2 : 0;
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

function explain(best: Scored, rivals: number, input: ResolveInput, ctx: ResolveContext): string {
  if (rivals === 0) return 'the only place known by this name';
  const parts: string[] = [];
  if (best.cue > 0 && input.cue) parts.push(`"${input.cue.text}" points to a ${featureWord(best.place.feature)}`);
  if (best.container > 0 && input.container) parts.push(`followed by ${input.container.name}`);
  if (best.focus > 0 && best.place.countryName) parts.push(`in ${best.place.countryName}, which the article is about`);
  if (best.nearby > 0) parts.push('near other places in the article');
  if (parts.length === 0) {
    if (best.place.feature === 'country') parts.push('the country of this name');
    else if (best.place.population) parts.push(`the largest place of this name (population ${best.place.population.toLocaleString('en')})`);
    else parts.push(`the best-known ${featureWord(best.place.feature)} of this name`);
  }
  void ctx;
  return `${parts.join('; ')} (${rivals} other place${rivals === 1 ? '' : 's'} share the name)`;
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
