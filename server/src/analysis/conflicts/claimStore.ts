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

  /** Forgets an article (closed and deleted, or no longer an article). */
  remove(uri: string): string[] {
    const touched = new Set<string>();
    this.unlink(uri, touched);
    this.articles.delete(uri);
    this.cache = null;
    this.changes++;
    return [...touched];
  }

  /** Every conflict, ordered by kind and id (stable for views and tests). */
  conflicts(): Conflict[] {
    if (!this.cache) {
      const all: Conflict[] = [];
      for (const p of this.places.values()) for (const c of p.conflicts()) all.push(c);
      this.cache = all.sort(byKindThenId);
    }
    return this.cache;
  }

  /** Conflicts with at least one claim in this article. */
  conflictsFor(uri: string): Conflict[] {
    const a = this.articles.get(uri);
    if (!a) return [];
    const out: Conflict[] = [];
    for (const id of a.places) {
      const p = this.places.get(id);
      if (p) for (const c of p.conflictsWith(a.entries.filter((e) => e.claim.place!.id === id), uri)) out.push(c);
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

  /** One conflict by id, or null. */
  conflictById(id: string): Conflict | null {
    if (this.cache) return this.cache.find((c) => c.id === id) ?? null;
    for (const p of this.places.values()) if (p.conflictIds().includes(id)) return p.conflicts().find((c) => c.id === id) ?? null;
    return null;
  }

  private placeFor(id: string): PlaceConflicts {
    let p = this.places.get(id);
    if (!p) this.places.set(id, (p = new PlaceConflicts()));
    return p;
  }

  private link(uri: string, published: string | null, claims: Claim[], touched: Set<string>): void {
    const entries: Entry[] = [];
    for (const c of claims) {
      const e = entryOf(uri, published, c);
      if (!e) continue;
      entries.push(e);
      touched.add(e.claim.place!.id);
      this.placeFor(e.claim.place!.id).add(e);
    }
    this.articles.set(uri, { published, entries, places: new Set(entries.map((e) => e.claim.place!.id)) });
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

/** Conflicts among the claims of many articles (the batch form of ClaimStore). */
export function findConflicts(articles: ArticleClaims[]): Conflict[] {
  const store = new ClaimStore();
  store.setMany(articles);
  return store.conflicts();
}
