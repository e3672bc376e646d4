// The workspace index over a real LSP connection: what is indexed, what is skipped and why,
// progress, file watching, reanalyze and cancellation.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { ArticleInfo, ArticleInfoRequest, ReanalyzeRequest, StatusRequest, StatusResult } from '../../server/src/protocol';
import { generateArticle } from '../../scripts/bench/newsCorpus';

const CAFE = 'Café owners in Homs reopen as truce holds\n\nSource: Xinhua| 2017-09-02 10:00:00|Editor: Desk\n\nHOMS, Sept. 2 (Xinhua) -- Café owners in the old city of Homs reopened on Friday, residents said.\n';
const UTF16 = 'Aid convoy reaches Deir ez-Zor — first in three years\n\nSource: Xinhua| 2017-09-10 10:00:00|Editor: Desk\n\nDAMASCUS, Sept. 10 (Xinhua) -- A UN convoy reached Deir ez-Zor on Sunday.\n';

let dir: string;
let server: TestServer;

function write(rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function logs(s: TestServer): string[] {
  return s.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
}

function indexedLogs(s: TestServer): string[] {
  return logs(s).filter((m) => /Dateline: indexed \d/.test(m));
}

const info = (uri: string) => server.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri });
const status = () => server.connection.sendRequest<StatusResult>(StatusRequest);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-index-'));
  for (let i = 0; i < 5; i++) write(`wire/article-${i}.txt`, generateArticle(i, 1500));
  write('wire/story.news', generateArticle(99, 1500));
  write('notes.md', '# Reading list\n\n- check the map\n');
  write('node_modules/pkg/readme.txt', generateArticle(7, 1500));
  write('.git/description.txt', generateArticle(8, 1500));
  write('big.txt', generateArticle(9, 12_000));
  write('binary.txt', Buffer.from([0x53, 0x6f, 0x75, 0x00, 0x01, 0x02, 0xff]));
  write('empty.txt', '');
  write('latin1.txt', Buffer.from(CAFE, 'latin1'));
  write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16, 'utf16le')]));
  server = await startServer({ workspaceFolder: dir, settings: { maxFileSizeKB: 8 } });
  await server.waitFor('first index pass', () => indexedLogs(server).length > 0);
});

after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('index: every article file in the workspace is indexed, non-articles are not counted', async () => {
  // 5 .txt + 1 .news + latin1 + utf16 = 8 articles; notes.md and empty.txt are not articles.
  assert.equal((await status()).articles, 8);
  assert.match(indexedLogs(server)[0], /indexed 8 articles from 12 files \(2 skipped, 2 not articles\)/);
  const news = await info(fileUri(path.join(dir, 'wire/story.news')));
  assert.equal(news.isArticle, true);
  const notes = await info(fileUri(path.join(dir, 'notes.md')));
  assert.equal(notes.isArticle, false);
  const empty = await info(fileUri(path.join(dir, 'empty.txt')));
  assert.equal(empty.isArticle, false);
});

test('index: node_modules and .git are skipped with a message', () => {
  const all = logs(server);
  assert.ok(all.some((m) => m.includes(`skipped folder ${path.join(dir, 'node_modules')}`) && /packages/.test(m)), all.join('\n'));
  assert.ok(all.some((m) => m.includes(`skipped folder ${path.join(dir, '.git')}`) && /version control/.test(m)));
});

test('index: a file over dateline.maxFileSizeKB is skipped with its size and the limit', async () => {
  const big = await info(fileUri(path.join(dir, 'big.txt')));
  assert.equal(big.isArticle, false);
  assert.match(big.reason ?? '', /over the 8 KB limit/);
  assert.ok(logs(server).some((m) => m.includes('big.txt') && /over the 8 KB limit/.test(m)));
});

test('index: a binary file (NUL bytes) is skipped with a message', async () => {
  const bin = await info(fileUri(path.join(dir, 'binary.txt')));
  assert.equal(bin.isArticle, false);
  assert.match(bin.reason ?? '', /binary/);
  assert.ok(logs(server).some((m) => m.includes('binary.txt') && /NUL/.test(m)));
});

