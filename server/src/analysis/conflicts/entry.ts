// A claim placed on the calendar, with what the rules need precomputed.
import { Claim } from '../types';
import { dayNumber } from '../claims/claimText';
import { sideOf } from './sides';

export interface Entry {
  uri: string;
  published: string | null;
  publishedDay: number | null;
  claim: Claim;
  /** First and last day the claim may refer to, or null when open or unknown. */
  from: number | null;
  to: number | null;
  side: string | null;
  /**
   * The claim's action, extent and whether it states a fact, read in the hottest loops: claims decoded from the
   * index workers come in many hidden classes, so reads through the claim are slow there, the entry's are not.
   */
  action: Claim['action'];
  extent: Claim['extent'];
  isFactual: boolean;
  /** Order in which a hold index took the claim (holdIndex.ts), 0 until then. */
  seq?: number;
  /** The conflict groups of the claim's pairs, kept by its place (placeConflicts.ts), null until it has one. */
  groups?: unknown[] | null;
}

/** Day numbers of the dates met so far: claims of a workspace share a few thousand days. */
const days = new Map<string, number | null>();
const DAYS_MAX = 100_000;

function day(date: string | null | undefined): number | null {
  if (!date) return null;
  let n = days.get(date);
  if (n === undefined) {
    n = dayNumber(date);
    if (days.size >= DAYS_MAX) days.clear();
    days.set(date, n);
  }
  return n;
}

/** Builds the entry of a claim; claims without a place take part in no conflict. */
export function entryOf(uri: string, published: string | null, claim: Claim): Entry | null {
  if (!claim.place) return null;
  return {
    uri,
    published,
    publishedDay: day(published),
    claim,
    from: day(claim.time?.from),
    to: day(claim.time?.to),
    side: sideOf(claim.actor),
    action: claim.action,
    extent: claim.extent,
    isFactual: claim.modality === 'asserted' || claim.modality === 'reported',
    seq: 0,
    groups: null,
  };
}

/** Known on both ends and at most `days` long. */
export function precise(e: Entry, days: number): boolean {
  return e.from !== null && e.to !== null && e.to - e.from <= days;
}

/** The two intervals share at least one day (with `slack` days of tolerance). */
export function overlaps(a: Entry, b: Entry, slack = 0): boolean {
  return a.from !== null && a.to !== null && b.from !== null && b.to !== null && a.from <= b.to + slack && b.from <= a.to + slack;
}

/** A statement of fact (not a prediction, not a denial). */
export function factual(e: Entry): boolean {
  return e.isFactual;
}

/** Two claims can disagree only when they come from different reports: another source or another article. */
export function independent(a: Entry, b: Entry): boolean {
  return a.uri !== b.uri || a.claim.source.id !== b.claim.source.id;
}
