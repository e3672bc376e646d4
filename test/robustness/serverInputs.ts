// The server keeps serving through bad files, bursts and failures (over a real LSP connection).
// After each scenario, `stillServing` checks that a good article still gets hovers, tokens and status.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import {
  ArticleInfo,
  ArticleInfoRequest,
  DebugFailRequest,
  DebugHeapRequest,
  DebugHeapResult,
  PlaceEditCommand,
  StatusRequest,
  StatusResult,
} from '../../server/src/protocol';
import { generateArticle } from '../../scripts/bench/newsCorpus';
import { counted } from './support/tally';

const GOOD = 'Army retakes town near Hama\n\nSource: Xinhua| 2017-09-02 18:40:10|Editor: Desk\n\nDAMASCUS, Sept. 2 (Xinhua) -- The Syrian army recaptured Uqayribat in the countryside of Hama on Friday, a military source told Xinhua.\n';

let dir: string;
let server: TestServer;
let publishes = new Map<string, number>();

function write(rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Hover, semantic tokens, article info and status still answer for a good article. */
async function stillServing(s: TestServer = server): Promise<void> {
  const uri = fileUri(path.join(dir, 'good.txt'));
  await s.open(uri, GOOD);
  const info = await s.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri });
  assert.equal(info.isArticle, true);
  assert.equal(info.published, '2017-09-02');
  const tokens = await s.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
  assert.ok(Array.isArray(tokens.data));
  await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 60 } });
  const st = await s.connection.sendRequest<StatusResult>(StatusRequest);
  assert.ok(st.articles >= 1);
  await s.close(uri);
}

/** Counts publishDiagnostics per URI (the test client keeps only the latest). */
function countPublishes(s: TestServer): void {
  s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    s.diagnostics.set(p.uri, p as never);
    publishes.set(p.uri, (publishes.get(p.uri) ?? 0) + 1);
  });
}

const heap = (s: TestServer = server) => s.connection.sendRequest<DebugHeapResult>(DebugHeapRequest);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-robust-'));
  write('good.txt', GOOD);
  write('bin/blob.txt', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00]));
  write('big/huge.txt', generateArticle(1, 600_000));
  write('enc/latin1.txt', Buffer.from(GOOD.replace('Uqayribat', 'Uqayribât'), 'latin1'));
  write('enc/utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD, 'utf16le').swap16()]));
  write('empty.txt', '');
  write('.dateline/places.json', '{ "places": [ { "id": 42, "aliases": "not a list" }, ');
  write('.dateline/factions.json', '[1, 2, 3]');
  write('.dateline/reviewed.json', '{ "reviewed": ');
  server = await startServer({ workspaceFolder: dir, settings: { maxFileSizeKB: 512 }, initializationOptions: { debug: true } });
  countPublishes(server);
  await server.waitFor('index pass', () => server.notifications.some((n) => n.method === 'window/logMessage' && /Dateline: indexed \d/.test((n.params as { message: string }).message)));
});

after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const info = (uri: string) => server.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri });

test('server: binary, oversized, non-UTF-8 and empty files on disk: skipped or decoded, and serving goes on', async () => {
  await counted(async () => {
    assert.match((await info(fileUri(path.join(dir, 'bin/blob.txt')))).reason ?? '', /binary/);
    assert.match((await info(fileUri(path.join(dir, 'big/huge.txt')))).reason ?? '', /over the 512 KB limit/);
    const latin = await info(fileUri(path.join(dir, 'enc/latin1.txt')));
    assert.equal(latin.isArticle, true);
    const be = await info(fileUri(path.join(dir, 'enc/utf16be.txt')));
    assert.equal(be.headline, 'Army retakes town near Hama');
    assert.equal((await info(fileUri(path.join(dir, 'empty.txt')))).isArticle, false);
    await stillServing();
  })();
});

test('server: documents with NUL bytes, 256 KB of text, or nothing at all are answered', async () => {
  await counted(async () => {
    const nul = fileUri(path.join(dir, 'open-nul.txt'));
    await server.open(nul, 'Source: Xinhua| 2017-09-02\n\u0000\u0001binary');
    const nulInfo = await info(nul);
    assert.equal(nulInfo.isArticle, false);
    assert.match(nulInfo.reason ?? '', /binary|NUL/);
    const huge = fileUri(path.join(dir, 'open-huge.news'));
    await server.open(huge, generateArticle(5, 256 * 1024), 'news');
    const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: huge } });
    assert.ok(tokens.data.length > 0, 'a 256 KB article gets tokens');
    const empty = fileUri(path.join(dir, 'open-empty.news'));
    await server.open(empty, '', 'news');
    assert.deepEqual((await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: empty } })).data, []);
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: empty }, position: { line: 3, character: 9 } }), null);
    for (const u of [nul, huge, empty]) await server.close(u);
    await stillServing();
  })();
});

