// What disambiguation needs to know about each candidate of a name, worked out once per name and gazetteer:
// the parts of the score that do not depend on the article (rank, size, spelling), its point and country.
// Common names come up in article after article, and scoring them from the columns each time was most of
// the resolver's cost.
import { PlaceFeature } from '../types';
import { countryOf, featureOf, FLAG_CAPITAL, FLAG_CURATED, FLAG_SEAT, flagsOf, KeyLookup, PlaceIndex, placeAt, PlaceRecord, pointOf, populationOf } from './placeIndex';
import { ARTICLES, nameWords } from './placeKey';

export interface CandidateFact {
  i: number;
  feature: PlaceFeature;
  country: string | null;
  /** Score from the feature and the flags (before population, focus and cues). */
  base: number;
  /** log10(population + 1). */
  logPopulation: number;
  /** A city, town or district: "a Hollywood horror movie" may mean the famous one. */
  settlement: boolean;
  /** A world city or a capital: what the name means far from the story's focus. */
  world: boolean;
  /** Small enough for "nearby" to mean something (not a province or country), and with a point. */
  local: boolean;
  lat: number;
  lon: number;
  /** Unit vector of the point (for a quick "within 150 km" test; zero without a point). */
  x: number;
  y: number;
  z: number;
  /** "Nearby" memo for one article (resolvePlace.ts): the article's stamp and how many resolved points were checked, -1 once one was near. */
  nearArticle: number;
  nearChecked: number;
  /** The candidate's record (placeRecord), filled on first use. */
  record: PlaceRecord | undefined;
  /** Reasons already written for this candidate winning without a cue or container, by which parts applied. */
  reasons: (string | undefined)[] | undefined;
  /** The same for wins a cue had a part in, by the cue as written. */
  cueReasons: Map<string, (string | undefined)[]> | undefined;
  /** The article's focus on the candidate's country (resolvePlace.ts), valid for the article numbered focusArticle. */
  focusArticle: number;
  focusShare: number;
  /** The last lead over the runner-up this candidate won by (NaN: none yet), and the confidence it gave. */
  leadFor: number;
  leadConfidence: number;
  /** The place's own name, folded, less articles and kind words ("hama" for "Hama Governorate"); filled on first use. */
  spelled: string | undefined;
  /** The runners-up's ids the last time this candidate won (resolvePlace.ts shares an equal list). */
  alternatives: string[] | undefined;
}

