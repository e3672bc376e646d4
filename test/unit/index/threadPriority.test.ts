// An index worker's thread lowers its own priority, and only its own: the main thread keeps the process's.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { currentThreadId, INDEX_WORKER_NICE } from '../../../server/src/lsp/index/threadPriority';

/** In a fresh worker thread: its id and nice value before and after lowerThisThreadPriority(). */
function inWorker(): Promise<{ tid: number | null; before: number; after: number }> {
  // Bundled first: a worker thread does not inherit the test runner's TypeScript loader.
  const bundle = esbuild.buildSync({ entryPoints: [path.join(__dirname, 'fixtures', 'priorityWorker.ts')], bundle: true, platform: 'node', format: 'cjs', write: false });
  return new Promise((resolve, reject) => {
    const w = new Worker(bundle.outputFiles[0].text, { eval: true });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

test('thread priority: an index worker runs nicer than the main thread, which keeps its priority', { skip: process.platform !== 'linux' && 'thread priorities are per thread on Linux only' }, async () => {
  const main = currentThreadId();
  assert.equal(main, process.pid, 'the main thread id is the process id');
  const mainBefore = os.getPriority(main!);
  const worker = await inWorker();
  assert.ok(worker.tid !== null && worker.tid !== main, `the worker has a thread id of its own: ${worker.tid}`);
  assert.equal(worker.after, Math.max(worker.before, INDEX_WORKER_NICE));
  assert.ok(worker.after > mainBefore || mainBefore >= INDEX_WORKER_NICE, `worker nice ${worker.after}, main ${mainBefore}`);
  assert.equal(os.getPriority(main!), mainBefore, 'the main thread keeps its priority');
});
