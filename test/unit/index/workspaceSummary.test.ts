// Hovers' workspace summaries are kept up to date per changed article (hover/workspaceMentions.ts): after every
// kind of store change (files added, replaced, removed, stored silently, an open document shadowing its file, a
// large index pass) each summary must equal the one computed from scratch over every article in store order.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ArticleAnalysis, FactionMention, SourceMention } from '../../../server/src/analysis';
import { factionProfile, sourceProfile } from '../../../server/src/analysis/factions/profile';
import { ArticleStore } from '../../../server/src/lsp/articleStore';
import { factionSummary, sourceSummary } from '../../../server/src/lsp/hover/factionHover';
import { usageSummary } from '../../../server/src/lsp/hover/placeHover';
import { workspaceSummary } from '../../../server/src/lsp/hover/workspaceMentions';
import { expectJsonFile } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const HEAD = (date: string) => `Headline\n\nPublished: ${date}\n\nDAMASCUS (Reuters) - `;
const TEXT = {
  raqqa: HEAD('September 2, 2017') + 'The U.S.-backed Syrian Democratic Forces pushed into Raqqa on Saturday. The Syrian Observatory for Human Rights said the SDF held two districts of Raqqa.',
  raqqah: HEAD('September 3, 2017') + 'Kurdish-led SDF fighters entered Raqqah as the army shelled Deir ez-Zor, the Syrian Observatory for Human Rights said.',
  deir: HEAD('September 5, 2017') + 'The Syrian army broke the siege of Deir ez-Zor. The US-backed Syrian Democratic Forces stayed in Raqqa.',
  palmyra: HEAD('September 6, 2017') + 'Russian jets struck near Palmyra, state media said. Hezbollah fighters moved east.',
  quiet: HEAD('September 7, 2017') + 'Aid convoys reached Raqqah and Raqqa countryside, the United Nations said.',
};
const INPUT = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };

/** The summaries from scratch, as a hover saw them before they were kept incrementally. */
function fromScratch(store: ArticleStore, kind: string, id: string): unknown {
  const analyses = store.articles().map((r) => r.analysis);
  if (kind === 'faction') return factionProfile(id, analyses);
  if (kind === 'source') return sourceProfile(id, analyses);
  const counts = new Map<string, number>();
  let articles = 0;
  for (const a of analyses) {
    const here = a.mentions.filter((m) => m.kind === 'place' && m.id === id);
    if (here.length) articles++;
    for (const m of here) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  }
  return { articles, spellings: [...counts].sort((x, y) => y[1] - x[1]).map(([s]) => s).slice(0, 8) };
}

function summaryOf(store: ArticleStore, kind: 'faction' | 'source' | 'place', id: string): unknown {
  if (kind === 'faction') return workspaceSummary(store, kind, id, factionSummary(id));
  if (kind === 'source') return workspaceSummary(store, kind, id, sourceSummary(id));
  return workspaceSummary(store, kind, id, usageSummary(id));
}

/** Every place, faction and source id of every article text (also those no longer in the store). */
function allIds(store: ArticleStore): { kind: 'faction' | 'source' | 'place'; id: string }[] {
  const seen = new Map<string, { kind: 'faction' | 'source' | 'place'; id: string }>();
  const scratch = new ArticleStore(testKnowledge);
  Object.entries(TEXT).forEach(([name, text]) => scratch.setDisk(`file:///ids/${name}.news`, text, INPUT, false));
  for (const r of [...scratch.articles(), ...store.articles()]) {
    for (const m of (r.analysis as ArticleAnalysis).mentions) if (m.kind !== 'date') seen.set(`${m.kind}:${m.id}`, { kind: m.kind, id: m.id });
  }
  return [...seen.values()];
}

/** Every summary equals its from-scratch value; returns them for the expected file. */
function check(store: ArticleStore, step: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { kind, id } of allIds(store)) {
    const got = summaryOf(store, kind, id);
    assert.deepEqual(got, fromScratch(store, kind, id), `${step}: ${kind} ${id}`);
    out[`${kind}:${id}`] = got;
  }
  return out;
}

