// The hold index must hand compareHolds every earlier claim it would pair with inside the two-week window
// the rules were always given (none missed, none twice), whatever the sides, areas, extents, bases and
// intervals, including intervals that run backwards; and forget removed claims.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Claim } from '../../../server/src/analysis/types';
import { Entry } from '../../../server/src/analysis/conflicts/entry';
import { HoldIndex } from '../../../server/src/analysis/conflicts/holdIndex';
import { compareHolds } from '../../../server/src/analysis/conflicts/rules';
import { rng } from '../../../server/src/analysis/conflicts/syntheticClaims';

const SIDES = ['syrian-government', 'sdf', 'islamic-state', null];
const SPANS = [0, 0, 0, 1, 2, 3, 6, 9, 29, 31, -5];

/** Claims about one place over two months: dense enough that every rule fires, deterministic. */
function entries(count: number, seed: number): Entry[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const from = 17000 + Math.floor(r() * 60);
    const side = pick(SIDES);
    const percent = r() < 0.2 ? 40 + Math.floor(r() * 60) : null;
    const claim = {
      id: `c${i}`,
      action: r() < 0.5 ? 'took-control' : 'controls',
      actor: side ? { id: side, name: side } : null,
      place: { id: 'raqqa', name: 'Raqqa', lat: null, lon: null, country: 'SY', admin1: null },
      extent: { kind: r() < 0.6 ? 'full' : 'partial', text: null, percent, area: r() < 0.3 ? 'old city' : null },
      time: { value: '', label: '', from: null, to: null, basis: r() < 0.7 ? 'stated' : 'publication' },
      source: { id: `s${i % 4}`, name: `Source ${i % 4}` },
      modality: r() < 0.9 ? pick(['reported', 'asserted'] as const) : 'predicted',
    } as unknown as Claim;
    const factual = claim.modality === 'asserted' || claim.modality === 'reported';
    out.push({ uri: `file:///a${i % 7}.txt`, published: null, publishedDay: null, claim, from, to: from + pick(SPANS), side, action: claim.action, extent: claim.extent, isFactual: factual });
  }
  return out;
}

/** The claims of `kept` the rules were given before: `from` within 14 days of e's interval. */
function windowPairs(e: Entry, kept: readonly Entry[]): Entry[] {
  return kept.filter((o) => o.from! <= e.to! + 14 && o.to! + 14 >= e.from! && compareHolds(e, o) !== null);
}

function check(list: readonly Entry[], removeEvery: number): { pairs: number; kinds: Set<string>; backward: number } {
  const index = new HoldIndex();
  const kept: Entry[] = [];
  const kinds = new Set<string>();
  let pairs = 0;
  let backward = 0;
  list.forEach((e, i) => {
    const visited: Entry[] = [];
    if (HoldIndex.takes(e)) index.candidates(e, (o) => visited.push(o));
    assert.equal(new Set(visited).size, visited.length, `claim ${e.claim.id}: a claim visited twice`);
    const found = visited.filter((o) => compareHolds(e, o) !== null);
    const expected = HoldIndex.takes(e) ? windowPairs(e, kept) : [];
    assert.deepEqual(found.map((o) => o.claim.id).sort(), expected.map((o) => o.claim.id).sort(), `claim ${e.claim.id}`);
    for (const o of found) {
      pairs++;
      kinds.add(compareHolds(e, o)!.kind);
      if (o.to! < o.from! || e.to! < e.from!) backward++;
    }
    if (HoldIndex.takes(e)) {
      index.add(e);
      kept.push(e);
    }
    // Now and then forget an earlier claim: it must never be visited again.
    if (removeEvery && i % removeEvery === 0 && kept.length > 1) {
      const gone = kept.splice(Math.floor(kept.length / 2), 1)[0];
      index.remove(gone);
    }
  });
  return { pairs, kinds, backward };
}

test('hold index: visits exactly the claims compareHolds pairs within the window', () => {
  const { pairs, kinds, backward } = check(entries(600, 7), 0);
  assert.ok(pairs > 100, `only ${pairs} pairs`);
  assert.deepEqual([...kinds].sort(), ['control', 'date', 'extent']);
  assert.ok(backward > 0, 'no pair with a backward interval');
});

test('hold index: removed claims are no longer visited', () => {
  const { pairs } = check(entries(600, 11), 3);
  assert.ok(pairs > 100, `only ${pairs} pairs`);
});
