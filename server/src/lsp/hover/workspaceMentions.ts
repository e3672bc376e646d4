// The workspace's analyses grouped by the faction, source and place ids they mention, built once per
// store version: a hover then reads the few articles that mention its id instead of every article.
import { ArticleAnalysis } from '../../analysis';
import { ArticleStore, recordMentionKeys } from '../articleStore';

interface ByIdIndex {
  version: number;
  /** id → analyses mentioning it (as a faction, source or place), in the store's article order. */
  byKindId: Map<string, ArticleAnalysis[]>;
  /** Workspace summaries already computed for this version (a well-known faction is in most articles). */
  memo: Map<string, unknown>;
}

// One index per store; a WeakMap so a discarded store (tests, restarts) takes its index with it.
const cache = new WeakMap<ArticleStore, ByIdIndex>();

/**
 * A summary of one id over the workspace, computed once per store version from the analyses (in store order)
 * that mention it as this kind; `name` tells summaries apart. The value is shared: callers must not change it.
 */
export function workspaceSummary<T>(store: ArticleStore, name: string, kind: 'faction' | 'source' | 'place', id: string, compute: (analyses: ArticleAnalysis[]) => T): T {
  const index = current(store);
  const k = `${name}\u0000${key(kind, id)}`;
  if (index.memo.has(k)) return index.memo.get(k) as T;
  const value = compute(index.byKindId.get(key(kind, id)) ?? []);
  index.memo.set(k, value);
  return value;
}

function current(store: ArticleStore): ByIdIndex {
  let index = cache.get(store);
  if (!index || index.version !== store.version) {
    index = build(store);
    cache.set(store, index);
  }
  return index;
}

function build(store: ArticleStore): ByIdIndex {
  const version = store.version;
  const byKindId = new Map<string, ArticleAnalysis[]>();
  for (const record of store.articles()) {
    const a = record.analysis;
    // Indexed files keep their mention keys next to a packed analysis: no unpacking here.
    for (const k of recordMentionKeys(record)) {
      const list = byKindId.get(k);
      if (!list) byKindId.set(k, [a]);
      else if (list[list.length - 1] !== a) list.push(a);
    }
  }
  return { version, byKindId, memo: new Map() };
}

function key(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}
