// Who held each place when, according to the claims: periods of control (held by one faction, or contested), each
// with the claims and sources behind it. A conflict between sources about a place makes it contested at that time.
// The sides of a contested period (who advances, who holds out) are worked out in controlParties.ts.
import type { ArticleAnalysis, Claim, Mention, PlaceFeature } from '../types';
import { eventTime, EventTime } from '../timeline/eventTime';
import { ControlObservation, ControlParty, Front, Party, addParty, dayBefore, inferOpponents } from './controlParties';
import { runSteps } from '../steps';

export type { ControlParty, PartyRole } from './controlParties';

export interface ControlBasis {
  uri: string;
  claimId: string;
  source: string;
  summary: string;
  dateLabel: string;
}

export interface ControlPeriod {
  /** First day (YYYY-MM-DD) of the period. */
  from: string;
  /** Last day, or null while nothing later is known. */
  to: string | null;
  status: 'held' | 'contested';
  /** The side holding the place (for contested places: the side the reports say holds part of it), or null. */
  faction: { id: string; name: string } | null;
  /**
   * The sides in the period, each with its role and the claims behind it: the holder of a held place; for a contested
   * one, the sides advancing (taking, holding part, besieging) first, then the sides holding out against them.
   */
  parties: ControlParty[];
  basis: ControlBasis[];
  /** Conflicts between sources that make the period contested. */
  conflicts: string[];
}

export interface PlaceControl {
  placeId: string;
  name: string;
  lat: number | null;
  lon: number | null;
  periods: ControlPeriod[];
}

export interface ControlArticle {
  uri: string;
  analysis: Pick<ArticleAnalysis, 'skipped' | 'publication' | 'claims'> & Partial<Pick<ArticleAnalysis, 'mentions'>>;
  /** The kind of each place the article mentions, when known without its mentions (else read from them). */
  placeFeatures?: ReadonlyMap<string, PlaceFeature>;
}

/** The conflicts that matter here: which claims disagree, about which place. */
export interface ControlConflict {
  id: string;
  kind: string;
  place?: { id: string } | null;
  claims: { uri?: string; location?: { uri: string }; claimId: string }[];
}

/** Only disagreement about who holds a place makes it contested; a casualty toll dispute does not. */
const CONTESTING_KINDS = new Set(['control', 'extent', 'status']);
/** Places too large to have one holder: a country or province is never coloured by one faction. */
const TOO_LARGE = new Set<PlaceFeature>(['country', 'region', 'admin1', 'admin2', 'river', 'desert', 'mountain']);
/** Claims that put two named sides against each other in a place (a front), whatever they say about control. */
const FIGHTING = new Set<string>(['advanced', 'attacked', 'besieged', 'took-control', 'lost-control', 'controls']);

interface PlaceEntry {
  place: PlaceControl;
  observations: ControlObservation[];
  fronts: Front[];
}

/** When a claim dates, as the timeline says (eventTime); a caller that has worked it out already passes its own. */
export type ClaimTime = (a: ControlArticle, claim: Claim) => EventTime;

const claimTime: ClaimTime = (a, claim) => eventTime({ time: claim.time, published: a.analysis.publication.date, action: claim.action, modality: claim.modality });

/** Control periods per place id, from every article's claims and the conflicts between them. Never throws. */
export function controlHistory(articles: ControlArticle[], conflicts: readonly ControlConflict[] = [], timeOf: ClaimTime = claimTime): Map<string, PlaceControl> {
  return runSteps(controlHistorySteps(articles, conflicts, timeOf));
}

/** Articles (or places) read between two yields of controlHistorySteps. */
export const ARTICLES_PER_STEP = 32;

