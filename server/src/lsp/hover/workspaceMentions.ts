// The workspace's analyses grouped by the faction, source and place ids they mention, built once per
// store version: a hover then reads the few articles that mention its id instead of every article.
import { ArticleAnalysis } from '../../analysis';
import { ArticleRecord, ArticleStore, recordMentionKeys } from '../articleStore';

interface ByIdIndex {
  version: number;
  builtAt: number;
  /** id → articles mentioning it (as a faction, source or place), in the store's article order. */
  byKindId: Map<string, ArticleRecord[]>;
  /** Workspace summaries already computed for this version (a well-known faction is in most articles). */
  memo: Map<string, unknown>;
  /** Time spent building this index and its summaries so far. */
  costMs: number;
}

/**
 * During a large index pass, summaries are kept at least this long, and twenty times as long as they took to
 * compute: on 10,000 articles one summary can take tens of milliseconds, and hovers must not spend the
 * indexing pass recomputing them.
 */
const BULK_STALE_MS = 3000;
const BULK_COST_FACTOR = 20;

// One index per store; a WeakMap so a discarded store (tests, restarts) takes its index with it.
const cache = new WeakMap<ArticleStore, ByIdIndex>();

/**
 * A summary of one id over the workspace, computed once per store version from the analyses (in store order)
 * that mention it as this kind; `name` tells summaries apart. The value is shared: callers must not change it.
 * For indexed (closed) files `compute` sees only the mentions of this id, each with kind, id, text (places),
 * resolvedFrom and descriptors (factions) or attributed (sources): the index keeps no more for them unpacked.
 */
export function workspaceSummary<T>(store: ArticleStore, name: string, kind: 'faction' | 'source' | 'place', id: string, compute: (analyses: ArticleAnalysis[]) => T): T {
  const index = current(store);
  const k = `${name}\u0000${key(kind, id)}`;
  if (index.memo.has(k)) return index.memo.get(k) as T;
  const k2 = key(kind, id);
  const started = Date.now();
  const value = compute((index.byKindId.get(k2) ?? []).map((r) => analysisFor(r, k2)));
  index.memo.set(k, value);
  index.costMs += Date.now() - started;
  return value;
}

function analysisFor(record: ArticleRecord, k: string): ArticleAnalysis {
  const mentions = record.entityMentions?.(k);
  return mentions ? ({ mentions } as ArticleAnalysis) : record.analysis;
}

function current(store: ArticleStore): ByIdIndex {
  let index = cache.get(store);
  // During a large index pass the store changes every few milliseconds: older summaries are kept (see BULK_STALE_MS).
  const fresh = index && (index.version === store.version || (store.bulkLoading && Date.now() - index.builtAt < Math.max(BULK_STALE_MS, BULK_COST_FACTOR * index.costMs)));
  if (!index || !fresh) {
    index = build(store);
    cache.set(store, index);
  }
  return index;
}

function build(store: ArticleStore): ByIdIndex {
  const started = Date.now();
  const version = store.version;
  const byKindId = new Map<string, ArticleRecord[]>();
  for (const record of store.articles()) {
    // Indexed files keep their mention keys next to a packed analysis: no unpacking here.
    for (const k of recordMentionKeys(record)) {
      const list = byKindId.get(k);
      if (!list) byKindId.set(k, [record]);
      else if (list[list.length - 1] !== record) list.push(record);
    }
  }
  return { version, builtAt: Date.now(), byKindId, memo: new Map(), costMs: Date.now() - started };
}

function key(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}
