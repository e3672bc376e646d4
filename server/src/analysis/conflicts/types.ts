// Conflicts between claims of one or many articles: plain data, JSON-serialisable.
import { Claim, Span } from '../types';

export type ConflictKind = 'control' | 'extent' | 'date' | 'casualties' | 'status' | 'prediction';

/** The claims of one article, as the conflict check needs them. */
export interface ArticleClaims {
  uri: string;
  /** Publication date (YYYY-MM-DD) or null. */
  published: string | null;
  claims: Claim[];
}

/** One claim taking part in a conflict. */
export interface ConflictClaim {
  uri: string;
  claimId: string;
  /** The claim's sentence range in its article. */
  range: Span;
  sentence: number;
  source: { id: string; name: string };
  /** The disputed value in user terms: "52 killed", "full control", "1 Sep 2017". */
  value: string;
  summary: string;
  modality: Claim['modality'];
  dateLabel: string | null;
  published: string | null;
}

export interface Conflict {
  /** Stable across edits: from the kind, place and normalised disputed values, never offsets. */
  id: string;
  kind: ConflictKind;
  place: { id: string; name: string } | null;
  /** Date label of the disputed time ("2 Sep 2017"), or null. */
  dates: string | null;
  /** For predictions: whether the later report fulfils it. */
  outcome: 'fulfilled' | 'not-fulfilled' | null;
  /** "Conflicting death toll for Raqqa, 7 Mar 2018: at least 40 (Reuters) vs 52 (Syrian Observatory for Human Rights)". */
  message: string;
  claims: ConflictClaim[];
  /** Parallel to claims, for the CLI contract: file, range, source name and value of each claim. */
  files: string[];
  ranges: Span[];
  sources: string[];
  values: string[];
}
