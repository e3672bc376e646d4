// Faction and source hovers over a small in-memory workspace: canonical name, dictionary facts at the
// article's date, workspace counts and descriptors, "resolved from context", attributed sentences.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FactionMention, SourceMention } from '../../../server/src/analysis';
import { ArticleStore } from '../../../server/src/lsp/articleStore';
import { factionHover, sourceHover } from '../../../server/src/lsp/hover/factionHover';
import { testKnowledge } from '../../support/knowledge';

const HEAD = (date: string) => `Headline\n\nPublished: ${date}\n\nDAMASCUS (Reuters) - `;
const ARTICLES = [
  HEAD('September 2, 2017') + 'The U.S.-backed Syrian Democratic Forces advanced in Raqqa. The army said it took Uqayribat. The Syrian Observatory for Human Rights said the SDF held the old city.',
  HEAD('October 1, 2017') + 'The U.S.-backed Syrian Democratic Forces held the stadium.',
  HEAD('October 9, 2017') + 'The US-backed Syrian Democratic Forces and the Kurdish-led SDF alliance moved on.',
];

function workspace() {
  const store = new ArticleStore(testKnowledge);
  ARTICLES.forEach((text, i) => store.setDisk(`file:///a${i}.news`, text, { languageId: 'news', matchesGlobs: false, defaultPublished: '' }, false));
  const record = store.get('file:///a0.news')!;
  return { record, ctx: { record, store, knowledge: testKnowledge() } };
}

test('hover: a faction shows kind, country, aliases, backers at the date and workspace descriptors', () => {
  const { record, ctx } = workspace();
  const sdf = record.analysis.mentions.find((m): m is FactionMention => m.kind === 'faction' && m.id === 'sdf')!;
  const md = factionHover(sdf, ctx);
  assert.match(md, /\*\*Syrian Democratic Forces\*\* — coalition, Syria/);
  assert.match(md, /also: SDF/);
  assert.match(md, /backed by United States Armed Forces/);
  assert.match(md, /described as U\\.S\\.\\-backed in 3 articles/);
  assert.match(md, /mentioned \d+ times in 3 articles/);
});

test('hover: "the army" says it was resolved from context', () => {
  const { record, ctx } = workspace();
  const army = record.analysis.mentions.find((m): m is FactionMention => m.kind === 'faction' && m.resolvedFrom === 'context')!;
  assert.match(factionHover(army, ctx), /The army → Syrian Arab Army, resolved from context/);
});

test('hover: a faction that speaks ("the SDF said") says so in its hover', () => {
  const { record, ctx } = workspace();
  const sdf = record.analysis.mentions.filter((m): m is FactionMention => m.kind === 'faction' && m.id === 'sdf').pop()!;
  assert.equal(record.text.slice(sdf.start, sdf.end), 'SDF');
  assert.doesNotMatch(factionHover(sdf, ctx), /as a source here/);
  const army = record.analysis.mentions.find((m): m is FactionMention => m.kind === 'faction' && m.resolvedFrom === 'context')!;
  assert.match(factionHover(army, ctx), /as a source here: 1 sentence attributed/);
});

test('hover: a source shows its kind and the sentence attributed to it', () => {
  const { record, ctx } = workspace();
  const sohr = record.analysis.mentions.find((m): m is SourceMention => m.kind === 'source' && m.id === 'sohr')!;
  const md = sourceHover(sohr, ctx);
  assert.match(md, /\*\*Syrian Observatory for Human Rights\*\* — source \(monitor\)/);
  assert.match(md, /1 sentence attributed here: “The Syrian Observatory/);
});

test('hover: article text in a descriptor cannot inject Markdown', () => {
  const { record, ctx } = workspace();
  const sdf = record.analysis.mentions.find((m): m is FactionMention => m.kind === 'faction' && m.id === 'sdf')!;
  const md = factionHover({ ...sdf, descriptors: ['[click](command:evil)-backed'] }, ctx);
  assert.ok(!md.includes('[click](command:evil)'));
});
