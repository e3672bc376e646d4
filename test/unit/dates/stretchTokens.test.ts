// A sentence is tokenized once and its windows are cut from it: every cut must be exactly what
// tokenizing that range alone gives (fragments of words and numbers at the ends included).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { tokenize } from '../../../server/src/analysis/dates/tokens';
import { StretchTokens } from '../../../server/src/analysis/dates/stretchTokens';
import { codeUnits } from '../../../server/src/analysis/dates/codeUnits';

/**
 * Every range [from, to) of every stretch [min, max) of `text` (min stepped by `step` to stay quick), asked
 * in three orders (left to right, right to left, scattered): the stretch tokenizes more as it is asked.
 */
function checkAllRanges(text: string, step: number): void {
  for (let min = 0; min < text.length; min += step) {
    for (let max = min; max <= text.length; max += step) checkStretch(text, min, max);
  }
}

function checkStretch(text: string, min: number, max: number): void {
  const pairs: [number, number][] = [];
  for (let from = min; from <= max; from++) for (let to = from; to <= max; to++) pairs.push([from, to]);
  const scattered = pairs.map((p, k) => [(k * 7919) % 104729, p] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
  for (const order of [pairs, [...pairs].reverse(), scattered]) {
    const stretch = new StretchTokens(text, codeUnits(text), min, max);
    for (const [from, to] of order) {
      assert.deepEqual(stretch.range(from, to), tokenize(text, from, to), `${JSON.stringify(text)} stretch ${min}-${max} range ${from}-${to}`);
    }
  }
}

test('ranges cut through numbers with separators', () => {
  checkAllRanges('about 4,0001 or 12,000,5 and 1,234,5678 fled, 2.5 km; 3.4.5,678,9 ,,1 .5', 5);
});

test('ranges cut through words, dates, clock times, quotes and surrogate pairs', () => {
  checkAllRanges('"Yesterday" on Aug. 18, 2017 at 20:12:54 Z — it\u2019s caf\u00e9 time \ud83d\ude00x\ud83d\ude00 ', 5);
});

test('ranges inside text with no space for a long way (URLs, tables)', () => {
  const run = 'http://x.org/2017-09-02/a,1,234.5-b'.repeat(2);
  const text = `On ${run} said on 2 Sep ${run}`;
  checkStretch(text, 0, text.length);
});

test('a stretch of thousands of tokens (a whole text on one line): tokens far behind are let go and re-read exactly', () => {
  const text = 'On Aug. 18, 2017 about 4,000 people (12,0001) fled\u2019s 2.5 km; '.repeat(700);
  const stretch = new StretchTokens(text, codeUnits(text), 0, text.length);
  let asked = 0;
  for (let p = 0; p + 150 < text.length; p += 37) {
    for (const [from, to] of [[p, p + 100], [Math.max(0, p - 64), p + 150], p % 3700 === 0 ? [Math.max(0, p - 3000), p - 2900 > 0 ? p - 2900 : 10] : [p + 3, p + 9]]) {
      assert.deepEqual(stretch.range(from, to), tokenize(text, from, to), `range ${from}-${to}`);
      asked++;
    }
  }
  assert.ok(asked > 3000);
});

test('random text from a date-like alphabet', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('1', '0', ',', '.', ' ', 'a', 'B', '-', '\u2019', '\ud83d\ude00', 'é'), { maxLength: 14 }), (parts) => {
      const text = parts.join('');
      checkAllRanges(text, 1);
    }),
    { numRuns: 150, seed: 42 },
  );
});

test('a range handed out stays as it was while later ranges grow the stretch right and left', () => {
  const text = 'Officials said on Friday that talks held on Aug. 18, 2017 and 2,500 more on Monday would resume next week.';
  const stretch = new StretchTokens(text, codeUnits(text), 0, text.length);
  const given: { from: number; to: number; tokens: ReturnType<typeof tokenize> }[] = [];
  // A middle window first (the whole region then), then the region grows right only, then both ways,
  // as later windows and the tense look-around ask.
  const at = (word: string) => text.indexOf(word);
  const ranges = [[at(' on Aug'), at(' and 2,500')], [at(' on Aug'), at(' would')], [at(' that'), at(' next')], [0, at(' 2,500')], [at(' held'), text.length], [0, text.length]];
  for (const [from, to] of ranges) {
    given.push({ from, to, tokens: stretch.range(from, to) });
    for (const g of given) assert.deepEqual(g.tokens, tokenize(text, g.from, g.to), `range ${g.from}-${g.to} after asking ${from}-${to}`);
  }
});

test('the latest stretch reuses token objects; one made before it keeps serving exact ranges', () => {
  const text = 'Troops entered the town on Friday, and 1,200 people fled by Sept. 3, officials said on Monday.';
  const codes = codeUnits(text);
  const first = new StretchTokens(text, codes, 0, text.length);
  const kept = first.range(0, text.length);
  // A later stretch takes over the token objects: the first one's old ranges are its callers' to drop,
  // and what it hands out from now on is made afresh, exactly as before.
  const second = new StretchTokens(text, codes, 10, 60);
  const taken = second.range(10, 60);
  assert.deepEqual(taken, tokenize(text, 10, 60));
  assert.ok(taken.some((t) => kept.includes(t)), 'the second stretch reuses the first one\u2019s token objects');
  for (const [from, to] of [[0, 40], [20, text.length], [0, text.length]]) {
    const fresh = first.range(from, to);
    assert.deepEqual(fresh, tokenize(text, from, to), `older stretch, range ${from}-${to}`);
    for (const t of fresh) assert.ok(!taken.includes(t), 'an older stretch never hands out the latest one\u2019s objects');
  }
  // The latest stretch's own ranges stay as they were while it tokenizes more.
  second.range(0, text.length);
  assert.deepEqual(taken, tokenize(text, 10, 60));
});
