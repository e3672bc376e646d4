// Who held each place when, according to the claims: periods of control (held by one faction, or contested), each
// with the claims and sources behind it. A conflict between sources about a place makes it contested at that time.
import type { ArticleAnalysis, Claim, PlaceFeature } from '../types';
import { eventTime } from '../timeline/eventTime';

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
  /** Every side named as holding, taking or besieging the place in the period. */
  parties: { id: string; name: string }[];
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
  analysis: ArticleAnalysis;
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

interface Observation {
  date: string;
  status: 'held' | 'contested';
  holder: { id: string; name: string } | null;
  parties: { id: string; name: string }[];
  basis: ControlBasis;
  /** Order among same-day observations: a capture settles what a siege on the same day left open. */
  rank: number;
}

/** Control periods per place id, from every article's claims and the conflicts between them. Never throws. */
export function controlHistory(articles: ControlArticle[], conflicts: readonly ControlConflict[] = []): Map<string, PlaceControl> {
  const byPlace = new Map<string, { place: PlaceControl; observations: Observation[] }>();
  for (const a of articles) {
    try {
      if (a.analysis.skipped) continue;
      const features = new Map<string, PlaceFeature>();
      for (const m of a.analysis.mentions) if (m.kind === 'place' && !features.has(m.id)) features.set(m.id, m.feature);
      for (const claim of a.analysis.claims) {
        if (!claim.place || TOO_LARGE.has(features.get(claim.place.id) ?? 'other')) continue;
        const obs = observe(a, claim);
        if (!obs) continue;
        const entry = byPlace.get(claim.place.id) ?? {
          place: { placeId: claim.place.id, name: claim.place.name, lat: claim.place.lat, lon: claim.place.lon, periods: [] },
          observations: [],
        };
        entry.observations.push(obs);
        byPlace.set(claim.place.id, entry);
      }
    } catch {
      // A malformed analysis costs its own observations only.
    }
  }
  const out = new Map<string, PlaceControl>();
  for (const [id, { place, observations }] of byPlace) {
    place.periods = periodsOf(observations);
    markConflicts(place, conflicts);
    out.set(id, place);
  }
  return out;
}

/** The period in force on a day (YYYY-MM-DD), or null when nothing is known yet. */
export function controlAt(place: PlaceControl, date: string): ControlPeriod | null {
  let found: ControlPeriod | null = null;
  for (const p of place.periods) if (p.from <= date && (p.to === null || date <= p.to)) found = p;
  return found;
}

/** What one claim says about who holds its place, and from when; null when it says nothing about control. */
function observe(a: ControlArticle, claim: Claim): Observation | null {
  if (claim.modality === 'predicted' || claim.modality === 'denied') return null;
  // The same dating as the timeline's, so the slider and the timeline never disagree about when.
  const time = eventTime({ time: claim.time, published: a.analysis.publication.date, action: claim.action, modality: claim.modality });
  const date = time.sortDate;
  if (!date) return null;
  const actor = claim.actor;
  const patient = claim.patient;
  const partial = claim.extent?.kind === 'partial' || !!claim.extent?.area;
  const basis: ControlBasis = {
    uri: a.uri,
    claimId: claim.id,
    source: claim.source.name,
    summary: claim.summary,
    dateLabel: time.dateLabel,
  };
  const both = (x: typeof actor, y: typeof patient) => [x, y].filter((p): p is { id: string; name: string } => !!p);
  switch (claim.action) {
    case 'took-control':
      if (!actor) return null;
      return partial
        ? { date, status: 'contested', holder: actor, parties: both(actor, patient), basis, rank: 1 }
        : { date, status: 'held', holder: actor, parties: [actor], basis, rank: 2 };
    case 'lost-control':
      if (!patient) return null;
      return { date, status: 'held', holder: patient, parties: both(patient, actor), basis, rank: 2 };
    case 'controls':
      if (!actor) return null;
      return partial
        ? { date, status: 'contested', holder: actor, parties: both(actor, patient), basis, rank: 1 }
        : { date, status: 'held', holder: actor, parties: [actor], basis, rank: 1 };
    case 'besieged':
      if (!actor) return null;
      // The besieged side holds (part of) the place; the besieger is a party to the fight.
      return { date, status: 'contested', holder: patient, parties: both(actor, patient), basis, rank: 0 };
    default:
      return null;
  }
}

/** Folds dated observations into consecutive periods; same-day observations that disagree make a contested day. */
function periodsOf(observations: Observation[]): ControlPeriod[] {
  const sorted = [...observations].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.rank - y.rank));
  const periods: ControlPeriod[] = [];
  for (let i = 0; i < sorted.length; ) {
    const day = sorted[i].date;
    const same: Observation[] = [];
    while (i < sorted.length && sorted[i].date === day) same.push(sorted[i++]);
    const state = combine(same);
    const last = periods[periods.length - 1];
    if (last && last.status === state.status && last.faction?.id === state.faction?.id) {
      addParties(last, state.parties);
      last.basis.push(...state.basis);
      continue;
    }
    if (last) last.to = dayBefore(day);
    periods.push(state);
  }
  return periods;
}

function combine(same: Observation[]): ControlPeriod {
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
  for (const o of same) addParties(period, o.parties);
  return period;
}

function addParties(period: ControlPeriod, parties: { id: string; name: string }[]): void {
  for (const p of parties) if (!period.parties.some((x) => x.id === p.id)) period.parties.push(p);
}

/** A conflict about who holds the place (control, extent, status) makes the periods of its claims contested. */
function markConflicts(place: PlaceControl, conflicts: readonly ControlConflict[]): void {
  for (const c of conflicts) {
    if (!c || !CONTESTING_KINDS.has(c.kind) || (c.place && c.place.id !== place.placeId)) continue;
    const keys = new Set(c.claims.map((x) => `${x.uri ?? x.location?.uri}\u0000${x.claimId}`));
    for (const p of place.periods) {
      if (!p.basis.some((b) => keys.has(`${b.uri}\u0000${b.claimId}`))) continue;
      p.status = 'contested';
      if (!p.conflicts.includes(c.id)) p.conflicts.push(c.id);
    }
  }
}

function dayBefore(iso: string): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
