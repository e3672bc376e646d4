// Index workers: worker threads that run indexFile() for the background index, so analysing thousands of
// files uses the other cores and leaves the main thread free for the open article's requests.
// The worker code is the server bundle itself (server/src/main.ts hands over to runIndexWorker when it starts
// as one), so nothing extra is built or shipped.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { loadKnowledge } from '../../knowledge/loadKnowledge';
import { loadedGazetteerBytes } from '../../knowledge/loadPlaceIndex';
import { dropOutcome, IndexJob, indexFile, indexFiles, IndexOutcome, knowledgeWithOverlays, KnowledgeOverlays } from './indexFile';
import { SpillFile, SpillStore } from './spillStore';
import { WirePacked, WireReceiver, WireSender } from './wireParts';
import { WorkerSpill } from './workerSpill';
import { lowerThisThreadPriority } from './threadPriority';
import { startBundleWorker } from '../bundleWorker';

/**
 * A worker's young generation (V8's default is sized for throughput): each file's analysis is short-lived
 * garbage, and a smaller nursery collected more often lowers the peak RSS of indexing 10,000 articles with
 * 2 workers at the same CPU time: default 738-745 MB, 8 MB 650-664 MB (before other savings), then 4 MB
 * 514-519 against 8 MB 532-536 (2 runs each, idle machine, CPU 30.3-30.8 s either way).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** workerData.role of an index worker. */
export const INDEX_WORKER_ROLE = 'dateline-index-worker';
/** What an index worker names its thread (Linux, at most 15 bytes), so `top -H` and the bench can tell it apart. */
export const INDEX_WORKER_THREAD_NAME = 'dateline-index';

interface WorkerSetup {
  role: typeof INDEX_WORKER_ROLE;
  overlays: KnowledgeOverlays;
  /** The main thread's gazetteer bytes (shared memory), or null to read the file. */
  gazetteer: Uint8Array | null;
  /** The spill file the main thread made for this worker (SpillStore.forWorker), or null: packed bytes go with the replies. */
  spillFile: string | null;
}

type Request = { seq: number; job: IndexJob };
/** An outcome as sent: its packed analysis in wire form (wireParts.ts). */
type WireOutcome = Exclude<IndexOutcome, { packed: unknown }> | (Omit<Extract<IndexOutcome, { packed: unknown }>, 'packed'> & { packed: WirePacked });
/**
 * Where the worker's spill file holds the outcome's packed bulk and text, which then travel empty: bulk offset
 * and length, text offset and length (length 0: nothing spilled, the bytes are in the outcome).
 */
type Spilled = [number, number, number, number];
type Reply = { seq: number; outcome: WireOutcome; spilled?: Spilled } | { seq: number; error: string };
/** What a worker posts: first whether it could open its spill file, then the replies of each batch (or one at a time). */
type Message = Reply | { replies: Reply[] } | { spillOpened: boolean };

/** True in a worker thread started by IndexWorkers. */
export function isIndexWorker(): boolean {
  return !!parentPort && (workerData as Partial<WorkerSetup> | null)?.role === INDEX_WORKER_ROLE;
}

/**
 * Files a worker analyses together (indexFiles): whatever jobs have arrived, up to this many. analyzeArticles
 * runs x1.29 faster on batches of 16 than article by article on the generated corpus (x1.17 on FA-KES), x1.33
 * on 32. 32 keeps twice the analyses alive in each worker, which once cost too much memory (peak RSS 508-520
 * MB against 492-499 with 16); since the heaps grow less (heapGrowth.ts), indexing 10,000 articles with 32
 * took 10.6-10.8 s, 19.9-20.2 s CPU and peaked at 460-464 MB, against 10.8-11.8 s, 20.4-22.1 s and 438-460 MB
 * with 16 (3 alternated pairs).
 */
export const WORKER_BATCH = 32;

