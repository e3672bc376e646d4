// $/cancelRequest over a real LSP connection: a cancelled request is answered RequestCancelled (never with a stale
// result), the work it stopped leaves no broken cache behind, and the server keeps serving afterwards.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { EntitiesRequest, EntitiesResult, MapRequest, TimelineRequest, TimelineResult } from '../../server/src/protocol';
import { generateArticle } from '../../scripts/bench/newsCorpus';

const ARTICLES = 30;
const HOMS =
  'Truce holds in Homs countryside\n\nSource: Xinhua| 2017-09-02 10:00:00|Editor: Desk\n\n' +
  'HOMS, Sept. 2 (Xinhua) -- Shops in the old quarter of Homs reopened on Friday as a local truce held, residents said.\n';

let dir: string;
let server: TestServer;
/** Settings requests for these URIs wait until released: the server then sits inside a request, awaiting. */
const held = new Map<string, () => void>();
const asked = new Set<string>();

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cancel-'));
  for (let i = 0; i < ARTICLES; i++) fs.writeFileSync(path.join(dir, `wire-${i}.txt`), generateArticle(i, 2000));
  server = await startServer({ workspaceFolder: dir });
  // Replaces the helper's configuration answer: held URIs are answered only when the test releases them.
  server.connection.onRequest('workspace/configuration', async (p: { items: { scopeUri?: string }[] }) => {
    for (const item of p.items) {
      const uri = item.scopeUri ?? '';
      asked.add(uri);
      if (held.has(uri)) await new Promise<void>((resolve) => held.set(uri, resolve));
    }
    return p.items.map(() => ({}));
  });
  const logs = () => server.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  await server.waitFor('first index pass', () => logs().some((m) => /Dateline: indexed \d/.test(m)), 60_000);
});

after(async () => {
  for (const release of held.values()) release();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Sends a request, waits for `cancelWhen`, cancels it, then runs `afterCancel`; resolves to the error code it was
 * answered with, or 'result'.
 */
async function sendAndCancel(method: string, params: unknown, cancelWhen: () => Promise<void>, afterCancel = () => {}): Promise<number | 'result'> {
  const source = new CancellationTokenSource();
  const answer = server.connection.sendRequest(method, params, source.token).then(
    () => 'result' as const,
    (err: unknown) => (err instanceof ResponseError ? err.code : Promise.reject(err)),
  );
  await cancelWhen();
  source.cancel();
  afterCancel();
  return answer;
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('cancellation: a workspace timeline cancelled while it waits on an open article answers RequestCancelled', async () => {
  const uri = fileUri(path.join(dir, 'homs-truce.txt'));
  held.set(uri, () => undefined);
  await server.open(uri, HOMS);
  const code = await sendAndCancel(
    TimelineRequest,
    { scope: 'workspace' },
    // The server asked for this article's settings: the timeline cannot finish before they are answered.
    async () => {
      await server.waitFor('settings request for the open article', () => asked.has(uri));
    },
    () => {
      // Only now does the server get its settings and carry on: the request must still end as cancelled.
      const release = held.get(uri);
      held.delete(uri);
      release?.();
    },
  );
  assert.equal(code, LSPErrorCodes.RequestCancelled);

  // What the cancelled request stopped leaves nothing half-built: asked again, the full timeline comes back.
  const full = await server.connection.sendRequest<TimelineResult>(TimelineRequest, { scope: 'workspace' });
  assert.equal(full.articles, ARTICLES + 1);
  assert.ok(full.events.length > 0);
});

test('cancellation: requests over many articles cancelled at once end cancelled or answered, and never hang', async () => {
  const requests: [string, unknown][] = [
    [EntitiesRequest, { kind: 'place', scope: 'workspace' }],
    [MapRequest, { scope: 'workspace' }],
    ['workspace/symbol', { query: 'a' }],
  ];
  for (const [method, params] of requests) {
    const code = await sendAndCancel(method, params, async () => undefined);
    assert.ok(code === 'result' || code === LSPErrorCodes.RequestCancelled, `${method} answered ${code}`);
  }
  const entities = await server.connection.sendRequest<EntitiesResult>(EntitiesRequest, { kind: 'place', scope: 'workspace' });
  assert.equal(entities.articles, ARTICLES + 1);
});

test('cancellation: the server keeps serving after cancelled requests (hover still answers)', async () => {
  const uri = fileUri(path.join(dir, 'homs-truce.txt'));
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: positionOf(HOMS, 'Homs countryside'),
  });
  assert.ok(hover, 'no hover over Homs');
  assert.match(hover.contents.value, /Homs/);
});
