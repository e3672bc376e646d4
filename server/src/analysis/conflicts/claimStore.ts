// The workspace's claims by article, with conflicts kept per place (PlaceConflicts), so an edit touches only
// the places the edited article mentions, and within a place only the claims near in time.
import { Claim } from '../types';
import { Conflict, ArticleClaims } from './types';
import { Entry, entryOf } from './entry';
import { PlaceConflicts } from './placeConflicts';

function byKindThenId(a: Conflict, b: Conflict): number {
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Incremental conflict detection: set/remove articles, read conflicts. Pure (no I/O). */
export class ClaimStore {
  private readonly articles = new Map<string, { published: string | null; entries: Entry[]; places: Set<string> }>();
  private readonly places = new Map<string, PlaceConflicts>();
  private cache: Conflict[] | null = null;
  /** The last sorted list built, and each place's list it was built from (unchanged places are taken from it). */
  private last: Conflict[] | null = null;
  private lastLists = new Map<string, Conflict[]>();
  private changes = 0;

  /** Bumped by every change, so callers can keep what they derive (counts) until the next one. */
  get version(): number {
    return this.changes;
  }

  /** Number of articles held. */
  get size(): number {
    return this.articles.size;
  }

  /** Adds or replaces an article's claims; returns the place ids whose conflicts were re-checked. */
  set(uri: string, published: string | null, claims: Claim[]): string[] {
    const touched = new Set<string>();
    this.unlink(uri, touched);
    this.link(uri, published, claims, touched);
    this.cache = null;
    this.changes++;
    return [...touched];
  }

  /** Adds many articles (the batch path: indexing a workspace, the CLI), in date order so places append. */
  setMany(articles: ArticleClaims[]): void {
    const touched = new Set<string>();
    for (const a of articles) this.unlink(a.uri, touched);
    const entries: Entry[] = [];
    for (const a of articles) {
      const own: Entry[] = [];
      for (const c of a.claims) {
        const e = entryOf(a.uri, a.published, c);
        if (e) own.push(e);
      }
      this.articles.set(a.uri, { published: a.published, entries: own, places: new Set(own.map((e) => e.claim.place!.id)) });
      entries.push(...own);
    }
    entries.sort((x, y) => (x.from ?? -Infinity) - (y.from ?? -Infinity));
    for (const e of entries) this.placeFor(e.claim.place!.id).add(e);
    this.cache = null;
    this.changes++;
  }

  /**
   * Adds claims to an article's (the article is created when absent): set() in parts, for a document with
   * thousands of claims whose checks are spread over several turns of the server's event loop. Adding an
   * article's claims in parts, in order, leaves the store as one set() of them all.
   */
  append(uri: string, published: string | null, claims: readonly Claim[]): void {
    let a = this.articles.get(uri);
    if (!a) this.articles.set(uri, (a = { published, entries: [], places: new Set() }));
    this.addEntries(a, uri, published, claims);
    this.cache = null;
    this.changes++;
  }

  /** Forgets an article (closed and deleted, or no longer an article). */
  remove(uri: string): string[] {
    const touched = new Set<string>();
    this.unlink(uri, touched);
    this.articles.delete(uri);
    this.cache = null;
    this.changes++;
    return [...touched];
  }

  /**
   * conflicts(), each place's list made in a step of its own when the list must be made again: at 10,000
   * articles the first list after the index pass (50,000 conflicts) took 1.1 s in one piece.
   */
  *conflictsInSteps(): Generator<void, Conflict[]> {
    if (!this.cache) {
      for (const p of this.places.values()) {
        p.conflicts();
        yield;
      }
    }
    return this.conflicts();
  }

  /** Every conflict, ordered by kind and id (stable for views and tests). */
  conflicts(): Conflict[] {
    this.cache ??= this.sorted();
    return this.cache;
  }

  /**
   * All places' conflicts ordered by kind and id, ties in place order (as one stable sort of them all). Only the
   * places changed since the last list are sorted, then merged into what is left of it: at 10,000 articles
   * (50,000 conflicts) re-sorting everything was nearly all of an edit's time.
   */
  private sorted(): Conflict[] {
    const lists = new Map<string, Conflict[]>();
    for (const [id, p] of this.places) lists.set(id, p.conflicts());
    const prev = this.last;
    const prevLists = this.lastLists;
    this.lastLists = lists;
    this.last = prev ? mergeChanged(prev, prevLists, lists) : null;
    if (this.last) return this.last;
    const all: Conflict[] = [];
    for (const list of lists.values()) for (const c of list) all.push(c);
    all.sort(byKindThenId);
    // Merging next time needs every conflict's place (they all have one: claims without a place are left out).
    this.last = all.every((c) => c.place) ? all : null;
    return all;
  }

  /** Conflicts with at least one claim in this article. */
  conflictsFor(uri: string): Conflict[] {
    const a = this.articles.get(uri);
    if (!a) return [];
    // The article's entries by place in one pass (a filter per place was quadratic: 42 ms for a 1.9 MB document).
    const byPlace = new Map<string, Entry[]>();
    for (const e of a.entries) {
      const list = byPlace.get(e.claim.place!.id);
      if (list) list.push(e);
      else byPlace.set(e.claim.place!.id, [e]);
    }
    const out: Conflict[] = [];
    for (const id of a.places) {
      const p = this.places.get(id);
      if (p) for (const c of p.conflictsWith(byPlace.get(id) ?? [], uri)) out.push(c);
    }
    return out.sort(byKindThenId);
  }

  /** Ids of every conflict (what counts need), without building the conflicts. */
  conflictIds(): string[] {
    if (this.cache) return this.cache.map((c) => c.id);
    const out: string[] = [];
    for (const p of this.places.values()) for (const id of p.conflictIds()) out.push(id);
    return out;
  }

  /**
   * Ids of every conflict by the place it is about, without building the conflicts: at 10,000 articles building
   * all 50,000 took ~2 s, listing their ids a few ms.
   */
  conflictIdsByPlace(): { place: { id: string; name: string }; ids: string[] }[] {
    const out: { place: { id: string; name: string }; ids: string[] }[] = [];
    for (const [id, p] of this.places) {
      const ids = p.conflictIds();
      if (ids.length > 0) out.push({ place: p.place ?? { id, name: id }, ids });
    }
    return out;
  }

  /** The conflicts about one place, ordered by kind and id, building that place's only. */
  conflictsAbout(placeId: string): Conflict[] {
    return [...(this.places.get(placeId)?.conflicts() ?? [])].sort(byKindThenId);
  }

  /** One conflict by id, or null (building only that one when the full list is not built). */
  conflictById(id: string): Conflict | null {
    if (this.cache) return this.cache.find((c) => c.id === id) ?? null;
    for (const p of this.places.values()) {
      const c = p.conflictById(id);
      if (c) return c;
    }
    return null;
  }

  private placeFor(id: string): PlaceConflicts {
    let p = this.places.get(id);
    if (!p) this.places.set(id, (p = new PlaceConflicts()));
    return p;
  }

  private link(uri: string, published: string | null, claims: Claim[], touched: Set<string>): void {
    const a = { published, entries: [] as Entry[], places: new Set<string>() };
    this.articles.set(uri, a);
    this.addEntries(a, uri, published, claims);
    for (const id of a.places) touched.add(id);
  }

  /** Adds claims to an article's entries and to the conflicts of their places, in order. */
  private addEntries(a: { entries: Entry[]; places: Set<string> }, uri: string, published: string | null, claims: readonly Claim[]): void {
    for (const c of claims) {
      const e = entryOf(uri, published, c);
      if (!e) continue;
      a.entries.push(e);
      a.places.add(e.claim.place!.id);
      this.placeFor(e.claim.place!.id).add(e);
    }
  }

  private unlink(uri: string, touched: Set<string>): void {
    const old = this.articles.get(uri);
    if (!old) return;
    for (const e of old.entries) {
      const id = e.claim.place!.id;
      touched.add(id);
      const p = this.places.get(id);
      if (!p) continue;
      p.remove(e);
      if (p.size === 0) this.places.delete(id);
    }
    this.articles.delete(uri);
  }
}

/**
 * `prev` (sorted, built from `prevLists`, every conflict with a place) brought up to `lists`, in the order one
 * stable sort of `lists` concatenated gives: conflicts of changed places that are gone are taken out, new ones
 * put in, each found by binary search; those still there (the same objects: a place keeps a conflict until its
 * pairs change) stay where they were. Null when that order could differ (a conflict without a place, or two
 * of one kind, id and place).
 */
function mergeChanged(prev: readonly Conflict[], prevLists: Map<string, Conflict[]>, lists: Map<string, Conflict[]>): Conflict[] | null {
  const changed = new Set<string>();
  for (const [id, list] of lists) if (prevLists.get(id) !== list) changed.add(id);
  for (const id of prevLists.keys()) if (!lists.has(id)) changed.add(id);
  const rank = new Map<string, number>();
  for (const id of lists.keys()) rank.set(id, rank.size);
  const old = new Set<Conflict>();
  for (const id of changed) for (const c of prevLists.get(id) ?? []) old.add(c);
  const now = new Set<Conflict>();
  const added: Conflict[] = [];
  for (const [id, list] of lists) {
    if (!changed.has(id)) continue;
    for (const c of list) {
      if (!c.place) return null;
      now.add(c);
      if (!old.has(c)) added.push(c);
    }
  }
  // Ties of kind and id (a 32-bit hash can collide) go in place order (a place gone ranks first: never compared
  // with one still there, as it is taken out).
  const before = (a: Conflict, b: Conflict) => byKindThenId(a, b) || (rank.get(a.place!.id) ?? -1) - (rank.get(b.place!.id) ?? -1);
  const gone: number[] = [];
  for (const c of old) {
    if (now.has(c)) continue;
    let i = lowerBound(prev, c, before);
    while (i < prev.length && prev[i] !== c && before(prev[i], c) === 0) i++;
    if (prev[i] !== c) return null;
    gone.push(i);
  }
  gone.sort((x, y) => x - y);
  const kept: Conflict[] = [];
  let from = 0;
  for (const i of gone) {
    for (let k = from; k < i; k++) kept.push(prev[k]);
    from = i + 1;
  }
  for (let k = from; k < prev.length; k++) kept.push(prev[k]);
  added.sort(before);
  const out: Conflict[] = [];
  from = 0;
  for (const c of added) {
    const at = lowerBound(kept, c, before);
    if (at < kept.length && before(kept[at], c) === 0) return null;
    for (let k = from; k < at; k++) out.push(kept[k]);
    from = at;
    out.push(c);
  }
  for (let k = from; k < kept.length; k++) out.push(kept[k]);
  return out;
}

/** First index of a sorted list whose element is not before `c`. */
function lowerBound(list: readonly Conflict[], c: Conflict, before: (a: Conflict, b: Conflict) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid], c) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Conflicts among the claims of many articles (the batch form of ClaimStore). */
export function findConflicts(articles: ArticleClaims[]): Conflict[] {
  const store = new ClaimStore();
  store.setMany(articles);
  return store.conflicts();
}
