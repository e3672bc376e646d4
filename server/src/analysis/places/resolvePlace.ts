// Disambiguation: which of the places sharing a name the article means. Candidates in the article's focus
// countries win (dateline city, countries it names, places already resolved nearby), then the kind of
// place a cue asks for, then rank (country, region, capital) and population.
import { admin1Of, FLAG_CURATED, KeyLookup, PlaceIndex, PlaceRecord } from './placeIndex';
import { PlaceFeature } from '../types';
import { CandidateFact, candidateFacts, factRecord, FEATURE_SCORE, MAX_SCORED, placeRecord, pointVector, spelledName } from './candidateFacts';
import { PlaceCue } from './placeCues';
import { groupDigits } from '../groupDigits';

export interface ResolveInput {
  candidates: number[];
  /** The lookup the candidates come from, when the caller has it: per-name facts are kept on it. */
  lookup?: KeyLookup | null;
  pinned: number;
  cue: PlaceCue | null;
  /** Country and region named right after ("Mobile, Alabama"): candidates inside them win. */
  container: PlaceRecord | null;
  /**
   * The words as written, basic-folded, articles left out ("deir zur" for "Deir ez-Zor"): a place spelled
   * exactly so beats one that only folds alike ("Frankfort"). Null when the words fold to nothing.
   */
  spelling?: string | null;
  /** Used as a modifier ("a Hollywood horror movie"): far from the story, the best-known place of the name is meant. */
  attributive?: boolean;
  /** A place resolved right next to the name ("Arak near Palmyra", "Beirut's Hamra"): candidates close to it win. */
  anchor?: PlaceAnchor | null;
  /** Written with an Arabic article ("al-Tayba"): candidates where names carry one win (findPlaces drops the rest). */
  arabic?: boolean;
}

/** A resolved place the text puts the name near or inside, and how close a candidate must lie. */
export interface PlaceAnchor {
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  radiusKm: number;
  /** How the text relates them, for the reason: "near", "in". */
  relation: string;
}

export interface ResolveContext {
  index: PlaceIndex;
  /** country -> 0..1, how much the article is about it (a Map, or findPlaces' FocusShares). */
  focus: { get(country: string): number | undefined };
  /** Points of places resolved earlier in the article (only ever appended to). */
  resolved: { lat: number; lon: number }[];
  /** A number no other article's context shares: candidates remember their "nearby" checks under it. */
  article?: number;
  /** Unit vectors of the resolved points (x, y, z each), filled as needed; zero for a point off the globe. */
  vectors?: number[];
}

export interface Resolution {
  place: PlaceRecord;
  /** The place's number in the index (findPlaces tells places already resolved in the article by it). */
  at: number;
  confidence: number;
  alternatives: string[];
  reason: string;
  /**
   * True when the text names a container or anchor ("in Idlib province", "near Palmyra") and no candidate
   * lies in it or its country: the name is a local place the gazetteer lacks, not the namesake abroad.
   */
  outside?: boolean;
}

/** Countries where place names carry the Arabic article (Arab League members and neighbours that share the naming). */
export const ARABIC_NAMED: ReadonlySet<string> = new Set(['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE', 'EH', 'IR', 'TR', 'IL', 'TD', 'ER', 'SS']);

/** The parts of the winning score, for the reason shown to the user. */
interface Scored {
  i: number;
  score: number;
  focus: number;
  cue: number;
  container: number;
  nearby: number;
}

// Scratch columns for scoring one name's candidates (at most MAX_SCORED): resolution runs for every
// mention, and an object per candidate plus sort/filter/slice arrays made it allocation-bound.
const SCORE = new Float64Array(MAX_SCORED);
const FOCUS = new Float64Array(MAX_SCORED);
const CUE = new Float64Array(MAX_SCORED);
const CONTAINER = new Float64Array(MAX_SCORED);
const NEARBY = new Float64Array(MAX_SCORED);
const ORDER = new Int32Array(MAX_SCORED);

// The answer of every call (findPlaces reads it before it asks again): an object per mention was a
// fifth of the stage's garbage. Every field is set on each answer.
const RESULT: Resolution = { place: null as unknown as PlaceRecord, at: 0, confidence: 0, alternatives: [], reason: '', outside: false };

