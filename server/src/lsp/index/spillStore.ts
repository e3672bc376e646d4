// Where the index keeps the bulk of closed articles' packed analyses: in a temporary file rather than in
// memory (at 10,000 articles ~90 MB that the server would otherwise hold for views that read it rarely).
// Files are append-only; a file whose records were all replaced is closed. On POSIX a file is unlinked as
// soon as it is opened, so the system frees it when the server exits, however it exits. Any failure
// (no temp folder, disk full) means the bytes stay in memory: spilling is an economy, never a dependency.
// Records are gathered in a buffer and written a batch at a time: two writes per indexed article (its bulk,
// its text) were ~5 % of the main thread's time in an index pass, nearly all of it the system calls.
// Index workers write to spill files of their own (workerSpill.ts): the main thread makes each, the worker
// opens it by name, then the main thread unlinks it and reads its records through its own descriptor (the
// worker's is closed when its thread ends); it closes the file only once the worker has stopped.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Bytes written to a spill file. */
export interface SpillRef {
  readonly file: SpillFile;
  readonly offset: number;
  readonly length: number;
}

/** Every open spill file of the process, closed (and so freed) at exit. */
const openFiles = new Set<SpillFile>();
let exitHooked = false;

/** Bytes gathered before one write (a few dozen articles). */
const BATCH_BYTES = 256 * 1024;

export class SpillFile {
  /** Bytes of records written to it, the gathered ones included. */
  size = 0;
  /** Bytes actually in the file (records past this are still in the store's batch, or `kept`). */
  written = 0;
  /** Records the file could not take after all (a failed batch write): they stay here, in memory. */
  kept: Uint8Array | null = null;
  /** Bytes of records not released yet. */
  live = 0;
  closed = false;
  /**
   * Made for an index worker that may still write to it (forWorker): kept open even with no live record, as
   * the worker's next records are read through it.
   */
  writerAlive = false;

  constructor(
    readonly store: SpillStore,
    readonly fd: number,
    /** Set when the file could not be unlinked while open (Windows), or not yet (files for workers): deleted when closed. */
    public pathToDelete: string | null,
  ) {
    openFiles.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.once('exit', () => {
        for (const f of [...openFiles]) f.close();
      });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    openFiles.delete(this);
    this.kept = null;
    if (this.store.batchFile === this) this.store.batchFile = null;
    try {
      fs.closeSync(this.fd);
      if (this.pathToDelete) fs.rmSync(this.pathToDelete, { force: true });
    } catch {
      // Already gone.
    }
  }
}

/** A new spill file: its descriptor, and its name until unlinked (at once where the system allows it, unless `keepName`). */
interface SpillHandle {
  fd: number;
  pathToDelete: string | null;
}

/** Opens a new spill file in `dir`; null when none can be made. */
function openSpillFile(dir: string, keepName: boolean): SpillHandle | null {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `dateline-index-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.bin`);
    const fd = fs.openSync(file, 'wx+', 0o600);
    if (!keepName) {
      try {
        fs.unlinkSync(file);
        return { fd, pathToDelete: null };
      } catch {
        // Deleted when closed instead.
      }
    }
    return { fd, pathToDelete: file };
  } catch {
    return null;
  }
}

export interface SpillOptions {
  dir?: string;
  /** Start a new file once the current one holds this many bytes of released records (and more than live ones). */
  rotateGarbageBytes?: number;
}

export class SpillStore {
  private current: SpillFile | null = null;
  private readonly files = new Set<SpillFile>();
  private failed = false;
  private readonly dir: string;
  private readonly rotateGarbageBytes: number;
  /** Records not yet written to `batchFile`, which starts them at its `written` offset. */
  private readonly batch = new Uint8Array(BATCH_BYTES);
  private batchBytes = 0;
  batchFile: SpillFile | null = null;

  constructor(options: SpillOptions = {}) {
    this.dir = options.dir ?? os.tmpdir();
    this.rotateGarbageBytes = options.rotateGarbageBytes ?? 64 * 1024 * 1024;
  }

  /** Writes bytes out (now or with the next batch); null when they must stay in memory (no usable temp file). */
  write(bytes: Uint8Array): SpillRef | null {
    const file = this.writable();
    if (!file) return null;
    if (this.batchFile !== file || this.batchBytes + bytes.length > this.batch.length) this.flush();
    if (!file.closed && this.batchFile === null) this.batchFile = file;
    if (this.failed || file.closed) return null;
    if (bytes.length > this.batch.length) {
      // Larger than a batch: written at once.
      if (!writeAll(file, bytes)) {
        this.failed = true;
        return null;
      }
    } else {
      this.batch.set(bytes, this.batchBytes);
      this.batchBytes += bytes.length;
    }
    const ref = { file, offset: file.size, length: bytes.length };
    file.size += bytes.length;
    file.live += bytes.length;
    return ref;
  }

