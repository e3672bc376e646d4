// An index worker's own spill file: the packed bulk and text of the articles it analyses go there directly, a
// batch in one write, and its replies carry only where each record is. Sent through the main thread, those
// bytes (~17 KB an article) were copied twice between threads and written by the main thread in the end.
// The main thread makes the file (SpillStore.forWorker) and keeps a descriptor of its own, as the worker's
// is closed when its thread ends; the worker opens it by name. Any failure (the file cannot be opened or
// written, disk full) means the bytes travel with the reply as before: spilling stays an economy.
import * as fs from 'node:fs';

/** Largest write buffer kept between batches (a batch of 32 generated articles takes ~550 KB). */
const KEEP_BYTES = 4 * 1024 * 1024;

export class WorkerSpill {
  private fd = -1;
  private written = 0;
  private failed = false;
  private buffer = Buffer.allocUnsafe(1024 * 1024);

  /** Opens the file the main thread made; `opened` says whether that worked (records are written only if so). */
  constructor(file: string) {
    try {
      this.fd = fs.openSync(file, 'r+');
    } catch {
      this.failed = true;
    }
  }

  get opened(): boolean {
    return this.fd >= 0;
  }

  /**
   * Appends the records (one write for all) and returns the offset of each; null when the file cannot take
   * them, and from then on (the records then travel with the replies).
   */
  write(records: readonly Uint8Array[]): number[] | null {
    if (this.failed) return null;
    let total = 0;
    for (const r of records) total += r.length;
    if (this.buffer.length < total) this.buffer = Buffer.allocUnsafe(total);
    const offsets: number[] = new Array(records.length);
    let at = 0;
    for (let i = 0; i < records.length; i++) {
      this.buffer.set(records[i], at);
      offsets[i] = this.written + at;
      at += records[i].length;
    }
    try {
      let done = 0;
      while (done < total) done += fs.writeSync(this.fd, this.buffer, done, total - done, this.written + done);
    } catch {
      // Disk full or the file went away: what was written stays unreferenced, later records travel inline.
      this.failed = true;
      return null;
    } finally {
      if (this.buffer.length > KEEP_BYTES) this.buffer = Buffer.allocUnsafe(1024 * 1024);
    }
    this.written += total;
    return offsets;
  }
}
