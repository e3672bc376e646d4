// The spill store keeps indexed articles' packed bulk in temp files: bytes must come back exactly, a file
// whose records were all replaced must be closed, and any failure must leave the bytes in memory.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { packAnalysis, packText, releaseSpill, keepBulk, keepText, unpackAnalysis, unpackText, forgetUnpacked } from '../../../server/src/lsp/index/packedAnalysis';
import { readSpilled, releaseSpilled, SpillStore } from '../../../server/src/lsp/index/spillStore';
import { WorkerSpill } from '../../../server/src/lsp/index/workerSpill';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { testKnowledge } from '../../support/knowledge';

function bytes(seed: number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (seed * 31 + i * 7) & 0xff;
  return b;
}

test('spill store: bytes come back exactly; released files are closed; rotation starts a new file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-spill-test-'));
  try {
    const store = new SpillStore({ dir, rotateGarbageBytes: 1000 });
    const refs = [0, 1, 2].map((i) => store.write(bytes(i, 600))!);
    refs.forEach((r, i) => assert.deepEqual(new Uint8Array(readSpilled(r)!), bytes(i, 600)));
    assert.deepEqual(store.stats(), { files: 1, bytes: 1800, liveBytes: 1800 });
    // Unlinked while open on POSIX: nothing left in the folder to clean up after a crash.
    if (process.platform !== 'win32') assert.deepEqual(fs.readdirSync(dir), []);
    releaseSpilled(refs[0]);
    releaseSpilled(refs[1]);
    // 1,200 released bytes > 1,000 and > the 600 live ones: the next write goes to a new file.
    const next = store.write(bytes(9, 100))!;
    assert.notEqual(next.file, refs[2].file);
    assert.equal(store.stats().files, 2);
    releaseSpilled(refs[2]);
    assert.equal(store.stats().files, 1, 'the old file is closed once its last record is released');
    assert.equal(readSpilled(refs[2]), null, 'a closed file reads as null, never as other bytes');
    assert.deepEqual(new Uint8Array(readSpilled(next)!), bytes(9, 100));
    store.closeAll();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('spill store: an unusable folder keeps the bytes in memory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-spill-test-'));
  try {
    const notADir = path.join(dir, 'file');
    fs.writeFileSync(notADir, 'x');
    const store = new SpillStore({ dir: notADir });
    assert.equal(store.write(bytes(1, 10)), null);
    const analysis = analyzeArticle(generateArticle(7, 2000), testKnowledge());
    const text = generateArticle(8, 2000).replace('Damascus', 'Deir ez-Zor — “Damascus”');
    for (const s of [store, null]) {
      // Kept in memory, compressed (the bytes a worker sends are not), and unpacked exactly.
      const packed = packAnalysis(analysis);
      const packedText = packText(text);
      const [bulkBytes, textBytes] = [packed.bulk.length, packedText.bytes.length];
      keepBulk(packed, s);
      keepText(packedText, s);
      assert.equal(packed.spilled, undefined);
      assert.equal(packedText.spilled, undefined);
      assert.ok(packed.compressed && packed.bulk.length > 0 && packed.bulk.length < bulkBytes, `bulk ${bulkBytes} -> ${packed.bulk.length} bytes`);
      assert.ok(packedText.compressed && packedText.bytes.length < textBytes, `text ${textBytes} -> ${packedText.bytes.length} bytes`);
      forgetUnpacked();
      assert.deepEqual(unpackAnalysis(packed), analysis);
      assert.equal(unpackText(packedText), text);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('spill store: a spilled packed analysis and text unpack to what analyzeArticle and the file gave', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-spill-test-'));
  try {
    const store = new SpillStore({ dir });
    const analysis = analyzeArticle(generateArticle(11, 3000), testKnowledge());
    const packed = packAnalysis(analysis);
    keepBulk(packed, store);
    assert.equal(packed.bulk.length, 0);
    assert.ok(packed.spilled);
    forgetUnpacked();
    assert.deepEqual(unpackAnalysis(packed), analysis);
    const text = 'Café owners in Homs reopen — “at last”\n\nHOMS, Sept. 2 (Xinhua) -- Residents said so.';
    const packedText = packText(text);
    keepText(packedText, store);
    assert.equal(packedText.bytes.length, 0);
    forgetUnpacked();
    assert.equal(unpackText(packedText), text);
    releaseSpill(packed);
    releaseSpill(packedText);
    assert.equal(store.stats().liveBytes, 0);
    store.closeAll();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('spill store: records gathered for one write read back before and after it, across batches; a failed write keeps them in memory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-spill-test-'));
  try {
    const store = new SpillStore({ dir });
    // Sizes up to 40 KB: the 256 KB batch is written several times, and one record larger than a batch at once.
    const sizes = Array.from({ length: 40 }, (_, i) => 1 + ((i * 7919) % 40_000));
    sizes.splice(20, 0, 300_000);
    const refs = sizes.map((n, i) => {
      const ref = store.write(bytes(i, n))!;
      // Readable at once, whether written to the file yet or not.
      assert.deepEqual(new Uint8Array(readSpilled(ref)!), bytes(i, n), `record ${i} just after writing`);
      return ref;
    });
    refs.forEach((r, i) => assert.deepEqual(new Uint8Array(readSpilled(r)!), bytes(i, sizes[i]), `record ${i} later`));
    const file = refs[0].file;
    assert.ok(file.written > 0 && file.written < file.size, 'some records are in the file, the last ones still gathered');
    // The file goes away behind the store's back: the gathered records cannot be written, and stay readable.
    const gathered = [store.write(bytes(100, 5_000))!, store.write(bytes(101, 7_000))!];
    fs.closeSync(file.fd);
    store.flush();
    assert.deepEqual(new Uint8Array(readSpilled(gathered[0])!), bytes(100, 5_000));
    assert.deepEqual(new Uint8Array(readSpilled(gathered[1])!), bytes(101, 7_000));
    assert.equal(store.write(bytes(102, 10)), null, 'later records stay in memory');
    file.closed = true;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('spill store: a file made for an index worker is written by the worker, read by the store, and closed only once the worker has stopped', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-spill-test-'));
  try {
    const store = new SpillStore({ dir });
    const file = store.forWorker()!;
    // Named until the worker has opened it (it opens it by name), then unlinked.
    assert.deepEqual(fs.readdirSync(dir).length, 1);
    const worker = new WorkerSpill(file.pathToDelete!);
    assert.ok(worker.opened);
    store.unlinkName(file);
    if (process.platform !== 'win32') assert.deepEqual(fs.readdirSync(dir), []);
    // A batch in one write: offsets follow each other, and the next batch starts after it.
    const first = worker.write([bytes(1, 100), bytes(2, 50)])!;
    const second = worker.write([bytes(3, 70_000)])!;
    assert.deepEqual([...first, ...second], [0, 100, 150]);
    const refs = [store.adoptedRecord(file, 0, 100), store.adoptedRecord(file, 100, 50), store.adoptedRecord(file, 150, 70_000)];
    refs.forEach((r, i) => assert.deepEqual(new Uint8Array(readSpilled(r)!), bytes(i + 1, r.length), `record ${i}`));
    assert.deepEqual(store.stats(), { files: 1, bytes: 70_150, liveBytes: 70_150 });
    // Every record released while the worker may still write: the file stays open for its next records.
    for (const r of refs) releaseSpilled(r);
    assert.equal(store.stats().files, 1);
    const late = store.adoptedRecord(file, worker.write([bytes(4, 10)])![0], 10);
    assert.deepEqual(new Uint8Array(readSpilled(late)!), bytes(4, 10));
    // The worker stopped: closed once its last live record is released, not before.
    store.writerStopped(file);
    assert.equal(store.stats().files, 1);
    releaseSpilled(late);
    assert.equal(store.stats().files, 0);
    assert.equal(readSpilled(late), null);
    // A file whose worker never opened it is deleted by name when the worker stops.
    const unopened = store.forWorker()!;
    assert.equal(fs.readdirSync(dir).length, 1);
    store.writerStopped(unopened);
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.equal(store.stats().files, 0);
    // A worker that cannot open its file (it went away) writes nothing: its records travel with its replies.
    const gone = new WorkerSpill(path.join(dir, 'missing.bin'));
    assert.equal(gone.opened, false);
    assert.equal(gone.write([bytes(5, 10)]), null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
