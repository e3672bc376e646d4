// The workspace index gives the same workspace whether index workers or the main thread analysed it:
// same articles, conflicts, per-article facts, workspace trees and hovers on an open article.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { ArticleInfo, ArticleInfoRequest, EntitiesRequest, IndexChangedNotification, ReanalyzeRequest, StatusRequest, StatusResult } from '../../server/src/protocol';
import { generateArticle } from '../../scripts/bench/newsCorpus';

/** Above the size from which a pass runs in workers (WORKER_MIN_FILES). */
const FILES = 240;
let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-workers-lsp-'));
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `wire-${String(i).padStart(3, '0')}.txt`), generateArticle(9000 + i, 1200 + ((i * 37) % 900)));
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x01]));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

function indexedLog(s: TestServer): string | undefined {
  for (const n of s.notifications) {
    const m = n.method === 'window/logMessage' ? (n.params as { message: string }).message : '';
    if (/Dateline: indexed \d/.test(m)) return m;
  }
  return undefined;
}

/** The status once the conflict checks that follow an index pass have run (they end after its log line). */
async function settledStatus(s: TestServer): Promise<StatusResult> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await s.connection.sendRequest<StatusResult>(StatusRequest);
    if (!status.checking) return status;
    assert.ok(Date.now() < deadline, 'conflict checks still running after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the workspace looks like to a user, through requests. */
async function workspaceView(workers: string): Promise<{ log: string; view: unknown }> {
  const s = await startServer({ workspaceFolder: dir, env: { DATELINE_INDEX_WORKERS: workers } });
  try {
    const log = await s.waitFor('index pass', () => indexedLog(s), 120_000);
    const status = await settledStatus(s);
    // The status bar and views hear the settled counts too, not only those sent while the pass ran.
    await s.waitFor('indexChanged with the settled counts', () =>
      s.notifications.find((n) => n.method === IndexChangedNotification && (n.params as StatusResult).conflicts === status.conflicts && !(n.params as StatusResult).checking),
    );
    const infos: ArticleInfo[] = [];
    for (const i of [0, 17, 101, FILES - 1]) infos.push(await s.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri: fileUri(path.join(dir, `wire-${String(i).padStart(3, '0')}.txt`)) }));
    const places = await s.connection.sendRequest(EntitiesRequest, { scope: 'workspace', kind: 'place' });
    const factions = await s.connection.sendRequest(EntitiesRequest, { scope: 'workspace', kind: 'faction' });
    // A hover on an open article reads workspace summaries built from the indexed (packed) articles.
    const open = fileUri(path.join(dir, 'wire-005.txt'));
    const text = fs.readFileSync(path.join(dir, 'wire-005.txt'), 'utf8');
    await s.open(open, text, 'plaintext');
    const line = text.split('\n').findIndex((l) => /\b(army|troops|SDF|State|coalition|rebels?|forces)\b/.test(l));
    const character = Math.max(0, text.split('\n')[line].search(/\b(army|troops|SDF|State|coalition|rebels?|forces)\b/));
    const hover = await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: open }, position: { line, character } });
    return { log, view: { status, infos, places, factions, hover } };
  } finally {
    await s.stop();
  }
}

test('index workers: the workspace indexed in workers equals the one indexed in the main thread', async () => {
  const here = await workspaceView('0');
  const there = await workspaceView('2');
  assert.match(there.log, /indexed 240 articles from 241 files \(1 skipped, 0 not articles\) in \d+ ms \(2 index workers\)\./);
  assert.doesNotMatch(here.log, /index worker/);
  assert.deepEqual(there.view, here.view);
  const v = there.view as { status: { articles: number; conflicts: number }; hover: { contents: { value: string } } | null };
  assert.equal(v.status.articles, FILES);
  assert.ok(v.hover && /article/.test(v.hover.contents.value), JSON.stringify(v.hover));
});

/** The server's open descriptors on spill files in `tmp` (Linux), and the spill files still named there. */
function spillFiles(pid: number, tmp: string): { open: number; named: string[] } {
  let open = 0;
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(path.join(tmp, 'dateline-index-'))) open++;
    } catch {
      // Closed meanwhile.
    }
  }
  return { open, named: fs.readdirSync(tmp).filter((f) => f.startsWith('dateline-index-')) };
}

test('index workers: a pass keeps one spill file per worker, unlinked; a new pass replaces every record and the old files are closed', async (t) => {
  if (process.platform !== 'linux') return t.skip('counts open files through /proc');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-workers-spill-'));
  const s = await startServer({ workspaceFolder: dir, env: { DATELINE_INDEX_WORKERS: '2', TMPDIR: tmp } });
  try {
    await s.waitFor('index pass', () => indexedLog(s), 120_000);
    await settledStatus(s);
    const pid = s.process.pid!;
    assert.deepEqual(spillFiles(pid, tmp), { open: 2, named: [] });
    const before = await s.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri: fileUri(path.join(dir, 'wire-017.txt')) });
    // Date mentions are counted from the unpacked analysis (read from a worker's spill file).
    assert.ok(before.counts.date > 0 && before.headline, JSON.stringify(before));
    assert.equal(await s.connection.sendRequest(ReanalyzeRequest), FILES);
    await settledStatus(s);
    // The first pass's files held only records the second replaced: closed; the second's are open.
    assert.deepEqual(spillFiles(pid, tmp), { open: 2, named: [] });
    // Articles read back from the new files as from the old.
    assert.deepEqual(await s.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri: fileUri(path.join(dir, 'wire-017.txt')) }), before);
  } finally {
    await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
