// A large open document is analysed in the open-document worker, off the server's main thread. What the user
// sees must not depend on where it was analysed: the same diagnostics, outline, article facts and hovers as a
// server that analyses everything in its main thread (DATELINE_OPEN_WORKER=0), also after an edit.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { ArticleInfo, ArticleInfoRequest, DebugHeapRequest, DebugHeapResult } from '../../server/src/protocol';
import { generateArticle } from '../../scripts/bench/newsCorpus';
import { analyzeArticle } from '../../server/src/analysis';
import { documentOutline, OutlineSymbol } from '../../server/src/analysis/outline';
import { MAX_MENTION_SYMBOLS } from '../../server/src/lsp/handlers/documentSymbolsHandler';
import { testKnowledge } from '../support/knowledge';

/** Over OFF_THREAD_MIN_CHARS (128 K characters). */
const TEXT = generateArticle(5150, 200 * 1024);
/** The same document after an edit: a paragraph added at the top of the body. */
const EDITED = TEXT.replace('\n\n', '\n\nRebels said on Tuesday they had shelled Aleppo, a claim the army denied.\n\n');
const URI = fileUri('/tmp/dateline-large-open.news');

let worker: TestServer;
let inThread: TestServer;

before(async () => {
  [worker, inThread] = await Promise.all([
    startServer({ env: { DATELINE_DEBUG: '1' } }),
    startServer({ env: { DATELINE_DEBUG: '1', DATELINE_OPEN_WORKER: '0' } }),
  ]);
});
after(async () => Promise.all([worker.stop(), inThread.stop()]));

/** What a user sees of the open document at `version`: diagnostics, outline, article facts and hovers. */
async function view(s: TestServer, version: number): Promise<unknown> {
  const diagnostics = await s.waitFor(`diagnostics of version ${version}`, () => {
    const d = s.diagnostics.get(URI);
    return d && d.version === version ? d.diagnostics : undefined;
  }, 60_000);
  const symbols = await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
  const info = await s.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri: URI });
  const hovers: unknown[] = [];
  for (let line = 0; line < 400; line += 7) hovers.push(await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: 12 } }));
  return { diagnostics, symbols, info, hovers };
}

async function offThread(s: TestServer): Promise<number> {
  return (await s.connection.sendRequest<DebugHeapResult>(DebugHeapRequest)).offThread ?? 0;
}

/** Opens the document in both servers and edits it; returns both servers' views of each version. */
async function check(): Promise<void> {
  for (const s of [worker, inThread]) {
    await s.open(URI, TEXT, 'news');
  }
  const opened = await Promise.all([view(worker, 1), view(inThread, 1)]);
  assert.deepEqual(opened[0], opened[1], 'views of the opened document differ');
  const info = (opened[0] as { info: ArticleInfo }).info;
  assert.equal(info.isArticle, true, 'the large document is analysed');
  assert.ok((opened[0] as { hovers: unknown[] }).hovers.some((h) => h !== null), 'no hover found anything');
  for (const s of [worker, inThread]) await s.change(URI, 2, EDITED);
  const edited = await Promise.all([view(worker, 2), view(inThread, 2)]);
  assert.deepEqual(edited[0], edited[1], 'views of the edited document differ');
  assert.notDeepEqual(edited[0], opened[0], 'the edit changed nothing the user sees');
  assert.ok((await offThread(worker)) >= 2, 'the worker did not analyse both versions');
  assert.equal(await offThread(inThread), 0, 'DATELINE_OPEN_WORKER=0 still used the worker');
}

test('large open document: analysed in the worker, seen exactly as if analysed in the main thread', check);

type Symbol = { name: string; children?: Symbol[] };

/** The Outline the editor should get from the core's outline: past MAX_MENTION_SYMBOLS mention (or claim) rows, one summing-up entry. */
function expectedNames(list: OutlineSymbol[]): unknown[] {
  return list.map((s) => {
    const rows = s.children.filter((c) => c.role === 'mention' || c.role === 'claim');
    const shown = s.children.filter((c) => !rows.includes(c) || rows.indexOf(c) < MAX_MENTION_SYMBOLS);
    const more = rows.length - MAX_MENTION_SYMBOLS;
    const what = rows[MAX_MENTION_SYMBOLS]?.role === 'claim' ? 'claim' : 'mention';
    return { name: s.name.trim() || '(unnamed)', children: [...expectedNames(shown), ...(more > 0 ? [{ name: `… ${more} more ${what}${more === 1 ? '' : 's'}`, children: [] }] : [])] };
  });
}

function names(list: Symbol[]): unknown[] {
  return list.map((s) => ({ name: s.name, children: names(s.children ?? []) }));
}

test('large open document: the Outline lists an entity\'s first 50 mentions (and the first 50 claims) and sums up the rest', async () => {
  const uri = fileUri('/tmp/dateline-large-outline.news');
  await worker.open(uri, TEXT, 'news');
  const symbols = await worker.connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const outline = documentOutline({ uri, text: TEXT, analysis: analyzeArticle(TEXT, testKnowledge(), { published: null, publishedFrom: 'setting' }) });
  assert.deepEqual(names(symbols), expectedNames(outline));
  const summed = JSON.stringify(symbols).match(/… \d+ more mentions/g) ?? [];
  assert.ok(summed.length > 0, 'no entity of the 200 KB document had more than 50 mentions');
  assert.match(JSON.stringify(symbols), /… \d+ more claims/, 'the 200 KB document\'s claims are summed up past 50 too');
});

test('large open document: closed and opened again with other text while analysed, the new text is what is shown', async () => {
  const uri = fileUri('/tmp/dateline-large-reopened.news');
  const other = generateArticle(6262, 180 * 1024);
  await worker.open(uri, TEXT, 'news');
  await worker.close(uri);
  await worker.open(uri, other, 'news');
  const symbols = await worker.connection.sendRequest<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const outline = documentOutline({ uri, text: other, analysis: analyzeArticle(other, testKnowledge(), { published: null, publishedFrom: 'setting' }) });
  assert.deepEqual(names(symbols), expectedNames(outline));
  assert.notDeepEqual(expectedNames(outline), expectedNames(documentOutline({ uri, text: TEXT, analysis: analyzeArticle(TEXT, testKnowledge(), { published: null, publishedFrom: 'setting' }) })), 'the two texts must differ in outline');
});
