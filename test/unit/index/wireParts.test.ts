// What a worker sends for each article (wireParts.ts): repeated claim parts and strings go as numbers, and
// the main thread must get back exactly the packed analysis the worker made, with repeats shared.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../server/src/analysis';
import { CLAIM_PARTS, packAnalysis, PackedAnalysis } from '../../../server/src/lsp/index/packedAnalysis';
import { WireReceiver, WireSender } from '../../../server/src/lsp/index/wireParts';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { testKnowledge } from '../../support/knowledge';

/** Generated wire stories: the same places, factions and agencies come back from one to the next. */
function packedStories(count: number): PackedAnalysis[] {
  return Array.from({ length: count }, (_, i) => packAnalysis(analyzeArticle(generateArticle(9100 + i, 2500), testKnowledge())));
}

/** Sends each story through a sender and receiver as a worker message would (a structured copy). */
function check(tableMax: number): void {
  const sent = packedStories(12);
  const expected = sent.map((p) => structuredClone(p));
  const sender = new WireSender(tableMax);
  const receiver = new WireReceiver();
  const got = sent.map((p) => receiver.decode(structuredClone(sender.encode(p))));
  assert.deepEqual(got, expected);
  // Claims keep their keys in the order the analysis wrote them (what JSON and the CLI show), casualty fields included.
  assert.equal(JSON.stringify(got), JSON.stringify(expected));
  assert.ok(got.some((p) => p.claims.some((c) => 'victims' in c)), 'no casualty claim among the stories');
  // What was sent is left as it was.
  assert.deepEqual(sent, expected);
  // Repeats arrive as one shared object: a place or agency named in two stories is the same object in both.
  const first = new Map<string, object>();
  let shared = 0;
  for (const p of got) {
    for (const claim of p.claims) {
      for (const part of CLAIM_PARTS) {
        const v = (claim as unknown as Record<string, object | null>)[part];
        if (!v) continue;
        const key = `${part}:${JSON.stringify(v)}`;
        const seen = first.get(key);
        if (!seen) first.set(key, v);
        else {
          assert.equal(v, seen, `${key} arrived as a second copy`);
          shared++;
        }
      }
    }
  }
  assert.ok(shared > 50, `only ${shared} shared parts`);
}

test('wire parts: stories sent one after another arrive exactly, repeats shared', () => check(100_000));

test('wire parts: tables started over many times (tiny limit) change nothing', () => check(3));

test('wire parts: a claim of a shape the wire does not know arrives as it was', () => {
  const [story] = packedStories(1);
  const claims = story.claims as unknown as Record<string, unknown>[];
  // A key the wire does not list, keys in another order, a number where a part goes, an optional field of another type.
  claims[0] = { ...claims[0], extra: { note: 1 } };
  const { id, ...rest } = claims[1];
  claims[1] = { ...rest, id };
  claims[2] = { ...claims[2], actor: 7 };
  claims[3] = { ...claims[3], victims: 12 };
  const expected = structuredClone(story);
  const sender = new WireSender();
  const receiver = new WireReceiver();
  const got = receiver.decode(structuredClone(sender.encode(story)));
  assert.deepEqual(got, expected);
  assert.equal(JSON.stringify(got), JSON.stringify(expected));
});
