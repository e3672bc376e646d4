// Articles (their claims and dated sentences) and conflicts in → dated, sorted, de-duplicated timeline events out.
import type { TimelineEvent, TimelineReport } from '../../protocol';
import type { Claim, DateMention, FactionMention, Mention, PlaceMention, Sentence, SourceMention } from '../types';
import { dayIndex, eventTime, TimeInput } from './eventTime';
import { markConflicts } from './eventConflicts';
import { ITEMS_PER_STEP } from './sortedInSteps';
import { inTimelineOrder } from './draftOrder';
import { runSteps } from '../steps';
import { datedClauses } from './clauseEvents';
import { actionLabel, shortHash, sentenceText } from './eventText';
import type { TimelineArticle, TimelineConflict, TimelineOptions } from './timelineInput';
import { DraftEvent, ownDraft } from './draftEvent';
export { draftCopy, type DraftEvent } from './draftEvent';

/** Builds the timeline: one event per claim (merged when several reports say the same), sorted by date. Never throws. */
export function buildTimeline(articles: TimelineArticle[], conflicts: TimelineConflict[] = [], options: TimelineOptions = {}): TimelineEvent[] {
  const built = buildTimelineEvents(articles, conflicts, options);
  for (const e of built.events) built.fillVersions(e);
  return built.events;
}

/** The timeline's events, each with its `versions` left empty until `fillVersions` (once per event) fills them. */
export interface TimelineEvents {
  events: TimelineEvent[];
  fillVersions(event: TimelineEvent): void;
}

/** `buildTimeline` for readers of a few events in full (the editor's panel): versions are made when asked for. */
export function buildTimelineEvents(articles: TimelineArticle[], conflicts: TimelineConflict[] = [], options: TimelineOptions = {}): TimelineEvents {
  const drafts: DraftEvent[] = [];
  for (const article of articles) addArticleEvents(drafts, article, options);
  return finishTimeline(drafts, conflicts);
}

/** Adds an article's events to those of the timeline being built (a caller may yield between articles). */
export function addArticleEvents(drafts: DraftEvent[], article: TimelineArticle, options: TimelineOptions = {}): void {
  try {
    if (article.analysis.skipped) return;
    for (const d of articleEvents(article, options)) drafts.push(d);
  } catch {
    // One malformed analysis must not empty the whole timeline: leave that article out.
  }
}

/** The timeline of the articles' events: same-event reports merged, conflicts marked, in timeline order. */
export function finishTimeline(drafts: DraftEvent[], conflicts: TimelineConflict[] = []): TimelineEvents {
  return runSteps(finishTimelineSteps(drafts, conflicts));
}

/**
 * `finishTimeline` in steps of a few thousand drafts, for a caller that answers other requests between them
 * (10,000 articles: ~200,000 drafts, 2 s in one piece). `inOrder`: the drafts are in timeline order already
 * (inTimelineOrder, reorderedInSteps).
 */
export function* finishTimelineSteps(drafts: DraftEvent[], conflicts: TimelineConflict[] = [], inOrder = false): Generator<void, TimelineEvents> {
  // Merging keeps the sorted order (reports join the first of their event, restatements are dropped).
  const merged = yield* mergeReports(inOrder ? drafts : yield* inTimelineOrder(drafts));
  const fillVersions = yield* markConflicts(merged, conflicts);
  return { events: merged.map((d) => d.event), fillVersions };
}

/** Per-article lookups the event builder needs. */
interface ArticleContext {
  article: TimelineArticle;
  factionKinds: Map<string, FactionMention['factionKind']>;
  places: Map<string, PlaceMention>;
  bySentence: Map<number, Mention[]>;
}

