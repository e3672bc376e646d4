// Pooled strings: equal strings come back as one copy, equal to what went in, in plain values too.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { StringPool } from '../../../server/src/analysis/outline/ownStrings';

function check(values: unknown[], expectedDistinct: number): void {
  const pool = new StringPool();
  const owned = values.map((v) => pool.ownAll(v));
  assert.deepEqual(owned, values, 'values unchanged');
  const seen = new Set<string>();
  const walk = (v: unknown) => (typeof v === 'string' ? seen.add(v) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : undefined);
  owned.forEach(walk);
  assert.equal(seen.size, expectedDistinct);
  // The same text twice gives the very same copy.
  assert.equal(pool.own('Syrian Democratic Forces'), pool.own('Syrian Democratic ' + 'Forces'));
}

test('string pool: copies are equal to their originals, nested values included', () => {
  const article = 'ALEPPO, Syria -- Syrian Democratic Forces entered Raqqa on Friday.';
  check([article.slice(17, 41), { name: article.slice(17, 41), interval: { from: '2017-09-01', to: '2017-09-01' }, list: ['a', 'Raqqa'] }, '', null, 3], 5);
});
