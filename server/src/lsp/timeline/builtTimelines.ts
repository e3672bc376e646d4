// The timelines the server has built, one per scope (and "every dated sentence" option), kept until the store
// changes: the panel's windows, an opened event and the export parts all read the same build.
import { CancellationToken } from 'vscode-languageserver';
import { addArticleEvents, ConflictLike, DraftEvent, draftCopy, finishTimelineSteps, indexTimelineSteps, reorderedInSteps, TimelineEvents, TimelineIndex, toTimelineConflictsSteps } from '../../analysis/timeline';
import { TimelineEvent, TimelineParams } from '../../protocol';
import { ArticleRecord } from '../articleStore';
import { throwIfCancelled } from '../cancellation';
import { scopeArticles } from '../handlers/outlineArticles';
import { runInSlices } from '../nextTurn';
import { LatestBuilds } from '../latestBuilds';
import { IdleRelease } from '../idleRelease';
import { readArticlesInSlices, withSlowWorkProgress } from '../slowWorkProgress';
import { groupDigits } from '../../analysis/groupDigits';
import { ServerContext } from '../serverContext';

export interface BuiltTimeline {
  /** Every event; their `versions` are filled by `full` (a workspace's 426,168 versions are made when read). */
  events: TimelineEvent[];
  articles: number;
  /** The events indexed for windows and filters (made with the build, in slices). */
  index(): TimelineIndex;
  /** The event with this id, in full, if the build has it. */
  event(id: string): TimelineEvent | null;
  /** These events in full. */
  full(events: TimelineEvent[]): TimelineEvent[];
}

/** Conflicts across the workspace, from the conflicts work when it is wired in. */
export type TimelineConflictSource = (ctx: ServerContext) => Promise<readonly ConflictLike[]>;


export class BuiltTimelines {
  /**
   * Builds by scope key, one at a time: each pause in typing with a workspace timeline shown used to start a
   * build beside the others (10,000 articles, an ask every 1.5 s: six builds at once, 2.5 GB, the last answered
   * after 4 minutes).
   */
  private readonly builds = new LatestBuilds<BuiltTimeline>();
  /**
   * Each article's drafts as made, by record (a changed article is a new record), for each "every dated sentence"
   * choice: a build after an edit makes the edited article's drafts only. At 10,000 articles unpacking them all
   * and making their drafts was ~8 of a build's ~13 s of CPU, and the panel builds again after every pause in typing.
   */
  private drafts = [new WeakMap<ArticleRecord, DraftEvent[]>(), new WeakMap<ArticleRecord, DraftEvent[]>()];
  /**
   * The last build's kept drafts in timeline order and the records they came from, for each "every dated
   * sentence" choice: a build after an edit puts the edited article's drafts in place instead of sorting ~200,000.
   */
  private orders: (DraftOrder | null)[] = [null, null];
  /** Lets the builds and drafts go once no timeline has been asked for a while (a closed panel). */
  private readonly idle = new IdleRelease(() => this.letGo());

  constructor(
    private readonly ctx: ServerContext,
    private readonly conflicts: TimelineConflictSource,
  ) {}

  /** Forgets the builds made (the drafts kept per article stay: they do not depend on the conflicts). */
  forget(): void {
    this.builds.clear();
  }

  /** Everything kept for timelines: a workspace's drafts and last build hold ~500 MB of heap at 10,000 articles. */
  private letGo(): void {
    this.builds.clear();
    this.drafts = [new WeakMap(), new WeakMap()];
    this.orders = [null, null];
  }

  /** The timeline of a scope, built again only when the store changed since its build started. */
  async get(params: TimelineParams | undefined, token?: CancellationToken): Promise<BuiltTimeline> {
    this.idle.touch();
    const scope = params?.scope === 'article' ? 'article' : 'workspace';
    const key = `${scope}:${scope === 'article' ? params?.uri : ''}:${params?.allDatedSentences ? 1 : 0}`;
    // The open articles' latest texts analysed first, so the version read next is theirs.
    await scopeArticles(this.ctx, scope, params?.uri, token);
    const built = await this.builds.get(key, this.ctx.store.version, async (started) => {
      const records = await scopeArticles(this.ctx, scope, params?.uri);
      started(this.ctx.store.version);
      return this.build(records, !!params?.allDatedSentences);
    });
    throwIfCancelled(token);
    return built;
  }

