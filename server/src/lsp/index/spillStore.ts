// Where the index keeps the bulk of closed articles' packed analyses: in a temporary file rather than in
// memory (at 10,000 articles ~90 MB that the server would otherwise hold for views that read it rarely).
// Files are append-only; a file whose records were all replaced is closed. On POSIX a file is unlinked as
// soon as it is opened, so the system frees it when the server exits, however it exits. Any failure
// (no temp folder, disk full) means the bytes stay in memory: spilling is an economy, never a dependency.
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

class SpillFile {
  size = 0;
  /** Bytes of records not released yet. */
  live = 0;
  closed = false;

  constructor(
    readonly store: SpillStore,
    readonly fd: number,
    /** Set when the file could not be unlinked while open (Windows): deleted when closed. */
    readonly pathToDelete: string | null,
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
    try {
      fs.closeSync(this.fd);
      if (this.pathToDelete) fs.rmSync(this.pathToDelete, { force: true });
    } catch {
      // Already gone.
    }
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

  constructor(options: SpillOptions = {}) {
    this.dir = options.dir ?? os.tmpdir();
    this.rotateGarbageBytes = options.rotateGarbageBytes ?? 64 * 1024 * 1024;
  }

  /** Writes bytes out; null when they must stay in memory (no usable temp file). */
  write(bytes: Uint8Array): SpillRef | null {
    const file = this.writable();
    if (!file) return null;
    try {
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(file.fd, bytes, done, bytes.length - done, file.size + done);
    } catch {
      // Disk full or the file went away: keep this and later records in memory.
      this.failed = true;
      return null;
    }
    const ref = { file, offset: file.size, length: bytes.length };
    file.size += bytes.length;
    file.live += bytes.length;
    return ref;
  }

  /** The record is no longer needed; a file with no live records left (and not written to) is closed. */
  released(file: SpillFile): void {
    if (file.live <= 0 && file !== this.current) {
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
    if (c && c.live <= 0) {
      c.close();
      this.files.delete(c);
    }
    this.current = this.open();
    return this.current;
  }

  private open(): SpillFile | null {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = path.join(this.dir, `dateline-index-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.bin`);
      const fd = fs.openSync(file, 'wx+', 0o600);
      let pathToDelete: string | null = null;
      try {
        fs.unlinkSync(file);
      } catch {
        pathToDelete = file;
      }
      const spill = new SpillFile(this, fd, pathToDelete);
      this.files.add(spill);
      return spill;
    } catch {
      this.failed = true;
      return null;
    }
  }
}

/** Spilled bytes back, or null when they cannot be read any more (file closed or unreadable). */
export function readSpilled(ref: SpillRef): Uint8Array | null {
  if (ref.file.closed) return null;
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