/** controlHistory, yielding every few articles and places (the server runs it between other requests). */
export function* controlHistorySteps(articles: ControlArticle[], conflicts: readonly ControlConflict[] = [], timeOf: ClaimTime = claimTime): Generator<void, Map<string, PlaceControl>> {
  const byPlace = new Map<string, PlaceEntry>();
  for (let i = 0; i < articles.length; i++) {
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const a = articles[i];
    try {
      if (a.analysis.skipped) continue;
      const features = a.placeFeatures ?? placeFeaturesOf(a.analysis.mentions ?? []);
      for (const claim of a.analysis.claims) {
        if (!claim || !claim.place || TOO_LARGE.has(features.get(claim.place.id) ?? claim.place.feature ?? 'other')) continue;
        const dated = dateOf(a, claim, timeOf);
        if (!dated) continue;
        const obs = observe(claim, dated.date, dated.basis);
        const front = frontOf(claim, dated.date, dated.basis);
        if (!obs && !front) continue;
        let entry = byPlace.get(claim.place.id);
        if (!entry) {
          entry = { place: { placeId: claim.place.id, name: claim.place.name, lat: claim.place.lat, lon: claim.place.lon, periods: [] }, observations: [], fronts: [] };
          byPlace.set(claim.place.id, entry);
        }
        if (obs) entry.observations.push(obs);
        if (front) entry.fronts.push(front);
      }
    } catch {
      // A malformed analysis costs its own observations only.
    }
  }
  const out = new Map<string, PlaceControl>();
  const contesting = contestingByPlace(conflicts);
  let n = 0;
  for (const [id, { place, observations, fronts }] of byPlace) {
    if (n++ % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    if (!observations.length) continue;
    place.periods = periodsOf(observations);
    markConflicts(place, conflicts, contesting);
    fronts.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    inferOpponents(place.periods, observations, fronts);
    out.set(id, place);
  }
  return out;
}

/** The kind of each place the mentions name (its first mention's). */
export function placeFeaturesOf(mentions: readonly Mention[]): Map<string, PlaceFeature> {
  const features = new Map<string, PlaceFeature>();
  for (const m of mentions) if (m.kind === 'place' && !features.has(m.id)) features.set(m.id, m.feature);
  return features;
}

/** The period in force on a day (YYYY-MM-DD), or null when nothing is known yet. */
export function controlAt(place: PlaceControl, date: string): ControlPeriod | null {
  let found: ControlPeriod | null = null;
  for (const p of place.periods) if (p.from <= date && (p.to === null || date <= p.to)) found = p;
  return found;
}

/** When a claim dates (predictions and denials never colour the map), and what the map cites for it. */
function dateOf(a: ControlArticle, claim: Claim, timeOf: ClaimTime): { date: string; basis: ControlBasis } | null {
  if (claim.modality === 'predicted' || claim.modality === 'denied') return null;
  // The same dating as the timeline's, so the slider and the timeline never disagree about when.
  const time = timeOf(a, claim);
  if (!time.sortDate) return null;
  return { date: time.sortDate, basis: { uri: a.uri, claimId: claim.id, source: claim.source.name, summary: claim.summary, dateLabel: time.dateLabel } };
}

/** What one claim says about who holds its place, and from when; null when it says nothing about control. */
function observe(claim: Claim, date: string, basis: ControlBasis): ControlObservation | null {
  const actor = claim.actor;
  const patient = claim.patient && claim.patient.id !== actor?.id ? claim.patient : null;
  const partial = claim.extent?.kind === 'partial' || !!claim.extent?.area;
  const area = typeof claim.extent?.area === 'string' && claim.extent.area ? claim.extent.area : null;
  const side = (party: Party, role: ControlParty['role'], reason: string): ControlParty => ({ id: party.id, name: party.name, role, reason, basis: [basis] });
  // The side holding part of a place, with the part when the claim names it ("the SDF in the old city").
  const inPart = (party: Party, reason: string): ControlParty => ({ ...side(party, 'advancing', reason), ...(area ? { areas: [area] } : {}) });
  // The side named in the same claim as the one losing ground ("took the old city from IS") holds out in it.
  const against = (reason: string) => (patient ? [side(patient, 'holding out', reason)] : []);
  switch (claim.action) {
    case 'took-control':
      if (!actor) return null;
      return partial
        ? { date, status: 'contested', holder: actor, sides: [inPart(actor, 'took part of it'), ...against('named as the side it was taken from')], basis, rank: 1, loser: patient }
        : { date, status: 'held', holder: actor, sides: [side(actor, 'holding', 'took it')], basis, rank: 2, loser: patient };
    case 'lost-control':
      // "IS lost Raqqa to the SDF": the actor lost it, the patient holds it.
      if (!claim.patient) return null;
      return { date, status: 'held', holder: claim.patient, sides: [side(claim.patient, 'holding', 'took it')], basis, rank: 2, loser: actor && actor.id !== claim.patient.id ? actor : null };
    case 'controls':
      if (!actor) return null;
      return partial
        ? { date, status: 'contested', holder: actor, sides: [inPart(actor, 'holds part of it'), ...against('named as the enemy there')], basis, rank: 1, loser: null }
        : { date, status: 'held', holder: actor, sides: [side(actor, 'holding', 'holds it')], basis, rank: 1, loser: null };
    case 'besieged':
      if (!actor) return null;
      // The besieged side holds (part of) the place; the besieger is a party to the fight.
      return { date, status: 'contested', holder: patient, sides: [side(actor, 'advancing', 'besieging it'), ...against('besieged in it')], basis, rank: 0, loser: null };
    default:
      return null;
  }
}

/** Two named sides fighting in the place ("the SDF advancing against IS in Raqqa"), or null. */
function frontOf(claim: Claim, date: string, basis: ControlBasis): Front | null {
  if (!FIGHTING.has(claim.action) || !claim.actor || !claim.patient || claim.actor.id === claim.patient.id) return null;
  return { date, sides: [claim.actor, claim.patient], basis };
}

/** Folds dated observations into consecutive periods; same-day observations that disagree make a contested day. */
function periodsOf(observations: ControlObservation[]): ControlPeriod[] {
  observations.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.rank - y.rank));
  const periods: ControlPeriod[] = [];
  for (let i = 0; i < observations.length; ) {
    const day = observations[i].date;
    const same: ControlObservation[] = [];
    while (i < observations.length && observations[i].date === day) same.push(observations[i++]);
    const state = combine(same);
    const last = periods[periods.length - 1];
    if (last && last.status === state.status && last.faction?.id === state.faction?.id) {
      for (const p of state.parties) addParty(last.parties, p);
      last.basis.push(...state.basis);
      continue;
    }
    if (last) last.to = dayBefore(day);
    periods.push(state);
  }
  return periods;
}

