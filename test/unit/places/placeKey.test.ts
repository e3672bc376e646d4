// Transliteration-aware keys: spellings outlets use for one place fold to one key; different places stay apart.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { placeKey } from '../../../server/src/analysis/places/placeKey';

const SAME: string[][] = [
  ['Deir al-Zour', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir Ezzor', 'Deir Ezzour', 'Deir el-Zour'],
  ['Raqqa', 'Ar Raqqah', 'Rakka', 'al-Raqqa', 'ar-Raqqa', 'Raqqah'],
  ['al-Mayadeen', 'Mayadin', 'Al Mayādīn'],
  ['Hama', 'Ḩamāh', 'Hamah'],
  ['Khan Sheikhoun', 'Khan Shaykhun'],
  ['Ghouta', 'Ghuta'],
  ['Uqayribat', '‘Uqayribāt'],
  ['al-Qaim', 'Al Qā’im'],
  ['Daraa', 'Dar‘ā', "Dar'a"],
  ['Sukhnah', 'as-Sukhnah', 'Sukhna'],
];

const DIFFERENT: [string, string][] = [
  ['Homs', 'Hama'],
  ['Raqqa', 'Rakhine'],
  ['Aleppo', 'Afrin'],
  ['Idlib', 'Irbid'],
];

for (const group of SAME) {
  test(`placeKey: ${group[0]} and its spellings share one key`, () => {
    const keys = new Set(group.map(placeKey));
    assert.equal(keys.size, 1, `${group.join(' / ')} -> ${[...keys].join(' | ')}`);
  });
}

test('placeKey: different places keep different keys', () => {
  for (const [a, b] of DIFFERENT) assert.notEqual(placeKey(a), placeKey(b), `${a} vs ${b}`);
});

test('placeKey: an article alone is kept, not stripped to nothing', () => {
  assert.equal(placeKey('Al'), 'al');
  assert.equal(placeKey(''), '');
});
