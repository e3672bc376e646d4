// sameJson decides whether the diagnostics publisher sends a list again: it must say "same" exactly when the
// two values would be written out as the same JSON (object key order aside).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { sameJson } from '../../../server/src/lsp/sameJson';

const RANGE = { start: { line: 3, character: 0 }, end: { line: 3, character: 12 } };
const DIAGNOSTIC = { range: RANGE, severity: 2, code: 'dateline.conflict.toll', message: 'Conflicting tolls', relatedInformation: [{ location: { uri: 'file:///a.txt', range: RANGE }, message: '12 killed (Reuters)' }] };

/** [what, a, b, same?] */
const CASES: [string, unknown, unknown, boolean][] = [
  ['equal lists of fresh objects', [DIAGNOSTIC], [structuredClone(DIAGNOSTIC)], true],
  ['keys in another order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
  ['an undefined field is as if absent', { a: 1, data: undefined }, { a: 1 }, true],
  ['absent on the other side too', { a: 1 }, { a: 1, data: undefined }, true],
  ['empty lists', [], [], true],
  ['one more item', [DIAGNOSTIC], [DIAGNOSTIC, DIAGNOSTIC], false],
  ['a range moved by one character', [DIAGNOSTIC], [{ ...DIAGNOSTIC, range: { ...RANGE, end: { line: 3, character: 13 } } }], false],
  ['a related message changed', [DIAGNOSTIC], [{ ...DIAGNOSTIC, relatedInformation: [{ ...DIAGNOSTIC.relatedInformation[0], message: '13 killed (Reuters)' }] }], false],
  ['an extra field', { a: 1 }, { a: 1, b: 2 }, false],
  ['a field missing', { a: 1, b: 2 }, { a: 1 }, false],
  ['null against an object', { a: null }, { a: {} }, false],
  ['an array against an object with the same keys', [1], { 0: 1 }, false],
  ['a number against its string', 1, '1', false],
  ['0 against false', 0, false, false],
];

test('sameJson: same exactly when the JSON would be the same', () => {
  for (const [what, a, b, same] of CASES) {
    assert.equal(sameJson(a, b), same, what);
    assert.equal(sameJson(b, a), same, `${what} (swapped)`);
    // The property it stands in for, where JSON key order is the same on both sides.
    if (what !== 'keys in another order') assert.equal(JSON.stringify(a) === JSON.stringify(b), same, `${what}: the case itself`);
  }
});
