// Worker threads that run the server bundle itself (main.ts hands over by workerData.role): the index workers
// and the open-document worker start them the same way.
import { ResourceLimits, Worker } from 'node:worker_threads';

/** The server bundle a worker can run, or null when running from sources (tsx): workers are then not used. */
export function bundleEntry(): string | null {
  const entry = require.main?.filename;
  return entry && entry.endsWith('.js') ? entry : null;
}

/** Starts a worker on the bundle; its output is kept off stdout, the LSP channel in the main thread (and discarded). */
export function startBundleWorker(entry: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const worker = new Worker(entry, { workerData, stdout: true, stderr: true, resourceLimits });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}
