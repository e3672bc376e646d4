// The pipeline's merges of mention lists: whatever the lists (in order or not, with ties, empty), the merged
// list is a stable sort of their concatenation by start then end, the first lists' mentions first on a tie;
// and a list extended after the merger made it (offsets kept in its columns) comes out as one it did not make.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MentionMerger } from '../../../server/src/analysis/mergeMentions';

interface Tagged {
  start: number;
  end: number;
  tag: string;
}

/** A pseudo-random list of `n` spans in a short text (many ties), in order unless `shuffled`. */
function spans(seed: number, n: number, tag: string, shuffled = false): Tagged[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 40;
  const list: Tagged[] = [];
  for (let i = 0; i < n; i++) {
    const start = next();
    list.push({ start, end: start + (next() % 5), tag: `${tag}${i}` });
  }
  if (!shuffled) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return list;
}

/** The merge every list must equal: a stable sort of the concatenation. */
function sorted(...lists: Tagged[][]): string[] {
  return lists
    .flat()
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => s.tag);
}

const tags = (list: { start: number; end: number }[]) => list.map((s) => (s as Tagged).tag);

test('mention merges: three lists, then two extensions, equal a stable sort of all of them', () => {
  const merger = new MentionMerger();
  for (let seed = 1; seed <= 200; seed++) {
    const shuffle = seed % 7 === 0;
    const [a, b, c] = [spans(seed, seed % 9, 'a', shuffle && seed % 2 === 0), spans(seed * 3, seed % 11, 'b'), spans(seed * 5, seed % 13, 'c', shuffle && seed % 2 === 1)];
    const [d, e] = [spans(seed * 7, seed % 3, 'd', seed % 5 === 0), spans(seed * 11, seed % 4, 'e')];
    const taken = merger.three(a, b, c);
    assert.deepEqual(tags(taken), sorted(a, b, c), `three, seed ${seed}`);
    const more = merger.extend(taken, d);
    assert.deepEqual(tags(more), sorted(a, b, c, d), `extended once, seed ${seed}`);
    if (d.length === 0) assert.equal(more, taken, 'an empty list leaves the merged list as it is');
    assert.deepEqual(tags(merger.extend(more, e)), sorted(a, b, c, d, e), `extended twice, seed ${seed}`);
    // A list the merger did not make last (its offsets are read from the mentions).
    const ac = [...a, ...c].sort((x, y) => x.start - y.start || x.end - y.end);
    assert.deepEqual(tags(merger.extend(ac, e)), sorted(a, c, e), `extended unkeyed, seed ${seed}`);
    merger.release();
  }
});
