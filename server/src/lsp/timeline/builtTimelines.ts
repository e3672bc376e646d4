// The timelines the server has built, one per scope (and "every dated sentence" option), kept until the store
// changes: the panel's windows, an opened event and the export parts all read the same build.
import { CancellationToken } from 'vscode-languageserver';
import { buildTimelineEvents, ConflictLike, indexTimeline, TimelineEvents, TimelineIndex, toTimelineConflicts } from '../../analysis/timeline';
import { TimelineEvent, TimelineParams } from '../../protocol';
import { scopeArticles } from '../handlers/outlineArticles';
import { ServerContext } from '../serverContext';

export interface BuiltTimeline {
  /** Every event; their `versions` are filled by `full` (a workspace's 426,168 versions are made when read). */
  events: TimelineEvent[];
  articles: number;
  /** Made at the first window asked of this build. */
  index(): TimelineIndex;
  /** The event with this id, in full, if the build has it. */
  event(id: string): TimelineEvent | null;
  /** These events in full. */
  full(events: TimelineEvent[]): TimelineEvent[];
}

/** Conflicts across the workspace, from the conflicts work when it is wired in. */
export type TimelineConflictSource = (ctx: ServerContext) => readonly ConflictLike[];

export class BuiltTimelines {
  private readonly builds = new Map<string, { version: number; built: BuiltTimeline }>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly conflicts: TimelineConflictSource,
  ) {}

  /** The timeline of a scope, built again only when the store changed since it was last built. */
  async get(params: TimelineParams | undefined, token?: CancellationToken): Promise<BuiltTimeline> {
    const { ctx } = this;
    const scope = params?.scope === 'article' ? 'article' : 'workspace';
    const key = `${scope}:${scope === 'article' ? params?.uri : ''}:${params?.allDatedSentences ? 1 : 0}`;
    const records = await scopeArticles(ctx, scope, params?.uri, token);
    const hit = this.builds.get(key);
    if (hit && hit.version === ctx.store.version) return hit.built;
    const uris = new Set(records.map((r) => r.uri));
    const relevant = this.conflicts(ctx).filter((c) => c.claims.some((x) => uris.has(x.uri ?? x.location?.uri ?? '')));
    const built = buildTimelineEvents(
      records.map((r) => ({ uri: r.uri, text: r.text, analysis: r.analysis, rangeOf: (span) => r.lines.rangeOf(span) })),
      toTimelineConflicts(relevant),
      { allDatedSentences: !!params?.allDatedSentences },
    );
    // Builds of an older store are never read again: a workspace's holds ~230,000 events.
    for (const [k, b] of this.builds) if (b.version !== ctx.store.version) this.builds.delete(k);
    const timeline = builtOf(built, records.length);
    this.builds.set(key, { version: ctx.store.version, built: timeline });
    return timeline;
  }
}

function builtOf({ events, fillVersions }: TimelineEvents, articles: number): BuiltTimeline {
  let index: TimelineIndex | null = null;
  let byId: Map<string, TimelineEvent> | null = null;
  const full = (list: TimelineEvent[]) => {
    for (const e of list) fillVersions(e);
    return list;
  };
  return {
    events,
    articles,
    index: () => (index ??= indexTimeline(events)),
    event: (id) => {
      const e = (byId ??= new Map(events.map((x) => [x.id, x]))).get(id);
      return e ? full([e])[0] : null;
    },
    full,
  };
}
