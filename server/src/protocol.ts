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

// ---- Side panel and navigation (issue 6) ----

/** What an entity view lists. 'faction' also lists sources, under a final "Sources" group. */
export type EntityKind = 'place' | 'faction' | 'date' | 'claim';

/** The look of a tree item; the client maps each to a codicon (ThemeIcon). */
export type EntityIcon =
  | 'country'
  | 'province'
  | 'place'
  | 'water'
  | 'terrain'
  | 'region'
  | 'state'
  | 'armed-group'
  | 'coalition'
  | 'militia'
  | 'political'
  | 'faction'
  | 'source'
  | 'year'
  | 'date'
  | 'duration'
  | 'claim'
  | 'group'
  | 'mention';

/**
 * One item of an entity view: a group, an entity, a claim, or one mention.
 * `id` is stable across edits (built from entity ids and a mention's ordinal within its entity and article, never
 * from offsets), so views keep their expansion and selection when the text changes.
 */
export interface EntityNode {
  id: string;
  /** "al-Qarayatayn"; the client shows "al-Qarayatayn (3)" when `count` is set. */
  label: string;
  /** Mentions (or claims) of this entity itself, or null for a plain group. */
  count: number | null;
  /** Greyed text after the label: a mention's sentence, a group's totals. Untrusted article text. */
  description: string | null;
  /** Plain text (never Markdown): untrusted article text may be in it. */
  tooltip: string;
  icon: EntityIcon;
  /** What the item is, for context menus: 'group', 'entity' (a place, faction, source or date), 'claim', 'mention'. */
  role: 'group' | 'entity' | 'claim' | 'mention';
  /** The entity behind the item (for "Find all mentions", "Add alias"), or null. */
  entity: { kind: 'place' | 'date' | 'faction' | 'source' | 'claim'; id: string; name: string } | null;
  /** Where a click goes: the mention, the claim, or an entity's first mention. */
  location: Location | null;
  children: EntityNode[];
}

/** client → server request: the grouped, counted entities of one kind for the active article or the workspace. */
export const EntitiesRequest = 'dateline/entities';
export interface EntitiesParams {
  scope: Scope;
  /** The article, for scope 'article'. */
  uri?: string;
  kind: EntityKind;
}
export interface EntitiesResult {
  nodes: EntityNode[];
  /** Articles the result was built from. */
  articles: number;
  /** Mentions (or claims) listed. */
  total: number;
}

/** client → server request: every mention of one entity across all articles (what "Find all mentions" shows). */
export const MentionsRequest = 'dateline/mentions';
export interface MentionsParams {
  kind: 'place' | 'date' | 'faction' | 'source';
  id: string;
}
export interface MentionsResult {
  /** In reading order: articles by publication date, then by position. */
  locations: Location[];
}

/** client → server request: a citation for the sentence at a location ("Copy as citation"). */
export const CitationRequest = 'dateline/citation';
export interface CitationParams {
  location: Location;
}
export interface CitationResult {
  /** “<sentence>” — <source>, <date>, <file>, line <n> */
  text: string;
  sentence: string;
  /** The source the sentence is attributed to, else the article's agency, or null. */
  source: string | null;
  /** Publication date label ("2 Sep 2017"), or null. */
  published: string | null;
  /** File name of the article. */
  file: string;
  /** One-based line. */
  line: number;
}

/** What the client passes in `initialize`'s initializationOptions. */
export interface DatelineInitializationOptions {
  /** vscode.workspace.isTrusted: when false the server writes nothing to `.dateline/`. Default true (other editors). */
  workspaceTrusted?: boolean;
  /** Enables the `dateline/debug/*` requests (tests and benchmarks only). Also enabled by env DATELINE_DEBUG=1. */
  debug?: boolean;
}

/** client → server notification: the user granted workspace trust after start; `.dateline/` may be written now. */
export const WorkspaceTrustNotification = 'dateline/workspaceTrust';
export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** client → server request (debug only): collect garbage when the server runs with --expose-gc and report memory. */
export const DebugHeapRequest = 'dateline/debug/heap';
export interface DebugHeapResult {
  /** V8 heap in use, bytes, after a full GC when one could be forced. */
  heapUsed: number;
  rss: number;
  gcForced: boolean;
  /** Records the article store holds (open, disk). */
  open: number;
  disk: number;
}

/** client → server request (debug only): a handler that throws, to check one failure fails that request alone. */
export const DebugFailRequest = 'dateline/debug/fail';
