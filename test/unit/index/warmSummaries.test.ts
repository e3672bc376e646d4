// The open articles' hover summaries are made before any hover (hover/warmSummaries.ts): once the warmer has
// run, every place, faction and source of an open article has its summary kept, ids found only in closed
// files do not, and the kept values are those a hover computes itself.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ArticleStore } from '../../../server/src/lsp/articleStore';
import { factionSummary, sourceSummary } from '../../../server/src/lsp/hover/factionHover';
import { usageSummary } from '../../../server/src/lsp/hover/placeHover';
import { hoverSummaryReady, SummaryWarmer } from '../../../server/src/lsp/hover/warmSummaries';
import { workspaceSummary } from '../../../server/src/lsp/hover/workspaceMentions';
import { expectJsonFile } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const HEAD = (date: string) => `Headline\n\nPublished: ${date}\n\nDAMASCUS (Reuters) - `;
const CLOSED = {
  raqqa: HEAD('September 2, 2017') + 'The U.S.-backed Syrian Democratic Forces pushed into Raqqa on Saturday. The Syrian Observatory for Human Rights said the SDF held two districts of Raqqa.',
  palmyra: HEAD('September 6, 2017') + 'Russian jets struck near Palmyra, state media said. Hezbollah fighters moved east.',
};
const OPEN = HEAD('September 9, 2017') + 'Kurdish-led SDF fighters entered Raqqah as the army shelled Deir ez-Zor, the Syrian Observatory for Human Rights said.';
const INPUT = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };
type Kind = 'place' | 'faction' | 'source';

/** The summary a hover shows for this kind, computed by the hover's own call. */
function hoverRead(store: ArticleStore, kind: Kind, id: string): unknown {
  if (kind === 'place') return workspaceSummary(store, kind, id, usageSummary(id));
  if (kind === 'faction') return workspaceSummary(store, kind, id, factionSummary(id));
  return workspaceSummary(store, kind, id, sourceSummary(id));
}

function entityIds(store: ArticleStore, uri: string): { kind: Kind; id: string }[] {
  const seen = new Map<string, { kind: Kind; id: string }>();
  for (const m of store.get(uri)!.analysis.mentions) if (m.kind !== 'date') seen.set(`${m.kind}:${m.id}`, { kind: m.kind, id: m.id });
  return [...seen.values()];
}

/** Which ids are ready after opening one article and draining the warmer, and their summaries. */
function check(): { readyInOpenArticle: Record<string, unknown>; readyOnlyInClosedFiles: string[] } {
  const store = new ArticleStore(testKnowledge);
  Object.entries(CLOSED).forEach(([name, text]) => store.setDisk(`file:///ws/${name}.news`, text, INPUT));
  const open = new Set<string>();
  const warmer = new SummaryWarmer(store, (uri) => open.has(uri));
  const openIds = () => entityIds(store, 'file:///ws/open.news');
  const closedOnly = () => {
    const mine = new Set(openIds().map((x) => `${x.kind}:${x.id}`));
    return Object.keys(CLOSED).flatMap((n) => entityIds(store, `file:///ws/${n}.news`)).filter((x) => !mine.has(`${x.kind}:${x.id}`));
  };
  open.add('file:///ws/open.news');
  store.setOpen('file:///ws/open.news', 1, OPEN, INPUT);
  // Nothing is summed inside the change itself: the work waits for its slices.
  for (const { kind, id } of openIds()) assert.equal(hoverSummaryReady(store, kind, id), false, `${kind} ${id} ready before warming`);
  assert.ok(warmer.pending > 0);
  warmer.drain();
  assert.equal(warmer.pending, 0);
  const readyInOpenArticle: Record<string, unknown> = {};
  for (const { kind, id } of openIds()) {
    assert.ok(hoverSummaryReady(store, kind, id), `${kind} ${id} not made ready`);
    readyInOpenArticle[`${kind}:${id}`] = hoverRead(store, kind, id);
  }
  assert.ok(closedOnly().length > 0, 'the closed files name nothing the open article does not');
  const readyOnlyInClosedFiles = closedOnly()
    .filter(({ kind, id }) => hoverSummaryReady(store, kind, id))
    .map(({ kind, id }) => `${kind}:${id}`);
  return { readyInOpenArticle, readyOnlyInClosedFiles };
}

test('hover summaries: an open article\'s places, factions and sources are made ready, closed files\' are not', () => {
  const got = check();
  const kinds = new Set(Object.keys(got.readyInOpenArticle).map((k) => k.split(':')[0]));
  for (const kind of ['place', 'faction', 'source']) assert.ok(kinds.has(kind), `no ${kind} in the open fixture`);
  expectJsonFile(got, 'index', 'warm-summaries.expected.json');
});

test('hover summaries: the warmer keeps them current as closed files change', () => {
  const store = new ArticleStore(testKnowledge);
  const warmer = new SummaryWarmer(store, (uri) => uri === 'file:///ws/open.news');
  store.setOpen('file:///ws/open.news', 1, OPEN, INPUT);
  warmer.drain();
  const before = hoverRead(store, 'faction', 'sdf') as { articles: number };
  store.setDisk('file:///ws/raqqa.news', CLOSED.raqqa, INPUT);
  const after = hoverRead(store, 'faction', 'sdf') as { articles: number };
  assert.equal(after.articles, before.articles + 1);
});

test('hover summaries: a second article analysed before the first was made ready takes its place in the queue', () => {
  const store = new ArticleStore(testKnowledge);
  const open = new Set(['file:///ws/open.news', 'file:///ws/palmyra.news']);
  const warmer = new SummaryWarmer(store, (uri) => open.has(uri));
  store.setOpen('file:///ws/open.news', 1, OPEN, INPUT);
  store.setOpen('file:///ws/palmyra.news', 1, CLOSED.palmyra, INPUT);
  warmer.drain();
  const ready = (uri: string) => entityIds(store, uri).map(({ kind, id }) => hoverSummaryReady(store, kind, id));
  assert.ok(ready('file:///ws/palmyra.news').every(Boolean), 'the last article analysed is made ready');
  // Reuters and Damascus (the dateline) are in both; the SDF only in the first.
  assert.equal(hoverSummaryReady(store, 'faction', 'sdf'), false);
});
