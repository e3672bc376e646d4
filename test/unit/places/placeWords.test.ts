// The word cache: a spelling is keyed by its bytes (four at a time) or, in a text that is not all ASCII, by
// the same numbers made from the string. Spellings that share a prefix up to and past each four-byte group,
// and words too long to pack, must each find their own info, the same from either reading of the text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { placeWordAt, PlaceWord, wordCacheFor } from '../../../server/src/analysis/places/placeWords';
import { TokenBuffer, tokenizeStretch } from '../../../server/src/analysis/places/placeTokens';
import { testKnowledge } from '../../support/knowledge';

const SPELLINGS = [
  'Homs', 'Homsa', 'Hom', 'Raqqa', 'Raqqah', 'Hasakah', 'Hasakahs', 'Qamishli', 'QAMISHLI', 'Qamishlis',
  'abcdefghijkl', 'abcdefghijklm', 'abcdefghijklmnop', 'abcdefghijklmnoq', 'abcdefghijklmnopq', 'abcdefghijklmnopr',
  'Counterinsurgency', '2017', '20170', 'A', 'Münster', 'Muenster',
];

/** The word info of every token of `text`, read as the scan reads it (bytes when the text is all ASCII). */
function wordsOf(text: string): PlaceWord[] {
  const index = testKnowledge().places;
  const cache = wordCacheFor(index);
  const buf = new TokenBuffer();
  buf.reset(text);
  const n = tokenizeStretch(buf, text, 0, text.length);
  const out: PlaceWord[] = [];
  for (let i = 0; i < n; i++) out.push(placeWordAt(cache, index, text, buf.ascii !== null ? buf.byteView : null, buf.start[i], buf.end[i], buf.cap(i), buf.dotted(i)));
  return out;
}

test('place words: each spelling finds its own info, from the bytes and from the string alike', () => {
  const ascii = SPELLINGS.filter((s) => /^[\x00-\x7f]*$/.test(s));
  const fromBytes = wordsOf(ascii.join(' '));
  // The same words in a text with a character beyond ASCII: the string is read instead of the bytes.
  const fromString = wordsOf(`${ascii.join(' ')} \u2014`);
  assert.deepEqual(fromBytes.map((w) => w.raw), ascii);
  for (let k = 0; k < ascii.length; k++) assert.equal(fromString[k], fromBytes[k], `one info for ${ascii[k]} from either reading`);
  const all = wordsOf(`${SPELLINGS.join(' ')} ${SPELLINGS.join(' ')}`);
  assert.deepEqual(all.map((w) => w.raw), [...SPELLINGS, ...SPELLINGS]);
  assert.equal(new Set(all).size, SPELLINGS.length, 'a repeated spelling finds the info made for it, a different one never does');
});
