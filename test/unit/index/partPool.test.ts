// Claim parts are shared only with parts equal to them as data (partPool.ts): same keys in the same order,
// same values; anything else stays its own object.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PartPool, samePlain } from '../../../server/src/lsp/index/partPool';

const place = { id: 'geonames:170905', name: 'Daraa', lat: 32.61889, lon: 36.10213, country: 'SY' };
const time = { value: '2017-09', label: 'early Sep 2017', from: '2017-09-01', to: '2017-09-10', basis: 'stated' };

/** Each case: two values and whether they count as the same part. */
const cases: [string, unknown, unknown, boolean][] = [
  ['a copy of a place', place, { ...place }, true],
  ['a copy of a time', time, structuredClone(time), true],
  ['another latitude', place, { ...place, lat: 32.6 }, false],
  ['the same fields in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, false],
  ['a field more', place, { ...place, admin1: 'Daraa Governorate' }, false],
  ['null and an empty object', null, {}, false],
  ['nested arrays equal', { ids: ['a', 'b'], at: { x: [1, 2] } }, { ids: ['a', 'b'], at: { x: [1, 2] } }, true],
  ['nested arrays differing', { ids: ['a', 'b'] }, { ids: ['a', 'c'] }, false],
  ['an array and an object with index keys', { v: ['x'] }, { v: { 0: 'x' } }, false],
  ['0 and -0 (JSON would merge them)', { n: 0 }, { n: -0 }, false],
  ['NaN and NaN', { n: NaN }, { n: NaN }, true],
  ['-0 and -0', { id: 'x', n: -0 }, { id: 'x', n: -0 }, true],
  ['NaN and a number', { id: 'x', n: NaN }, { id: 'x', n: 1 }, false],
  ['the same nested object, then another value', { id: 'x', at: { k: 1 }, n: 2 }, { id: 'x', at: { k: 1 }, n: 3 }, false],
  ['undefined and null', { n: undefined }, { n: null }, false],
  ['a number and its string', { n: 1 }, { n: '1' }, false],
];

function check(name: string, a: unknown, b: unknown, same: boolean): void {
  assert.equal(samePlain(a, b), same, `${name}: samePlain`);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return;
  const pool = new PartPool<string>();
  pool.add('part', a, 'first');
  assert.equal(pool.find('part', b), same ? 'first' : undefined, `${name}: pool`);
  // Another kind of part never matches.
  assert.equal(pool.find('other', b), undefined, `${name}: kind`);
}

for (const [name, a, b, same] of cases) test(`part pool: ${name}`, () => check(name, a, b, same));

test('part pool: a full bucket takes no more parts, and parts in it are still found', () => {
  const pool = new PartPool<number>();
  let added = 0;
  for (let i = 0; i < 40; i++) if (pool.add('time', { value: '2017-09', label: 'Sep 2017', from: `2017-09-${10 + i}` }, i)) added++;
  assert.equal(added, 32);
  assert.equal(pool.size, 32);
  assert.equal(pool.find('time', { value: '2017-09', label: 'Sep 2017', from: '2017-09-12' }), 2);
  assert.equal(pool.find('time', { value: '2017-09', label: 'Sep 2017', from: '2017-09-45' }), undefined);
});
