// Every mention of one entity across a store of indexed (packed) articles ("Find All Mentions", references):
// the same locations as reading every article, but only the articles whose mention keys name the entity are
// unpacked, each once. Unpacks are counted, not timed: reading all 10,000 articles of a workspace took 5-6 s
// even for an id no article names.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { entityMentions } from '../../../server/src/analysis/outline';
import { ArticleStore, recordMentionKeys } from '../../../server/src/lsp/articleStore';
import { mentionsResult } from '../../../server/src/lsp/handlers/workspaceMentions';
import { forgetUnpacked, unpackCounts } from '../../../server/src/lsp/index/packedAnalysis';
import { ServerContext } from '../../../server/src/lsp/serverContext';
import { MentionsParams, MentionsResult } from '../../../server/src/protocol';
import { testKnowledge } from '../../support/knowledge';
import { generateArticle } from '../../../scripts/bench/newsCorpus';

const ARTICLES = 120;
const INPUT = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };

const store = new ArticleStore(testKnowledge);
const ctx = { store, documents: { all: () => [] } } as unknown as ServerContext;
for (let i = 0; i < ARTICLES; i++) store.setDisk(`file:///ws/a-${i}.txt`, generateArticle(800_000 + i, 3000), INPUT);
const records = store.articles();

/** How many articles mention each place, faction and source key. */
const articlesByKey = new Map<string, number>();
for (const r of records) for (const key of recordMentionKeys(r)) articlesByKey.set(key, (articlesByKey.get(key) ?? 0) + 1);

/** The locations as found by reading every article's mentions. */
function everyArticle(kind: MentionsParams['kind'], id: string): MentionsResult['locations'] {
  return entityMentions(records, kind, id).map((at) => ({ uri: at.uri, range: store.get(at.uri)!.lines.rangeOf(at) }));
}

async function ask(params: MentionsParams): Promise<{ locations: MentionsResult['locations']; bulks: number; texts: number }> {
  forgetUnpacked();
  const before = { ...unpackCounts };
  const { locations } = await mentionsResult(ctx, params);
  return { locations, bulks: unpackCounts.bulk - before.bulk, texts: unpackCounts.text - before.text };
}

async function check(kind: MentionsParams['kind'], id: string): Promise<void> {
  const mentioning = articlesByKey.get(`${kind}\u0000${id}`) ?? 0;
  const expected = everyArticle(kind, id);
  const got = await ask({ kind, id });
  assert.deepEqual(got.locations, expected, `${kind} ${id}`);
  assert.equal(got.bulks, mentioning, `${kind} ${id}: the analyses of the ${mentioning} articles that mention it, once each`);
  assert.ok(got.texts <= mentioning, `${kind} ${id}: ${got.texts} texts for ${mentioning} articles`);
}

test('workspace mentions: a place, a faction and a source named in some articles only', async () => {
  for (const kind of ['place', 'faction', 'source'] as const) {
    const [key] = [...articlesByKey].filter(([k, n]) => k.startsWith(`${kind}\u0000`) && n > 1 && n < ARTICLES).sort((a, b) => a[1] - b[1])[0];
    await check(kind, key.slice(key.indexOf('\u0000') + 1));
  }
});

test('workspace mentions: a place named in most articles, past the 64 unpacked ones kept', async () => {
  const [key, n] = [...articlesByKey].filter(([k]) => k.startsWith('place\u0000')).sort((a, b) => b[1] - a[1])[0];
  assert.ok(n > 64, `${key}: ${n} articles`);
  await check('place', key.slice(key.indexOf('\u0000') + 1));
});

test('workspace mentions: an id no article names unpacks nothing; unknown kinds give nothing', async () => {
  assert.deepEqual(await ask({ kind: 'place', id: 'aleppo' }), { locations: [], bulks: 0, texts: 0 });
  assert.deepEqual((await ask({ kind: 'claim' as MentionsParams['kind'], id: 'x' })).locations, []);
});

test('workspace mentions: a date is looked for in every article (dates have no mention keys)', async () => {
  const date = records.flatMap((r) => r.analysis.mentions).find((m) => m.kind === 'date')!;
  const got = await ask({ kind: 'date', id: date.id });
  assert.deepEqual(got.locations, everyArticle('date', date.id));
  assert.ok(got.bulks <= ARTICLES && got.texts <= ARTICLES);
});
