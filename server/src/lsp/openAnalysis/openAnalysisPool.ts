// The main thread's side of the open-document worker: started at the first large document, restarted when the
// user's places or factions change (it lays them over its own knowledge), and given up for the in-thread
// analysis when it cannot start or dies.
import { Worker } from 'node:worker_threads';
import { ArticleAnalysis, Knowledge } from '../../analysis';
import { loadedGazetteerBytes } from '../../knowledge/loadPlaceIndex';
import { startBundleWorker } from '../bundleWorker';
import { ClassifyInput } from '../articleStore';
import { KnowledgeOverlays } from '../index/indexFile';
import { fromPieces } from './analysisPieces';
import { nextTurn } from '../nextTurn';
import { OPEN_ANALYSIS_ROLE, OpenReply, OpenRequest, OpenWorkerSetup } from './openAnalysisWorker';

/**
 * Documents of at least this many characters are analysed in the worker. Below it the main thread's analysis
 * (~8 MB/s once warm: 16 ms for 128 KB) costs less than the trip (a piece decoded per turn of the event loop).
 */
export const OFF_THREAD_MIN_CHARS = 128 * 1024;

/** How long the worker may sit idle before it is stopped (the next large document starts it again). */
const IDLE_CLOSE_MS = 60_000;

export interface OffThreadResult {
  isArticle: boolean;
  analysis: ArticleAnalysis;
}

export interface OpenAnalysisOptions {
  /** The script the worker runs: the server bundle. */
  entry: string;
  /** The user's entries in force (call after `knowledge()`, which loads them). */
  overlays: () => KnowledgeOverlays;
  knowledge: () => Knowledge;
  /** Warnings (the worker could not start or died). */
  log: (message: string) => void;
  /** Information (the worker started). */
  info: (message: string) => void;
}

interface Pending {
  resolve(result: OffThreadResult): void;
  reject(err: Error): void;
}

export class OpenAnalysisWorker {
  private worker: Worker | null = null;
  /** The knowledge the running worker was started for: a different one means the user's data changed. */
  private startedFor: Knowledge | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** Set once the worker could not start or died twice: every analysis then stays in the main thread. */
  private broken = false;
  private deaths = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Documents analysed here so far (for tests: proof the worker, not the main thread, made an analysis). */
  analysed = 0;

  constructor(private readonly options: OpenAnalysisOptions) {}

  /** False when the worker cannot be used (the caller analyses in its own thread). */
  get available(): boolean {
    return !this.broken;
  }

  /** Analyses one document in the worker; rejects when the worker fails (then analyse it in the main thread). */
  analyse(input: ClassifyInput): Promise<OffThreadResult> {
    const worker = this.current();
    if (!worker) return Promise.reject(new Error('open-document worker unavailable'));
    const seq = ++this.seq;
    return new Promise<OffThreadResult>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, input } satisfies OpenRequest);
    });
  }

  /** Stops the worker; analyses still pending are rejected. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('open-document worker closed'));
    if (w) await w.terminate().catch(() => undefined);
  }

  /** The worker for the knowledge in force, started (or restarted) as needed. */
  private current(): Worker | null {
    if (this.broken) return null;
    const knowledge = this.options.knowledge();
    if (this.worker && this.startedFor === knowledge) return this.worker;
    if (this.worker) void this.close();
    try {
      const setup: OpenWorkerSetup = { role: OPEN_ANALYSIS_ROLE, overlays: this.options.overlays(), gazetteer: loadedGazetteerBytes() };
      const worker = startBundleWorker(this.options.entry, setup);
      worker.on('message', (reply: OpenReply) => void this.receive(reply));
      worker.on('error', (err) => this.died(worker, err));
      worker.on('exit', (code) => this.died(worker, new Error(`open-document worker exited (code ${code})`)));
      this.worker = worker;
      this.startedFor = knowledge;
      this.options.info('Dateline: large documents are analysed in a worker thread, so requests in other articles are answered meanwhile.');
      return worker;
    } catch (err) {
      this.broken = true;
      this.options.log(`Dateline: open-document worker unavailable (${(err as Error).message}); large documents are analysed in the server thread.`);
      return null;
    }
  }

  private async receive(reply: OpenReply): Promise<void> {
    const p = this.pending.get(reply.seq);
    if (!p) return;
    this.pending.delete(reply.seq);
    if (this.pending.size === 0) this.idleSoon();
    if ('error' in reply) return p.reject(new Error(reply.error));
    try {
      const analysis = await fromPieces(reply.analysis, nextTurn);
      this.analysed++;
      p.resolve({ isArticle: reply.isArticle, analysis });
    } catch (err) {
      p.reject(err as Error);
    }
  }

  /** An idle worker is stopped after a while: its heap and its copy of the knowledge are not kept for nothing. */
  private idleSoon(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) void this.close();
    }, IDLE_CLOSE_MS);
    this.idleTimer.unref();
  }

  private died(worker: Worker, err: Error): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.failAll(err);
    // Once may be chance (memory): the next large document starts a new worker. Twice, it stays in the main thread.
    if (++this.deaths >= 2) {
      this.broken = true;
      this.options.log(`Dateline: open-document worker failed twice (${err.message}); large documents are analysed in the server thread.`);
    }
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }
}
