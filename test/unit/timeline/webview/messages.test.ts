// Messages from the webview are checked before the extension acts on them; saved states load whatever their shape.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_VIEW_STATE, normalizeState, parseFromWebview } from '../../../../client/src/timeline/messages';

test('messages: well-formed messages from the webview pass, anything else is dropped', () => {
  const location = { uri: 'file:///a.txt', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } } };
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'open', location }), { type: 'open', location });
  assert.deepEqual(parseFromWebview({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
  assert.deepEqual(parseFromWebview({ type: 'detail', id: 'file:///a.txt#c1' }), { type: 'detail', id: 'file:///a.txt#c1' });
  assert.deepEqual(parseFromWebview({ type: 'window', seq: 3, query: { from: '2017-09-01', to: 'soon', bucketDays: 1e9, laneBy: 'place' } }), {
    type: 'window',
    seq: 3,
    query: { from: '2017-09-01', to: null, bucketDays: 3660, laneBy: 'place' },
  });
  for (const bad of [null, 'ready', 42, {}, { type: 'eval', code: 'x' }, { type: 'open', location: { uri: 5 } }, { type: 'export', format: 'exe' }, { type: 'detail', id: 5 }, { type: 'window', seq: 1 }, { type: 'window', query: {} }]) {
    assert.equal(parseFromWebview(bad), null, JSON.stringify(bad));
  }
});

test('messages: saved view states are normalised (old, partial, malformed)', () => {
  assert.deepEqual(normalizeState(undefined), DEFAULT_VIEW_STATE);
  assert.deepEqual(normalizeState({ laneBy: 'place', pxPerDay: 1e9, hidden: { kinds: ['predicted', 'bogus'], factions: [1, 'IS'] }, scrollLeft: -5 }), {
    ...DEFAULT_VIEW_STATE,
    laneBy: 'place',
    pxPerDay: 200,
    hidden: { factions: ['IS'], places: [], sources: [], kinds: ['predicted'] },
    scrollLeft: 0,
  });
  assert.equal(normalizeState({ scope: 'article', uri: 'file:///a.txt' }).uri, 'file:///a.txt');
});
