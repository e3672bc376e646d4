// The workspace's claims by article, with conflicts kept per place so an edit re-checks only the
// places the edited article mentions (before or after the edit).
import { Claim } from '../types';
import { Conflict, ArticleClaims } from './types';
import { Entry, entryOf } from './entry';
import { conflictsOfPlace } from './detect';

interface Stored {
  published: string | null;
  entries: Entry[];
  places: Set<string>;
}

/** Incremental conflict detection: set/remove articles, read conflicts. Pure (no I/O). */
export class ClaimStore {
  private readonly articles = new Map<string, Stored>();
  private readonly byPlace = new Map<string, Set<string>>();
  private readonly conflictsByPlace = new Map<string, Conflict[]>();
  private cache: Conflict[] | null = null;

  /** Number of articles held. */
  get size(): number {
    return this.articles.size;
  }

  /** Adds or replaces an article's claims; returns the place ids whose conflicts were re-checked. */
  set(uri: string, published: string | null, claims: Claim[]): string[] {
    const oldPlaces = this.articles.get(uri)?.places ?? new Set<string>();
    const places = this.link(uri, published, claims);
    return this.recheck(new Set([...oldPlaces, ...places]));
  }

  /** Adds many articles and checks each place once (the batch path: indexing a workspace, the CLI). */
  setMany(articles: ArticleClaims[]): void {
    const touched = new Set<string>();
    for (const a of articles) {
      this.articles.get(a.uri)?.places.forEach((p) => touched.add(p));
      this.link(a.uri, a.published, a.claims).forEach((p) => touched.add(p));
    }
    this.recheck(touched);
  }

  private link(uri: string, published: string | null, claims: Claim[]): Set<string> {
    const entries: Entry[] = [];
    for (const c of claims) {
      const e = entryOf(uri, published, c);
      if (e) entries.push(e);
    }
    const places = new Set(entries.map((e) => e.claim.place!.id));
    this.unlink(uri, this.articles.get(uri));
    this.articles.set(uri, { published, entries, places });
    for (const p of places) {
      let set = this.byPlace.get(p);
      if (!set) this.byPlace.set(p, (set = new Set()));
      set.add(uri);
    }
    return places;
  }

  /** Forgets an article (closed and deleted, or no longer an article). */
  remove(uri: string): string[] {
    const old = this.articles.get(uri);
    if (!old) return [];
    this.unlink(uri, old);
    this.articles.delete(uri);
    return this.recheck(old.places);
  }

  /** Every conflict, ordered by kind, place and id (stable for views and tests). */
  conflicts(): Conflict[] {
    if (!this.cache) {
      this.cache = [...this.conflictsByPlace.values()].flat().sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return this.cache;
  }

  /** Conflicts with at least one claim in this article. */
  conflictsFor(uri: string): Conflict[] {
    const places = this.articles.get(uri)?.places;
    if (!places) return [];
    const out: Conflict[] = [];
    for (const p of places) for (const c of this.conflictsByPlace.get(p) ?? []) if (c.files.includes(uri)) out.push(c);
    return out;
  }

  private unlink(uri: string, old: Stored | undefined): void {
    if (!old) return;
    for (const p of old.places) {
      const set = this.byPlace.get(p);
      set?.delete(uri);
      if (set && set.size === 0) this.byPlace.delete(p);
    }
  }

  private recheck(places: Set<string>): string[] {
    for (const p of places) {
      const uris = this.byPlace.get(p);
      const entries: Entry[] = [];
      if (uris) for (const u of uris) for (const e of this.articles.get(u)!.entries) if (e.claim.place!.id === p) entries.push(e);
      const found = entries.length > 1 ? conflictsOfPlace(entries) : [];
      if (found.length) this.conflictsByPlace.set(p, found);
      else this.conflictsByPlace.delete(p);
    }
    this.cache = null;
    return [...places];
  }
}

/** Conflicts among the claims of many articles (the batch form of ClaimStore). */
export function findConflicts(articles: ArticleClaims[]): Conflict[] {
  const store = new ClaimStore();
  store.setMany(articles);
  return store.conflicts();
}