/** Picks the best candidate and says why; null when there are none. The answer is reused: read it before the next call. */
export function resolvePlace(input: ResolveInput, ctx: ResolveContext): Resolution | null {
  if (input.candidates.length === 0) return null;
  const index = ctx.index;
  // One candidate and no pin: nothing to weigh (the scores would only rank it against itself).
  if (input.candidates.length === 1 && input.pinned < 0 && !input.anchor) {
    // Kept on the name's facts when the lookup is known: no cache search per mention.
    const fact = input.lookup ? candidateFacts(index, input.candidates, input.lookup)[0] : null;
    const place = fact ? factRecord(index, fact) : placeRecord(index, input.candidates[0]);
    const c = input.container;
    const outside = !!c && (c.feature === 'country' || c.feature === 'admin1') && place.feature !== 'country' && place.country !== c.country;
    const kept = fact ? fact.alternatives : undefined;
    const alternatives = kept !== undefined && kept.length === 0 ? kept : fact ? (fact.alternatives = []) : [];
    return answer(place, input.candidates[0], place.flags & FLAG_CURATED || input.cue ? 0.95 : 0.9, alternatives, 'the only place known by this name', outside);
  }
  const facts = candidateFacts(index, input.candidates, input.lookup);
  const n = facts.length;
  // A place spelled exactly as written beats one that only folds alike; the spelling is the same for every candidate.
  const spelling = input.spelling != null && index.size > 0 && input.candidates.length > 1 ? input.spelling : null;
  const c = input.container;
  const explicit = input.anchor ? input.anchor.country : c && c.feature !== 'country' && c.feature !== 'admin1' ? null : c ? c.country : null;
  let inside = explicit === null;
  for (let k = 0; k < n; k++) {
    score(facts[k], input, ctx, spelling, k);
    if (!inside && (CONTAINER[k] > 0 || facts[k].country === explicit)) inside = true;
    // Highest score first; equal scores keep the gazetteer's order (a stable insertion sort).
    let j = k - 1;
    while (j >= 0 && SCORE[ORDER[j]] < SCORE[k]) {
      ORDER[j + 1] = ORDER[j];
      j--;
    }
    ORDER[j + 1] = k;
  }
  let bestAt = 0; // position of the best in ORDER; -1: a pinned place outside the scored candidates
  if (input.pinned >= 0) {
    bestAt = -1;
    for (let a = 0; a < n; a++) {
      if (facts[ORDER[a]].i === input.pinned) {
        bestAt = a;
        break;
      }
    }
  }
  const best = bestAt < 0 ? pinnedOutside(input.pinned) : scoredAt(facts, ORDER[bestAt]);
  const rivals = bestAt < 0 ? n : n - 1;
  const place = bestAt < 0 ? placeRecord(index, best.i) : factRecord(index, facts[ORDER[bestAt]]);
  let runnerUp = -1;
  for (let a = 0; a < n; a++) {
    if (a === bestAt) continue;
    runnerUp = ORDER[a];
    break;
  }
  let confidence: number;
  if (input.pinned >= 0) confidence = 1;
  else if (rivals === 0) confidence = place.flags & FLAG_CURATED || input.cue ? 0.95 : 0.9;
  else confidence = confidenceOf(facts[ORDER[bestAt]], best.score - SCORE[runnerUp]);
  const reason = input.pinned >= 0 ? 'pinned in .dateline/places.json' : reasonFor(facts[ORDER[bestAt]], place, best, rivals, input);
  return answer(place, best.i, confidence, alternativesOf(index, facts, n, bestAt), reason, !inside && input.pinned < 0);
}

function answer(place: PlaceRecord, at: number, confidence: number, alternatives: string[], reason: string, outside: boolean): Resolution {
  RESULT.place = place;
  RESULT.at = at;
  RESULT.confidence = confidence;
  RESULT.alternatives = alternatives;
  RESULT.reason = reason;
  RESULT.outside = outside;
  return RESULT;
}

/**
 * The ids of up to five runners-up in score order. A name mostly resolves the same way through an article
 * and across articles: the winner keeps the last list it was given, and an equal list is that same array
 * (lists in the analysis are never modified by their readers), so a mention costs no new list.
 */
function alternativesOf(index: PlaceIndex, facts: CandidateFact[], n: number, bestAt: number): string[] {
  const owner = bestAt >= 0 ? facts[ORDER[bestAt]] : null;
  const kept = owner ? owner.alternatives : undefined;
  let count = 0;
  let same = kept !== undefined;
  for (let a = 0; a < n && count < 5; a++) {
    if (a === bestAt) continue;
    const id = factRecord(index, facts[ORDER[a]]).id;
    if (same && (count >= kept!.length || kept![count] !== id)) same = false;
    ALTERNATIVES[count++] = id;
  }
  if (same && count === kept!.length) return kept!;
  const list = ALTERNATIVES.slice(0, count);
  if (owner) owner.alternatives = list;
  return list;
}

