// Memory stays bounded: 1,000 documents opened, analysed and closed leave the server's heap near its start.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer } from '../support/lspClient';
import { DebugHeapRequest, DebugHeapResult } from '../../server/src/protocol';
import { generateArticle } from '../../scripts/bench/newsCorpus';
import { counted } from './support/tally';

const DOCS = 1000;
/** Each article analysed is ~1.5 KB of text plus its analysis and line index (over 10 KB): kept, 1,000 would pass 10 MB. */
const ALLOWED_GROWTH = 5 * 1024 * 1024;

test(`memory: ${DOCS.toLocaleString('en')} documents opened and closed leave the heap near its start`, async () => {
  await counted(async () => {
    const server = await startServer({ execArgv: ['--expose-gc'], initializationOptions: { debug: true } });
    try {
      const heap = () => server.connection.sendRequest<DebugHeapResult>(DebugHeapRequest);
      const dir = path.join(os.tmpdir(), 'dateline-memory');
      const cycle = async (i: number) => {
        const uri = fileUri(path.join(dir, `doc-${i}.news`));
        await server.open(uri, generateArticle(i, 1500), 'news');
        await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
        await server.close(uri);
      };
      // Warm up: knowledge loaded, code compiled, caches at their steady size.
      for (let i = 0; i < 50; i++) await cycle(100_000 + i);
      const start = await heap();
      assert.ok(start.gcForced, 'the server was not started with --expose-gc');
      for (let i = 0; i < DOCS; i++) await cycle(i);
      const end = await heap();
      assert.equal(end.open, 0, 'open records left in the article store');
      assert.equal(end.disk, 0, 'documents outside the workspace left disk records');
      const growth = end.heapUsed - start.heapUsed;
      assert.ok(growth < ALLOWED_GROWTH, `heap grew ${(growth / 1048576).toFixed(1)} MB over ${DOCS} open/close cycles (from ${(start.heapUsed / 1048576).toFixed(1)} MB)`);
    } finally {
      await server.stop();
    }
  })();
});