/** The worker side: loads knowledge once (with the user's overlays), then answers the jobs queued, a batch at a time. */
export function runIndexWorker(): void {
  const port = parentPort!;
  const setup = workerData as WorkerSetup;
  nameThisThread(INDEX_WORKER_THREAD_NAME);
  lowerThisThreadPriority();
  const knowledge = knowledgeWithOverlays(loadKnowledge({ gazetteer: setup.gazetteer }), setup.overlays);
  const wire = new WireSender();
  let spill = setup.spillFile ? new WorkerSpill(setup.spillFile) : null;
  if (spill) {
    port.postMessage({ spillOpened: spill.opened } satisfies Message);
    if (!spill.opened) spill = null;
  }
  const queue: Request[] = [];
  let scheduled = false;
  const replyTo = (seq: number, outcome: IndexOutcome, spilled: Spilled | undefined): Reply => {
    const reply: Reply = { seq, outcome: outcome.text === null ? outcome : { ...outcome, packed: wire.encode(outcome.packed) } };
    if (spilled) reply.spilled = spilled;
    return reply;
  };
  const failure = (seq: number, err: unknown): Reply => ({ seq, error: err instanceof Error ? err.message : String(err) });
  const drain = () => {
    scheduled = false;
    const batch = queue.splice(0, WORKER_BATCH);
    // Jobs arriving meanwhile are read after this batch, never starved by it.
    if (queue.length) schedule();
    let outcomes: IndexOutcome[] | null = null;
    try {
      outcomes = indexFiles(batch.map((r) => r.job), knowledge);
    } catch {
      // Something in the batch failed: each job again on its own, so only the failing one reports an error.
    }
    const done: (IndexOutcome | Error)[] = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      try {
        done[i] = outcomes ? outcomes[i] : indexFile(batch[i].job, knowledge);
      } catch (err) {
        done[i] = err instanceof Error ? err : new Error(String(err));
      }
    }
    // Written before any reply is sent, so the main thread can read a record as soon as it hears of it.
    const where = spillBatch(done, spill);
    const replies: Reply[] = [];
    for (let i = 0; i < batch.length; i++) {
      const { seq } = batch[i];
      const d = done[i];
      try {
        replies.push(d instanceof Error ? failure(seq, d) : replyTo(seq, d, where[i]));
      } catch (err) {
        replies.push(failure(seq, err));
      }
    }
    // One message a batch: each message wakes the main thread, and one a file meant 10,000 wake-ups (and
    // as many switches between threads on a busy machine) in a pass. Bytes not spilled are copied, not
    // transferred: a transferred buffer is memory the main thread's collector does not count, and the ~100 MB
    // of them a 10,000-article pass sent then lingered (peak RSS +70 MB).
    try {
      port.postMessage({ replies } satisfies Message);
    } catch {
      // A reply that cannot be sent: each on its own, so only that job fails (and is redone in the main thread).
      for (const r of replies) {
        try {
          port.postMessage(r);
        } catch (err) {
          port.postMessage(failure(r.seq, err));
        }
      }
    }
  };
  const schedule = () => {
    scheduled = true;
    setImmediate(drain);
  };
  port.on('message', (request: Request) => {
    queue.push(request);
    if (!scheduled) schedule();
  });
}

const NO_BYTES = new Uint8Array(0);

/** Moves the packed bytes of a batch's outcomes to the worker's spill file (one write); where each went, or undefined where they stay. */
function spillBatch(done: readonly (IndexOutcome | Error)[], spill: WorkerSpill | null): (Spilled | undefined)[] {
  const where: (Spilled | undefined)[] = new Array(done.length).fill(undefined);
  if (!spill) return where;
  const records: Uint8Array[] = [];
  for (const d of done) {
    if (d instanceof Error || d.text === null) continue;
    if (d.packed.bulk.length) records.push(d.packed.bulk);
    if (d.text.bytes.length) records.push(d.text.bytes);
  }
  const offsets = records.length ? spill.write(records) : null;
  if (!offsets) return where;
  let k = 0;
  for (let i = 0; i < done.length; i++) {
    const d = done[i];
    if (d instanceof Error || d.text === null) continue;
    const bulk = d.packed.bulk.length;
    const text = d.text.bytes.length;
    where[i] = [bulk ? offsets[k++] : -1, bulk, text ? offsets[k++] : -1, text];
    if (bulk) d.packed.bulk = NO_BYTES;
    if (text) d.text.bytes = NO_BYTES;
  }
  return where;
}

/** Names the calling thread where the system lets a thread do so (Linux); elsewhere nothing happens. */
function nameThisThread(name: string): void {
  if (process.platform !== 'linux') return;
  try {
    fs.writeFileSync('/proc/thread-self/comm', name);
  } catch {
    // Not Linux, or /proc not mounted: the thread keeps its name.
  }
}

/** Workers worth starting here: one per core (the main thread mostly waits), at most four. */
export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

interface Pending {
  resolve(outcome: IndexOutcome): void;
  reject(err: Error): void;
}

/** A pool of index workers for one indexing pass; close() it when the pass ends. */
export class IndexWorkers {
  private readonly workers: { worker: Worker; pending: Map<number, Pending>; spillFile: SpillFile | null }[] = [];
  /** The workers' spill files (SpillStore.forWorker), null when the index keeps packed bytes in memory. */
  private readonly spill = process.env.DATELINE_SPILL === '0' ? null : new SpillStore();
  private seq = 0;
  private closed = false;
  /** Replies of every worker, taken one per turn of the event loop (see Inbox). */
  private readonly inbox = new Inbox();

