// The one place that names Dateline's custom LSP messages and their typed params and results.
// Shared by the server and the client (bundled into both). No vscode or LSP-library imports here:
// plain names and plain data, so both sides and the tests can use it.

/** Settings under `dateline.*`, read per resource. Mirrors package.json `contributes.configuration`. */
export interface DatelineSettings {
  /** Globs of files analysed even when they do not look like articles. */
  articleGlobs: string[];
  /** Files larger than this (KB) are skipped with a message. */
  maxFileSizeKB: number;
  /** Publication date used when an article states none (YYYY-MM-DD), or "". */
  defaultPublished: string;
  /** Show resolved dates after relative expressions. */
  inlayHints: boolean;
  /** Severity per conflict kind. */
  conflictSeverity: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
}

export const DEFAULT_SETTINGS: DatelineSettings = {
  articleGlobs: [],
  maxFileSizeKB: 2048,
  defaultPublished: '',
  inlayHints: true,
  conflictSeverity: {},
};

export type Scope = 'article' | 'workspace';

/** client → server request: facts about one document (is it an article, its publication date, counts). */
export const ArticleInfoRequest = 'dateline/articleInfo';
export interface ArticleInfoParams {
  uri: string;
}
export interface ArticleInfo {
  uri: string;
  isArticle: boolean;
  /** Why it is not analysed, when it is not. */
  reason: string | null;
  headline: string | null;
  published: string | null;
  publishedFrom: string;
  counts: { place: number; date: number; faction: number; source: number; claim: number };
}

/** client → server request: re-read and re-analyse every article in the workspace. Result: number of articles. */
export const ReanalyzeRequest = 'dateline/reanalyze';

/** server → client notification: the index changed (articles added, edited, removed); views refresh. */
export const IndexChangedNotification = 'dateline/indexChanged';
export interface IndexChangedParams {
  /** Number of articles in the index. */
  articles: number;
  /** Open (unreviewed) conflicts. */
  conflicts: number;
  /** Reviewed conflicts. */
  reviewed: number;
  /** URIs whose analysis changed. */
  changed: string[];
}

/** client → server request: the status bar's figures. */
export const StatusRequest = 'dateline/status';
export type StatusResult = IndexChangedParams;

/** A position-free pointer into an article, resolved to a range by the receiver. */
export interface Location {
  uri: string;
  /** Zero-based line and UTF-16 character, LSP style. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** One dated event for the timeline (a claim with a resolved time, or a dated sentence). */
export interface TimelineEvent {
  id: string;
  /** Sort key: first day the event may have happened (YYYY-MM-DD), or null when undated. */
  sortDate: string | null;
  /** TIMEX3-style value at its true precision. */
  value: string;
  /** Human label: "1 Sep 2017", "late Aug 2017", "since 2015". */
  dateLabel: string;
  /** Date precision, for exports: day, month, year, week, range. */
  precision: 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | 'range' | 'unknown';
  actor: string | null;
  actorId: string | null;
  action: string;
  place: string | null;
  placeId: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  source: string;
  modality: 'asserted' | 'reported' | 'predicted' | 'denied';
  /** The sentence, untrusted article text: render as text only. */
  sentence: string;
  summary: string;
  count: number | null;
  extent: string | null;
  /** Article headline and publication date. */
  article: { uri: string; headline: string | null; published: string | null };
  location: Location;
  /** Ids of conflicts this event takes part in. */
  conflicts: string[];
}

/** client → server request: timeline events for one article or the workspace. */
export const TimelineRequest = 'dateline/timeline';
export interface TimelineParams {
  scope: Scope;
  uri?: string;
  /** Include every dated sentence, not only claims. */
  allDatedSentences?: boolean;
}
export interface TimelineResult {
  events: TimelineEvent[];
  articles: number;
}

/** Kinds of conflicting claims (also the suffix of diagnostic codes `dateline.conflict.<kind>`). */
export type ConflictKind = 'control' | 'extent' | 'date' | 'casualties' | 'status' | 'prediction';

/** One claim taking part in a conflict, with where it is and who says it. */
export interface ConflictClaimInfo {
  /** Claim id (stable across edits to other sentences). */
  claimId: string;
  location: Location;
  /** Who says so: "Syrian Observatory for Human Rights", "Xinhua". */
  source: string;
  /** The disputed value in user terms: "Syrian Democratic Forces, full control", "52 killed", "1 Sep 2017". */
  value: string;
  /** "Syrian Democratic Forces controls the old city of Raqqa". */
  summary: string;
  modality: 'asserted' | 'reported' | 'predicted' | 'denied';
  /** Date label of the claim ("2 Sep 2017"), or null. */
  dateLabel: string | null;
  /** The sentence, untrusted article text: render as text only. */
  sentence: string;
  article: { uri: string; headline: string | null; published: string | null };
}

/** Two or more claims that disagree (or, for kind 'prediction', a prediction and its outcome). */
export interface ConflictInfo {
  /** Stable across edits: built from the normalised content of the claims. */
  id: string;
  kind: ConflictKind;
  /** "Conflicting death toll for Uqayribat, 1 Sep 2017: 40 (SANA) vs 52 (Syrian Observatory for Human Rights)". */
  message: string;
  place: { id: string; name: string } | null;
  /** Date label of the overlap, or null when undated. */
  dates: string | null;
  /** For kind 'prediction': whether the later report fulfils the prediction. */
  outcome: 'fulfilled' | 'not-fulfilled' | null;
  severity: 'error' | 'warning' | 'information' | 'hint' | 'off';
  reviewed: boolean;
  claims: ConflictClaimInfo[];
}

/** client → server request: conflicts touching one article, or the whole workspace. */
export const ConflictsRequest = 'dateline/conflicts';
export interface ConflictsParams {
  scope: Scope;
  /** The article, for scope 'article'. */
  uri?: string;
  /** Include conflicts marked as reviewed (flagged `reviewed: true`); default true. */
  includeReviewed?: boolean;
}
export interface ConflictsResult {
  conflicts: ConflictInfo[];
  /** Open (unreviewed) and reviewed conflict counts in the scope. */
  open: number;
  reviewed: number;
}

/** client → server request: mark a conflict as reviewed (or not); stored in `.dateline/reviewed.json`. */
export const MarkReviewedRequest = 'dateline/markConflictReviewed';
export interface MarkReviewedParams {
  conflictId: string;
  /** false un-marks. Default true. */
  reviewed?: boolean;
}
export interface MarkReviewedResult {
  ok: boolean;
  /** Reviewed conflicts after the change. */
  reviewed: number;
  /** Why it failed (no workspace folder, unwritable file). */
  error: string | null;
}

/** Server-side command behind the "Mark as reviewed" code action; arguments: [conflictId]. */
export const MarkReviewedCommand = 'dateline.markConflictReviewed';
/** Client-side command behind "Open the other report"; arguments: [Location]. */
export const OpenLocationCommand = 'dateline.openLocation';
