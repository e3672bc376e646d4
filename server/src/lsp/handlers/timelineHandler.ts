// `dateline/timeline` and `dateline/timelineExport`: the articles of a scope → the timeline core → events or export text.
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

export function registerTimeline(ctx: ServerContext, conflicts: TimelineConflictSource = () => []): void {
  // Rebuilt only when the store changed since the last request for the same scope.
  const cache = new Map<string, { version: number; result: TimelineResult }>();

  const timeline = async (params: TimelineParams): Promise<TimelineResult> => {
    const scope = params?.scope === 'article' ? 'article' : 'workspace';
    const key = `${scope}:${scope === 'article' ? params.uri : ''}:${params?.allDatedSentences ? 1 : 0}`;
    const hit = cache.get(key);
    if (hit && hit.version === ctx.store.version) return hit.result;
    const records = await scopeArticles(ctx, scope, params?.uri);
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
  ctx.connection.onRequest(TimelineExportRequest, async (params: TimelineExportParams): Promise<TimelineExportResult> => {
    const format = isTimelineFormat(params?.format) ? params.format : 'md';
    const { events, articles } = await timeline(params);
    const wanted = Array.isArray(params.eventIds) ? new Set(params.eventIds) : null;
    const chosen: TimelineEvent[] = wanted ? events.filter((e) => wanted.has(e.id)) : events;
    const content = exportTimeline(format, chosen, { articles, relativeTo: params.relativeTo ?? ctx.workspaceFolders });
    return { content, extension: exportExtension(format), events: chosen.length };
  });
}