  /** `entry`: the script a worker runs (the server bundle, or server/src/main.ts under tsx). */
  constructor(entry: string, count: number, overlays: KnowledgeOverlays) {
    const gazetteer = loadedGazetteerBytes();
    for (let i = 0; i < count; i++) {
      // Workers spill when the index does (articleStore.ts: DATELINE_SPILL=0 keeps everything in memory).
      const spillFile = this.spill?.forWorker() ?? null;
      const setup: WorkerSetup = { role: INDEX_WORKER_ROLE, overlays, gazetteer, spillFile: spillFile?.pathToDelete ?? null };
      let worker: Worker;
      try {
        worker = startBundleWorker(entry, setup, { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB });
      } catch (err) {
        if (spillFile) this.spill?.writerStopped(spillFile);
        throw err;
      }
      const slot = { worker, pending: new Map<number, Pending>(), spillFile };
      // Decoded in arrival order, even for a job no longer awaited: the numbering follows the worker's messages.
      const wire = new WireReceiver();
      const receive = (reply: Reply) => {
        let outcome: IndexOutcome | null = null;
        let error = 'error' in reply ? reply.error : null;
        if (!('error' in reply)) {
          outcome = reply.outcome.text === null ? reply.outcome : { ...reply.outcome, packed: wire.decode(reply.outcome.packed) };
          if (reply.spilled && !this.placeSpilled(outcome, reply.spilled, slot.spillFile)) error = 'spilled bytes without a spill file';
        }
        const p = slot.pending.get(reply.seq);
        if (!p || error !== null) {
          // Not stored: its spilled records are let go (the file closes once all are).
          if (outcome) dropOutcome(outcome);
          if (!p) return;
        }
        slot.pending.delete(reply.seq);
        if (outcome && error === null) p.resolve(outcome);
        else p.reject(new Error(error ?? 'no outcome'));
      };
      worker.on('message', (m: Message) => {
        // The worker has its descriptor: the file's name can go (a worker that could not open it sends bytes).
        if ('spillOpened' in m) {
          if (slot.spillFile) this.spill?.unlinkName(slot.spillFile);
        } else if ('replies' in m) {
          // Still one reply per turn of the event loop (Inbox), in the order sent.
          for (const r of m.replies) this.inbox.push(() => receive(r));
        } else this.inbox.push(() => receive(m));
      });
      // A worker that dies fails its jobs; the indexer redoes them in the main thread.
      const fail = (err: Error) => {
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
        const at = this.workers.indexOf(slot);
        if (at >= 0) this.workers.splice(at, 1);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        fail(new Error(`index worker exited (code ${code})`));
        // Its thread is gone: the file can be closed once no record in it is live.
        if (slot.spillFile) this.spill?.writerStopped(slot.spillFile);
      });
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs a job on the least busy worker; rejects when no worker is left or the worker failed. */
  run(job: IndexJob): Promise<IndexOutcome> {
    if (this.closed || this.workers.length === 0) return Promise.reject(new Error('no index worker'));
    let slot = this.workers[0];
    for (const w of this.workers) if (w.pending.size < slot.pending.size) slot = w;
    const seq = ++this.seq;
    return new Promise<IndexOutcome>((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, job } satisfies Request);
    });
  }

  /** Stops every worker; jobs still pending are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = this.workers.splice(0);
    await Promise.all(all.map((w) => w.worker.terminate().catch(() => undefined)));
    for (const w of all) {
      for (const p of w.pending.values()) p.reject(new Error('index workers closed'));
      if (w.spillFile) this.spill?.writerStopped(w.spillFile);
    }
  }

  /** Points an outcome's emptied bulk and text at the worker's spill file; false when the worker named no file. */
  private placeSpilled(outcome: IndexOutcome, [bulkAt, bulkLength, textAt, textLength]: Spilled, file: SpillFile | null): boolean {
    if (outcome.text === null) return true;
    if (!file || !this.spill) return false;
    if (bulkLength > 0) outcome.packed.spilled = this.spill.adoptedRecord(file, bulkAt, bulkLength);
    if (textLength > 0) outcome.text.spilled = this.spill.adoptedRecord(file, textAt, textLength);
    return true;
  }
}

/**
 * Work taken one item per turn of the event loop. A worker answers a whole batch in one message: handled as
 * they come, its 32 results (decoded, stored, announced) would hold up an LSP request arriving meanwhile for
 * tens of milliseconds.
 */
class Inbox {
  private readonly items: (() => void)[] = [];
  private head = 0;
  private scheduled = false;

  push(item: () => void): void {
    this.items.push(item);
    if (!this.scheduled) this.next();
  }

  private next(): void {
    this.scheduled = true;
    // setImmediate runs after I/O polling: requests read meanwhile are handled between two results.
    setImmediate(() => {
      const item = this.items[this.head++];
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      this.scheduled = false;
      if (this.head < this.items.length) this.next();
      item();
    });
  }
}
