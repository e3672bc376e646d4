// Workspace summaries of hovers ("mentioned 412 times in 380 articles"), kept as running totals: when the store
// reports an article changed, its old share is taken away and its new one added, for the ids hovers asked about.
// A recompute per store version re-read thousands of indexed articles' digests in the hover itself (~70 ms for a
// well-known faction at 10,000 articles, every few seconds of an index pass); now a hover reads a ready value.
import { ArticleAnalysis } from '../../analysis';
import { ArticleRecord, ArticleStore, recordMentionKeys } from '../articleStore';
import { mentionKey } from '../index/entityDigests';

/**
 * A workspace summary kept as a running total `A` of per-article shares. Taking an article's share away and
 * adding it again must leave the total as it was, and the value must equal one pass over every article in
 * store order (tie-breaks by first seen: see Tally).
 */
export interface Summary<A, T> {
  /** Tells summaries of the same id apart. */
  name: string;
  empty(): A;
  /** Adds (sign 1) or takes away (sign -1) one article's share; `analysis` may hold only this id's mentions. */
  apply(total: A, analysis: ArticleAnalysis, uri: string, sign: 1 | -1): void;
  /** False when a take-away left the total unable to tell the value (then it is summed again from every article). */
  exact(total: A): boolean;
  value(total: A): T;
}

/** Longest slice of recounting during a large pass before yielding to requests. */
const SLICE_MS = 3;
/** Summaries kept (least recently hovered dropped): each is a few numbers and the spellings or descriptors seen. */
export const MAX_WATCHED = 256;

/** One summary of one id: its running total and the value last made from it. */
interface Watched {
  summary: Summary<unknown, unknown>;
  key: string;
  total: unknown;
  /** The value for the current total, or undefined until asked for. */
  value: unknown;
  hasValue: boolean;
}

class SummaryIndex {
  private readonly watched = new Map<string, Watched>();
  /** The watched summaries by mention key: an article's keys are looked up, not every summary scanned. */
  private readonly byKey = new Map<string, Watched[]>();
  /** The article record each URI's share was last counted from (open documents shadow their file). */
  private readonly counted = new Map<string, ArticleRecord>();
  /** Store version the totals have heard of: silent store writes are found by comparing it. */
  private seenVersion: number;

  constructor(private readonly store: ArticleStore) {
    for (const r of store.articles()) this.counted.set(r.uri, r);
    this.seenVersion = store.version;
    store.onChanged((uris) => {
      // During a large pass the recount runs in its own short slices: hovers wait behind no announcement's.
      if (store.bulkLoading) {
        for (const uri of uris) this.pending.add(uri);
        if (!this.scheduled) this.schedule();
      } else {
        this.recountPending();
        for (const uri of uris) this.recount(uri);
      }
      // Files stored silently during a pass are announced in batches, each covering all stored so far.
      this.seenVersion = store.version;
    });
    store.onBulkEnd(() => this.recountPending());
  }

  /** URIs announced during a large pass and not yet recounted: totals lag the store by these (milliseconds). */
  private readonly pending = new Set<string>();
  private scheduled = false;

  private schedule(): void {
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const deadline = Date.now() + SLICE_MS;
      for (const uri of this.pending) {
        this.pending.delete(uri);
        this.recount(uri);
        // One recount reads the digests of the hovered ids an article mentions: tens of microseconds.
        if (Date.now() >= deadline) break;
      }
      if (this.pending.size && !this.scheduled) this.schedule();
    });
  }

  private recountPending(): void {
    for (const uri of this.pending) this.recount(uri);
    this.pending.clear();
  }

  /** The value of a summary: exact, but during a large pass it may miss the last few milliseconds' files. */
  read<A, T>(name: string, kind: string, id: string, summary: Summary<A, T>): T {
    const key = mentionKey(kind, id);
    const wk = watchKey(name, key);
    // Writes that told no listener (store.setDisk(..., notify=false) outside a pass): found by record.
    if (!this.store.bulkLoading) {
      this.recountPending();
      if (this.store.version !== this.seenVersion) this.resync();
    }
    let w = this.watched.get(wk);
    if (w) {
      // Most recently used last: eviction takes the first.
      this.watched.delete(wk);
      this.watched.set(wk, w);
    } else {
      w = { summary: summary as Summary<unknown, unknown>, key, total: summary.empty(), value: undefined, hasValue: false };
      this.sumAgain(w);
      this.watched.set(wk, w);
      (this.byKey.get(key) ?? this.byKey.set(key, []).get(key)!).push(w);
      if (this.watched.size > MAX_WATCHED) this.forget(this.watched.keys().next().value!);
    }
    if (!w.summary.exact(w.total)) this.sumAgain(w);
    if (!w.hasValue) {
      w.value = w.summary.value(w.total);
      w.hasValue = true;
    }
    return w.value as T;
  }

  /** True when a read of this summary would find its running total kept (no sum over the workspace). */
  ready(name: string, kind: string, id: string): boolean {
    return this.watched.has(watchKey(name, mentionKey(kind, id)));
  }

  /** Takes the URI's old share away from the totals of the ids it mentioned and adds its new one. */
  private recount(uri: string): void {
    const old = this.counted.get(uri);
    const r = this.store.get(uri);
    const now = r && r.isArticle ? r : undefined;
    if (old === now) return;
    if (now) this.counted.set(uri, now);
    else this.counted.delete(uri);
    if (this.watched.size === 0) return;
    // Old shares first, for every id: a replaced article's new share then finds its old one gone (see Tally).
    if (old) this.applyAll(old, uri, -1);
    if (now) this.applyAll(now, uri, 1);
  }

  private applyAll(r: ArticleRecord, uri: string, sign: 1 | -1): void {
    for (const key of recordMentionKeys(r)) {
      const ws = this.byKey.get(key);
      if (!ws) continue;
      const analysis = analysisFor(r, key);
      for (const w of ws) {
        w.summary.apply(w.total, analysis, uri, sign);
        w.hasValue = false;
      }
    }
  }

  private forget(wk: string): void {
    const w = this.watched.get(wk);
    if (!w) return;
    this.watched.delete(wk);
    const ws = this.byKey.get(w.key)!;
    ws.splice(ws.indexOf(w), 1);
    if (ws.length === 0) this.byKey.delete(w.key);
  }

  /** Recounts every URI whose article record is not the one counted. */
  private resync(): void {
    const current = new Set<string>();
    for (const r of this.store.articles()) {
      current.add(r.uri);
      if (this.counted.get(r.uri) !== r) this.recount(r.uri);
    }
    for (const uri of [...this.counted.keys()]) if (!current.has(uri)) this.recount(uri);
    this.seenVersion = this.store.version;
  }

  /** The total of one summary summed from every counted article that mentions its id. */
  private sumAgain(w: Watched): void {
    w.total = w.summary.empty();
    for (const [uri, r] of this.counted) if (recordMentionKeys(r).includes(w.key)) w.summary.apply(w.total, analysisFor(r, w.key), uri, 1);
    w.hasValue = false;
  }
}

