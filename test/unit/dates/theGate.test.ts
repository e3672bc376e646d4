// "the", "a"/"an", "last"/"this"/"next" and numbers (not four digits long) are skipped at once unless the next token is one that
// something starting with them can use (grammar.ts AFTER_THE, AFTER_A, AFTER_LAST, AFTER_NUMBER). This runs every
// recogniser after them on every word the tagger knows, every word of the date fixtures and the
// punctuation, in the contexts they look at, and checks nothing was cut off.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize, Kind } from '../../../server/src/analysis/dates/tokens';
import { AFTER_A, AFTER_LAST, AFTER_NUMBER, AFTER_THE, somethingStartsAt } from '../../../server/src/analysis/dates/grammar';
import * as lexicon from '../../../server/src/analysis/dates/lexicon';
import { WordMap, WordSet } from '../../../server/src/analysis/dates/wordShapes';
import { FIXTURES } from '../../support/expectFile';

function vocabulary(): Set<string> {
  const words = new Set<string>();
  for (const value of Object.values(lexicon)) {
    if (value instanceof WordMap || value instanceof WordSet) for (const k of value.keys()) words.add(String(k));
  }
  for (const name of fs.readdirSync(path.join(FIXTURES, 'dates'))) {
    if (!name.endsWith('.txt')) continue;
    for (const m of fs.readFileSync(path.join(FIXTURES, 'dates', name), 'utf8').matchAll(/[A-Za-z]+/g)) words.add(m[0].toLowerCase());
  }
  // Every word the recognisers compare with, as written in their source.
  const source = path.join(__dirname, '../../../server/src/analysis/dates');
  for (const name of fs.readdirSync(source)) {
    if (name.endsWith('.ts')) for (const m of fs.readFileSync(path.join(source, name), 'utf8').matchAll(/'([a-z]+)'/g)) words.add(m[1]);
  }
  for (const extra of ['rest', 'remainder', 'course', 'balance', 'being', 'term', 'run', 'recent', 'now', 'end', 'of', 'and']) words.add(extra);
  for (const mark of ['-', '/', '.', ':', "'", '\u2019', ',', '(', ')', '"', '\u2013', '\u2014', ';', '%', '$', '?']) words.add(mark);
  // Marks with what usually follows them: "12:30", "2017-09-02", "7/8/07", "6.40", "the '90s", "12-year-old".
  for (const glued of [':30', ':30:15', '-09-02', '-09', '/8/07', '.40', "'s", "\u2019s", '-year', '-year-old', '-day', '-long']) words.add(glued);
  return words;
}

const BEFORE = ['', 'in', 'of', 'rest of', 'later in', 'to end', 'since', 'at', 'between', 'about', 'the', 'a', 'once', 'Sept.'];
const AFTER = ['', 'recent quarter', 'of 2017', 'of March', "year's third quarter", 'quarter of last year', 'week of October', 'before yesterday', 'in a row', 'day', 'straight week', '2016', 'ended', 'future', 'term'];

/** Fails when a token missing from `gate` lets something start at `starter` ("the", "a", "12"). */
function checkGate(starter: string, gate: { has(word: string): boolean }, numbersPass: boolean, word: string): void {
  for (const before of BEFORE) {
    for (const after of AFTER) {
      for (const w of /^[a-z]/.test(word) ? [word, word[0].toUpperCase() + word.slice(1)] : [word]) {
        // Glued to the starter only where the tokenizer keeps them apart (after a number, or punctuation).
        for (const joint of /^[a-z]/.test(word) && !/^[0-9]/.test(starter) ? [' '] : [' ', '']) {
          const text = `${before} ${starter}${joint}${w} ${after}`;
          const T = tokenize(text, 0, text.length);
          const i = T.findIndex((t) => t.t === starter || (starter.includes(',') && t.t === starter));
          if (i < 0 || T[i].t !== starter) continue; // "12" glued to a following digit is another number
          const next = T[i + 1];
          if (next && ((numbersPass && next.k === Kind.Number) || gate.has(next.l))) continue;
          assert.equal(somethingStartsAt(T, i), false, `something starts at "${starter}" in ${JSON.stringify(text)}: add "${next?.l}" to its list`);
        }
      }
    }
  }
}

const WORDS = vocabulary();

test('the vocabulary is a real one', () => {
  assert.ok(WORDS.size > 300);
});

test('nothing starting with "the" needs a word missing from AFTER_THE', () => {
  for (const word of WORDS) checkGate('the', AFTER_THE, true, word);
});

test('nothing starting with "a" or "an" needs a word missing from AFTER_A', () => {
  for (const word of WORDS) {
    checkGate('a', AFTER_A, false, word);
    checkGate('an', AFTER_A, false, word);
  }
});

test('nothing starting with a number (not four digits) needs a token missing from AFTER_NUMBER', () => {
  for (const n of ['3', '12', '150', '2.5', '2,000']) for (const word of WORDS) checkGate(n, AFTER_NUMBER, false, word);
});

test('nothing starting with "last", "this" or "next" needs a word missing from AFTER_LAST', () => {
  for (const word of WORDS) for (const starter of ['last', 'this', 'next', 'Last']) checkGate(starter, AFTER_LAST, true, word);
});
