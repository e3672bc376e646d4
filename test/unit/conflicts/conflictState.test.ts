// After an index pass the server's conflict state checks the pass's files in slices: until those have run it
// says `checking` (the status bar's spinner), and when they end it calls its settled listeners once, with the
// counts complete (the status bar and views are told then). An edit outside a pass settles nothing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArticleStore } from '../../../server/src/lsp/articleStore';
import { ConflictState } from '../../../server/src/lsp/conflicts/conflictState';
import { ServerContext } from '../../../server/src/lsp/serverContext';
import { findConflicts } from '../../../server/src/analysis/conflicts';
import { testKnowledge } from '../../support/knowledge';

const ROOT = path.join(__dirname, '..', '..', '..');
const SAMPLES = ['2017-09-02-army-advances-in-hama.txt', '2017-11-10-al-bukamal-recaptured.txt'].map((f) => ({
  uri: `file:///ws/${f}`,
  text: fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8'),
}));
const INPUT = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };

/** Turns of the event loop until `done`, at most `turns` of them. */
async function turnsUntil(done: () => boolean, turns = 1000): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

test('conflict state: checking while an index pass waits for its conflict checks, settled once with the full count', async () => {
  const store = new ArticleStore(testKnowledge);
  const ctx = { store, documents: { all: () => [] }, workspaceFolders: [] } as unknown as ServerContext;
  const state = new ConflictState(ctx, () => undefined);
  const settled: number[] = [];
  state.onSettled(() => settled.push(state.counts().conflicts));

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
