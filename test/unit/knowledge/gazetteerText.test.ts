// loadPlaceIndex decodes the gazetteer's text blocks with Node's Buffer decoders (BUFFER_DECODERS) rather than
// TextDecoder, for speed: they must read the build's bytes (Buffer 'utf16le' names, 'latin1' keys) exactly as
// TextDecoder does, on sample names and on the whole built gazetteer.
import { test, TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { placeIndexFromBytes } from '../../../server/src/analysis/places/placeIndex';
import { BUFFER_DECODERS, findDataFile, loadedGazetteerBytes, loadPlaceIndex } from '../../../server/src/knowledge/loadPlaceIndex';

/** The built gazetteer's path, or null with the test skipped when dist/ is not built. */
function builtGazetteer(t: TestContext): string | null {
  const file = findDataFile('gazetteer.bin');
  if (!file) t.skip('dist/data/gazetteer.bin not built: run `node esbuild.js`');
  return file;
}

const NAMES = ['Deir ez-Zor', 'Şanlıurfa', 'Ménaka', 'Tall Abyaḑ', 'Ouagadougou', 'Al Ḩasakah', 'Kyiv', '𐤀 a name beyond the BMP', 'Mosul'];
const KEYS = ['deir ez zor', 'sanliurfa', 'menaka', 'tall abyad', 'kyiv'];

test('gazetteer text: Buffer decoders read the build encoding of names and keys as TextDecoder does', () => {
  const names = Buffer.from(NAMES.join(''), 'utf16le');
  const keys = Buffer.from(KEYS.join(''), 'latin1');
  // An odd offset inside a larger buffer, as a slice of the file would be.
  const inside = Buffer.concat([Buffer.from([1]), names]).subarray(1);
  assert.equal(BUFFER_DECODERS.utf16le(inside), NAMES.join(''));
  assert.equal(BUFFER_DECODERS.utf16le(names), new TextDecoder('utf-16le').decode(names));
  assert.equal(BUFFER_DECODERS.latin1(keys), KEYS.join(''));
  assert.equal(BUFFER_DECODERS.latin1(keys), new TextDecoder('latin1').decode(keys));
});

test('gazetteer text: the built gazetteer loads to the same index with either decoder', (t) => {
  const file = builtGazetteer(t);
  if (!file) return;
  const loaded = loadPlaceIndex();
  assert.equal(loaded.problem, null);
  const standard = placeIndexFromBytes(fs.readFileSync(file));
  assert.ok(standard && standard.size > 1000, 'the gazetteer has places');
  assert.equal(loaded.index.nameText, standard.nameText);
  assert.equal(loaded.index.keyText, standard.keyText);
  assert.deepStrictEqual(loaded.index, standard);
});

test('gazetteer: the bytes a load read are shared memory, and an index built on them (an index worker) equals the file', (t) => {
  const file = builtGazetteer(t);
  if (!file) return;
  const fromFile = loadPlaceIndex();
  const shared = loadedGazetteerBytes();
  assert.ok(shared && shared.buffer instanceof SharedArrayBuffer, 'read into a SharedArrayBuffer');
  const fromShared = loadPlaceIndex(shared);
  assert.equal(fromShared.problem, null);
  assert.deepStrictEqual(fromShared.index, fromFile.index);
});
