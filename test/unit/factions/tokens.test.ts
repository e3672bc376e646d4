// The factions tokenizer: the words the matchers see (keys, case flags, hyphens, apostrophes), whatever
// the order texts come in. The keys come from a table shared across articles, so these checks also pin
// that a word's key never depends on which text brought it in first.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ABBR, CAP, DIGIT, HYPHENED, POSSESSIVE, PUNCT, rangeClassMasks, registerWords, spanTokenRanges, tokenAt, tokenAtFrom, tokenize, Token, UPPER, W_CORE_HEAD } from '../../../server/src/analysis/factions/tokens';
import { expectJsonFile, readFixture } from '../../support/expectFile';

const FLAGS: [number, string][] = [[CAP, 'cap'], [UPPER, 'upper'], [HYPHENED, 'hyphened'], [PUNCT, 'punct'], [POSSESSIVE, 'possessive'], [ABBR, 'abbr'], [DIGIT, 'digit']];

function show(text: string, tokens: Token[]): string[] {
  return tokens.map((t) => `${JSON.stringify(text.slice(t.start, t.end))} ${t.key} ${FLAGS.filter(([bit]) => t.flags & bit).map(([, name]) => name).join(',')}`.trimEnd());
}

function check(name: string): void {
  const text = readFixture('factions', 'tokens', `${name}.txt`);
  expectJsonFile(show(text, tokenize(text)), 'factions', 'tokens', `${name}.expected.json`);
}

test('factions tokens: abbreviations, hyphens, apostrophes, possessives, non-ASCII letters and long runs', () => {
  check('words');
});

test('factions tokens: a word gets the same key whichever text and case brought it in first', () => {
  const a = tokenize('Raqqa RAQQA raqqa Observatory observatory');
  const keys = a.map((t) => t.key);
  const b = tokenize('observatory RaQqA Raqqa');
  assert.deepEqual(keys, ['raqqa', 'raqqa', 'raqqa', 'observatory', 'observatory']);
  assert.deepEqual(b.map((t) => t.key), ['observatory', 'raqqa', 'raqqa']);
  assert.deepEqual(b.map((t) => t.flags & (CAP | UPPER)), [0, CAP, CAP]);
});

test('factions tokens: short words are told apart by their code alone, so every spelling keeps its own key', () => {
  // Same letters at other lengths, digits against letters, and words at and past the exact-code lengths (6, 12).
  const words = ['a', 'A', 'aa', 'z9', 'Z9', '9z', '00', '0', 'abcdef', 'ABCDEF', 'abcdefg', 'zzzzzz', '999999', 'zzzzzzz', 'Raqqa', 'raqq',
    'abcdefgh', 'abcdefhg', 'bacdefgh', 'zzzzzzzzzzzz', 'ZZZZZZZZZZZZ', 'zzzzzzzzzzzzz', '999999999999', 'observatories', 'observatory', 'Observatoryy'];
  const keys = tokenize(words.join(' ')).map((t) => t.key);
  assert.deepEqual(keys, words.map((w) => w.toLowerCase()));
});

test('factions tokens: the token at an offset searched on from an earlier answer is the one a whole search gives', () => {
  const text = readFixture('factions', 'tokens', 'words.txt');
  const tokens = tokenize(text);
  for (let offset = 0; offset <= text.length + 2; offset++) {
    const expected = tokenAt(tokens, offset);
    for (const from of [0, 1, expected - 40, expected - 3, expected - 1, expected, expected + 1, tokens.length]) {
      assert.equal(tokenAtFrom(tokens, offset, from), expected, `offset ${offset} from ${from}`);
    }
  }
});

test('factions tokens: sentence token ranges are what a search per offset gives, in or out of order', () => {
  const text = readFixture('factions', 'tokens', 'words.txt');
  const tokens = tokenize(text);
  const spans = [{ start: 0, end: 40 }, { start: 40, end: 151 }, { start: 10, end: 12 }, { start: 151, end: text.length + 5 }, { start: 3, end: 3 }];
  const ranges = spanTokenRanges(tokens, spans);
  assert.deepEqual([...ranges], spans.flatMap((s) => [tokenAt(tokens, s.start), tokenAt(tokens, s.end)]));
  // Same spans again: the cached answer; changed offsets: a new one.
  assert.equal(spanTokenRanges(tokens, spans), ranges);
  const moved = spans.map((s) => ({ start: s.start + 1, end: s.end + 1 }));
  assert.deepEqual([...spanTokenRanges(tokens, moved)], moved.flatMap((s) => [tokenAt(tokens, s.start), tokenAt(tokens, s.end)]));
});

test('factions tokens: sentence ranges and the classes in each, found in the pass that first describes the tokens, are what a search per offset and an OR per range give', () => {
  const text = readFixture('factions', 'tokens', 'words.txt');
  // Classes as the coreference pass registers them (this file loads no pass), so the ORs are not all zero.
  registerWords(W_CORE_HEAD, ['group', 'army']);
  // Another text first, so this one's tokens are new (not described yet): spans in order take the one-pass path.
  tokenize('Another text.');
  const tokens = tokenize(text);
  const spans = [{ start: 0, end: 0 }, { start: 0, end: 40 }, { start: 40, end: 40 }, { start: 41, end: 151 }, { start: 160, end: text.length + 5 }];
  const ranges = spanTokenRanges(tokens, spans);
  const expected = spans.flatMap((s) => [tokenAt(tokens, s.start), tokenAt(tokens, s.end)]);
  assert.deepEqual([...ranges], expected);
  const masks = [...rangeClassMasks(tokens, ranges)];
  const ors = spans.map((_, k) => tokens.slice(expected[2 * k], expected[2 * k + 1]).reduce((m, t) => m | t.cls, 0));
  assert.deepEqual(masks, ors);
  assert.ok(ors.some((m) => m !== 0), 'the fixture has words with classes');
});

test('factions tokens: an ASCII text (copied by the encoder) and one with other characters (copied unit by unit) give the same tokens, to the last character', () => {
  const endings = ['U.S', 'U.S.', 'U.S.-', "Assad'", "Assad's", "Assad's.", 'al-', 'pro-', "'s", 'A.', 'x', '-'];
  for (const ending of endings) {
    const ascii = `Troops loyal to ${ending}`;
    const wide = `${ascii} \u00e9t\u00e9 \u201cok\u201d`;
    const a = show(ascii, tokenize(ascii));
    const w = show(wide, tokenize(wide));
    assert.deepEqual(w.slice(0, a.length), a, ending);
    assert.deepEqual(w.slice(a.length), ['"été" été', '"“" “ punct', '"ok" ok', '"”" ” punct'], ending);
  }
  assert.deepEqual(show("Assad's", tokenize("Assad's")), ['"Assad" assad cap', `"'s" 's possessive`]);
  assert.deepEqual(show('the U.S.', tokenize('the U.S.')), ['"the" the', '"U.S." u.s. cap,upper,abbr']);
});
