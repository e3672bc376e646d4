// The timelines the server has built, one per scope (and "every dated sentence" option), kept until the store
// changes: the panel's windows, an opened event and the export parts all read the same build.
import { CancellationToken } from 'vscode-languageserver';
import { addArticleEvents, ConflictLike, DraftEvent, finishTimeline, indexTimeline, TimelineEvents, TimelineIndex, toTimelineConflicts } from '../../analysis/timeline';
import { TimelineEvent, TimelineParams } from '../../protocol';
import { ArticleRecord } from '../articleStore';
import { throwIfCancelled } from '../cancellation';
import { scopeArticles } from '../handlers/outlineArticles';
import { forEachInSlices } from '../nextTurn';
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
  /** Builds by scope key, with the store version they are of; a build under way is shared by the requests that wait on it. */
  private readonly builds = new Map<string, { version: number; built: Promise<BuiltTimeline> }>();

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
    const version = ctx.store.version;
    let entry = this.builds.get(key);
    if (entry?.version !== version) {
      // Builds of an older store are never read again: a workspace's holds ~180,000 events.
      for (const [k, b] of this.builds) if (b.version !== version) this.builds.delete(k);
      const built = this.build(records, !!params?.allDatedSentences);
      const made = (entry = { version, built });
      this.builds.set(key, made);
      // A failed build fails the requests waiting on it, not the next ones.
      built.catch(() => this.builds.get(key) === made && this.builds.delete(key));
    }
    const built = await entry.built;
    throwIfCancelled(token);
    return built;
  }

  /**
   * Each article's events in slices of SLICE_MS, yielding to other requests between them: 10,000 articles take
   * seconds to unpack and turn into events, and hovers in the open article must not wait for that.
   */
  private async build(records: readonly ArticleRecord[], allDatedSentences: boolean): Promise<BuiltTimeline> {
    const drafts: DraftEvent[] = [];
    // (An article dropped from the store meanwhile, its spilled bytes freed, is left out: not in the scope any more.)
    await forEachInSlices(records, (r) => addArticleEvents(drafts, { uri: r.uri, text: r.text, analysis: r.analysis, rangeOf: (span) => r.lines.rangeOf(span) }, { allDatedSentences }));
    const uris = new Set(records.map((r) => r.uri));
    const relevant = this.conflicts(this.ctx).filter((c) => c.claims.some((x) => uris.has(x.uri ?? x.location?.uri ?? '')));
    return builtOf(finishTimeline(drafts, toTimelineConflicts(relevant)), records.length);
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
