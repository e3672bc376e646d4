// Dates over a real LSP connection: inlay hints after relative dates (switchable), hovers that explain them.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../../support/lspClient';
import { FIXTURES } from '../../support/expectFile';

const ARTICLE = path.join(FIXTURES, 'dates', 'xinhua-2017-09-02.txt');
const servers: TestServer[] = [];
after(async () => Promise.all(servers.map((s) => s.stop())));

interface Hint {
  position: { line: number; character: number };
  label: string;
}

function offsetOf(text: string, p: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

async function hintsFor(settings: Record<string, unknown>): Promise<{ text: string; hints: Hint[]; server: TestServer; uri: string }> {
  const server = await startServer({ workspaceFolder: path.dirname(ARTICLE), settings });
  servers.push(server);
  const text = fs.readFileSync(ARTICLE, 'utf8');
  const uri = await server.open(fileUri(ARTICLE), text, 'plaintext');
  const end = text.split('\n').length;
  const hints = await server.connection.sendRequest<Hint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } },
  });
  return { text, hints: hints ?? [], server, uri };
}

test('lsp dates: inlay hints follow relative dates with the resolved date', async () => {
  const { text, hints } = await hintsFor({ inlayHints: true });
  const shown = hints.map((h) => `${text.slice(Math.max(0, offsetOf(text, h.position) - 15), offsetOf(text, h.position))} ${h.label}`);
  assert.ok(shown.some((s) => s.endsWith('army on Friday ▸ 1 Sep 2017')), shown.join('\n'));
  assert.ok(shown.some((s) => s.endsWith('late last month ▸ late Aug 2017')), shown.join('\n'));
  // Absolute dates say nothing new: no hint after "since 2015".
  assert.ok(!shown.some((s) => s.includes('since 2015')), shown.join('\n'));
});

test('lsp dates: dateline.inlayHints false turns them off', async () => {
  const { hints } = await hintsFor({ inlayHints: false });
  assert.deepEqual(hints, []);
});

test('lsp dates: the hover explains the resolution and names the anchor', async () => {
  const { text, server, uri } = await hintsFor({});
  const offset = text.indexOf('Friday drove');
  const before = text.slice(0, offset).split('\n');
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: before.length - 1, character: before[before.length - 1].length + 2 },
  });
  assert.ok(hover);
  assert.match(hover.contents.value, /1 Sep 2017/);
  assert.match(hover.contents.value, /Friday before the publication date/);
  assert.match(hover.contents.value, /source line/);
});