function articleEvents(article: TimelineArticle, options: TimelineOptions): DraftEvent[] {
  const a = article.analysis;
  const ctx: ArticleContext = { article, factionKinds: new Map(), places: new Map(), bySentence: new Map() };
  for (const m of a.mentions) {
    if (m.kind === 'faction' && !ctx.factionKinds.has(m.id)) ctx.factionKinds.set(m.id, m.factionKind);
    if (m.kind === 'place' && !ctx.places.has(m.id)) ctx.places.set(m.id, m);
    if (m.sentence >= 0) {
      const list = ctx.bySentence.get(m.sentence) ?? [];
      list.push(m);
      ctx.bySentence.set(m.sentence, list);
    }
  }
  const out: DraftEvent[] = [];
  const claimed = new Set<number>();
  for (const claim of a.claims) {
    out.push(claimEvent(ctx, claim));
    claimed.add(claim.sentence);
  }
  const seen = new Map<string, number>();
  out.push(...clauseEventsOf(ctx, a.claims, seen));
  if (options.allDatedSentences) {
    a.sentences.forEach((s, i) => {
      if (claimed.has(i)) return;
      const d = datedSentenceEvent(ctx, s, i, seen);
      if (d) out.push(d);
    });
  }
  return out;
}

function claimEvent(ctx: ArticleContext, claim: Claim): DraftEvent {
  const { article } = ctx;
  const a = article.analysis;
  const sentence = a.sentences[claim.sentence];
  const span = sentence ?? { start: claim.start, end: claim.end };
  const time = eventTime({ time: refineTime(ctx, claim), published: a.publication.date, action: claim.action, modality: claim.modality });
  const place = claim.place ? ctx.places.get(claim.place.id) : undefined;
  const ref = articleRef(article);
  const location = { uri: article.uri, range: article.rangeOf(span) };
  const text = sentenceText(article.text, span);
  const report: TimelineReport = { source: claim.source.name, sourceId: claim.source.id, modality: claim.modality, sentence: text, article: ref, location };
  const event: TimelineEvent = {
    id: `${article.uri}#${claim.id}`,
    kind: 'claim',
    ...time,
    actor: claim.actor?.name ?? null,
    actorId: claim.actor?.id ?? null,
    actorKind: (claim.actor && ctx.factionKinds.get(claim.actor.id)) ?? null,
    action: claim.action,
    actionLabel: actionLabel(claim.action),
    patient: claim.patient?.name ?? null,
    patientId: claim.patient?.id ?? null,
    place: claim.place?.name ?? null,
    placeId: claim.place?.id ?? null,
    lat: finite(claim.place?.lat),
    lon: finite(claim.place?.lon),
    country: claim.place?.country ?? null,
    countryName: place?.countryName ?? null,
    admin1: claim.place?.admin1 ?? null,
    source: claim.source.name,
    sourceId: claim.source.id,
    modality: claim.modality,
    sentence: text,
    // The modality is a field of its own; the summary says what, not how sure.
    summary: claim.summary.replace(/^(?:predicted|denied|reported):\s*/i, '') || fallbackSummary(claim),
    count: finite(claim.count),
    // Extents can carry the extractor's place-holder for the place itself ("__ in the barrens of"): not for readers.
    extent: claim.extent?.text ? claim.extent.text.replace(/_{2,}/g, ' ').replace(/\s+/g, ' ').trim() || null : null,
    extentKind: claim.extent?.kind ?? null,
    percent: finite(claim.extent?.percent),
    article: ref,
    location,
    conflicts: [],
    versions: [],
    reports: [report],
  };
  return { event, claims: [{ uri: article.uri, claimId: claim.id }], offset: span.start };
}

/**
 * The claim's time, widened to the date tagger's own interval when the claim carries only a value:
 * "late last month" is 21–31 Aug, not the whole of August, and that decides its place in the order.
 */
function refineTime(ctx: ArticleContext, claim: Claim): TimeInput['time'] {
  const t = claim.time;
  if (!t || t.from || t.to) return t;
  const date = (ctx.bySentence.get(claim.sentence) ?? []).find((m): m is DateMention => m.kind === 'date' && m.value === t.value);
  if (!date) return t;
  const from = date.range?.from ?? date.interval?.from ?? null;
  const to = date.range ? date.range.to : date.interval?.to ?? null;
  return { ...t, from, to, label: t.label || date.label };
}

