// The user factions dictionary over a real LSP connection: problems in .dateline/factions.json as diagnostics
// (the rest applies), "Add as faction…" on selected words asking the kind, writing the file (unknown fields
// kept) and re-analysing.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { FactionEditCommand } from '../../server/src/protocol';

let server: TestServer;
let folder: string;
let articleUri: string;
let factionsFile: string;
const ARTICLE = ['Clashes near Raqqa', '', 'Source: Dateline fixture| 2017-06-10 14:05:00|Editor: Test', '', 'RAQQA, June 10 (Dateline) -- The Raqqa Lions and the Tiger Battalion clashed near the city on Saturday.', ''].join('\n');

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-factions-'));
  fs.writeFileSync(path.join(folder, 'clashes.news'), ARTICLE);
  fs.mkdirSync(path.join(folder, '.dateline'));
  factionsFile = path.join(folder, '.dateline', 'factions.json');
  const user = { note: 'mine', factions: [{ id: 'lions-of-raqqa', name: 'Lions of Raqqa', kind: 'militia', country: 'SY', aliases: ['Raqqa Lions'] }, { id: 'broken', name: 'Broken', kind: 'tank' }] };
  fs.writeFileSync(factionsFile, JSON.stringify(user, null, 2));
  articleUri = fileUri(path.join(folder, 'clashes.news'));
  server = await startServer({ workspaceFolder: folder });
  // "Add as faction…" asks the kind with window/showMessageRequest: answer like a user would.
  server.connection.onRequest('window/showMessageRequest', () => ({ title: 'Militia' }));
});
after(async () => {
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

function position(needle: string, delta = 1): { line: number; character: number } {
  const offset = ARTICLE.indexOf(needle) + delta;
  const lines = ARTICLE.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

async function hoverAt(needle: string): Promise<string> {
  const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: articleUri }, position: position(needle) })) as Hover | null;
  return (h?.contents as { value?: string } | undefined)?.value ?? '';
}

test('lsp user factions: a malformed entry gets a diagnostic in factions.json, the valid ones apply', async () => {
  await server.open(articleUri, ARTICLE, 'news');
  const uri = fileUri(factionsFile);
  const diags = await server.waitFor('factions.json diagnostics', () => (server.diagnostics.get(uri)?.diagnostics.length ? server.diagnostics.get(uri)!.diagnostics : null), 15_000);
  assert.ok(diags.some((d) => /kind must be one of/.test(typeof d.message === 'string' ? d.message : '')));
  assert.match(await hoverAt('Raqqa Lions'), /\*\*Lions of Raqqa\*\* — militia/);
});

test('lsp user factions: "Add as faction…" on selected words writes the entry and re-analyses', async () => {
  const range = { start: position('Tiger Battalion', 0), end: position('Tiger Battalion', 'Tiger Battalion'.length) };
  const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: articleUri }, range, context: { diagnostics: [] } })) as CodeAction[];
  const add = actions.find((a) => a.title === 'Add “Tiger Battalion” as faction…');
  assert.ok(add?.command, actions.map((a) => a.title).join('\n'));
  const result = (await server.connection.sendRequest('workspace/executeCommand', { command: FactionEditCommand, arguments: add!.command!.arguments })) as { ok: boolean };
  assert.equal(result.ok, true);
  const written = JSON.parse(fs.readFileSync(factionsFile, 'utf8'));
  assert.equal(written.note, 'mine');
  assert.deepEqual(written.factions[2], { id: 'tiger-battalion', name: 'Tiger Battalion', kind: 'militia', country: 'SY', aliases: ['Tiger Battalion'] });
  await server.waitFor('re-analysed with the new faction', async () => /\*\*Tiger Battalion\*\* — militia/.test(await hoverAt('Tiger Battalion')), 15_000);
});
