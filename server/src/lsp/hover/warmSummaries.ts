// The workspace summaries of the open articles' places, factions and sources ("mentioned in 380 articles"), made
// ready in the background. Made at the first hover of an id instead, a summary sums that id's share of every
// indexed article inside the hover: 7-35 ms for a common place at 5,000 articles during an index pass, most of
// the hover's time. Made ahead, in short slices between requests, every hover reads a kept running total.
import { ArticleStore } from '../articleStore';
import { factionSummary, sourceSummary } from './factionHover';
import { usageSummary } from './placeHover';
import { MAX_WATCHED, Summary, summaryReady, workspaceSummary } from './workspaceMentions';

/** Longest stretch of summing before yielding to requests. */
const SLICE_MS = 3;
/** Ids made ready per article: half the summaries kept, so one article's never push out another's. */
const MAX_PER_ARTICLE = MAX_WATCHED / 2;

type EntityKind = 'place' | 'faction' | 'source';

/** The summary a hover on this kind of mention shows (placeHover.ts, factionHover.ts). */
function hoverSummaryOf(kind: EntityKind, id: string): Summary<unknown, unknown> {
  const summary = kind === 'place' ? usageSummary(id) : kind === 'faction' ? factionSummary(id) : sourceSummary(id);
  return summary as unknown as Summary<unknown, unknown>;
}

/** Reads (and so keeps) the summary a hover on this kind of mention shows. */
function readSummary(store: ArticleStore, kind: EntityKind, id: string): void {
  workspaceSummary(store, kind, id, hoverSummaryOf(kind, id));
}

/** True when the summary a hover on this mention shows is kept. */
export function hoverSummaryReady(store: ArticleStore, kind: EntityKind, id: string): boolean {
  return summaryReady(store, hoverSummaryOf(kind, id).name, kind, id);
}

/** Makes the summaries of open articles ready whenever the store reports one of them (re)analysed. */
export class SummaryWarmer {
  /** Ids waiting, by `kind\0id`, in the order found. */
  private readonly queue = new Map<string, { kind: EntityKind; id: string }>();
  /** The article whose ids are queued. */
  private queuedFor: string | null = null;
  private scheduled = false;

  constructor(
    private readonly store: ArticleStore,
    private readonly isOpen: (uri: string) => boolean,
  ) {
    store.onChanged((uris) => {
      for (const uri of uris) if (this.isOpen(uri)) this.enqueue(uri);
    });
  }

  /**
   * Queues the places, factions and sources of the article at `uri` (first MAX_PER_ARTICLE distinct ids), in
   * place of another article's still waiting: the one analysed last is the one being read or edited, and at
   * 10,000 indexed articles making an article's ~45 summaries costs 0.25-1.5 s of this thread (in slices).
   */
  enqueue(uri: string): void {
    const record = this.store.get(uri);
    if (!record?.isArticle) return;
    if (uri !== this.queuedFor) this.queue.clear();
    this.queuedFor = uri;
    let taken = 0;
    const seen = new Set<string>();
    for (const m of record.analysis.mentions) {
      if (m.kind === 'date') continue;
      const key = `${m.kind}\u0000${m.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.queue.delete(key);
      this.queue.set(key, { kind: m.kind, id: m.id });
      if (++taken >= MAX_PER_ARTICLE) break;
    }
    if (this.queue.size && !this.scheduled) this.schedule();
  }

  /** Makes every queued summary ready now (tests; the server works in slices). */
  drain(): void {
    this.work(Infinity);
  }

  /** Ids still waiting. */
  get pending(): number {
    return this.queue.size;
  }

  private schedule(): void {
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.work(Date.now() + SLICE_MS);
      if (this.queue.size && !this.scheduled) this.schedule();
    });
  }

  private work(deadline: number): void {
    for (const [key, { kind, id }] of this.queue) {
      this.queue.delete(key);
      try {
        readSummary(this.store, kind, id);
      } catch {
        // A summary that cannot be made now is made by the hover that asks for it, as before.
      }
      if (Date.now() >= deadline) return;
    }
  }
}
