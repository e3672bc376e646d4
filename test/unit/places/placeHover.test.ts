// Place hovers: the Markdown a user sees over a place, from a small workspace of two articles.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ArticleStore } from '../../../server/src/lsp/articleStore';
import { hoverMarkdown } from '../../../server/src/lsp/hover/hover';
import { PlaceMention } from '../../../server/src/analysis/types';
import { expectJsonFile } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const ARTICLE_A = ['Fighting near Raqqa', '', 'Source: Xinhua| 2017-09-02 20:12:54|Editor: Test', '', 'DAMASCUS, Sept. 2 (Xinhua) -- The SDF advanced in the old city of Raqqa on Friday.', ''].join('\n');
const ARTICLE_B = ['Raqqah offensive goes on', '', 'Source: Dateline fixture| 2017-09-03 10:00:00|Editor: Test', '', 'BEIRUT, Sept. 3 (Dateline) -- Fighters entered Raqqah, Ar Raqqa province, and clashes spread to Tripoli in Lebanon.', ''].join('\n');

function workspace() {
  const knowledge = testKnowledge();
  const store = new ArticleStore(() => knowledge);
  const input = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };
  const a = store.setDisk('file:///ws/a.news', ARTICLE_A, input, false);
  const b = store.setDisk('file:///ws/b.news', ARTICLE_B, input, false);
  return { knowledge, store, a, b };
}

function hoverOn(text: string, which: 'a' | 'b'): string {
  const ws = workspace();
  const record = ws[which];
  const m = record.analysis.mentions.find((x): x is PlaceMention => x.kind === 'place' && x.text === text);
  assert.ok(m, `no place mention "${text}"`);
  return hoverMarkdown(m, { record, store: ws.store, knowledge: ws.knowledge });
}

test('place hover: name, kind, region, country, point, population, workspace spellings, OpenStreetMap', () => {
  const md = hoverOn('Raqqa', 'a');
  assert.match(md, /\*\*Raqqa\*\* — city/);
  assert.match(md, /Raqqa Governorate, Syria/);
  assert.match(md, /35\.9528°N, 39\.0079°E/);
  assert.match(md, /https:\/\/www\.openstreetmap\.org\/\?mlat=35\.95283&mlon=39\.00788/);
  assert.match(md, /Mentioned in 2 articles, written “Raqqah”/);
  expectJsonFile(md.split('\n\n'), 'places', 'hover', 'raqqa.expected.json');
});

test('place hover: other places with this name when ambiguous', () => {
  const md = hoverOn('Tripoli', 'b');
  assert.match(md, /\*\*Tripoli\*\* — city/);
  assert.match(md, /Other places with this name: .*Tripoli \(city, .*Libya\)/);
});

test('place hover: article text is escaped', () => {
  const ws = workspace();
  const m: PlaceMention = { ...(ws.a.analysis.mentions.find((x) => x.kind === 'place') as PlaceMention), name: '[click](command:evil)', reason: '*bold* <b>x</b>' };
  const md = hoverMarkdown(m, { record: ws.a, store: ws.store, knowledge: ws.knowledge });
  assert.ok(!md.includes('[click](command:evil)'));
  assert.ok(!md.includes('<b>'));
});
