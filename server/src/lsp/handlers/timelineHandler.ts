// `dateline/timeline` (a page of events), `dateline/timelineWindow` (what the panel draws), `dateline/timelineEvent`
// (one event in full) and `dateline/timelineExport` (in parts): the articles of a scope → the timeline core.
import { CancellationToken } from 'vscode-languageserver';
import { findConflicts } from '../../analysis/conflicts';
import { controlHistory } from '../../analysis/map';
import { exportExtension, exportPieces, filteredEvents, isTimelineFormat, timelineWindow } from '../../analysis/timeline';
import {
  TIMELINE_EVENTS_AT_ONCE,
  TimelineEvent,
  TimelineEventParams,
  TimelineEventRequest,
  TimelineEventResult,
  TimelineExportParams,
  TimelineExportRequest,
  TimelineExportResult,
  TimelinePageParams,
  TimelineRequest,
  TimelineResult,
  TimelineWindowParams,
  TimelineWindowRequest,
  TimelineWindowResult,
} from '../../protocol';
import { ServerContext } from '../serverContext';
import { BuiltTimelines, TimelineConflictSource } from '../timeline/builtTimelines';
import { ExportParts, wholeExport } from '../timeline/exportParts';

export type { TimelineConflictSource } from '../timeline/builtTimelines';

/** Default: every conflict between the claims of all known articles, recomputed when the store changes. */
function workspaceConflicts(): TimelineConflictSource {
  let cached: { version: number; conflicts: ReturnType<typeof findConflicts> } | null = null;
  return async (ctx) => {
    if (cached?.version !== ctx.store.version) {
      const articles = ctx.store.articles().map((r) => ({ uri: r.uri, published: r.analysis.publication.date, claims: r.analysis.claims }));
      cached = { version: ctx.store.version, conflicts: findConflicts(articles) };
    }
    return cached.conflicts;
  };
}

/** `conflictsSettled`: as for the map (mapHandler.ts), a timeline built before the conflicts caught up is built again. */
export function registerTimeline(ctx: ServerContext, conflicts: TimelineConflictSource = workspaceConflicts(), conflictsSettled?: (listener: () => void) => void): void {
  const timelines = new BuiltTimelines(ctx, conflicts);
  conflictsSettled?.(() => timelines.forget());
  const exports = new ExportParts();

  ctx.connection.onRequest(TimelineRequest, async (params: TimelinePageParams, token?: CancellationToken): Promise<TimelineResult> => {
    const { events, articles, full } = await timelines.get(params, token);
    const offset = count(params?.offset, 0);
    return { events: full(events.slice(offset, offset + count(params?.limit, TIMELINE_EVENTS_AT_ONCE))), articles, total: events.length };
  });

  ctx.connection.onRequest(TimelineWindowRequest, async (params: TimelineWindowParams, token?: CancellationToken): Promise<TimelineWindowResult> => {
    const built = await timelines.get(params, token);
    return timelineWindow(built.index(), params ?? {}, built.articles);
  });

  ctx.connection.onRequest(TimelineEventRequest, async (params: TimelineEventParams, token?: CancellationToken): Promise<TimelineEventResult> => {
    const built = await timelines.get(params, token);
    return typeof params?.id === 'string' ? built.event(params.id) : null;
  });

  ctx.connection.onRequest(TimelineExportRequest, async (params: TimelineExportParams, token?: CancellationToken): Promise<TimelineExportResult> => {
    const format = isTimelineFormat(params?.format) ? params.format : 'md';
    const built = await timelines.get(params, token);
    const wanted = Array.isArray(params.eventIds) ? new Set(params.eventIds) : null;
    const chosen: TimelineEvent[] = built.full(wanted ? built.events.filter((e) => wanted.has(e.id)) : params.filter ? filteredEvents(built.index(), params.filter) : built.events);
    const known = format === 'geojson' ? await conflicts(ctx) : [];
    const pieces = () => {
      const control = format === 'geojson' ? controlHistory(ctx.store.articles(), known) : null;
      const placeProperties = control ? (placeId: string) => ({ control: control.get(placeId)?.periods ?? [] }) : undefined;
      return exportPieces(format, chosen, { articles: built.articles, relativeTo: params.relativeTo ?? ctx.workspaceFolders, placeProperties });
    };
    const extension = exportExtension(format);
    if (typeof params.part !== 'number') return { content: wholeExport(pieces(), chosen.length), extension, events: chosen.length, more: false };
    // One export under way at a time, keyed by everything but the part: its events are those of this build.
    const key = JSON.stringify({ ...params, part: undefined, version: ctx.store.version });
    return { ...exports.part(key, count(params.part, 0), pieces), extension, events: chosen.length };
  });
}

function count(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback;
}