function combine(same: ControlObservation[]): ControlPeriod {
  const top = same[same.length - 1];
  const settled = same.filter((o) => o.rank === top.rank);
  const holders = new Set(settled.map((o) => o.holder?.id ?? ''));
  const contested = settled.some((o) => o.status === 'contested') || holders.size > 1;
  const period: ControlPeriod = {
    from: top.date,
    to: null,
    status: contested ? 'contested' : 'held',
    faction: top.holder,
    parties: [],
    basis: same.map((o) => o.basis),
    conflicts: [],
  };
  // A capture settles the day: the besiegers of the morning are not sides of a place now held.
  for (const o of contested ? same : settled) for (const s of o.sides) addParty(period.parties, s);
  return period;
}

/** Where the conflicts that can make a place contested are in the list, by place id (those naming none under ''). */
function contestingByPlace(conflicts: readonly ControlConflict[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  conflicts.forEach((c, i) => {
    if (!c || !CONTESTING_KINDS.has(c.kind)) return;
    const id = c.place ? c.place.id : '';
    const list = out.get(id);
    if (list) list.push(i);
    else out.set(id, [i]);
  });
  return out;
}

/**
 * A conflict about who holds the place (control, extent, status) makes the periods of its claims contested. The
 * periods are found by their claims' keys: testing every conflict against every period's claims took 47 s of a
 * 10,000-article map (1,240 periods a place, thousands of conflicts).
 */
function markConflicts(place: PlaceControl, conflicts: readonly ControlConflict[], byPlace: Map<string, number[]>): void {
  const own = byPlace.get(place.placeId) ?? [];
  const unplaced = byPlace.get('') ?? [];
  // In the conflicts' order, as when each was tested in turn.
  const relevant = unplaced.length ? [...own, ...unplaced].sort((x, y) => x - y) : own;
  if (!relevant.length) return;
  const periodsOf = new Map<string, number[]>();
  place.periods.forEach((p, i) => {
    for (const b of p.basis) {
      const key = `${b.uri}\u0000${b.claimId}`;
      const list = periodsOf.get(key);
      if (!list) periodsOf.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  for (const at of relevant) {
    const c = conflicts[at];
    const hit = new Set<number>();
    for (const x of c.claims ?? []) for (const i of periodsOf.get(`${x.uri ?? x.location?.uri}\u0000${x.claimId}`) ?? []) hit.add(i);
    for (const i of [...hit].sort((a, b) => a - b)) {
      const p = place.periods[i];
      p.status = 'contested';
      if (!p.conflicts.includes(c.id)) p.conflicts.push(c.id);
    }
  }
}