  /**
   * Each article's events in slices of SLICE_MS, yielding to other requests between them: 10,000 articles take
   * seconds to unpack and turn into events, and hovers in the open article must not wait for that.
   */
  private build(records: readonly ArticleRecord[], allDatedSentences: boolean): Promise<BuiltTimeline> {
    return withSlowWorkProgress(this.ctx.connection.window, 'Dateline: building the timeline', async (progress) => {
      const choice = allDatedSentences ? 1 : 0;
      const kept = this.drafts[choice];
      const read: ArticleRecord[] = [];
      // (An article dropped from the store meanwhile, its spilled bytes freed, is left out: not in the scope any more.)
      await readArticlesInSlices(progress, records, (r) => {
        if (!kept.has(r)) {
          const own: DraftEvent[] = [];
          addArticleEvents(own, { uri: r.uri, text: r.text, analysis: r.analysis, rangeOf: (span) => r.lines.rangeOf(span) }, { allDatedSentences });
          kept.set(r, own);
        }
        read.push(r);
      });
      progress.phase('ordering the events');
      const order = await runInSlices(orderedDrafts(read, kept, this.orders[choice]));
      this.orders[choice] = order;
      const drafts = order.sorted.map(draftCopy);
      progress.phase('marking conflicting claims');
      const uris = new Set(records.map((r) => r.uri));
      const inScope = (c: ConflictLike) => c.claims.some((x) => uris.has(x.uri ?? x.location?.uri ?? ''));
      const conflicts = await runInSlices(toTimelineConflictsSteps(await this.conflicts(this.ctx), inScope));
      // Finished in slices too: ordering, merging and marking ~200,000 drafts held the thread for 2 s in one piece.
      progress.phase(`merging ${groupDigits(drafts.length)} events`);
      const finished = await runInSlices(finishTimelineSteps(drafts, conflicts, true));
      // Indexed now, in slices as well (the panel's first request is a window, which reads the index).
      progress.phase('indexing the events');
      return builtOf(finished, await runInSlices(indexTimelineSteps(finished.events)), records.length);
    });
  }
}

/** Kept drafts in timeline order, and the records they are of. */
interface DraftOrder {
  records: Set<ArticleRecord>;
  sorted: DraftEvent[];
}

/**
 * The records' kept drafts in timeline order: the last order with the changed records' drafts taken out and put
 * in place (never more work than sorting them all, and far less after an edit).
 */
function* orderedDrafts(records: readonly ArticleRecord[], kept: WeakMap<ArticleRecord, DraftEvent[]>, last: DraftOrder | null): Generator<void, DraftOrder> {
  const now = new Set(records);
  // With no last order every record is new, and its drafts are sorted (reorderedInSteps sorts what it adds).
  const added: DraftEvent[] = [];
  for (const r of records) if (!last?.records.has(r)) for (const d of kept.get(r) ?? []) added.push(d);
  const removed = new Set<DraftEvent>();
  // (A record in the last order keeps its drafts kept: both are let go together.)
  for (const r of last?.records ?? []) if (!now.has(r)) for (const d of kept.get(r) ?? []) removed.add(d);
  return { records: now, sorted: yield* reorderedInSteps(last?.sorted ?? [], removed, added) };
}

function builtOf({ events, fillVersions }: TimelineEvents, index: TimelineIndex, articles: number): BuiltTimeline {
  let byId: Map<string, TimelineEvent> | null = null;
  const full = (list: TimelineEvent[]) => {
    for (const e of list) fillVersions(e);
    return list;
  };
  return {
    events,
    articles,
    index: () => index,
    event: (id) => {
      const e = (byId ??= new Map(events.map((x) => [x.id, x]))).get(id);
      return e ? full([e])[0] : null;
    },
    full,
  };
}
