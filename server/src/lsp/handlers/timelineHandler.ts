// `dateline/timeline` and `dateline/timelineExport`: the articles of a scope → the timeline core → events or export text.
import { CancellationToken } from 'vscode-languageserver';
import { findConflicts } from '../../analysis/conflicts';
import { controlHistory } from '../../analysis/map';
import { buildTimeline, ConflictLike, exportExtension, exportTimeline, isTimelineFormat, toTimelineConflicts } from '../../analysis/timeline';
import {
  TimelineEvent,
  TimelineExportParams,
  TimelineExportRequest,
  TimelineExportResult,
  TimelineParams,
  TimelineRequest,
  TimelineResult,
} from '../../protocol';
import { ServerContext } from '../serverContext';
import { scopeArticles } from './outlineArticles';

/** Conflicts across the workspace, from the conflicts work when it is wired in. */
export type TimelineConflictSource = (ctx: ServerContext) => readonly ConflictLike[];

/** Default: every conflict between the claims of all known articles, recomputed when the store changes. */
function workspaceConflicts(): TimelineConflictSource {
  let cached: { version: number; conflicts: readonly ConflictLike[] } | null = null;
  return (ctx) => {
    if (cached?.version !== ctx.store.version) {
      const articles = ctx.store.articles().map((r) => ({ uri: r.uri, published: r.analysis.publication.date, claims: r.analysis.claims }));
      cached = { version: ctx.store.version, conflicts: findConflicts(articles) };
    }
    return cached.conflicts;
  };
}

export function registerTimeline(ctx: ServerContext, conflicts: TimelineConflictSource = workspaceConflicts()): void {
  // Rebuilt only when the store changed since the last request for the same scope.
  const cache = new Map<string, { version: number; result: TimelineResult }>();

  const timeline = async (params: TimelineParams, token?: CancellationToken): Promise<TimelineResult> => {
    const scope = params?.scope === 'article' ? 'article' : 'workspace';
    const key = `${scope}:${scope === 'article' ? params.uri : ''}:${params?.allDatedSentences ? 1 : 0}`;
    const hit = cache.get(key);
    if (hit && hit.version === ctx.store.version) return hit.result;
    const records = await scopeArticles(ctx, scope, params?.uri, token);
    const uris = new Set(records.map((r) => r.uri));
    const relevant = conflicts(ctx).filter((c) => c.claims.some((x) => uris.has(x.uri ?? x.location?.uri ?? '')));
    const events = buildTimeline(
      records.map((r) => ({ uri: r.uri, text: r.text, analysis: r.analysis, rangeOf: (span) => r.lines.rangeOf(span) })),
      toTimelineConflicts(relevant),
      { allDatedSentences: !!params?.allDatedSentences },
    );
    const result = { events, articles: records.length };
    cache.set(key, { version: ctx.store.version, result });
    return result;
  };

  ctx.connection.onRequest(TimelineRequest, timeline);
  ctx.connection.onRequest(TimelineExportRequest, async (params: TimelineExportParams, token?: CancellationToken): Promise<TimelineExportResult> => {
    const format = isTimelineFormat(params?.format) ? params.format : 'md';
    const { events, articles } = await timeline(params, token);
    const wanted = Array.isArray(params.eventIds) ? new Set(params.eventIds) : null;
    const chosen: TimelineEvent[] = wanted ? events.filter((e) => wanted.has(e.id)) : events;
    const control = format === 'geojson' ? controlHistory(ctx.store.articles(), conflicts(ctx)) : null;
    const placeProperties = control ? (placeId: string) => ({ control: control.get(placeId)?.periods ?? [] }) : undefined;
    const content = exportTimeline(format, chosen, { articles, relativeTo: params.relativeTo ?? ctx.workspaceFolders, placeProperties });
    return { content, extension: exportExtension(format), events: chosen.length };
  });
}