// Scratch for alternativesOf: the list is copied out at its exact length.
const ALTERNATIVES: string[] = ['', '', '', '', ''];

/**
 * explain(), remembered per candidate when no container is part of the reason (the usual case): by which
 * parts applied and, when the cue is one of them, by the cue as written ("province", "countryside of").
 */
function reasonFor(f: CandidateFact, place: PlaceRecord, best: Scored, rivals: number, input: ResolveInput): string {
  if (best.container > 0 && (input.container || input.anchor)) return explain(place, best, rivals, input);
  const at = (best.focus > 0 ? 1 : 0) | (best.nearby > 0 ? 2 : 0);
  let reasons: (string | undefined)[];
  if (best.cue > 0 && input.cue) {
    const byCue = f.cueReasons ?? (f.cueReasons = new Map());
    // Bounded: cue words come from a short list, but "X of" cues are built from any word.
    if (byCue.size > 64) byCue.clear();
    let list = byCue.get(input.cue.text);
    if (list === undefined) byCue.set(input.cue.text, (list = [undefined, undefined, undefined, undefined]));
    reasons = list;
  } else reasons = f.reasons ?? (f.reasons = [undefined, undefined, undefined, undefined]);
  return reasons[at] ?? (reasons[at] = explain(place, best, rivals, input));
}

// The winner's score parts, read by reasonFor and explain during one resolution only: one object reused.
const BEST: Scored = { i: 0, score: 0, focus: 0, cue: 0, container: 0, nearby: 0 };

function scoredAt(facts: CandidateFact[], k: number): Scored {
  BEST.i = facts[k].i;
  BEST.score = SCORE[k];
  BEST.focus = FOCUS[k];
  BEST.cue = CUE[k];
  BEST.container = CONTAINER[k];
  BEST.nearby = NEARBY[k];
  return BEST;
}

/** The parts of a pinned place that is not among the scored candidates: it wins outright. */
function pinnedOutside(i: number): Scored {
  BEST.i = i;
  BEST.score = Infinity;
  BEST.focus = BEST.cue = BEST.container = BEST.nearby = 0;
  return BEST;
}

/** Scores candidate k into the scratch columns. */
function score(f: CandidateFact, input: ResolveInput, ctx: ResolveContext, spelling: string | null, k: number): void {
  const index = ctx.index;
  const feature = f.feature;
  const country = f.country;
  let s = f.base;
  const focusShare = focusOf(f, ctx);
  // "a Hollywood horror movie": a modifier far from the story names the most famous place, and among
  // settlements size says fame better than the gazetteer's rank (a Los Angeles district beats a Florida city).
  const famous = input.attributive && focusShare < 0.5 && f.settlement;
  if (famous) s = Math.max(s, FEATURE_SCORE.city);
  s += (famous ? 1.2 : 0.6) * f.logPopulation;
  // World cities and capitals are what a name means far from the story's focus ("traders in London");
  // inside the focus countries the cue and the rank decide (Homs the city or Homs province).
  if (f.world) s += 3 * (1 - focusShare);
  if (spelling !== null && spelledName(index, f) === spelling) s += 2;
  const focus = 4 * focusShare;
  const cue = cueBonus(feature, input.cue);
  let container = 0;
  if (input.container && feature !== 'country') {
    const c = input.container;
    // Written next to the name, the country outweighs the article's focus and a capital's fame
    // ("Tripoli, Lebanon" in a story mostly about Libya).
    if (c.feature === 'country' && country === c.country) container = 6;
    else if (c.feature === 'admin1' && country === c.country) container = admin1Of(index, f.i) === c.name ? 5 : 2;
  }
  // Rare, and kept out of line so this hot function stays small enough to inline.
  if (input.anchor || input.arabic) {
    if (input.anchor && nearAnchor(f, input.anchor)) container = Math.max(container, 7);
    if (input.arabic) s += arabicPenalty(f);
  }
  // Only for places small enough for "nearby" to mean something (not provinces or countries).
  const nearby = ctx.resolved.length > 0 && f.local && (checkedUpTo(f, ctx) ? f.nearChecked < 0 : isNearby(f, ctx)) ? 1.5 : 0;
  SCORE[k] = s + focus + cue + container + nearby;
  FOCUS[k] = focus;
  CUE[k] = cue;
  CONTAINER[k] = container;
  NEARBY[k] = nearby;
}

/** Confidence from the winner's lead over the runner-up; the winner remembers its last answer (a name keeps its lead through an article). */
function confidenceOf(f: CandidateFact, lead: number): number {
  if (f.leadFor !== lead) {
    f.leadFor = lead;
    f.leadConfidence = round(0.5 + 0.49 * (1 - Math.exp(-lead / 2)));
  }
  return f.leadConfidence;
}

