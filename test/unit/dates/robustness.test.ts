// Bad or hostile input never hangs or crashes the date tagger; output always stays inside the text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { tagDatesInPlainText } from '../../../server/src/analysis/dates/plainText';
import { tagDates } from '../../../server/src/analysis/dates/tagDates';

function checkWellFormed(text: string, published: string | null): void {
  const dates = tagDatesInPlainText(text, published);
  let last = -1;
  for (const d of dates) {
    assert.ok(d.start >= 0 && d.end <= text.length && d.start < d.end, `span ${d.start}-${d.end} inside the text`);
    assert.ok(d.start >= last, 'sorted and non-overlapping');
    assert.equal(d.text, text.slice(d.start, d.end));
    assert.ok(d.value.length > 0 && d.label.length > 0);
    last = d.end;
  }
}

/** Deterministic pseudo-random text from a small alphabet (no Math.random: failures must reproduce). */
function noise(alphabet: string, length: number): string {
  let x = 2463534242;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

test('dates: 1 MB of digits, dots and dashes finishes (would hang if quadratic)', () => {
  checkWellFormed(noise('0123456789.-', 1_000_000), '2017-09-02');
  // Dense real dates and ranges: every few characters a mention, still linear.
  const unit = '2017-09-02.1-2-3.45..6--7.8.9-2015-';
  checkWellFormed(unit.repeat(Math.ceil(200_000 / unit.length)), '2017-09-02');
  const digits = '1'.repeat(1_000_000);
  checkWellFormed(digits, '2017-09-02');
  const dotted = '1.'.repeat(500_000);
  checkWellFormed(dotted, null);
  const words = 'the end of the last '.repeat(50_000);
  checkWellFormed(words, '2017-09-02');
});

test('dates: never throws and stays in bounds on arbitrary text', () => {
  const alphabet = fc.constantFrom(...'0123456789 .,-:/\'’ aAmMpP\n', 'May', 'Friday', 'last', 'month', 'since', 'between', 'and', 'the end of', 'Sept.', '2017', 'ago', 'years', 'early', '\uD83D\uDE00');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 60 }), fc.option(fc.constantFrom('2017-09-02', '2016-02-29', '1999-12-31')), (parts, pub) => {
      checkWellFormed(parts.join(''), pub);
    }),
    { numRuns: 400 },
  );
});

test('dates: nonsense arguments give no dates rather than an exception', () => {
  assert.deepEqual(tagDates(null as unknown as string, [], { date: null, time: null, from: 'none', evidence: null }), []);
  assert.deepEqual(tagDatesInPlainText('', 'not a date'), []);
  const s = [{ start: 5, end: 999, section: 'body' as const, paragraph: 0 }];
  assert.doesNotThrow(() => tagDates('On Friday it fell.', s, { date: '2017-13-45', time: null, from: 'option', evidence: null }));
});