test('index: Latin-1 and UTF-16 (BOM) files are read correctly', async () => {
  const latin = await info(fileUri(path.join(dir, 'latin1.txt')));
  assert.equal(latin.isArticle, true);
  assert.equal(latin.headline, 'Café owners in Homs reopen as truce holds');
  assert.equal(latin.published, '2017-09-02');
  assert.ok(logs(server).some((m) => m.includes('latin1.txt') && /Latin-1/.test(m)));
  const utf16 = await info(fileUri(path.join(dir, 'utf16.txt')));
  assert.equal(utf16.isArticle, true);
  assert.equal(utf16.headline, 'Aid convoy reaches Deir ez-Zor — first in three years');
});

test('index: work-done progress counts files ("12 / 12") and ends', () => {
  const progress = server.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; title?: string; message?: string } }).value);
  const begin = progress.find((p) => p.kind === 'begin');
  assert.equal(begin?.title, 'Indexing articles');
  assert.ok(progress.some((p) => p.kind === 'report' && p.message === '12 / 12'), JSON.stringify(progress));
  assert.equal(progress[progress.length - 1].kind, 'end');
});

test('index: file watching adds, updates and removes articles', async () => {
  const file = write('wire/new-article.txt', generateArticle(123, 1200));
  const uri = fileUri(file);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  const added = await server.waitFor('article count 9', () => pollStatus((s) => s.articles === 9));
  assert.equal(added.articles, 9);
  fs.writeFileSync(file, 'just a note now\n');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  assert.equal((await server.waitFor('article count back to 8', () => pollStatus((s) => s.articles === 8))).articles, 8);
  fs.writeFileSync(file, generateArticle(124, 1200));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  await server.waitFor('article count 9 again', () => pollStatus((s) => s.articles === 9));
  fs.rmSync(file);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  assert.equal((await server.waitFor('article removed', () => pollStatus((s) => s.articles === 8))).articles, 8);
  // Events inside node_modules are ignored.
  const ignored = write('node_modules/pkg/other.txt', generateArticle(125, 1200));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ignored), type: 1 }] });
  assert.equal(await server.connection.sendRequest<number>(ReanalyzeRequest), 8);
});

test('index: reanalyze re-reads the disk and returns the number of articles', async () => {
  write('wire/late.txt', generateArticle(200, 1200));
  assert.equal(await server.connection.sendRequest<number>(ReanalyzeRequest), 9);
  fs.rmSync(path.join(dir, 'wire/late.txt'));
  assert.equal(await server.connection.sendRequest<number>(ReanalyzeRequest), 8);
});

test('index: cancelling the progress stops indexing and keeps what was indexed', async () => {
  const big = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cancel-'));
  for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(big, `a${String(i).padStart(4, '0')}.txt`), generateArticle(i, 3000));
  const s = await startServer({ workspaceFolder: big });
  try {
    const token = await s.waitFor('progress token', () => {
      const p = s.notifications.find((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'report');
      return p ? { value: (p.params as { token: string }).token } : undefined;
    });
    await s.connection.sendNotification('window/workDoneProgress/cancel', { token: token.value });
    const cancelled = await s.waitFor('cancel message', () => logs(s).find((m) => /indexing cancelled after/.test(m)), 30_000);
    const m = /after ([\d,]+) of 3,000/.exec(cancelled);
    assert.ok(m, cancelled);
    const n = Number(m[1].replace(/,/g, ''));
    assert.ok(n > 0 && n < 3000, cancelled);
    const st = await s.connection.sendRequest<StatusResult>(StatusRequest);
    assert.equal(st.articles, n);
  } finally {
    await s.stop();
    fs.rmSync(big, { recursive: true, force: true });
  }
});

let lastStatus: StatusResult | null = null;
let inflight = false;
/** For waitFor: requests the status in the background and returns it once it satisfies `ok`. */
function pollStatus(ok: (s: StatusResult) => boolean): StatusResult | undefined {
  if (!inflight) {
    inflight = true;
    void status().then((s) => {
      lastStatus = s;
      inflight = false;
    });
  }
  return lastStatus && ok(lastStatus) ? lastStatus : undefined;
}
