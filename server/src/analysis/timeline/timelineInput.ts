// What the timeline builder takes in. The events it gives back are declared once, in server/src/protocol.ts
// (TimelineEvent and friends: plain data, the wire and CLI contract).
import type { Location } from '../../protocol';
import type { ArticleAnalysis, Span } from '../types';
import { runSteps } from '../steps';
import { ITEMS_PER_STEP } from './sortedInSteps';

/** One article handed to the timeline builder; `rangeOf` converts offsets to LSP ranges (the caller's LineIndex). */
export interface TimelineArticle {
  uri: string;
  text: string;
  analysis: ArticleAnalysis;
  rangeOf: (span: Span) => Location['range'];
}

/**
 * A conflict between claims, as the timeline needs it: which claims (article URI + claim id) disagree.
 * The conflict detector's richer ConflictInfo is adapted to this shape by the caller.
 */
export interface TimelineConflict {
  id: string;
  kind: string;
  message: string | null;
  claims: {
    uri: string;
    claimId: string;
    /** Shown when the claim is not on this timeline (another article, when the timeline covers one). */
    summary?: string;
    source?: string;
    dateLabel?: string | null;
  }[];
  /** Reviewed conflicts keep their versions but are not counted as open. */
  reviewed?: boolean;
}

export interface TimelineOptions {
  /** Also include dated sentences that carry no claim. */
  allDatedSentences?: boolean;
}

/** A conflict as the conflict detector (core) or the `dateline/conflicts` request (protocol) gives it. */
export interface ConflictLike {
  id: string;
  kind: string;
  message?: string | null;
  reviewed?: boolean;
  claims: {
    claimId: string;
    uri?: string;
    location?: { uri: string };
    summary?: string;
    source?: string | { name: string };
    dateLabel?: string | null;
  }[];
}

/** Adapts conflicts from either side to what the timeline needs; malformed entries are dropped. */
export function toTimelineConflicts(conflicts: readonly ConflictLike[]): TimelineConflict[] {
  return runSteps(toTimelineConflictsSteps(conflicts));
}

/**
 * `toTimelineConflicts` of the conflicts `keep` accepts, yielding every few thousand (a workspace of 10,000
 * articles has ~50,000 conflicts: 0.1 s in one piece, with the filter by scope).
 */
export function* toTimelineConflictsSteps(conflicts: readonly ConflictLike[], keep: (c: ConflictLike) => boolean = () => true): Generator<void, TimelineConflict[]> {
  const out: TimelineConflict[] = [];
  const list: readonly ConflictLike[] = Array.isArray(conflicts) ? conflicts : [];
  for (let i = 0; i < list.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const c = list[i];
    if (!c || typeof c.id !== 'string' || !Array.isArray(c.claims) || !keep(c)) continue;
    out.push({
      id: c.id,
      kind: String(c.kind),
      message: c.message ?? null,
      reviewed: c.reviewed,
      claims: c.claims
        .filter((x) => x && typeof x.claimId === 'string' && typeof (x.uri ?? x.location?.uri) === 'string')
        .map((x) => ({
          uri: (x.uri ?? x.location?.uri)!,
          claimId: x.claimId,
          summary: x.summary,
          source: typeof x.source === 'string' ? x.source : x.source?.name,
          dateLabel: x.dateLabel ?? null,
        })),
    });
  }
  return out;
}