test('workspace summaries: exact after every kind of store change', () => {
  const store = new ArticleStore(testKnowledge);
  const steps: Record<string, unknown> = {};
  store.setDisk('file:///ws/a.news', TEXT.raqqa, INPUT);
  store.setDisk('file:///ws/b.news', TEXT.raqqah, INPUT);
  steps.twoFiles = check(store, 'two files');
  store.setDisk('file:///ws/c.news', TEXT.deir, INPUT);
  store.setDisk('file:///ws/b.news', TEXT.palmyra, INPUT); // replaced: Raqqah and the SDF gone from b
  steps.addedAndReplaced = check(store, 'added and replaced');
  store.setDisk('file:///ws/d.news', TEXT.quiet, INPUT, false); // silent: no listener hears of it
  check(store, 'stored silently');
  store.setOpen('file:///ws/a.news', 1, TEXT.palmyra, INPUT); // the open document shadows its file
  check(store, 'open document');
  store.closeOpen('file:///ws/a.news');
  check(store, 'closed again');
  store.removeDisk('file:///ws/c.news');
  steps.removed = check(store, 'removed');
  // Spellings tied on count are listed as first seen in store order: the first article changes under them.
  store.setDisk('file:///ws/0.news', TEXT.quiet, INPUT);
  check(store, 'a new first article');
  store.setDisk('file:///ws/0.news', TEXT.raqqah, INPUT);
  check(store, 'the first article replaced');
  store.removeDisk('file:///ws/0.news');
  check(store, 'the first article removed');
  store.setDisk('file:///ws/0.news', TEXT.quiet, INPUT, false);
  store.setDisk('file:///ws/1.news', TEXT.raqqa, INPUT, false);
  steps.firstArticles = check(store, 'first articles stored silently');
  expectJsonFile(steps, 'index', 'workspace-summaries.expected.json');
});

test('workspace summaries: a large pass may lag, exact once it ends', () => {
  const store = new ArticleStore(testKnowledge);
  store.setDisk('file:///ws/a.news', TEXT.raqqa, INPUT);
  check(store, 'before the pass');
  store.bulkLoading = true;
  const uris: string[] = [];
  for (let i = 0; i < 40; i++) {
    const names = Object.keys(TEXT) as (keyof typeof TEXT)[];
    uris.push(`file:///ws/bulk-${String(i).padStart(2, '0')}.news`);
    store.setDisk(uris[i], TEXT[names[i % names.length]], INPUT, false);
    if (i % 8 === 7) store.announce(uris.slice(i - 7, i + 1));
    // Read during the pass: whatever it returns, it must not throw.
    assert.ok(summaryOf(store, 'place', 'geonames:163808') !== undefined);
  }
  store.removeDisk('file:///ws/a.news');
  store.bulkLoading = false;
  check(store, 'after the pass');
});

test('workspace summaries: an id first asked for during a pass counts every article once the pass ends', () => {
  const store = new ArticleStore(testKnowledge);
  store.bulkLoading = true;
  for (let i = 0; i < 30; i++) store.setDisk(`file:///ws/p${i}.news`, i % 2 ? TEXT.raqqa : TEXT.deir, INPUT);
  const sdf = summaryOf(store, 'faction', 'sdf') as { articles: number };
  assert.ok(sdf.articles <= 30);
  store.bulkLoading = false;
  assert.equal((summaryOf(store, 'faction', 'sdf') as { articles: number }).articles, 30);
  check(store, 'after the pass');
});

test('workspace summaries: the sources and factions of the fixture are found (the check is not vacuous)', () => {
  const store = new ArticleStore(testKnowledge);
  Object.entries(TEXT).forEach(([name, text]) => store.setDisk(`file:///ws/${name}.news`, text, INPUT));
  const ids = allIds(store);
  for (const kind of ['faction', 'source', 'place']) assert.ok(ids.some((x) => x.kind === kind), `no ${kind} in the fixture`);
  const sdf = store.get('file:///ws/raqqa.news')!.analysis.mentions.find((m): m is FactionMention => m.kind === 'faction' && m.id === 'sdf');
  const sohr = store.get('file:///ws/raqqa.news')!.analysis.mentions.find((m): m is SourceMention => m.kind === 'source');
  assert.ok(sdf && sohr);
  assert.ok((summaryOf(store, 'faction', 'sdf') as { articles: number }).articles >= 3);
});
