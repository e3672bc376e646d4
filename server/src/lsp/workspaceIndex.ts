// Keeps ArticleStore's disk side in step with the workspace: a background index at start, with cancellable
// work-done progress, then file-watcher events one file at a time. Large passes run in index workers
// (index/indexWorkers.ts) and only store their packed results here; small ones, and any file a worker
// failed on, run in this thread in short time slices that yield to the event loop, so hovers in the open
// article are never held up.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, FileEvent } from 'vscode-languageserver';
import { DatelineSettings } from '../protocol';
import { ServerContext } from './serverContext';
import { groupDigits } from '../analysis/groupDigits';
import { matchesGlobs } from './settings';
import { hasArticleExtension, inSkippedFolder, walkFolder } from './index/walkFolder';
import { dropOutcome, IndexJob, indexFile, IndexOutcome, KnowledgeOverlays } from './index/indexFile';
import { defaultWorkerCount, IndexWorkers, WORKER_BATCH } from './index/indexWorkers';
import { nextTurn } from './nextTurn';

/** Longest stretch of indexing work before yielding to pending requests. */
const SLICE_MS = 8;
/** Passes with fewer files stay in this thread: starting workers (~0.2 s each) would cost more. */
const WORKER_MIN_FILES = 200;
/** Jobs queued per worker: a full batch being analysed and the next one waiting, so a worker never waits for the main thread. */
const JOBS_PER_WORKER = 2 * WORKER_BATCH;
/** Least time between two progress reports of a worker pass. */
const REPORT_MS = 100;
/** Most files announced to listeners at once during a worker pass. */
const ANNOUNCE_MAX = 16;

/** How to start index workers: the script they run and the user's knowledge overlays at the time. */
export interface WorkerOptions {
  entry: string;
  overlays: () => KnowledgeOverlays;
  /** Defaults to one per core, at most four. */
  count?: number;
  /** Defaults to WORKER_MIN_FILES. */
  minFiles?: number;
}
/** Longest wait at start-up for the open documents' first analysis before indexing begins anyway. */
const START_WAIT_MS = 1000;
/** Wait at start-up for a first document to be opened. */
const OPEN_WAIT_MS = 50;
/** Per-file log lines per indexing pass before summarising. */
const MAX_FILE_MESSAGES = 100;

interface Reporter {
  begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
  report(percentage: number, message: string): void;
  done(): void;
  token?: { isCancellationRequested: boolean };
}

/** The language of a file read from disk, as an editor would give it. */
export function languageOfFile(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.news' || ext === '.article') return 'news';
  if (ext === '.md') return 'markdown';
  return 'plaintext';
}

function toPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export class WorkspaceIndex {
  /** Bumped to cancel the running pass (a new pass, a cancel from the progress UI, shutdown). */
  private run = 0;
  private current: Promise<void> = Promise.resolve();
  /** Settings each folder was last indexed with, to re-index only when they change. */
  private readonly folderSettings = new Map<string, string>();
  private logged = 0;
  /** Files of this pass skipped unread (binary, too large, unreadable). */
  private unreadable = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly log: (message: string) => void = (m) => ctx.connection.console.log(m),
    /** Null: index in this thread only. */
    private readonly workers: WorkerOptions | null = null,
  ) {}

  /** Indexes every workspace folder in the background; resolves when done or cancelled. */
  start(): Promise<void> {
    const id = ++this.run;
    this.current = this.indexAll(id).catch((err) => this.log(`Dateline: indexing failed: ${(err as Error).stack ?? err}`));
    return this.current;
  }

  /**
   * The first pass at start-up: waits until the documents the editor opened with have their first analysis
   * (so their diagnostics are not queued behind indexing): editors send those right after `initialized`, so
   * with none open after OPEN_WAIT_MS it starts, and never later than START_WAIT_MS.
   */
  startAfterOpenDocuments(): void {
    const started = Date.now();
    const poll = () => {
      const docs = this.ctx.documents.all();
      const waited = Date.now() - started;
      const ready = docs.length > 0 ? docs.every((d) => this.ctx.store.getVersion(d.uri, d.version)) : waited >= OPEN_WAIT_MS;
      if (ready || waited >= START_WAIT_MS) void this.start();
      else setTimeout(poll, 10);
    };
    setTimeout(poll, 0);
  }

  /** Stops the running pass; what was indexed so far stays. */
  cancel(): void {
    this.run++;
  }

  /** `dateline/reanalyze`: re-reads and re-analyses everything; resolves with the number of articles. */
  async reanalyze(): Promise<number> {
    await this.start();
    return this.ctx.store.articles().length;
  }

  /** After a settings change: re-index only when the globs or size limit of a folder changed. */
  async settingsChanged(): Promise<void> {
    for (const folder of this.ctx.workspaceFolders) {
      const s = await this.ctx.settings.forResource(folder);
      if (this.folderSettings.has(folder) && this.folderSettings.get(folder) !== settingsKey(s)) {
        this.log('Dateline: article globs or size limit changed; re-indexing the workspace.');
        void this.start();
        return;
      }
    }
  }

  /** workspace/didChangeWatchedFiles: article files created, changed or deleted on disk. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    for (const change of changes) {
      const file = toPath(change.uri);
      if (!file || inSkippedFolder(file) || !this.folderOf(change.uri)) continue;
      const uri = pathToFileURL(file).toString();
      if (change.type === FileChangeType.Deleted) {
        this.ctx.store.removeDisk(uri);
        continue;
      }
      const settings = await this.ctx.settings.forResource(uri);
      if (!hasArticleExtension(file) && !matchesGlobs(uri, settings.articleGlobs)) continue;
      this.apply(indexFile(jobFor(file, uri, settings), this.ctx.knowledge()));
    }
  }

  private folderOf(uri: string): string | undefined {
    return this.ctx.workspaceFolders.find((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : f + '/'));
  }

  private async indexAll(id: number): Promise<void> {
    const started = Date.now();
    let reporter: Reporter = { begin() {}, report() {}, done() {} };
    const live = () => id === this.run && !reporter.token?.isCancellationRequested;
    this.logged = 0;
    this.unreadable = 0;
    try {
      reporter = await this.ctx.connection.window.createWorkDoneProgress();
    } catch {
      // The client refused a progress token: index without a progress bar.
    }
    reporter.begin('Indexing articles', 0, 'listing files…', true);
    // Index workers start as soon as the listing has found enough files for them, so they load while the rest
    // is listed (listing 10,000 files and starting two workers each took a few hundred milliseconds).
    const early: { pool: IndexWorkers | null; tried: boolean } = { pool: null, tried: false };
    let listed = 0;
    const minFiles = this.workers?.minFiles ?? WORKER_MIN_FILES;
    const listedOne = () => {
      if (++listed < minFiles || early.tried || !this.workers) return;
      early.tried = true;
      early.pool = this.startWorkers(this.workers);
    };
    try {
      const jobs: IndexJob[] = [];
      const seen = new Set<string>();
      for (const folder of this.ctx.workspaceFolders) {
        const root = toPath(folder);
        if (!root) continue;
        const settings = await this.ctx.settings.forResource(folder);
        this.folderSettings.set(folder, settingsKey(settings));
        const accept = (f: string) => {
          const yes = hasArticleExtension(f) || matchesGlobs(pathToFileURL(f).toString(), settings.articleGlobs);
          if (yes) listedOne();
          return yes;
        };
        const walked = await walkFolder(root, accept, () => !live());
        for (const s of walked.skippedFolders) this.log(`Dateline: skipped folder ${s.path}: ${s.reason}`);
        for (const file of walked.files) jobs.push(jobFor(file, pathToFileURL(file).toString(), settings));
      }
      const pool = early.pool;
      if (!live()) return;
      const total = jobs.length;
      const progress = (done: number) => reporter.report((done / total) * 100, `${groupDigits(done)} / ${groupDigits(total)}`);
      const threads = pool ? ` (${pool.size} index worker${pool.size === 1 ? '' : 's'})` : '';
      const done = pool ? await this.indexInWorkers(pool, jobs, live, progress) : await this.indexHere(jobs, live, progress);
      for (let i = 0; i < done; i++) seen.add(jobs[i].uri);
      if (done < total) {
        this.log(`Dateline: indexing cancelled after ${groupDigits(done)} of ${groupDigits(total)} files.`);
        return;
      }
      // Files that vanished since the last pass.
      for (const uri of this.ctx.store.diskUris()) if (!seen.has(uri)) this.ctx.store.removeDisk(uri);
      const articles = this.ctx.store.articles().length;
      const others = total - articles - this.unreadable;
      this.log(
        `Dateline: indexed ${groupDigits(articles)} articles from ${groupDigits(total)} files` +
          ` (${groupDigits(this.unreadable)} skipped, ${groupDigits(Math.max(0, others))} not articles) in ${Date.now() - started} ms${threads}.`,
      );
    } finally {
      reporter.done();
      // Workers started for a listing that was then cancelled or failed (after a pass, closing again does nothing).
      await early.pool?.close();
    }
  }

  /** Per-file messages, capped per pass so a folder of 10,000 binaries does not flood the output. */
  private logFile(message: string): void {
    this.logged++;
    if (this.logged <= MAX_FILE_MESSAGES) this.log(`Dateline: ${message}`);
    else if (this.logged === MAX_FILE_MESSAGES + 1) this.log('Dateline: more files skipped or re-decoded (not logged one by one; each keeps its reason in the index).');
  }

  /** The pass in this thread, in time slices; returns how many jobs were done (all unless cancelled). */
  private async indexHere(jobs: IndexJob[], live: () => boolean, progress: (done: number) => void): Promise<number> {
    let done = 0;
    while (done < jobs.length && live()) {
      const sliceEnd = Date.now() + SLICE_MS;
      do this.apply(indexFile(jobs[done++], this.ctx.knowledge()));
      while (done < jobs.length && Date.now() < sliceEnd);
      progress(done);
      // Let hovers, edits and cancellation in before the next slice.
      await nextTurn();
    }
    return done;
  }

  private startWorkers(options: WorkerOptions): IndexWorkers | null {
    try {
      this.ctx.knowledge(); // loads the user's files, so the overlays below are the ones in force
      return new IndexWorkers(options.entry, options.count ?? defaultWorkerCount(), options.overlays());
    } catch (err) {
      this.log(`Dateline: index workers unavailable (${(err as Error).message}); indexing in the server thread.`);
      return null;
    }
  }

  /**
   * The pass in workers: keeps each busy with a few queued jobs and stores results as they come (each result
   * is its own turn of the event loop, so requests interleave). Results are stored in job order, so a
   * cancelled pass keeps exactly its first `done` files. A job a worker failed on is redone here.
   */
  private async indexInWorkers(pool: IndexWorkers, jobs: IndexJob[], live: () => boolean, progress: (done: number) => void): Promise<number> {
    const results: (IndexOutcome | undefined)[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    let lastReport = 0;
    this.ctx.store.bulkLoading = true;
    try {
      await new Promise<void>((resolve) => {
        let running = 0;
        let unannounced: string[] = [];
        const settle = () => {
          // Store the finished prefix, in order; listeners (conflicts, views) hear of it in batches.
          while (done < jobs.length && results[done] && live()) {
            unannounced.push(this.apply(results[done]!, false));
            results[done++] = undefined;
          }
          // Announced in small batches: what listeners do per file (conflicts) then never holds a request up long.
          if (unannounced.length >= ANNOUNCE_MAX || (unannounced.length && (Date.now() - lastReport >= REPORT_MS || done === jobs.length || !live()))) {
            this.ctx.store.announce(unannounced);
            unannounced = [];
          }
          if (live() && done > 0 && (Date.now() - lastReport >= REPORT_MS || done === jobs.length)) {
            lastReport = Date.now();
            progress(done);
          }
          if (!live() || next >= jobs.length) {
            if (running === 0) resolve();
            return;
          }
          while (next < jobs.length && running < Math.max(1, pool.size) * JOBS_PER_WORKER) launch(next++);
        };
        const launch = (i: number) => {
          running++;
          pool
            .run(jobs[i])
            // Redone here, one file per turn of the event loop (a pool whose workers all died fails at once).
            .catch(() => new Promise<IndexOutcome>((redone) => setImmediate(() => redone(indexFile(jobs[i], this.ctx.knowledge())))))
            .catch((err: Error): IndexOutcome => ({ uri: jobs[i].uri, file: jobs[i].file, text: null, reason: `internal error: ${err.message}` }))
            .then((outcome) => {
              running--;
              results[i] = outcome;
              settle();
            });
        };
        settle();
      });
    } finally {
      // Results of a cancelled pass that were not stored: their spilled records are let go.
      for (let i = done; i < results.length; i++) if (results[i]) dropOutcome(results[i]!);
      // Workers first: the end of a pass starts the deferred conflict checks, which should not share the
      // memory peak with the workers' heaps.
      await pool.close();
      this.ctx.store.bulkLoading = false;
    }
    return done;
  }

  /** Stores one file's outcome (unreadable, binary and oversized files become skipped records); returns its URI. */
  private apply(outcome: IndexOutcome, notify = true): string {
    if (outcome.text === null) {
      this.unreadable++;
      this.ctx.store.setSkipped(outcome.uri, outcome.reason, notify);
      this.logFile(`skipped ${outcome.file}: ${outcome.reason}`);
      return outcome.uri;
    }
    if (outcome.note) this.logFile(`${outcome.file}: ${outcome.note}`);
    this.ctx.store.setDiskPacked(outcome.uri, outcome.text, outcome.isArticle, outcome.packed, notify);
    return outcome.uri;
  }
}

function jobFor(file: string, uri: string, settings: DatelineSettings): IndexJob {
  return {
    file,
    uri,
    maxBytes: settings.maxFileSizeKB * 1024,
    languageId: languageOfFile(file),
    matchesGlobs: matchesGlobs(uri, settings.articleGlobs),
    defaultPublished: settings.defaultPublished,
  };
}

function settingsKey(s: DatelineSettings): string {
  return JSON.stringify([s.articleGlobs, s.maxFileSizeKB, s.defaultPublished]);
}
