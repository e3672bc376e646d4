// The server's conflict state: a ClaimStore kept in step with the ArticleStore, and the reviewed marks
// of the workspace folders. Notifies listeners with the URIs whose diagnostics may have changed.
import { fileURLToPath } from 'node:url';
import { ArticleClaims, ClaimStore, Conflict } from '../../analysis/conflicts';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';
import { reviewedIds, writeReviewed } from './reviewedFile';
import { runInSlices } from '../nextTurn';

type Listener = (uris: string[]) => void;

/** More changed files than this at once are synced as a batch (see sync). */
const BATCH = 8;
/**
 * During a large index pass, files are brought in at most this often (and when the pass ends): each sync
 * re-checks the conflicts of every place the open articles mention, which per batch of 16 files cost more
 * than indexing them.
 */
const BULK_SYNC_MS = 2000;
/**
 * A deferred sync runs in slices of about this long, so hovers and edits are answered in between: on a
 * 10,000-article pass its slices were the most frequent long turns of the event loop at 8 ms.
 */
const SLICE_MS = 4;
/**
 * Files brought in per step of a slice (one setMany: the claims of a step are added in date order). Small:
 * the slice's clock is read between steps, and at 10,000 articles one file's pair checks can take a few ms.
 */
const STEP_FILES = 2;
/**
 * During a large pass, conflict counts (the status bar's) are recounted at most this often: at 10,000 articles
 * a recount lists ~50,000 conflict ids in one turn of 20-40 ms, which a hover arriving then waits for.
 */
const COUNTS_LAG_MS = 3000;
/** A document with at least this many claims is synced in slices (see syncInSlices); below, at once (~10 ms). */
const SLICED_CLAIMS = 1000;
/** Claims added per step of such a slice (the slice's clock is read between steps). */
const SLICE_CLAIMS = 32;

function folderPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export class ConflictState {
  readonly claims = new ClaimStore();
  private reviewed: Set<string> | null = null;
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly ctx: ServerContext,
    private readonly log: (m: string) => void,
    /** How long a slice of syncing may run (tests set 0: one step a slice, whatever the machine's speed). */
    private readonly sliceMs = SLICE_MS,
  ) {
    for (const r of ctx.store.articles()) this.claims.set(r.uri, r.analysis.publication.date, r.analysis.claims);
    ctx.store.onChanged((uris) => (ctx.store.bulkLoading ? this.defer(uris) : this.sync(uris)));
    ctx.store.onBulkEnd(() => this.flushDeferred());
  }

  private deferred = new Set<string>();
  private deferTimer: ReturnType<typeof setTimeout> | null = null;

  /** Files changed during a large pass: synced together, every BULK_SYNC_MS and when the pass ends. */
  private defer(uris: string[]): void {
    for (const uri of uris) this.deferred.add(uri);
    this.deferTimer ??= setTimeout(() => this.flushDeferred(), BULK_SYNC_MS);
  }

  private flushing = false;

  /**
   * Brings the deferred files in, a slice at a time (on 10,000 articles a 2-second batch takes hundreds of
   * milliseconds of pair checks), then reports them and the open documents once.
   */
  private flushDeferred(): void {
    if (this.deferTimer) clearTimeout(this.deferTimer);
    this.deferTimer = null;
    if (this.flushing || this.deferred.size === 0) return; // a running flush takes the rest when it ends
    const uris = [...this.deferred];
    this.deferred.clear();
    this.flushing = true;
    let next = 0;
    const slice = () => {
      const end = Date.now() + this.sliceMs;
      // At least one step a slice, so a busy machine's clock cannot stall it.
      for (let step = 0; next < uris.length && (step === 0 || Date.now() < end); step++) {
        this.bringIn(uris.slice(next, next + STEP_FILES));
        next += STEP_FILES;
      }
      if (next < uris.length) {
        setImmediate(slice);
        return;
      }
      this.flushing = false;
      this.emitWithOpenDocuments(uris);
      if (this.deferred.size === 0) {
        // The pass's last files are in: counts read during the flush were short of these.
        if (!this.ctx.store.bulkLoading) for (const l of this.settledListeners) l();
        return;
      }
      if (this.ctx.store.bulkLoading) this.deferTimer ??= setTimeout(() => this.flushDeferred(), BULK_SYNC_MS);
      else this.flushDeferred();
    };
    slice();
  }

  /** The current claims of these files into the claim store (removed when no longer articles). */
  private bringIn(uris: string[]): void {
    const articles: ArticleClaims[] = [];
    for (const uri of uris) {
      this.sliced.delete(uri);
      const r = this.ctx.store.get(uri);
      if (r && r.isArticle) articles.push({ uri, published: r.analysis.publication.date, claims: r.analysis.claims });
      else this.claims.remove(uri);
    }
    this.claims.setMany(articles);
  }

  onChanged(listener: Listener): void {
    this.listeners.push(listener);
  }

  private readonly settledListeners: (() => void)[] = [];

  /** Called when the conflict checks deferred by an index pass have all run (see `checking`). */
  onSettled(listener: () => void): void {
    this.settledListeners.push(listener);
  }

  /** Files of an index pass are still waiting for their conflict checks: counts may still rise. */
  get checking(): boolean {
    return this.flushing || this.deferred.size > 0 || this.sliced.size > 0;
  }

  /** Brings the changed articles' claims in; reports every article whose conflicts may differ. */
  sync(uris: string[]): void {
    if (uris.length > BATCH) {
      // A batch from the workspace index.
      this.bringIn(uris);
      this.emitWithOpenDocuments(uris);
      return;
    }
    const affected = new Set<string>(uris);
    for (const uri of uris) {
      const r = this.ctx.store.get(uri);
      if (r && r.isArticle && r.analysis.claims.length >= SLICED_CLAIMS) {
        this.syncInSlices(uri, r);
        continue;
      }
      this.sliced.delete(uri);
      for (const c of this.claims.conflictsFor(uri)) c.files.forEach((f) => affected.add(f));
      if (r && r.isArticle) this.claims.set(uri, r.analysis.publication.date, r.analysis.claims);
      else this.claims.remove(uri);
      for (const c of this.claims.conflictsFor(uri)) c.files.forEach((f) => affected.add(f));
    }
    this.emit([...affected]);
  }

  /** True while this document's claims are being brought in a slice at a time (its conflicts are incomplete). */
  checkingDocument(uri: string): boolean {
    return this.sliced.has(uri);
  }

  /** Documents whose claims are being brought in by syncInSlices, with the record each slicing is for. */
  private readonly sliced = new Map<string, ArticleRecord>();

  /**
   * One document with thousands of claims, brought in a slice at a time: at 9,707 claims (a 1.9 MB document)
   * its pair checks held the server 265 ms in one go. Its conflicts are incomplete until the last slice
   * (`checking` says so meanwhile); a newer record of the document stops the slicing of the old one.
   */
  private syncInSlices(uri: string, record: ArticleRecord): void {
    this.claims.remove(uri);
    this.sliced.set(uri, record);
    const claims = record.analysis.claims;
    const published = record.analysis.publication.date;
    let next = 0;
    const slice = () => {
      if (this.sliced.get(uri) !== record) return;
      const end = Date.now() + this.sliceMs;
      for (let step = 0; next < claims.length && (step === 0 || Date.now() < end); step++) {
        this.claims.append(uri, published, claims.slice(next, next + SLICE_CLAIMS));
        next += SLICE_CLAIMS;
      }
      if (next < claims.length) {
        setImmediate(slice);
        return;
      }
      this.sliced.delete(uri);
      // Which other files its old and new claims conflicted with is not worked out (that alone took 140 ms):
      // only open documents show conflict diagnostics, so they are all told.
      this.emitWithOpenDocuments([uri]);
      if (!this.checking) for (const l of this.settledListeners) l();
    };
    slice();
  }

  all(): Conflict[] {
    return this.claims.conflicts();
  }

  /** all(), its first list after a change built a place at a time between other requests (see ClaimStore.conflictsInSteps). */
  allInSlices(): Promise<Conflict[]> {
    return runInSlices(this.claims.conflictsInSteps());
  }

  isReviewed(id: string): boolean {
    return this.reviewedSet().has(id);
  }

  /** Open and reviewed counts over the given conflicts (default: all). */
  counts(conflicts?: Conflict[]): { conflicts: number; reviewed: number } {
    const r = this.reviewedSet();
    const cached = this.lastCounts;
    // During a large pass the claims change with every step of a sync: the counts then lag by up to COUNTS_LAG_MS.
    const fresh = cached && cached.reviewed === r && (cached.version === this.claims.version || (this.ctx.store.bulkLoading && Date.now() - cached.at < COUNTS_LAG_MS));
    if (!conflicts && fresh) return { ...cached.counts };
    // Without a list, counted by id: the status bar asks often, and building every conflict is the costly part.
    const ids = conflicts ? conflicts.map((c) => c.id) : this.claims.conflictIds();
    let reviewed = 0;
    for (const id of ids) if (r.has(id)) reviewed++;
    const counts = { conflicts: ids.length - reviewed, reviewed };
    // Kept until the claims or the reviewed marks change: during indexing the status is sent twice a second
    // and listing 50,000 conflict ids each time was a few percent of the server thread.
    if (!conflicts) this.lastCounts = { version: this.claims.version, reviewed: r, counts, at: Date.now() };
    return { ...counts };
  }

  private lastCounts: { version: number; reviewed: Set<string>; counts: { conflicts: number; reviewed: number }; at: number } | null = null;

  /** One conflict by id, or null. */
  byId(id: string): Conflict | null {
    return this.claims.conflictById(id);
  }

  /** Marks a conflict reviewed (or not) in the first workspace folder's `.dateline/reviewed.json`. */
  setReviewed(id: string, reviewed: boolean): { ok: boolean; error: string | null } {
    const folder = this.ctx.workspaceFolders.map(folderPath).find((f): f is string => !!f);
    if (!folder) return { ok: false, error: 'no workspace folder to store reviewed conflicts in; open a folder' };
    const conflict = this.byId(id);
    try {
      writeReviewed(folder, id, reviewed ? { kind: conflict?.kind, message: conflict?.message, reviewedAt: new Date().toISOString() } : null);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    this.reviewed = null;
    this.emit(conflict ? conflict.files : []);
    return { ok: true, error: null };
  }

  /** Re-reads the reviewed files (they changed on disk, or folders changed). */
  reloadReviewed(): void {
    this.reviewed = null;
    this.emit(this.all().flatMap((c) => c.files));
  }

  private reviewedSet(): Set<string> {
    if (this.reviewed) return this.reviewed;
    const ids = new Set<string>();
    for (const f of this.ctx.workspaceFolders) {
      const p = folderPath(f);
      if (!p) continue;
      const got = reviewedIds(p);
      if (got.problem) this.log(`Dateline: ${got.problem}`);
      got.ids.forEach((id) => ids.add(id));
    }
    this.reviewed = ids;
    return ids;
  }

  /**
   * After a batch: the batch's files and every open document (finding who else each file affects costs more
   * than re-publishing the few open documents).
   */
  private emitWithOpenDocuments(uris: string[]): void {
    this.emit([...uris, ...this.ctx.documents.all().map((d) => d.uri)]);
  }

  private emit(uris: string[]): void {
    const unique = [...new Set(uris)];
    for (const l of this.listeners) l(unique);
  }
}
