// The tokenizer hands a word written again the strings it kept for it (found by an exact key for short
// ASCII words, by comparing the text for others). Whatever it keeps, every token must read as the text
// it covers: these texts hold far more distinct words than it keeps, so slots are taken over again and again.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { tokenize, Kind } from '../../../server/src/analysis/dates/tokens';

/** Tokenizes `text` and checks each word and number against the text it covers; the number of tokens checked. */
function check(text: string): number {
  let n = 0;
  for (const t of tokenize(text, 0, text.length)) {
    const written = text.slice(t.s, t.e);
    assert.equal(t.t, written, `token at ${t.s}`);
    assert.equal(t.l, t.k === Kind.Word ? written.toLowerCase() : written, `lower-case token at ${t.s}`);
    n++;
  }
  return n;
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

test('every three-letter word, in two cases, twice over: each token reads as its own text', () => {
  const words: string[] = [];
  for (const a of letters) for (const b of letters) for (const c of letters) words.push(a + b + c, (a + b + c).toUpperCase());
  const text = words.join(' ');
  assert.equal(check(text), words.length);
  assert.equal(check(words.reverse().join(' ')), words.length);
});

test('words of 6 to 9 letters that share their first or last units, numbers of 1 to 9 digits, and non-ASCII letters', () => {
  const words: string[] = [];
  for (let k = 0; k < 4000; k++) {
    const stem = letters[k % 26] + letters[(k >> 3) % 26] + letters[(k >> 6) % 26];
    words.push(`${stem}ing${letters[k % 7]}`, `re${stem}ed`, `${stem}tions${letters[k % 5]}`, `${stem}ér`, String(k * 7919 % 1_000_000_007), String(k));
  }
  const text = words.join(' ');
  assert.equal(check(text), words.length);
  assert.equal(check(words.reverse().join(' ')), words.length);
});