/** The article's focus on the candidate's country, remembered on the candidate for the article (a map search per score otherwise). */
function focusOf(f: CandidateFact, ctx: ResolveContext): number {
  if (ctx.article === undefined) return f.country ? (ctx.focus.get(f.country) ?? 0) : 0;
  if (f.focusArticle !== ctx.article) {
    f.focusArticle = ctx.article;
    f.focusShare = f.country ? (ctx.focus.get(f.country) ?? 0) : 0;
  }
  return f.focusShare;
}

/** "Arak near Palmyra", "Beirut's Hamra": the place beside the one named, even against a far bigger namesake. */
function nearAnchor(f: CandidateFact, a: PlaceAnchor): boolean {
  return f.lat === f.lat && distanceKm(f.lat, f.lon, a.lat, a.lon) <= a.radiusKm;
}

/** "al-Tayba": a namesake where names carry no Arabic article loses. */
function arabicPenalty(f: CandidateFact): number {
  return f.feature === 'country' || (f.country !== null && ARABIC_NAMED.has(f.country)) ? 0 : -4;
}

/** True when isNearby already has the answer for this article: near (it stays so), or every resolved place checked. */
function checkedUpTo(f: CandidateFact, ctx: ResolveContext): boolean {
  return ctx.article !== undefined && f.nearArticle === ctx.article && (f.nearChecked < 0 || f.nearChecked === ctx.resolved.length);
}

// The chord between two points 150 km apart on the sphere distanceKm uses (diameter 12742 km), squared.
// Within a part in a million of it, the exact great-circle distance decides.
const CHORD2 = (2 * Math.sin(150 / 12742)) ** 2;

/**
 * True when a place resolved earlier in the article lies within 150 km. The resolved list only grows
 * during an article, so each candidate remembers how far down the list it has looked.
 */
function isNearby(f: CandidateFact, ctx: ResolveContext): boolean {
  let from = 0;
  if (ctx.article !== undefined) {
    if (f.nearArticle !== ctx.article) {
      f.nearArticle = ctx.article;
      f.nearChecked = 0;
    }
    from = f.nearChecked;
    if (from < 0) return true;
  }
  const resolved = ctx.resolved;
  const vectors = ctx.vectors ?? (ctx.vectors = []);
  const fast = f.x !== 0 || f.y !== 0 || f.z !== 0;
  let near = false;
  for (; from < resolved.length; from++) {
    const r = resolved[from];
    if (vectors.length <= from * 3) {
      const v = pointVector(r);
      vectors.push(v.x, v.y, v.z);
    }
    const vx = vectors[from * 3];
    const vy = vectors[from * 3 + 1];
    const vz = vectors[from * 3 + 2];
    if (fast && (vx !== 0 || vy !== 0 || vz !== 0)) {
      // The squared chord against the 150 km chord: only a near tie needs the trigonometry.
      const c2 = (f.x - vx) ** 2 + (f.y - vy) ** 2 + (f.z - vz) ** 2;
      if (c2 > CHORD2 * 1.000001) continue;
      if (c2 < CHORD2 * 0.999999) {
        near = true;
        break;
      }
    }
    if (distanceKm(f.lat, f.lon, r.lat, r.lon) < 150) {
      near = true;
      break;
    }
  }
  if (ctx.article !== undefined) f.nearChecked = near ? -1 : from;
  return near;
}

function cueBonus(f: PlaceFeature, cue: PlaceCue | null): number {
  if (!cue) return 0;
  switch (cue.kind) {
    case 'admin':
      return f === 'admin1' || f === 'admin2' ? 4 : f === 'region' || f === 'area' ? 2 : f === 'city' || f === 'town' ? -3 : 0;
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
  if (best.container > 0 && input.anchor) parts.push(`${input.anchor.relation} ${input.anchor.name}`);
  else if (best.container > 0 && input.container) parts.push(`followed by ${input.container.name}`);
  if (best.focus > 0 && place.countryName) parts.push(`in ${place.countryName}, which the article is about`);
  if (best.nearby > 0) parts.push('near other places in the article');
  if (parts.length === 0) {
    if (place.feature === 'country') parts.push('the country of this name');
    else if (place.population) parts.push(`the largest place of this name (population ${groupDigits(place.population)})`);
    else parts.push(`the best-known ${featureWord(place.feature)} of this name`);
  }
  return `${parts.join('; ')} (${rivals} other place${rivals === 1 ? ' shares' : 's share'} the name)`;
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
