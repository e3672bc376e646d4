// "the" is skipped at once unless the next word is one that something starting with "the" can use
// (grammar.ts AFTER_THE). This runs every recogniser after "the" on every word the tagger knows and
// every word of the date fixtures, in the contexts they look at, and checks none was cut off.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize, Kind } from '../../../server/src/analysis/dates/tokens';
import { AFTER_THE, somethingStartsAt } from '../../../server/src/analysis/dates/grammar';
import * as lexicon from '../../../server/src/analysis/dates/lexicon';
import { FIXTURES } from '../../support/expectFile';

function vocabulary(): Set<string> {
  const words = new Set<string>();
  for (const value of Object.values(lexicon)) {
    if (value instanceof Map) for (const k of value.keys()) words.add(String(k));
    else if (value instanceof Set) for (const k of value) words.add(String(k));
  }
  for (const name of fs.readdirSync(path.join(FIXTURES, 'dates'))) {
    if (!name.endsWith('.txt')) continue;
    for (const m of fs.readFileSync(path.join(FIXTURES, 'dates', name), 'utf8').matchAll(/[A-Za-z]+/g)) words.add(m[0].toLowerCase());
  }
  for (const extra of ['rest', 'remainder', 'course', 'balance', 'being', 'term', 'run', 'recent', 'now', 'end', 'of', 'and']) words.add(extra);
  return words;
}

const BEFORE = ['', 'in', 'for', 'of', 'rest of', 'during', 'over', 'later in', 'to end', 'since', 'by', 'at', 'until'];
const AFTER = ['', 'of 2017', 'of March', "year's third quarter", 'quarter of last year', 'week of October', 'before yesterday', 'in a row', 'day', 'straight week', '2016', 'ended', 'future', 'term'];

/** Fails when a word missing from AFTER_THE lets something start at "the". */
function checkGate(word: string): void {
  for (const before of BEFORE) {
    for (const after of AFTER) {
      for (const w of [word, word[0].toUpperCase() + word.slice(1)]) {
        const text = `${before} the ${w} ${after}`;
        const T = tokenize(text, 0, text.length);
        const i = T.findIndex((t) => t.l === 'the');
        const next = T[i + 1];
        if (next && (next.k === Kind.Number || AFTER_THE.has(next.l))) continue;
        assert.equal(somethingStartsAt(T, i), false, `something starts at "the" in ${JSON.stringify(text)}: add "${next?.l}" to AFTER_THE`);
      }
    }
  }
}

test('nothing starting with "the" needs a word missing from AFTER_THE', () => {
  const words = vocabulary();
  assert.ok(words.size > 300, 'a real vocabulary');
  for (const word of words) if (word) checkGate(word);
});