/** A sentence that carries a resolvable date but no claim: shown when the user asks for every dated sentence. */
function datedSentenceEvent(ctx: ArticleContext, s: Sentence, index: number, seen: Map<string, number>): DraftEvent | null {
  if (s.section === 'boilerplate' || s.section === 'headline') return null;
  const mentions = ctx.bySentence.get(index) ?? [];
  const date = mentions.find((m): m is DateMention => m.kind === 'date' && m.type === 'DATE' && (!!m.interval || !!m.range?.from));
  if (!date) return null;
  const actor = mentions.find((m): m is FactionMention => m.kind === 'faction');
  const place = mentions.find((m): m is PlaceMention => m.kind === 'place') ?? null;
  const text = sentenceText(ctx.article.text, s);
  const summary = text.length > 160 ? `${text.slice(0, 157)}…` : text;
  return datedEvent(ctx, s, index, date, { summary, actor: actor ? { id: actor.id, name: actor.name, kind: actor.factionKind } : null, place }, seen);
}

/** The extra dated clauses of claim sentences ("… and declared victory on Thursday"). */
function clauseEventsOf(ctx: ArticleContext, claims: Claim[], seen: Map<string, number>): DraftEvent[] {
  const bySentence = new Map<number, Claim[]>();
  for (const c of claims) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
  const out: DraftEvent[] = [];
  for (const [index, list] of bySentence) {
    const s = ctx.article.analysis.sentences[index];
    if (!s) continue;
    for (const clause of datedClauses(ctx.article.text, list, ctx.bySentence.get(index) ?? [])) {
      out.push(datedEvent(ctx, s, index, clause.date, { summary: clause.summary, actor: clause.actor, place: clause.place }, seen));
    }
  }
  return out;
}

interface DatedWhat {
  summary: string;
  actor: { id: string; name: string; kind: FactionMention['factionKind'] | null } | null;
  place: { id: string; name: string; lat: number | null; lon: number | null; country: string | null; admin1: string | null; countryName?: string | null } | null;
}

/** An event dated by a date mention rather than a claim: a dated sentence, or a dated clause of a claim sentence. */
function datedEvent(ctx: ArticleContext, s: Sentence, index: number, date: DateMention, what: DatedWhat, seen: Map<string, number>): DraftEvent {
  const { article } = ctx;
  const a = article.analysis;
  const source = a.mentions.find((m): m is SourceMention => m.kind === 'source' && m.attributed.includes(index));
  const sourceName = source?.name ?? a.structure.agency ?? 'the article';
  const sourceId = source?.id ?? (a.structure.agency ? a.structure.agency.toLowerCase() : 'article');
  const time = eventTime({
    time: { value: date.value, label: date.label, from: date.range?.from ?? date.interval?.from ?? null, to: date.range ? date.range.to : date.interval?.to ?? null },
    published: a.publication.date,
    action: 'dated',
    modality: 'asserted',
  });
  const text = sentenceText(article.text, s);
  const hash = shortHash(`${text}\u0000${date.value}`);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  const ref = articleRef(article);
  const location = { uri: article.uri, range: article.rangeOf(s) };
  const place = what.place;
  const event: TimelineEvent = {
    id: `${article.uri}#dated-${hash}${n > 1 ? `-${n}` : ''}`,
    kind: 'dated-sentence',
    ...time,
    dateSource: 'sentence',
    actor: what.actor?.name ?? null,
    actorId: what.actor?.id ?? null,
    actorKind: what.actor?.kind ?? (what.actor && ctx.factionKinds.get(what.actor.id)) ?? null,
    action: 'dated',
    actionLabel: actionLabel('dated'),
    patient: null,
    patientId: null,
    place: place?.name ?? null,
    placeId: place?.id ?? null,
    lat: finite(place?.lat),
    lon: finite(place?.lon),
    country: place?.country ?? null,
    countryName: place?.countryName ?? (place ? ctx.places.get(place.id)?.countryName ?? null : null),
    admin1: place?.admin1 ?? null,
    source: sourceName,
    sourceId,
    modality: 'asserted',
    sentence: text,
    summary: what.summary,
    count: null,
    extent: null,
    extentKind: null,
    percent: null,
    article: ref,
    location,
    conflicts: [],
    versions: [],
    reports: [{ source: sourceName, sourceId, modality: 'asserted', sentence: text, article: ref, location }],
  };
  return { event, claims: [], offset: s.start };
}

