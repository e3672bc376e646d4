// The user gazetteer over a real LSP connection: problems in .dateline/places.json as diagnostics (the rest
// applies), place code actions, and the edit command writing the file (unknown fields kept) and re-analysing.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { PlaceEditCommand } from '../../server/src/protocol';

let server: TestServer;
let folder: string;
let articleUri: string;
let placesFile: string;
const ARTICLE = ['Clashes near Tripoli', '', 'Source: Dateline fixture| 2018-08-28 14:05:00|Editor: Test', '', 'BEIRUT, Aug. 28 (Dateline) -- Gunmen clashed in Tripoli on Tuesday, and fighting spread to Rakkah village.', ''].join('\n');

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-places-'));
  fs.writeFileSync(path.join(folder, 'clashes.news'), ARTICLE);
  fs.mkdirSync(path.join(folder, '.dateline'));
  placesFile = path.join(folder, '.dateline', 'places.json');
  fs.writeFileSync(placesFile, JSON.stringify({ note: 'mine', places: [{ id: 'geonames:172955', aliases: ['Rakkah'] }, { id: 'user:bad', name: 'Bad', lat: 200, lon: 0 }] }, null, 2));
  articleUri = fileUri(path.join(folder, 'clashes.news'));
  server = await startServer({ workspaceFolder: folder });
});
after(async () => {
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function hoverAt(needle: string): Promise<string> {
  const offset = ARTICLE.indexOf(needle) + 1;
  const before = ARTICLE.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: articleUri }, position })) as Hover | null;
  const contents = h?.contents as { value?: string } | undefined;
  return contents?.value ?? '';
}

test('lsp user places: a malformed entry gets a diagnostic in places.json, the valid ones apply', async () => {
  await server.open(articleUri, ARTICLE, 'news');
  const uri = fileUri(placesFile);
  const diags = await server.waitFor('places.json diagnostics', () => server.diagnostics.get(uri)?.diagnostics.length ? server.diagnostics.get(uri)!.diagnostics : null, 15_000);
  assert.ok(diags.some((d) => /"lat" must be a number/.test(typeof d.message === 'string' ? d.message : d.message.value)));
  assert.match(await hoverAt('Rakkah'), /\*\*Raqqa\*\*/);
});

test('lsp user places: "This is a different place" pins the spelling, keeping the file\'s own fields', async () => {
  const offset = ARTICLE.indexOf('Tripoli on');
  const line = ARTICLE.slice(0, offset).split('\n').length - 1;
  const character = offset - ARTICLE.lastIndexOf('\n', offset - 1) - 1;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: articleUri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.ok(titles.some((t) => t.startsWith('Add alias “Tripoli”')), titles.join('\n'));
  assert.ok(titles.some((t) => t === '“Tripoli” is not a place (.dateline/places.json)'));
  const other = actions.find((a) => a.title.startsWith('This is a different place: Tripoli') && /Libya/.test(a.title));
  assert.ok(other?.command, titles.join('\n'));
  const result = (await server.connection.sendRequest('workspace/executeCommand', { command: PlaceEditCommand, arguments: other!.command!.arguments })) as { ok: boolean };
  assert.equal(result.ok, true);
  const written = JSON.parse(fs.readFileSync(placesFile, 'utf8'));
  assert.equal(written.note, 'mine');
  assert.equal(written.pins.Tripoli, other!.command!.arguments![0].id);
  await server.waitFor('re-analysed with the pin', async () => /Libya/.test(await hoverAt('Tripoli on')), 15_000);
});
