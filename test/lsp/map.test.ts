// The map request over a real LSP connection: the samples' places with coordinates, mentions and control history.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { startServer, TestServer } from '../support/lspClient';
import { MapRequest, MapResult } from '../../server/src/protocol';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
let server: TestServer;

before(async () => {
  server = await startServer({ workspaceFolder: SAMPLES });
});
after(async () => server.stop());

test('lsp map: the workspace gives places with mentions, sentences and who held them when', async () => {
  const deadline = Date.now() + 15_000;
  let r: MapResult;
  for (;;) {
    r = await server.connection.sendRequest<MapResult>(MapRequest, { scope: 'workspace' });
    if (r.articles === 2 && r.places.some((p) => p.name === 'Raqqa')) break;
    if (Date.now() > deadline) assert.fail(`timed out: ${r.articles} articles, ${r.places.length} places`);
    await new Promise((res) => setTimeout(res, 20));
  }
  const raqqa = r.places.find((p) => p.name === 'Raqqa')!;
  assert.ok(Math.abs(raqqa.lat - 35.95) < 0.2 && Math.abs(raqqa.lon - 39.01) < 0.2);
  assert.ok(raqqa.sentences.every((s) => s.location.uri.startsWith('file://')));
  assert.deepEqual(raqqa.control.map((c) => c.status), ['contested', 'held']);
  assert.ok(r.range && r.range.to >= '2017-11-08');
  const none = await server.connection.sendRequest<MapResult>(MapRequest, { scope: 'article', uri: 'file:///nowhere.txt' });
  assert.deepEqual([none.places.length, none.articles], [0, 0]);
});