// Must stay equal to resolvePlace's weights: the base score is computed here once, not there per mention.
export const FEATURE_SCORE: Record<string, number> = {
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

const recordCache = new WeakMap<PlaceIndex, Map<number, PlaceRecord>>();

/** placeAt, cached per index: the matcher meets the same few places again and again. Do not modify the record. */
export function placeRecord(index: PlaceIndex, i: number): PlaceRecord {
  let m = recordCache.get(index);
  if (!m || m.size > 20000) recordCache.set(index, (m = new Map()));
  let p = m.get(i);
  if (p === undefined) m.set(i, (p = placeAt(index, i)));
  return p;
}

/** Candidates beyond this rank are never scored (a name shared by hundreds of hamlets). */
export const MAX_SCORED = 40;

// Keyed by the lookup's candidate array, which the index's lookup cache keeps for each name (callers that
// have the lookup itself keep the facts on it instead).
const factCache = new WeakMap<number[], CandidateFact[]>();

/** Facts of the first MAX_SCORED candidates, in candidate order; kept on `lookup` when given (its candidates). */
export function candidateFacts(index: PlaceIndex, candidates: number[], lookup?: KeyLookup | null): CandidateFact[] {
  let facts = lookup ? lookup.facts : factCache.get(candidates);
  if (facts === undefined) {
    const n = Math.min(candidates.length, MAX_SCORED);
    facts = new Array<CandidateFact>(n);
    for (let k = 0; k < n; k++) facts[k] = factOf(index, candidates[k]);
    if (lookup) lookup.facts = facts;
    else factCache.set(candidates, facts);
  }
  return facts;
}

function factOf(index: PlaceIndex, i: number): CandidateFact {
  const feature = featureOf(index, i);
  const flags = flagsOf(index, i);
  let base = FEATURE_SCORE[feature] ?? 1;
  if (flags & FLAG_CAPITAL) base = Math.max(base, 3);
  else if (flags & FLAG_SEAT) base = Math.max(base, 2);
  if (flags & FLAG_CURATED) base += 1.5;
  const population = populationOf(index, i);
  const pt = pointOf(index, i);
  return {
    i,
    feature,
    country: countryOf(index, i),
    base,
    // A curated place is one the news names (a landmark, a district, a Syrian village) and has no population
    // figure: it counts as a sizeable town, so a namesake hamlet abroad does not outrank it ("the White House").
    logPopulation: Math.log10((flags & FLAG_CURATED && population === 0 && feature !== 'admin1' && feature !== 'country' ? 100000 : population) + 1),
    settlement: feature === 'city' || feature === 'town' || feature === 'district',
    world: population >= 500000 || ((flags & FLAG_CAPITAL) !== 0 && feature !== 'admin1'),
    local: pt !== null && feature !== 'country' && feature !== 'admin1' && feature !== 'region',
    lat: pt ? pt.lat : NaN,
    lon: pt ? pt.lon : NaN,
    ...unitVector(pt),
    record: undefined,
    nearArticle: -1,
    nearChecked: 0,
    reasons: undefined,
    cueReasons: undefined,
    focusArticle: -1,
    focusShare: 0,
    leadFor: NaN,
    leadConfidence: 0,
    spelled: undefined,
    alternatives: undefined,
  };
}

/** The point on the unit sphere; zero when there is no point or the latitude is not a real one. */
export function unitVector(pt: { lat: number; lon: number } | null): { x: number; y: number; z: number } {
  if (!pt || !(pt.lat >= -90 && pt.lat <= 90) || !Number.isFinite(pt.lon)) return { x: 0, y: 0, z: 0 };
  const r = Math.PI / 180;
  const c = Math.cos(pt.lat * r);
  return { x: c * Math.cos(pt.lon * r), y: c * Math.sin(pt.lon * r), z: Math.sin(pt.lat * r) };
}

/** The record of a candidate (kept on the fact: no cache lookup per mention). */
export function factRecord(index: PlaceIndex, f: CandidateFact): PlaceRecord {
  return f.record ?? (f.record = placeRecord(index, f.i));
}

const vectorCache = new WeakMap<object, { x: number; y: number; z: number }>();

/** unitVector of a point object, remembered for that object (resolved places are cached records). */
export function pointVector(pt: { lat: number; lon: number }): { x: number; y: number; z: number } {
  let v = vectorCache.get(pt);
  if (v === undefined) vectorCache.set(pt, (v = unitVector(pt)));
  return v;
}

const GENERIC = new Set(['governorate', 'province', 'state', 'region', 'district', 'oblast', 'county', 'river', 'desert', 'mountains']);

/** The candidate's name as spelledAs compares it: "Hama Governorate" is spelled "Hama" as much as the city is. */
export function spelledName(index: PlaceIndex, f: CandidateFact): string {
  if (f.spelled === undefined) {
    f.spelled = nameWords(placeRecord(index, f.i).name)
      .filter((w) => !ARTICLES.has(w) && !GENERIC.has(w))
      .join(' ');
  }
  return f.spelled;
}

/**
 * What a name says about the article's country: a country name counts 1, a name whose candidates all lie in
 * one country 0.5, a name whose curated candidates do 0.3 (country null: nothing).
 */
export function focusEvidence(index: PlaceIndex, lookup: KeyLookup): { country: string | null; weight: number } {
  // The closures are in evidenceOf, run once per name: here they could cost a context on every call (see placeWords.ts hasMajorPlace; this one was ~0.5 byte per byte of text).
  return lookup.evidence ?? (lookup.evidence = evidenceOf(index, lookup.candidates));
}

function evidenceOf(index: PlaceIndex, candidates: number[]): { country: string | null; weight: number } {
  let e: { country: string | null; weight: number } = { country: null, weight: 0 };
  const cands = candidates.length > 20 ? candidates.slice(0, 20) : candidates;
  const country = cands.find((i) => featureOf(index, i) === 'country');
  if (country !== undefined) e = { country: countryOf(index, country), weight: 1 };
  else {
    const first = countryOf(index, cands[0]);
    if (cands.every((i) => countryOf(index, i) === first)) e = { country: first, weight: 0.5 };
    else {
      const curated = cands.filter((i) => flagsOf(index, i) & FLAG_CURATED);
      if (curated.length > 0 && curated.every((i) => countryOf(index, i) === countryOf(index, curated[0]))) e = { country: countryOf(index, curated[0]), weight: 0.3 };
    }
  }
  return e;
}
