// The workspace's analyses grouped by the faction, source and place ids they mention, built once per
// store version: a hover then reads the few articles that mention its id instead of every article.
import { ArticleAnalysis } from '../../analysis';
import { ArticleStore } from '../articleStore';

interface ByIdIndex {
  version: number;
  /** id → analyses mentioning it (as a faction, source or place), in the store's article order. */
  byKindId: Map<string, ArticleAnalysis[]>;
}

// One index per store; a WeakMap so a discarded store (tests, restarts) takes its index with it.
const cache = new WeakMap<ArticleStore, ByIdIndex>();

/** The analyses (in store order) that mention `id` as a mention of this kind. */
export function analysesMentioning(store: ArticleStore, kind: 'faction' | 'source' | 'place', id: string): ArticleAnalysis[] {
  let index = cache.get(store);
  if (!index || index.version !== store.version) {
    index = build(store);
    cache.set(store, index);
  }
  return index.byKindId.get(key(kind, id)) ?? [];
}

function build(store: ArticleStore): ByIdIndex {
  const version = store.version;
  const byKindId = new Map<string, ArticleAnalysis[]>();
  for (const record of store.articles()) {
    const a = record.analysis;
    for (const m of a.mentions) {
      if (m.kind !== 'faction' && m.kind !== 'source' && m.kind !== 'place') continue;
      const k = key(m.kind, m.id);
      const list = byKindId.get(k);
      if (!list) byKindId.set(k, [a]);
      else if (list[list.length - 1] !== a) list.push(a);
    }
  }
  return { version, byKindId };
}

function key(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}
