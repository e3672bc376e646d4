// Every built-in place has an id of its own: one id for two places (regions named only in a non-Latin script
// once all slugged to "dateline:admin1:CN:") merges them in hovers, the map and user pins.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { placeId, placeIndexOf } from '../../../server/src/analysis/places/placeIndex';
import { findDataFile, loadPlaceIndex } from '../../../server/src/knowledge/loadPlaceIndex';

test('gazetteer ids: each built-in place has its own id, and the id finds that place again', (t) => {
  if (!findDataFile('gazetteer.bin')) return t.skip('dist/data/gazetteer.bin not built: run `node esbuild.js`');
  const { index } = loadPlaceIndex();
  const seen = new Map<string, number>();
  const repeats: string[] = [];
  for (let i = 0; i < index.builtIn; i++) {
    const id = placeId(index, i);
    const first = seen.get(id);
    if (first !== undefined) repeats.push(`${id}: places ${first} and ${i}`);
    else seen.set(id, i);
  }
  assert.deepStrictEqual(repeats.slice(0, 10), [], `${repeats.length} ids name more than one place`);
  assert.ok(index.builtIn > 100_000, 'the whole gazetteer was read');
  for (const i of [...index.otherIds.keys()]) assert.equal(placeIndexOf(index, placeId(index, i)), i, placeId(index, i));
});
