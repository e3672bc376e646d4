// The one place that names Dateline's custom LSP messages and their typed params and results.
// Shared by the server and the client (bundled into both). No vscode or LSP-library imports here:
// plain names and plain data, so both sides and the tests can use it.

// Plain data types the core already declares are imported as types only (erased from both bundles).
import type { OutlineIcon, OutlineKind } from './analysis/outline/types';

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

/**
 * server → client notification: the index changed (articles added, edited, removed); views refresh.
 * Client code subscribes through `onIndexChanged` (client/src/views/indexEvents.ts): the language client keeps only
 * one handler per notification method, so a second `client.onNotification` for it would silence the first.
 */
export const IndexChangedNotification = 'dateline/indexChanged';
export interface IndexChangedParams {
  /** Number of articles in the index. */
  articles: number;
  /** Open (unreviewed) conflicts. */
  conflicts: number;
  /** Reviewed conflicts. */
  reviewed: number;
  /**
   * Conflict checks of newly indexed articles are still running (they finish after the index pass, in slices),
   * so `conflicts` may still rise; a notification follows when they end.
   */
  checking?: boolean;
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

// ---- Timeline (issue 7) ----

/** How precisely an event's date is known, judged from the width of its interval. */
export type TimePrecision = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | 'range' | 'unknown';

/** Where an event's date came from: the claim's own time, a date in its sentence, or the publication date. */
export type DateSource = 'claim' | 'sentence' | 'publication';

export type TimelineModality = 'asserted' | 'reported' | 'predicted' | 'denied';

/** An article as the timeline cites it. */
export interface TimelineArticleRef {
  uri: string;
  headline: string | null;
  published: string | null;
}

/** One article's report of an event (an event seen in several reports keeps every one, the shown one first). */
export interface TimelineReport {
  source: string;
  sourceId: string;
  modality: TimelineModality;
  /** The sentence, untrusted article text: render as text only. */
  sentence: string;
  article: TimelineArticleRef;
  location: Location;
}

/** The other side of a conflict an event takes part in, so both versions can be shown together. */
export interface TimelineVersion {
  conflictId: string;
  /** Conflict kind: control, extent, date, casualties, status, prediction. */
  kind: string;
  /** The conflict in the user's words, when the conflict detector gives one. */
  message: string | null;
  /** The other event on this timeline, or null when its claim is out of scope. */
  eventId: string | null;
  summary: string;
  source: string;
  /** How the other side says it: a prediction reads "X predicted: …". */
  modality: TimelineModality | null;
  dateLabel: string | null;
  extent: string | null;
  article: TimelineArticleRef | null;
}

/** One dated event for the timeline (a claim with a resolved time, or a dated sentence). */
export interface TimelineEvent {
  /** Stable across edits to unrelated text: article URI + claim id (or a hash of the sentence). */
  id: string;
  kind: 'claim' | 'dated-sentence';
  /** Sort key: first day the event may have happened (YYYY-MM-DD), or null when undated. */
  sortDate: string | null;
  /** Last day it may have happened (YYYY-MM-DD); null when open-ended ("since 2015") or undated. */
  endDate: string | null;
  /** TIMEX3-style value at its true precision ("2017-09-01", "2017-08", "2015"). */
  value: string;
  /** Human label: "1 Sep 2017", "late Aug 2017", "since 2015", "as of 2 Sep 2017". */
  dateLabel: string;
  precision: TimePrecision;
  dateSource: DateSource;
  actor: string | null;
  actorId: string | null;
  /** Faction kind of the actor (state, armed-group, …), when known. */
  actorKind: string | null;
  /** Claim action ("took-control", "besieged", …) or "dated" for a dated sentence. */
  action: string;
  /** The action in words: "took control of". */
  actionLabel: string;
  /** The other party: the side that lost the place, the victims. */
  patient: string | null;
  patientId: string | null;
  place: string | null;
  placeId: string | null;
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  source: string;
  sourceId: string;
  modality: TimelineModality;
  /** The sentence, untrusted article text: render as text only. */
  sentence: string;
  summary: string;
  count: number | null;
  /** Extent as written ("90 percent of", "the old city of"), or null. */
  extent: string | null;
  extentKind: 'full' | 'partial' | null;
  percent: number | null;
  /** Article headline and publication date. */
  article: TimelineArticleRef;
  location: Location;
  /** Ids of conflicts this event takes part in. */
  conflicts: string[];
  /** The other versions in those conflicts. */
  versions: TimelineVersion[];
  /** Every report of this event (same actor, action, place, extent and date), the shown one first. */
  reports: TimelineReport[];
}

/**
 * client → server request: timeline events for one article or the workspace, a page at a time: at most `limit`
 * events (TIMELINE_EVENTS_AT_ONCE when absent) from `offset`; `total` says how many there are.
 */
export const TimelineRequest = 'dateline/timeline';
export interface TimelineParams {
  scope: Scope;
  uri?: string;
  /** Include every dated sentence, not only claims. */
  allDatedSentences?: boolean;
}
export interface TimelinePageParams extends TimelineParams {
  offset?: number;
  limit?: number;
}
export interface TimelineResult {
  events: TimelineEvent[];
  articles: number;
  /** Events in the scope; more than `events.length` when the page stops short. */
  total: number;
}

/** Events sent by `dateline/timeline` when the request names no limit (10,000 articles make ~230,000 events). */
export const TIMELINE_EVENTS_AT_ONCE = 2000;

/** The kind an event counts as in the panel's kind filter. */
export type TimelineKindFilter = 'reported' | 'predicted' | 'denied' | 'dated-sentence';

/** The values the panel hides (empty or absent: everything shown), and whether it shows disputed events only. */
export interface TimelineFilter {
  /** Actor names ("No actor named" for events without one). */
  factions?: string[];
  /** Place names ("No place named"). */
  places?: string[];
  /** An event is hidden when every source reporting it is. */
  sources?: string[];
  kinds?: TimelineKindFilter[];
  conflictsOnly?: boolean;
}

/** An event as the panel draws it; the sentence, every report and the other versions come with `dateline/timelineEvent`. */
export interface TimelineEventBrief {
  id: string;
  kind: TimelineEvent['kind'];
  sortDate: string | null;
  endDate: string | null;
  dateLabel: string;
  precision: TimePrecision;
  dateSource: DateSource;
  actor: string | null;
  actorId: string | null;
  action: string;
  place: string | null;
  placeId: string | null;
  modality: TimelineModality;
  summary: string;
  /** Every source that reports it, the shown one first. */
  sources: string[];
  /** Ids of the conflicts it takes part in. */
  conflicts: string[];
  headline: string | null;
  location: Location;
}

/** One value of a filter with the number of events (of the whole scope) that have it. */
export interface TimelineFacet {
  value: string;
  count: number;
  hidden: boolean;
}

/** How many events of one lane start in each bucket of days (when a window holds too many events to draw). */
export interface TimelineLaneCounts {
  key: string;
  label: string;
  /** [first day of the bucket (YYYY-MM-DD), events starting in it], in date order. */
  buckets: [string, number][];
}

/**
 * client → server request: what the timeline panel shows of a scope: the events passing `filter` that overlap the
 * days `from`–`to` (all when absent), briefly, at most `limit` of them; past that only their counts per lane
 * and bucket of `bucketDays` days. Plus the facts about the whole scope the panel needs to draw its axis and filters.
 */
export const TimelineWindowRequest = 'dateline/timelineWindow';
export interface TimelineWindowParams extends TimelineParams {
  from?: string | null;
  to?: string | null;
  filter?: TimelineFilter;
  /** Default 1,500. */
  limit?: number;
  laneBy?: 'faction' | 'place';
  /** Default 1. */
  bucketDays?: number;
}
export interface TimelineWindowResult {
  /** Dated events in the window in chronological order, or [] when there are more than `limit`. */
  events: TimelineEventBrief[];
  /** Dated events in the window that pass the filter. */
  inWindow: number;
  /** Set when `events` were left out for `inWindow` > `limit`. */
  lanes: TimelineLaneCounts[] | null;
  /** Undated events passing the filter (the first `limit`), and how many there are. */
  undated: TimelineEventBrief[];
  undatedCount: number;
  /** Events in the scope, and those passing the filter. */
  total: number;
  shown: number;
  /** First and last day of the dated events passing the filter, or null. */
  range: { from: string; to: string } | null;
  filters: { factions: TimelineFacet[]; places: TimelineFacet[]; sources: TimelineFacet[]; kinds: TimelineFacet[] };
  articles: number;
}

/** client → server request: one event in full (sentence, reports, versions), or null when the scope has no such event. */
export const TimelineEventRequest = 'dateline/timelineEvent';
export interface TimelineEventParams extends TimelineParams {
  id: string;
}
export type TimelineEventResult = TimelineEvent | null;

/** Export formats of the timeline (also `dateline timeline --format`). */
export type TimelineFormat = 'md' | 'csv' | 'json' | 'timelinejs' | 'geojson';

/** client → server request: the timeline in an export format, as text to save. */
export const TimelineExportRequest = 'dateline/timelineExport';
export interface TimelineExportParams extends TimelineParams {
  format: TimelineFormat;
  /** Only these events; all when absent. */
  eventIds?: string[];
  /** Only the events passing this filter (what the panel shows), when `eventIds` is absent. */
  filter?: TimelineFilter;
  /** Folder URIs that citations are written relative to. */
  relativeTo?: string[];
  /**
   * Ask for the text in parts (0, 1, … while `more`): a workspace's export can pass what one reply (or one string)
   * may hold. Without it the whole text comes at once, or the request fails saying it is too large.
   */
  part?: number;
}
export interface TimelineExportResult {
  content: string;
  /** File extension to suggest: "md", "csv", "json", "geojson". */
  extension: string;
  events: number;
  /** With `part`: whether another part follows. */
  more: boolean;
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
  /** Who says what, each source once, in the order of the claims. */
  sources: string[];
  /** How many claims the conflict has: `claims` is empty in a workspace listed by groups (ask with `parent: id`). */
  claimCount: number;
  claims: ConflictClaimInfo[];
}

/**
 * The conflicts of one kind about one place, counted, not listed: how the workspace scope answers when it has
 * more conflicts than one reply should carry (`ConflictsResult.groups`).
 */
export interface ConflictGroupInfo {
  /** What to send as `parent` for the group's conflicts. */
  id: string;
  kind: ConflictKind;
  place: { id: string; name: string };
  /** Conflicts in the group (reviewed ones included unless `includeReviewed` is false). */
  conflicts: number;
  reviewed: number;
}

/** client → server request: conflicts touching one article, or the whole workspace. */
export const ConflictsRequest = 'dateline/conflicts';
export interface ConflictsParams {
  scope: Scope;
  /** The article, for scope 'article'. */
  uri?: string;
  /** Include conflicts marked as reviewed (flagged `reviewed: true`); default true. */
  includeReviewed?: boolean;
  /**
   * Workspace scope: a group's id (its conflicts, claims left out) or a conflict's id (that conflict with its
   * claims). An unknown id gives no conflicts.
   */
  parent?: string;
}
export interface ConflictsResult {
  /** Every conflict of the scope with its claims; empty when the workspace comes in `groups`; the parent's children. */
  conflicts: ConflictInfo[];
  /** Workspace scope without `parent`, past a thousand conflicts: their counts by kind and place; otherwise null. */
  groups: ConflictGroupInfo[] | null;
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

/** Server-side command behind the place code actions ("Add alias", "This is a different place", "Not a place"); arguments: [PlaceEditArgs]. */
export const PlaceEditCommand = 'dateline.editUserPlaces';
export interface PlaceEditArgs {
  /** Workspace folder whose `.dateline/places.json` is written. */
  folder: string;
  /** alias: add the spelling to the place; pin: the spelling always means the place; notPlace: never a place. */
  action: 'alias' | 'pin' | 'notPlace';
  spelling: string;
  /** The place (alias, pin). */
  id?: string;
}

/** Server-side command behind "Add as faction…" (asks the kind, then writes `.dateline/factions.json`); arguments: [FactionEditArgs]. */
export const FactionEditCommand = 'dateline.editUserFactions';
export interface FactionEditArgs {
  /** Workspace folder whose `.dateline/factions.json` is written. */
  folder: string;
  /** The phrase to add, as written in the article ("3rd Assault Brigade"). */
  spelling: string;
  /** ISO country code suggested from the article, or null. */
  country: string | null;
}

// ---- Side panel and navigation (issue 6) ----

/** What an entity view lists. 'faction' also lists sources, under a final "Sources" group. */
export type EntityKind = OutlineKind;

/** The look of a tree item; the client maps each to a codicon (ThemeIcon). Declared once, by the outline core. */
export type EntityIcon = OutlineIcon;

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
  /** How many children the node has. */
  childCount: number;
  /** The children sent with it: in workspace scope mention and claim rows are left out (ask again with `parent`). */
  children: EntityNode[];
}

/**
 * client → server request: the grouped, counted entities of one kind for the active article or the workspace.
 * For scope 'article' every node comes with all its children, unless the article has more than 2,000 mention
 * or claim rows of the kind (a long report): then, as always for scope 'workspace' (hundreds of articles make
 * thousands of mentions), mention and claim rows are left out, `childCount` says how many there are, and a
 * request with `parent` set to the node's id returns them. An unknown `parent` (the node went away) gives no nodes.
 */
export const EntitiesRequest = 'dateline/entities';
export interface EntitiesParams {
  scope: Scope;
  /** The article, for scope 'article'. */
  uri?: string;
  kind: EntityKind;
  /** Only the children of this node (by id), e.g. an entity's mentions when it is expanded. */
  parent?: string;
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
  /** V8 heap reserved, and memory outside it (buffers such as packed articles), bytes. */
  heapTotal?: number;
  external?: number;
  rss: number;
  gcForced: boolean;
  /** Records the article store holds (open, disk). */
  open: number;
  disk: number;
  /** Open documents analysed in the open-document worker since the server started (large ones only). */
  offThread?: number;
}

/** client → server request (debug only): a handler that throws, to check one failure fails that request alone. */
export const DebugFailRequest = 'dateline/debug/fail';
export interface DebugFailParams {
  /** Instead of throwing, leave a promise rejected with nobody listening, and answer normally. */
  stray?: boolean;
}

// ---- Map (issue 11) ----

/** One period of control of a place, from the claims: held by one faction, or contested. */
export interface MapControlPeriod {
  from: string;
  to: string | null;
  status: 'held' | 'contested';
  faction: { id: string; name: string } | null;
  /**
   * The sides: the holder; for a contested place the sides advancing first, then those holding out. `role`, `reason`
   * ("held it before") and `basis` (the claims naming that side) say why each side is there; `areas` the parts it
   * holds ("old city") when the claims name them.
   */
  parties: { id: string; name: string; role?: 'holding' | 'advancing' | 'holding out'; reason?: string; basis?: { uri: string; claimId: string; source: string; summary: string; dateLabel: string }[]; areas?: string[] }[];
  /** The claims behind the colour: who says so, what, when. */
  basis: { uri: string; claimId: string; source: string; summary: string; dateLabel: string }[];
  conflicts: string[];
}

/** A side of a period as every place carries it: who, in which role, holding which parts. */
export type MapSide = Pick<MapControlPeriod['parties'][number], 'id' | 'name' | 'role' | 'areas'>;

/**
 * A period of control as the map's reply gives it for every place: what colours and labels the marker. The claims
 * and conflicts behind it come with the place's details (MapPlaceRequest): sending them for every period of every
 * place made the reply 51 MB at 10,000 articles.
 */
export interface MapControlSummary {
  from: string;
  to: string | null;
  status: 'held' | 'contested';
  faction: { id: string; name: string } | null;
  /** The sides of a contested period, advancing first, as indexes into MapResult.sides (none for a held one: `faction` holds it). */
  parties: number[];
  /** How many claims are behind the period, and how many conflicts make it contested. */
  claims: number;
  conflicts: number;
}

/** A sentence mentioning a place. Untrusted article text: render as text only. */
export interface MapMention {
  sentence: string;
  location: Location;
  article: { uri: string; headline: string | null; published: string | null };
}

/** A place on the map: where, how often it is mentioned, what is claimed about it, who held it when. */
export interface MapPlace {
  id: string;
  name: string;
  /** Spellings as written in the articles ("Deir ez-Zor", "Deir al-Zour"). */
  names: string[];
  lat: number;
  lon: number;
  country: string | null;
  admin1: string | null;
  feature: string;
  /** Its mentions; the sentences they are in come a page at a time (MapPlaceRequest) when the place is selected. */
  mentions: number;
  /** The latest claims about it, newest first (at most 5). */
  claims: { summary: string; source: string; dateLabel: string; modality: TimelineModality }[];
  control: MapControlSummary[];
}

/** client → server request: the places of one article or the workspace, for the map. */
export const MapRequest = 'dateline/map';
export interface MapParams {
  scope: Scope;
  uri?: string;
}
export interface MapResult {
  places: MapPlace[];
  /**
   * Every side a contested period names, once: periods refer to them by index (each period's sides written out
   * were half of the reply, 6 of 11 MB at 10,000 articles).
   */
  sides: MapSide[];
  /** The dates the slider spans (first and last day with a dated event), or null. */
  range: { from: string; to: string } | null;
  articles: number;
}

/**
 * client → server request: one place of the map's scope in detail, when it is selected: its control history with
 * the claims and conflicts behind each period, and the sentences that mention it, 50 at a time.
 */
export const MapPlaceRequest = 'dateline/mapPlace';
export interface MapPlaceParams {
  scope: Scope;
  uri?: string;
  placeId: string;
  /** Sentences already shown (the `next` of the page before); 0 or absent for the first page. */
  offset?: number;
}
export interface MapPlaceResult {
  /** Its control periods in full (as MapControlSummary lists them), or null when `offset` asked for a later page. */
  control: MapControlPeriod[] | null;
  /** In article order, then reading order; a sentence naming the place twice is listed once. */
  sentences: MapMention[];
  /** The offset of the next page, or null when there are no more. */
  next: number | null;
}

/**
 * client → server request: the place a hover at this position is about, or null. The client builds the hover's
 * "Show on map" link from this id alone (never from the hover's Markdown, which carries article text).
 */
export const PlaceAtRequest = 'dateline/placeAt';
export interface PlaceAtParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}
export type PlaceAtResult = { placeId: string; name: string } | null;
