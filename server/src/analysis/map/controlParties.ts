// The sides of a contested place. Reports of a battle usually name only the side gaining ground ("the SDF controls
// the old city of Raqqa"); the side holding out is what the analyst asks next. It is named by any of rules 1-3 (a side
// named by several gets each reason), and by rule 4 only when those name nobody:
//   1. the side named in the same claim ("captured the old city from IS", "besieged by IS");
//   2. the enemy the advancing side is reported fighting there in the same fight ("advancing against IS in Raqqa");
//   3. the side that held the place before, from earlier control claims in the workspace;
//   4. failing all those, the capture that ended the fight: the side the advancing side later took the place from
//      ("IS lost Raqqa to the SDF last month": IS held it until then), or the side that later took it from the
//      advancing side ("the army took Deir al-Zour from IS": the army was the side IS was fighting there).
// Each side carries the claims behind it, so the map can show who says so.
import type { ControlBasis, ControlPeriod } from './controlHistory';

export interface Party {
  id: string;
  name: string;
}

/** 'holding': holds the place; 'advancing': takes, holds part of or besieges it; 'holding out': the side against them. */
export type PartyRole = 'holding' | 'advancing' | 'holding out';

export interface ControlParty extends Party {
  role: PartyRole;
  /** Why this side is named, in the user's words: "holds part of it", "held it before" (several joined by "; "). */
  reason: string;
  /** The claims that name this side in this role. */
  basis: ControlBasis[];
  /** The parts of the place the claims say this side holds ("old city"), when they name parts. */
  areas?: string[];
}

/** What one claim says about who holds a place from a date. */
export interface ControlObservation {
  date: string;
  status: 'held' | 'contested';
  holder: Party | null;
  sides: ControlParty[];
  basis: ControlBasis;
  /** Order among same-day observations: a capture settles what a siege on the same day left open. */
  rank: number;
  /** The side a capture took the place from, when the claim names it. */
  loser: Party | null;
}

/** Two named sides fighting in a place on a date, whatever the claim says about control. */
export interface Front {
  date: string;
  sides: [Party, Party];
  basis: ControlBasis;
}

/** The claims already behind a side, by uri and claim id: merging stays linear when thousands of reports agree. */
const basisKeys = new WeakMap<ControlParty, Set<string>>();
const keyOf = (b: ControlBasis) => `${b.uri}\u0000${b.claimId}`;

/** Adds a side to a list, merging the claims of a side already there; a side seen advancing is never demoted. */
export function addParty(list: ControlParty[], party: ControlParty): void {
  const known = list.find((x) => x.id === party.id);
  if (!known) {
    // Its claims' keys are made when a side is merged into it, not before: most sides never are, and making them for
    // each took a quarter of the map's time (3,000 generated articles: median 720 -> 550 ms CPU).
    list.push({ ...party, basis: [...party.basis], ...(party.areas ? { areas: [...party.areas] } : {}) });
    return;
  }
  for (const a of party.areas ?? []) if (!(known.areas ??= []).includes(a)) known.areas.push(a);
  let keys = basisKeys.get(known);
  if (!keys) basisKeys.set(known, (keys = new Set(known.basis.map(keyOf))));
  for (const b of party.basis) {
    if (keys.has(keyOf(b))) continue;
    keys.add(keyOf(b));
    known.basis.push(b);
  }
  if (known.role === 'holding out' && party.role !== 'holding out') {
    known.role = party.role;
    known.reason = party.reason;
  } else if (known.role === party.role && !known.reason.split('; ').includes(party.reason)) {
    known.reason = `${known.reason}; ${party.reason}`;
  }
}

/** Names the sides holding out in each contested period (rules in the header), advancing sides first. Observations and fronts sorted by date. */
export function inferOpponents(periods: ControlPeriod[], observations: readonly ControlObservation[], fronts: readonly Front[]): void {
  for (let i = 0; i < periods.length; i++) {
    const period = periods[i];
    if (period.status !== 'contested') continue;
    const claimants = new Set(period.parties.filter((p) => p.role !== 'holding out').map((p) => p.id));
    if (!claimants.size) continue;
    const prev = lastHeldBefore(periods, i);
    // The fight this period belongs to began after the last time one side was reported holding the place.
    const start = prev >= 0 ? periods[prev + 1].from : '';
    const end = period.to ?? '\uffff';
    for (let j = firstFrom(fronts, start); j < fronts.length && fronts[j].date <= end; j++) {
      const f = fronts[j];
      const [a, b] = f.sides;
      const enemy = claimants.has(a.id) && !claimants.has(b.id) ? b : claimants.has(b.id) && !claimants.has(a.id) ? a : null;
      if (enemy) addParty(period.parties, { id: enemy.id, name: enemy.name, role: 'holding out', reason: 'named as the enemy there', basis: [f.basis] });
    }
    const before = prev >= 0 ? periods[prev] : null;
    if (before?.faction && !claimants.has(before.faction.id)) {
      const basis = before.parties.find((p) => p.id === before.faction!.id)?.basis ?? before.basis;
      addParty(period.parties, { id: before.faction.id, name: before.faction.name, role: 'holding out', reason: 'held it before', basis });
    }
    if (!period.parties.some((p) => p.role === 'holding out')) laterLoser(period, periods, i, observations, claimants);
    // Advancing sides first, then those holding out (a stable sort keeps the order of evidence within each).
    period.parties.sort((x, y) => Number(x.role === 'holding out') - Number(y.role === 'holding out'));
  }
}

/**
 * Rule 4: the capture that ends the fight says who fought it. When a claimant later took the place from another side,
 * that side held it meanwhile; when another side later took it from a claimant (the army breaking the siege of its
 * enclave), that side was the one fighting the claimant there.
 */
function laterLoser(period: ControlPeriod, periods: ControlPeriod[], i: number, observations: readonly ControlObservation[], claimants: Set<string>): void {
  let k = i + 1;
  while (k < periods.length && periods[k].status !== 'held') k++;
  const next = periods[k];
  if (!next?.faction) return;
  const winner = next.faction;
  const until = next.to ?? '\uffff';
  for (let j = firstFrom(observations, next.from); j < observations.length && observations[j].date <= until; j++) {
    const o = observations[j];
    if (o.status !== 'held' || o.holder?.id !== winner.id || !o.loser) continue;
    if (claimants.has(winner.id) && !claimants.has(o.loser.id)) {
      addParty(period.parties, { id: o.loser.id, name: o.loser.name, role: 'holding out', reason: 'held it until it was taken', basis: [o.basis] });
    } else if (!claimants.has(winner.id) && claimants.has(o.loser.id)) {
      addParty(period.parties, { id: winner.id, name: winner.name, role: 'holding out', reason: 'later took it from them', basis: [o.basis] });
    }
  }
}

/** Index of the first item dated on or after `day` in a list sorted by date. */
function firstFrom(items: readonly { date: string }[], day: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].date < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastHeldBefore(periods: ControlPeriod[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (periods[j].status === 'held') return j;
  return -1;
}

/** The day before a YYYY-MM-DD day. */
export function dayBefore(iso: string): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
