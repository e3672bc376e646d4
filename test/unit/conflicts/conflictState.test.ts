// After an index pass the server's conflict state checks the pass's files in slices: until those have run it
// says `checking` (the status bar's spinner), and when they end it calls its settled listeners once, with the
// counts complete (the status bar and views are told then). An edit outside a pass settles nothing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseForStore, ArticleStore } from '../../../server/src/lsp/articleStore';
import { ConflictState } from '../../../server/src/lsp/conflicts/conflictState';
import { ServerContext } from '../../../server/src/lsp/serverContext';
import { findConflicts } from '../../../server/src/analysis/conflicts';
import { testKnowledge } from '../../support/knowledge';
import { generateArticle } from '../../../scripts/bench/newsCorpus';

const ROOT = path.join(__dirname, '..', '..', '..');
const SAMPLES = ['2017-09-02-army-advances-in-hama.txt', '2017-11-10-al-bukamal-recaptured.txt'].map((f) => ({
  uri: `file:///ws/${f}`,
  text: fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8'),
}));
const INPUT = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };

/** An article store with the conflict state kept on it, and the counts its settled listeners were called with. */
function watchedState(sliceMs?: number): { store: ArticleStore; state: ConflictState; settled: number[] } {
  const store = new ArticleStore(testKnowledge);
  const ctx = { store, documents: { all: () => [] }, workspaceFolders: [] } as unknown as ServerContext;
  const state = new ConflictState(ctx, () => undefined, sliceMs);
  const settled: number[] = [];
  state.onSettled(() => settled.push(state.counts().conflicts));
  return { store, state, settled };
}

/** Turns of the event loop until `done`, at most `turns` of them. */
async function turnsUntil(done: () => boolean, turns = 1000): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

test('conflict state: checking while an index pass waits for its conflict checks, settled once with the full count', async () => {
  const { store, state, settled } = watchedState();

  store.bulkLoading = true;
  for (const s of SAMPLES) store.setDisk(s.uri, s.text, INPUT);
  assert.equal(state.checking, true, 'files of the pass wait for their checks');
  assert.deepEqual(settled, []);

  store.bulkLoading = false;
  await turnsUntil(() => settled.length > 0);
  assert.equal(state.checking, false);
  // The full count, as the batch detection over the same articles finds it.
  const expected = findConflicts(SAMPLES.map((s) => ({ uri: s.uri, published: store.get(s.uri)!.analysis.publication.date, claims: store.get(s.uri)!.analysis.claims }))).length;
  assert.ok(expected > 0, 'the samples disagree somewhere');
  assert.deepEqual(settled, [expected]);

  // An edit outside a pass is synced at once: nothing to settle.
  store.setOpen(SAMPLES[0].uri, 1, SAMPLES[0].text + '\n', INPUT);
  await turnsUntil(() => false, 20);
  assert.equal(state.checking, false);
  assert.deepEqual(settled, [expected]);
});

test('conflict state: an open document with thousands of claims is checked in slices, then settled with the full count', async () => {
  // One step a slice: whether an edit comes before the slices are done must not depend on the machine's speed.
  const { store, state, settled } = watchedState(0);
  for (const s of SAMPLES) store.setDisk(s.uri, s.text, INPUT);
  const big = { uri: 'file:///ws/long-report.news', text: generateArticle(8128, 300 * 1024) };
  const record = store.setOpen(big.uri, 1, big.text, INPUT);
  assert.ok(record.analysis.claims.length >= 1000, `only ${record.analysis.claims.length} claims`);
  assert.equal(state.checking, true, 'its claims are still going in');
  await turnsUntil(() => !state.checking, 100_000);
  assert.equal(state.checking, false);
  const all = [...SAMPLES, big].map((s) => ({ uri: s.uri, published: store.get(s.uri)!.analysis.publication.date, claims: store.get(s.uri)!.analysis.claims }));
  const expected = findConflicts(all);
  assert.deepEqual(state.all().map((c) => c.id), expected.map((c) => c.id));
  assert.deepEqual(settled, [expected.length - state.counts().reviewed]);
  // Edited before its slices are done: the old version's claims do not linger, whether the new version is
  // checked at once (a short one) or in slices too.
  const conflictsWith = (text: string) => findConflicts([...all.slice(0, -1), { uri: big.uri, published: all[all.length - 1].published, claims: analyseForStore(text, { ...INPUT, uri: big.uri, text }, testKnowledge()).analysis.claims }]).map((c) => c.id);
  const short = big.text.slice(0, 40 * 1024);
  const expectedShort = conflictsWith(short);
  store.setOpen(big.uri, 2, big.text + '\n', INPUT);
  assert.equal(state.checking, true);
  store.setOpen(big.uri, 3, short, INPUT);
  await turnsUntil(() => !state.checking, 100_000);
  assert.deepEqual(state.all().map((c) => c.id), expectedShort);
  store.setOpen(big.uri, 4, big.text + '\n', INPUT);
  store.setOpen(big.uri, 5, big.text, INPUT);
  await turnsUntil(() => !state.checking, 100_000);
  assert.deepEqual(state.all().map((c) => c.id), expected.map((c) => c.id));
});
