// An open document over dateline.maxFileSizeKB is not analysed, as the index skips such a file: it says why
// (its size and the limit), and raising the limit analyses it without an edit.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { ArticleInfo, ArticleInfoRequest } from '../../server/src/protocol';

const HAMA = path.join(__dirname, '..', '..', 'samples', '2017-09-02-army-advances-in-hama.txt');
const settings: { maxFileSizeKB: number } = { maxFileSizeKB: 1 };
let server: TestServer;
let uri: string;

before(async () => {
  server = await startServer({ settings });
  uri = await server.open(fileUri(HAMA), fs.readFileSync(HAMA, 'utf8'), 'plaintext');
});
after(async () => server.stop());

/** Sets the size limit as the editor would (a configuration change), then asks what the server made of the open article. */
async function check(limitKB: number): Promise<Pick<ArticleInfo, 'isArticle' | 'reason' | 'published'>> {
  if (settings.maxFileSizeKB !== limitKB) {
    settings.maxFileSizeKB = limitKB;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  }
  const info = await server.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri });
  return { isArticle: info.isArticle, reason: info.reason, published: info.published };
}

test('open document: over the size limit it is not analysed and says why; under a raised limit it is', async () => {
  const kb = Math.round(fs.statSync(HAMA).size / 1024);
  assert.deepEqual(await check(1), { isArticle: false, reason: `document is ${kb} KB, over the 1 KB limit (dateline.maxFileSizeKB)`, published: null });
  assert.deepEqual(await check(2048), { isArticle: true, reason: null, published: '2017-09-02' });
  assert.deepEqual(await check(1), { isArticle: false, reason: `document is ${kb} KB, over the 1 KB limit (dateline.maxFileSizeKB)`, published: null });
});