test('server: a document closed mid-analysis leaves nothing behind and publishes nothing stale', async () => {
  await counted(async () => {
    const uri = fileUri(path.join(os.tmpdir(), 'outside-workspace-closed.news'));
    const text = generateArticle(11, 256 * 1024);
    await server.open(uri, text, 'news');
    // A hover forces analysis now; the close is queued right behind it.
    const hover = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 10 } });
    await server.close(uri);
    await hover;
    await server.waitFor('diagnostics cleared on close', () => server.diagnostics.get(uri)?.diagnostics.length === 0);
    const h = await heap();
    assert.equal(h.open, 0, 'the article store still holds an open record');
    // Outside the workspace: nothing on the disk side either.
    assert.equal((await info(uri)).reason, 'not open or indexed');
    await stillServing();
    assert.equal(server.diagnostics.get(uri)?.diagnostics.length, 0, 'stale diagnostics published after close');
  })();
});

test('server: 1,000 rapid edits end on the last version, debounced', async () => {
  await counted(async () => {
    const uri = fileUri(path.join(dir, 'rapid.news'));
    const base = generateArticle(21, 6000);
    await server.open(uri, base, 'news');
    for (let v = 2; v <= 1001; v++) await server.change(uri, v, base.slice(0, base.length - (v % 50)) + ` edit ${v}`);
    const last = await server.waitFor('diagnostics for version 1001', () => {
      const d = server.diagnostics.get(uri);
      return d && d.version === 1001 ? d : undefined;
    }, 30_000);
    assert.equal(last.version, 1001);
    assert.ok((publishes.get(uri) ?? 0) < 100, `${publishes.get(uri)} diagnostics publications for 1,000 edits: not debounced`);
    await server.close(uri);
    await stillServing();
  })();
});

test('server: malformed .dateline/*.json does not stop the rest', async () => {
  await counted(async () => {
    // The files were broken from the start; now they change (still broken) while we work.
    write('.dateline/places.json', '{ "places": [ ');
    write('.dateline/factions.json', 'null');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: ['places', 'factions', 'reviewed'].map((n) => ({ uri: fileUri(path.join(dir, '.dateline', `${n}.json`)), type: 2 })),
    });
    await stillServing();
    assert.equal((await server.connection.sendRequest<StatusResult>(StatusRequest)).articles >= 3, true);
  })();
});

test('server: a handler that throws fails that request alone', async () => {
  await counted(async () => {
    await assert.rejects(server.connection.sendRequest(DebugFailRequest), (err: Error & { code?: number }) => {
      assert.match(err.message, /dateline\/debug\/fail failed: deliberate failure/);
      return true;
    });
    await stillServing();
    await assert.rejects(server.connection.sendRequest(DebugFailRequest));
    await stillServing();
    // A promise rejected with nobody listening is logged, and the process stays up.
    assert.equal(await server.connection.sendRequest(DebugFailRequest, { stray: true }), 'stray rejection left behind');
    await server.waitFor('stray rejection logged', () => server.notifications.find((n) => n.method === 'window/logMessage' && /unhandled rejection: Error: deliberate stray/.test((n.params as { message: string }).message)));
    assert.equal(server.process.exitCode, null, 'the server exited');
    await stillServing();
  })();
});

test('server: a .dateline/ that cannot be written gives a clear error and loses nothing', async () => {
  await counted(async () => {
    // Running as root defeats chmod, so the file to write is made a folder: every write must fail.
    const placesFile = path.join(dir, '.dateline', 'places.json');
    fs.rmSync(placesFile, { force: true });
    fs.mkdirSync(placesFile);
    const keep = write('.dateline/places.json/keep.txt', 'user notes');
    const result = await server.connection.sendRequest<{ ok: boolean; error: string | null } | null>('workspace/executeCommand', {
      command: PlaceEditCommand,
      arguments: [{ folder: fileUri(dir), action: 'notPlace', spelling: 'Desk' }],
    });
    assert.ok(result, 'the place edit command answered nothing');
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /places\.json/);
    assert.equal(fs.readFileSync(keep, 'utf8'), 'user notes');
    assert.deepEqual(fs.readdirSync(path.join(dir, '.dateline')).filter((f) => f.endsWith('.tmp')), [], 'a temp file was left behind');
    const warned = server.notifications.some((n) => n.method.startsWith('window/showMessage') && /could not update/.test((n.params as { message: string }).message));
    assert.ok(warned, 'the user was not told');
    fs.rmSync(placesFile, { recursive: true, force: true });
    await stillServing();
  })();
});

export { stillServing };
