// Requests for tests and benchmarks only (memory after GC, a handler that throws); never registered
// unless initializationOptions.debug or env DATELINE_DEBUG=1 asks for them.
import { DatelineInitializationOptions, DebugFailParams, DebugFailRequest, DebugHeapRequest, DebugHeapResult } from '../protocol';
import { ServerContext } from './serverContext';

export function debugEnabled(options: DatelineInitializationOptions | undefined): boolean {
  return options?.debug === true || process.env.DATELINE_DEBUG === '1';
}

export function registerDebugRequests(ctx: ServerContext): void {
  ctx.connection.onRequest(DebugHeapRequest, (): DebugHeapResult => {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Twice: the first pass can leave objects that only a second one frees (weak maps, finalisers).
    if (gc) {
      gc();
      gc();
    }
    const m = process.memoryUsage();
    return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, rss: m.rss, gcForced: !!gc, ...ctx.store.counts(), offThread: ctx.openAnalysis?.analysed ?? 0 };
  });
  ctx.connection.onRequest(DebugFailRequest, (params: DebugFailParams | undefined): string => {
    if (params?.stray) {
      void Promise.reject(new Error('deliberate stray rejection (debug request)'));
      return 'stray rejection left behind';
    }
    throw new Error('deliberate failure (debug request)');
  });
}