/** The key of one summary (by name) of one id (by mention key) among those kept. */
function watchKey(name: string, key: string): string {
  return `${name}\u0000${key}`;
}

// One index per store; a WeakMap so a discarded store (tests, restarts) takes its index with it.
const cache = new WeakMap<ArticleStore, SummaryIndex>();

/**
 * A summary of one id over the workspace's articles that mention it as this kind. The value is shared: callers
 * must not change it. For indexed (closed) files `apply` sees only the mentions of this id, each with kind, id,
 * text (places), resolvedFrom and descriptors (factions) or attributed (sources): the index keeps no more for
 * them unpacked.
 */
export function workspaceSummary<A, T>(store: ArticleStore, kind: 'faction' | 'source' | 'place', id: string, summary: Summary<A, T>): T {
  let index = cache.get(store);
  if (!index) cache.set(store, (index = new SummaryIndex(store)));
  return index.read(summary.name, kind, id, summary);
}

/** True when the summary of this id is kept as a running total, so a hover reads it without summing the workspace. */
export function summaryReady(store: ArticleStore, name: string, kind: 'faction' | 'source' | 'place', id: string): boolean {
  return cache.get(store)?.ready(name, kind, id) ?? false;
}

function analysisFor(record: ArticleRecord, k: string): ArticleAnalysis {
  const mentions = record.entityMentions?.(k);
  return mentions ? ({ mentions } as ArticleAnalysis) : record.analysis;
}

interface TallyEntry {
  n: number;
  /** Where the text was first seen in store order (article URI, then its place in the article). */
  uri: string;
  at: number;
  /** The first-seen article's share was taken away: `uri`/`at` are unknown until it comes back. */
  lost: boolean;
}

/**
 * Counts of texts (spellings, descriptors) that remember where each was first seen in store order, so a value
 * sorted by count breaks ties as a pass over the articles in URI order does.
 */
export class Tally {
  private readonly entries = new Map<string, TallyEntry>();
  private lostCount = 0;

  add(text: string, n: number, uri: string, at: number): void {
    const e = this.entries.get(text);
    if (!e) {
      this.entries.set(text, { n, uri, at, lost: false });
      return;
    }
    e.n += n;
    if (e.lost && uri <= e.uri) {
      // The article first seen with it came back (replaced), or one before it: every other holder comes after.
      e.lost = false;
      e.uri = uri;
      e.at = at;
      this.lostCount--;
    } else if (!e.lost && (uri < e.uri || (uri === e.uri && at < e.at))) {
      e.uri = uri;
      e.at = at;
    }
  }

  remove(text: string, n: number, uri: string): void {
    const e = this.entries.get(text);
    if (!e) return;
    e.n -= n;
    if (e.n <= 0) {
      if (e.lost) this.lostCount--;
      this.entries.delete(text);
    } else if (!e.lost && e.uri === uri) {
      e.lost = true;
      this.lostCount++;
    }
  }

  /** False while a text's first article is unknown (its first-seen article was taken away and not replaced). */
  get exact(): boolean {
    return this.lostCount === 0;
  }

  /** Texts with their counts, in first-seen order. */
  inOrder(): [string, number][] {
    return [...this.entries].sort((a, b) => (a[1].uri < b[1].uri ? -1 : a[1].uri > b[1].uri ? 1 : a[1].at - b[1].at)).map(([t, e]) => [t, e.n]);
  }
}
