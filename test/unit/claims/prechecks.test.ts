// The character checks that skip a claims pattern where it cannot match must give what the pattern alone
// gives, at every offset of lines built from the pattern's own words (each followed by what may follow it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isPresent } from '../../../server/src/analysis/claims/triggers';
import { passiveBefore } from '../../../server/src/analysis/claims/extractClaims';
import { isFighting } from '../../../server/src/analysis/claims/claimSides';

// The patterns as written before the checks, asked of the words just before `at`.
const PRESENT_BEFORE = /\b(?:has|have|had|is|are|still|now|remains|remain)(?: [a-z]+ly| been| not| also| now| already)? ?$/;
const PASSIVE_BEFORE = /\b(?:been|being|was|were|is|are|get|got)\s+(?:[a-z]+ly\s+)?$/;
const FIGHTING = /^(?:fight|fought|battl|clash)/;

/** Lines where each of `heads` is followed by each of `tails`, between our own words, spaced every way. */
function linesOf(heads: string[], tails: string[]): string[] {
  const out: string[] = [];
  for (const head of heads) {
    for (const tail of tails) {
      out.push(`_____ ${head}${tail} captured the town`, `the rebels ${head}${tail}  pushed out`, `${head}${tail}\tseized it`, `${head}${tail}`);
    }
  }
  return out;
}

/** `fast(lower, at)` equals `plain(lower, at)` at every offset of every line; returns how many offsets matched. */
function check(lines: string[], fast: (lower: string, at: number) => boolean, plain: (lower: string, at: number) => boolean): number {
  let matched = 0;
  for (const lower of lines) {
    for (let at = 0; at <= lower.length; at++) {
      const want = plain(lower, at);
      assert.equal(fast(lower, at), want, `at ${at} in "${lower}"`);
      if (want) matched++;
    }
  }
  return matched;
}

test('tense: the last-letter check before the present pattern skips only what it cannot match', () => {
  const lines = linesOf(['has', 'have', 'had', 'is', 'are', 'still', 'now', 'remains', 'remain', 'was', 'said'], ['', ' ', ' quickly', ' been', ' not', ' also', ' now', ' already', ' then']);
  // A word that is no present-tense trigger, so only the words before it decide.
  const matched = check(
    lines,
    (lower, at) => isPresent(lower, at, 'captured'),
    (lower, at) => PRESENT_BEFORE.test(lower.slice(Math.max(0, at - 24), at)),
  );
  assert.ok(matched > 100, `${matched} offsets in the present tense`);
});

test('passive: the last-letter check before the passive pattern skips only what it cannot match', () => {
  const lines = linesOf(['been', 'being', 'was', 'were', 'is', 'are', 'get', 'got', 'has', 'the'], ['', ' ', ' quickly', ' also', '\u00a0']);
  const matched = check(
    lines,
    (lower, at) => passiveBefore(lower, at),
    (lower, at) => PASSIVE_BEFORE.test(lower.slice(Math.max(0, at - 20), at)),
  );
  assert.ok(matched > 50, `${matched} offsets after a passive auxiliary`);
});

test('fighting: the two-letter check gives what the pattern gives for every trigger-like word', () => {
  const words = ['fighting', 'fought', 'fight', 'battling', 'battled', 'battles', 'clashing with', 'clashed with', 'captured', 'controls', 'besieged', 'forced', 'fell', 'f', 'cl', '', 'clasp', 'batter'];
  let fighting = 0;
  for (const word of words) {
    assert.equal(isFighting(word), FIGHTING.test(word), word);
    if (FIGHTING.test(word)) fighting++;
  }
  assert.equal(fighting, 8);
});
