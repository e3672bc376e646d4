// The map request over a real LSP connection: the samples' places with coordinates, mentions and control history.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { MapRequest, MapResult, MapPlaceRequest, MapPlaceResult, PlaceAtRequest, PlaceAtResult } from '../../server/src/protocol';

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
  const { control, sentences, next } = await server.connection.sendRequest<MapPlaceResult>(MapPlaceRequest, { scope: 'workspace', placeId: raqqa.id });
  assert.ok(sentences.length > 0 && next === null);
  // The details: the same periods, with the claims behind each.
  assert.deepEqual(control?.map((c) => [c.from, c.status, c.basis.length]), raqqa.control.map((c) => [c.from, c.status, c.claims]));
  assert.ok(sentences.every((s) => s.location.uri.startsWith('file://') && s.sentence.includes('Raqqa')));
  assert.deepEqual(raqqa.control.map((c) => c.status), ['contested', 'held']);
  assert.ok(r.range && r.range.to >= '2017-11-08');
  const none = await server.connection.sendRequest<MapResult>(MapRequest, { scope: 'article', uri: 'file:///nowhere.txt' });
  assert.deepEqual([none.places.length, none.articles], [0, 0]);
});

test('lsp placeAt: the place under a hover, by the id the map knows; null off places', async () => {
  const file = path.join(SAMPLES, '2017-09-02-army-advances-in-hama.txt');
  const text = fs.readFileSync(file, 'utf8');
  const uri = await server.open(fileUri(file), text, 'plaintext');
  const at = (needle: string, shift = 1) => {
    const offset = text.indexOf(needle) + shift;
    assert.ok(offset > 0, `"${needle}" not in the sample`);
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  const placeAt = (position: { line: number; character: number }, u = uri) =>
    server.connection.sendRequest<PlaceAtResult>(PlaceAtRequest, { textDocument: { uri: u }, position });
  const raqqa = await placeAt(at('Raqqa battle'));
  assert.equal(raqqa?.name, 'Raqqa');
  const map = await server.connection.sendRequest<MapResult>(MapRequest, { scope: 'article', uri });
  assert.ok(map.places.some((p) => p.id === raqqa!.placeId), `the map has no place ${raqqa!.placeId}`);
  assert.equal(await placeAt(at('Raqqa battle', -4)), null, 'a word before the place');
  assert.equal(await placeAt({ line: 0, character: 0 }, 'file:///nowhere.txt'), null, 'an unknown document');
});
