// Articles (their claims and dated sentences) and conflicts in → dated, sorted, de-duplicated timeline events out.
import type { TimelineEvent, TimelineReport } from '../../protocol';
import type { Claim, DateMention, FactionMention, Mention, PlaceMention, Sentence, SourceMention } from '../types';
import { eventTime, TimeInput } from './eventTime';
import { attachConflicts } from './eventConflicts';
import { actionLabel, compareEvents, shortHash, sentenceText } from './eventText';
import type { TimelineArticle, TimelineConflict, TimelineOptions } from './timelineInput';

/** An event while it is being built: the public event plus what merging and conflict marking need. */
export interface DraftEvent {
  event: TimelineEvent;
  /** Claims behind the event (several when reports were merged). */
  claims: { uri: string; claimId: string }[];
  /** Offset of the sentence in its article, for a stable order among same-day events. */
  offset: number;
}

/** Builds the timeline: one event per claim (merged when several reports say the same), sorted by date. Never throws. */
export function buildTimeline(articles: TimelineArticle[], conflicts: TimelineConflict[] = [], options: TimelineOptions = {}): TimelineEvent[] {
  const drafts: DraftEvent[] = [];
  for (const article of articles) {
    try {
      if (article.analysis.skipped) continue;
      drafts.push(...articleEvents(article, options));
    } catch {
      // One malformed analysis must not empty the whole timeline: leave that article out.
    }
  }
  const merged = mergeReports(drafts);
  attachConflicts(merged, conflicts);
  return merged.sort(compareDrafts).map((d) => d.event);
}

function compareDrafts(a: DraftEvent, b: DraftEvent): number {
  return compareEvents(a.event, b.event) || a.offset - b.offset;
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
  if (options.allDatedSentences) {
    const seen = new Map<string, number>();
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
    summary: claim.summary || fallbackSummary(claim),
    count: finite(claim.count),
    extent: claim.extent?.text ?? null,
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
  const { article } = ctx;
  const a = article.analysis;
  const actor = mentions.find((m): m is FactionMention => m.kind === 'faction');
  const placeMention = mentions.find((m): m is PlaceMention => m.kind === 'place');
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
  const hash = shortHash(text);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  const ref = articleRef(article);
  const location = { uri: article.uri, range: article.rangeOf(s) };
  const event: TimelineEvent = {
    id: `${article.uri}#dated-${hash}${n > 1 ? `-${n}` : ''}`,
    kind: 'dated-sentence',
    ...time,
    dateSource: 'sentence',
    actor: actor?.name ?? null,
    actorId: actor?.id ?? null,
    actorKind: actor?.factionKind ?? null,
    action: 'dated',
    actionLabel: actionLabel('dated'),
    patient: null,
    patientId: null,
    place: placeMention?.name ?? null,
    placeId: placeMention?.id ?? null,
    lat: finite(placeMention?.lat),
    lon: finite(placeMention?.lon),
    country: placeMention?.country ?? null,
    countryName: placeMention?.countryName ?? null,
    admin1: placeMention?.admin1 ?? null,
    source: sourceName,
    sourceId,
    modality: 'asserted',
    sentence: text,
    summary: text.length > 160 ? `${text.slice(0, 157)}…` : text,
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
function mergeReports(drafts: DraftEvent[]): DraftEvent[] {
  const byKey = new Map<string, DraftEvent>();
  const out: DraftEvent[] = [];
  for (const d of [...drafts].sort(compareDrafts)) {
    const e = d.event;
    if (e.kind !== 'claim' || !e.actorId || !e.placeId || e.dateSource === 'publication') {
      out.push(d);
      continue;
    }
    const key = [e.actorId, e.action, e.placeId, e.extentKind, e.percent, e.extent, e.modality === 'predicted', e.sortDate, e.endDate, e.count].join('\u0000');
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, d);
      out.push(d);
      continue;
    }
    first.claims.push(...d.claims);
    for (const r of e.reports) {
      if (!first.event.reports.some((x) => x.location.uri === r.location.uri && x.location.range.start.line === r.location.range.start.line && x.sentence === r.sentence)) {
        first.event.reports.push(r);
      }
    }
  }
  return out;
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