  /**
   * Writes the gathered records to their file. When that fails they stay with the file, in memory (they were
   * promised to be readable), and later records are no longer spilled.
   */
  flush(): void {
    const file = this.batchFile;
    const n = this.batchBytes;
    this.batchFile = null;
    this.batchBytes = 0;
    if (!file || n === 0 || file.closed) return;
    const records = this.batch.subarray(0, n);
    if (!writeAll(file, records)) {
      this.failed = true;
      file.kept = records.slice();
    }
  }

  /** The bytes of a record still in the batch or kept in memory, or null when they are in the file. */
  unwritten(ref: SpillRef): Uint8Array | null {
    const file = ref.file;
    if (ref.offset < file.written) return null;
    const at = ref.offset - file.written;
    const from = file.kept ?? (this.batchFile === file ? this.batch : null);
    return from ? from.slice(at, at + ref.length) : null;
  }

  /**
   * A spill file for an index worker to write to (it opens it by `pathToDelete`, then unlinkName()): its
   * records arrive with the worker's replies (adoptedRecord); it stays open until writerStopped(). Null when
   * no file can be made (the worker then sends the bytes).
   */
  forWorker(): SpillFile | null {
    if (this.failed) return null;
    const handle = openSpillFile(this.dir, true);
    if (!handle) {
      this.failed = true;
      return null;
    }
    const file = new SpillFile(this, handle.fd, handle.pathToDelete);
    file.writerAlive = true;
    this.files.add(file);
    return file;
  }

  /** The worker has opened the file: its name can go (the system frees it when the last descriptor closes). */
  unlinkName(file: SpillFile): void {
    if (!file.pathToDelete || file.closed) return;
    try {
      fs.unlinkSync(file.pathToDelete);
      file.pathToDelete = null;
    } catch {
      // Windows: deleted when closed.
    }
  }

  /** A record an index worker wrote to its file (written before its reply was sent, so readable now). */
  adoptedRecord(file: SpillFile, offset: number, length: number): SpillRef {
    file.size = Math.max(file.size, offset + length);
    file.written = file.size;
    file.live += length;
    return { file, offset, length };
  }

  /** The worker of a file from forWorker() has stopped: closed now when no record in it is live, else once the last is released. */
  writerStopped(file: SpillFile): void {
    file.writerAlive = false;
    if (this.files.has(file)) this.released(file);
  }

  /** The record is no longer needed; a file with no live records left (and not written to) is closed. */
  released(file: SpillFile): void {
    if (file.live <= 0 && file !== this.current && !file.writerAlive) {
      file.close();
      this.files.delete(file);
    }
  }

  /** Open files and the bytes they hold (for memory checks and tests). */
  stats(): { files: number; bytes: number; liveBytes: number } {
    let bytes = 0;
    let liveBytes = 0;
    for (const f of this.files) {
      bytes += f.size;
      liveBytes += f.live;
    }
    return { files: this.files.size, bytes, liveBytes };
  }

  closeAll(): void {
    this.batchFile = null;
    this.batchBytes = 0;
    for (const f of this.files) f.close();
    this.files.clear();
    this.current = null;
  }

  private writable(): SpillFile | null {
    if (this.failed) return null;
    const c = this.current;
    if (c && c.size - c.live < this.rotateGarbageBytes) return c;
    if (c && c.size - c.live <= c.live) return c;
    // A new file; the old one is closed once its last live record is released.
    this.flush();
    if (c && c.live <= 0) {
      c.close();
      this.files.delete(c);
    }
    this.current = this.open();
    return this.current;
  }

  private open(): SpillFile | null {
    const handle = openSpillFile(this.dir, false);
    if (!handle) {
      this.failed = true;
      return null;
    }
    const spill = new SpillFile(this, handle.fd, handle.pathToDelete);
    this.files.add(spill);
    return spill;
  }
}

/** Appends bytes at the end of what the file holds; false when the system refused. */
function writeAll(file: SpillFile, bytes: Uint8Array): boolean {
  try {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(file.fd, bytes, done, bytes.length - done, file.written + done);
  } catch {
    // Disk full or the file went away.
    return false;
  }
  file.written += bytes.length;
  return true;
}

/** Spilled bytes back, or null when they cannot be read any more (file closed or unreadable). */
export function readSpilled(ref: SpillRef): Uint8Array | null {
  if (ref.file.closed) return null;
  const unwritten = ref.file.store.unwritten(ref);
  if (unwritten) return unwritten;
  if (ref.offset + ref.length > ref.file.written) return null;
  try {
    const out = Buffer.allocUnsafe(ref.length);
    let done = 0;
    while (done < ref.length) {
      const n = fs.readSync(ref.file.fd, out, done, ref.length - done, ref.offset + done);
      if (n === 0) return null;
      done += n;
    }
    return out;
  } catch {
    return null;
  }
}

/** The record is no longer needed (its article was re-indexed, removed or opened). */
export function releaseSpilled(ref: SpillRef): void {
  ref.file.live -= ref.length;
  ref.file.store.released(ref.file);
}
