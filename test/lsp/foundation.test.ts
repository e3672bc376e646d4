// The server over a real stdio connection: open articles, hover, semantic tokens, diagnostics, article info.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { ArticleInfo, ArticleInfoRequest } from '../../server/src/protocol';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const HAMA = path.join(SAMPLES, '2017-09-02-army-advances-in-hama.txt');
let server: TestServer;

before(async () => {
  server = await startServer({ workspaceFolder: SAMPLES });
});
after(async () => server.stop());

function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Opens a file as the editor would (plain text) and returns its URI and text. */
async function openFile(file: string): Promise<{ uri: string; text: string }> {
  const text = fs.readFileSync(file, 'utf8');
  const uri = await server.open(fileUri(file), text, 'plaintext');
  return { uri, text };
}

test('lsp: a sample .txt article is recognised, a notes file is not', async () => {
  const { uri } = await openFile(HAMA);
  const info = await server.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri });
  assert.equal(info.isArticle, true);
  assert.equal(info.published, '2017-09-02');
  assert.equal(info.publishedFrom, 'source-line');
  const notes = await openFile(path.join(SAMPLES, 'notes.txt'));
  const notesInfo = await server.connection.sendRequest<ArticleInfo>(ArticleInfoRequest, { uri: notes.uri });
  assert.equal(notesInfo.isArticle, false);
  assert.match(notesInfo.reason ?? '', /dateline|source/);
});

test('lsp: diagnostics are published for an opened article', async () => {
  const { uri } = await openFile(HAMA);
  const published = await server.waitFor('diagnostics', () => server.diagnostics.get(uri));
  assert.ok(Array.isArray(published.diagnostics));
});

test('lsp: hover over "Raqqa" names it with its country and coordinates', async () => {
  const { uri, text } = await openFile(HAMA);
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: positionOf(text, 'Raqqa battle'),
  });
  assert.ok(hover, 'no hover over Raqqa');
  assert.match(hover.contents.value, /Raqqa/);
  assert.match(hover.contents.value, /Syria/);
  assert.match(hover.contents.value, /35\.9\d*°N, 39\.0\d*°E/);
});

test('lsp: semantic tokens colour places, dates and factions', async () => {
  const { uri } = await openFile(HAMA);
  const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
  assert.equal(tokens.data.length % 5, 0);
  const types = new Set<number>();
  for (let i = 3; i < tokens.data.length; i += 5) types.add(tokens.data[i]);
  // legend: place, date, faction, source
  assert.ok(types.has(0) && types.has(1) && types.has(2), `token types seen: ${[...types]}`);
});

test('lsp: a stale version never overwrites a newer one', async () => {
  const uri = fileUri(path.join(SAMPLES, 'edited.txt'));
  const base = fs.readFileSync(HAMA, 'utf8');
  await server.open(uri, base);
  for (let v = 2; v <= 30; v++) await server.change(uri, v, base + '\n'.repeat(v));
  const last = await server.waitFor('diagnostics for version 30', () => {
    const d = server.diagnostics.get(uri);
    return d && d.version === 30 ? d : undefined;
  });
  assert.equal(last.version, 30);
});
