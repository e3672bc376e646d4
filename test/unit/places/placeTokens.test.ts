// The place tokeniser: words, dotted abbreviations, possessives and what separates each word from the last.
// An all-ASCII stretch is read from its bytes (in any article) and any other from the string: both readings
// must give the same tokens.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SEP_COMMA, SEP_DOT, SEP_HYPHEN, SEP_OTHER, SEP_SPACE, SEP_START, TokenBuffer, tokenizeStretch } from '../../../server/src/analysis/places/placeTokens';
import { expectJsonFile, readFixture } from '../../support/expectFile';

const SEPS: Record<number, string> = { [SEP_START]: 'start', [SEP_SPACE]: ' ', [SEP_HYPHEN]: '-', [SEP_COMMA]: ',', [SEP_DOT]: '.', [SEP_OTHER]: '?' };

/** Tokens of text[start, end) as a reader checks them: the word, then flags and separator. */
function tokensOf(text: string, start: number, end: number): string[] {
  const buf = new TokenBuffer();
  buf.reset(text);
  const hi = tokenizeStretch(buf, text, start, end);
  const out: string[] = [];
  for (let i = 0; i < hi; i++) out.push(`${SEPS[buf.sep(i)]}|${buf.raw(i)}${buf.cap(i) ? '|cap' : ''}${buf.dotted(i) ? '|dotted' : ''}`);
  return out;
}

function check(name: string): void {
  const lines = readFixture('places', 'tokens', name).split('\n').filter((l) => l.trim() !== '');
  const actual = lines.map((line) => {
    const ascii = tokensOf(line, 0, line.length);
    // The same line in a text that is not all ASCII (a character after the stretch): its bytes are still read.
    const mixed = tokensOf(`${line} é`, 0, line.length);
    // With a no-break space (not ASCII, not a word character) inside the stretch: the string is read instead.
    const other = tokensOf(`${line}\u00a0`, 0, line.length + 1);
    assert.deepEqual(mixed, ascii, `bytes of a mixed text: ${line}`);
    assert.deepEqual(other, ascii, `both readings of: ${line}`);
    return { line, tokens: ascii };
  });
  expectJsonFile(actual, 'places', 'tokens', name.replace(/\.txt$/, '.expected.json'));
}

test('place tokens: words, possessives, dotted abbreviations and separators, alike from bytes and from the string', () => check('stretches.txt'));

test('place tokens: the bytes are used for an all-ASCII text, or an all-ASCII stretch of another', () => {
  const buf = new TokenBuffer();
  buf.reset('Damascus, Syria');
  assert.notEqual(buf.ascii, null);
  buf.reset('Damascus — Syria');
  assert.equal(buf.ascii, null);
  assert.notEqual(buf.asciiStretch(0, 9), null);
  assert.equal(buf.asciiStretch(0, 11), null);
  assert.notEqual(buf.asciiStretch(11, 16), null);
  buf.reset('');
  assert.equal(buf.ascii, null);
  assert.equal(buf.asciiStretch(0, 0), null);
});