/**
 * Several reports of the same event (same actor, action, place, extent, modality and dates) become one event
 * listing every report: corroboration is worth seeing, duplicates are not.
 */
function* mergeReports(sorted: DraftEvent[]): Generator<void, DraftEvent[]> {
  const byKey = new Map<string, DraftEvent>();
  const out: DraftEvent[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const d = sorted[i];
    const e = d.event;
    if (e.kind !== 'claim' || !e.actorId || !e.placeId || e.dateSource === 'publication') {
      out.push(d);
      continue;
    }
    const key = `${sameEventKey(e)}\u0000${e.sortDate ?? ''}\u0000${e.endDate ?? ''}`;
    const first = byKey.get(key);
    if (first) absorb(first, d);
    else {
      byKey.set(key, d);
      out.push(d);
    }
  }
  return yield* foldRestatements(out);
}


/** What must match for two reports to be the same event (dates aside). */
function sameEventKey(e: TimelineEvent): string {
  // (Written out, not joined from a list: a key per draft, ~200,000 a build at 10,000 articles. Null is '' as in a join.)
  return `${e.actorId ?? ''}\u0000${e.action ?? ''}\u0000${e.placeId ?? ''}\u0000${e.extentKind ?? ''}\u0000${e.percent ?? ''}\u0000${e.extent ?? ''}\u0000${e.modality === 'predicted'}\u0000${e.count ?? ''}`;
}

/** Events that happen once; a restatement of one of them adds a report, not an event. */
const ONE_OFF = new Set(['took-control', 'lost-control']);
/** How far back an undated restatement ("the liberation of al-Bukamal") may point to a dated event. */
const RESTATEMENT_DAYS = 62;

/**
 * An undated claim dated only "by" its report (a later article saying "after the capture of al-Bukamal") is the
 * dated event it restates, when that event happened shortly before the report.
 */
function* foldRestatements(drafts: DraftEvent[]): Generator<void, DraftEvent[]> {
  // Each dated event's day read once (a restatement looks through every dated event of its kind and place).
  const dated = new Map<string, { d: DraftEvent; day: number | null }[]>();
  for (let i = 0; i < drafts.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const d = drafts[i];
    if (d.event.kind === 'claim' && d.event.dateSource === 'claim' && d.event.actorId && d.event.placeId && ONE_OFF.has(d.event.action)) {
      const k = sameEventKey(d.event);
      const entry = { d, day: dayIndex(d.event.endDate ?? d.event.sortDate) };
      const list = dated.get(k);
      if (list) list.push(entry);
      else dated.set(k, [entry]);
    }
  }
  const kept: DraftEvent[] = [];
  for (let i = 0; i < drafts.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const d = drafts[i];
    const e = d.event;
    if (e.kind !== 'claim' || e.dateSource !== 'publication' || !ONE_OFF.has(e.action)) {
      kept.push(d);
      continue;
    }
    const day = dayIndex(e.sortDate);
    const target = day === null ? undefined : (dated.get(sameEventKey(e)) ?? []).find((x) => x.day !== null && day - x.day >= 0 && day - x.day <= RESTATEMENT_DAYS);
    if (target) absorb(target.d, d);
    else kept.push(d);
  }
  return kept;
}

/** Moves the reports and claims of `d` onto `into`. */
function absorb(into: DraftEvent, d: DraftEvent): void {
  ownDraft(into);
  into.claims.push(...d.claims);
  into.reportKeys ??= new Set(into.event.reports.map(reportKey));
  for (const r of d.event.reports) {
    const key = reportKey(r);
    if (into.reportKeys.has(key)) continue;
    into.reportKeys.add(key);
    into.event.reports.push(r);
  }
}

function reportKey(r: TimelineReport): string {
  return `${r.location.uri}\u0000${r.location.range.start.line}\u0000${r.sentence}`;
}

function articleRef(article: TimelineArticle): TimelineEvent['article'] {
  return { uri: article.uri, headline: article.analysis.headline, published: article.analysis.publication.date };
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function fallbackSummary(claim: Claim): string {
  return [claim.actor?.name ?? 'Someone', actionLabel(claim.action), claim.place?.name ?? ''].join(' ').trim();
}
