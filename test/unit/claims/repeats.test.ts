// Repeat counts ("~n" in claim ids) are read lazily: each sentence is filed under a key of its two ends and
// hashed only when a claim sentence with the same ends asks. The counts must equal the plain way's: every
// sentence hashed, and each one counting the earlier sentences with its hash.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { normalisedEndsOfRange, normalisedHashNumber, normaliseText } from '../../../server/src/analysis/claims/claimText';
import { SentenceRepeats } from '../../../server/src/analysis/claims/sentenceRepeats';

// Our own lines: repeats that differ only in case, spacing and punctuation, curly quotes at the ends,
// accented letters at an end or inside, a Kelvin sign that lower-cases to "k", and lines too short for four letters.
const LINES = [
  'Government forces recaptured Uqayribat on Friday.',
  '"Government forces recaptured Uqayribat on Friday"',
  'Rebels shelled the café in Deir ez-Zor.',
  '\u201cGovernment forces   recaptured Uqayribat, on Friday.\u201d',
  'Étoile district was shelled, the monitor said.',
  'Rebels shelled the café in Deir ez-Zor!',
  'Government forces recaptured Uqayribat on Saturday.',
  '\u212aill counts stay open, the monitor said.',
  'kill counts stay open, the monitor said.',
  'OK.',
  'ok',
  '...',
  '',
  'Étoile district was shelled, the monitor said.',
  'Government forces recaptured Uqayribat on Friday.',
];

test('sentence ends: lines with the same normalised text share their ends key, unreadable ends give -1', () => {
  const byText = new Map<string, number>();
  for (const line of LINES) {
    const ends = normalisedEndsOfRange(line, 0, line.length);
    // The key is the same wherever the line stands in a longer text.
    const text = `Before it. ${line} After it.`;
    assert.equal(normalisedEndsOfRange(text, 11, 11 + line.length), ends, line);
    if (ends < 0) continue;
    assert.ok(ends < 2 ** 30, line);
    const known = byText.get(normaliseText(line));
    if (known !== undefined) assert.equal(ends, known, line);
    byText.set(normaliseText(line), ends);
  }
  assert.equal(normalisedEndsOfRange('Étoile district', 0, 15), -1);
  assert.equal(normalisedEndsOfRange('\u212aill counts', 0, 12), -1);
  // An accent inside the sentence is never read: the ends are plain letters.
  assert.ok(normalisedEndsOfRange('Rebels shelled the café in Deir ez-Zor.', 0, 39) >= 0);
  assert.ok(byText.size >= 6);
});

/** Repeat counts of the sentences asked (in order), read lazily, next to the plain counts. */
function counts(lines: string[], asked: (i: number) => boolean, deferred = false): { lazy: number[]; plain: number[]; hashed: number; ends: number } {
  let hashed = 0;
  let ends = 0;
  const repeats = new SentenceRepeats().start(lines.length, {
    hashOfSentence(i) {
      hashed++;
      return normalisedHashNumber(lines[i]);
    },
    endsOfSentence(i) {
      ends++;
      return normalisedEndsOfRange(lines[i], 0, lines[i].length);
    },
  });
  const lazy: number[] = [];
  const plain: number[] = [];
  const seen = new Map<number, number>();
  lines.forEach((line, i) => {
    if (deferred) repeats.defer(i);
    else repeats.note(i);
    const key = normalisedHashNumber(line);
    const before = seen.get(key) ?? 0;
    seen.set(key, before + 1);
    if (!asked(i)) return;
    assert.equal(repeats.keyOf(i), key);
    lazy.push(repeats.repeatOf(i));
    plain.push(before);
  });
  return { lazy, plain, hashed, ends };
}

test('sentence repeats: lazy counts equal the plain ones, however few sentences ask', () => {
  const all = counts(LINES, () => true);
  assert.deepEqual(all.lazy, all.plain);
  assert.ok(all.plain.filter((n) => n > 0).length >= 5, 'the lines repeat');
  for (const step of [2, 3, 5]) {
    const some = counts(LINES, (i) => i % step === step - 1);
    assert.deepEqual(some.lazy, some.plain, `every ${step}th sentence asks`);
  }
  // Only the last line asks: the lines with other ends are never hashed.
  const last = counts(LINES, (i) => i === LINES.length - 1);
  assert.deepEqual(last.lazy, [3]);
  assert.ok(last.hashed < LINES.length - 3, `${last.hashed} lines hashed`);
});

test('sentence repeats: deferred filing counts as noting each sentence in turn, and reads no ends after the last ask', () => {
  for (const step of [1, 2, 3, 5]) {
    const some = counts(LINES, (i) => i % step === step - 1, true);
    assert.deepEqual(some.lazy, some.plain, `every ${step}th sentence asks`);
  }
  const early = counts(LINES, (i) => i === 3, true);
  assert.deepEqual(early.lazy, early.plain);
  assert.equal(early.ends, 4, 'only the sentences up to the one asking');
  assert.equal(counts(LINES, () => false, true).ends, 0);
});
