// The outline core on any analysis: real analyses of mangled news text, and hand-broken ones (offsets past the
// end, unknown sentences, empty ids, missing optional fields). It never throws, ids stay unique, spans stay valid.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle, ArticleAnalysis, Mention } from '../../../server/src/analysis';
import { citationAt, documentOutline, entityTree, OutlineArticle, OutlineNode, OutlineSymbol, searchSymbols, withoutMentions } from '../../../server/src/analysis/outline';
import { testKnowledge } from '../../support/knowledge';
import { allIds } from './render';

const FRAGMENTS = [
  'DAMASCUS, Sept. 2 (Xinhua) -- ', 'Source: Xinhua| 2017-09-02 18:40:10|Editor: Desk\n', '\n\n', '\n', ' ', '. ', ', ',
  'the Syrian army', 'Islamic State (IS)', 'al-Qaryatayn', 'Qaryatain', 'Deir ez-Zor', 'Raqqa', 'Homs province', 'the group', 'SDF',
  'captured', 'besieged', 'killed 12', 'on Friday', 'last month', 'since 2015', 'said', 'told Xinhua', '“', '”', '😀', '\ud800', 'é',
];
const newsLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((xs) => xs.join(''));
const params = { numRuns: 60, seed: 20171110, endOnFailure: true };

/** Everything the panel and the Outline compute for these articles, with the checks that hold for any input. */
function checkAll(articles: OutlineArticle[]): void {
  for (const kind of ['place', 'faction', 'date', 'claim'] as const) {
    const tree = entityTree(articles, kind);
    const ids = allIds(tree.nodes);
    assert.equal(new Set(ids).size, ids.length, `${kind}: duplicate ids`);
    const walk = (nodes: OutlineNode[]) => {
      for (const n of nodes) {
        assert.equal(typeof n.label, 'string');
        if (n.at) assert.ok(n.at.start <= n.at.end, `${n.id}: span`);
        walk(n.children);
      }
    };
    walk(tree.nodes);
    withoutMentions(tree.nodes);
  }
  for (const a of articles) {
    const nest = (symbols: OutlineSymbol[], parent: OutlineSymbol | null) => {
      for (const s of symbols) {
        assert.ok(s.span.start <= s.selection.start && s.selection.end <= s.span.end, `${s.name}: selection inside`);
        if (parent && parent.role !== 'group') assert.ok(parent.span.start <= s.span.start && s.span.end <= parent.span.end, `${s.name}: inside ${parent.name}`);
        nest(s.children, s);
      }
    };
    nest(documentOutline(a), null);
    for (const at of [0, a.text.length >> 1, a.text.length, a.text.length + 5, -3]) citationAt(a, at);
  }
  for (const q of ['', 'a', 'Qaryatain', '\ud800', '  ', 'x'.repeat(500)]) searchSymbols(articles, q);
}

test('outline robustness: analyses of mangled news text', () => {
  fc.assert(
    fc.property(fc.array(newsLike, { minLength: 1, maxLength: 3 }), (texts) => {
      checkAll(texts.map((text, i) => ({ uri: `file:///ws/${i}.txt`, text, analysis: analyzeArticle(text, testKnowledge()) })));
    }),
    params,
  );
});

test('outline robustness: broken analyses (bad offsets, unknown sentences, empty ids, missing fields)', () => {
  const text = 'Troops took Qaryatain.\n\nThe army held al-Qaryatayn on Friday.';
  const base = analyzeArticle(text, testKnowledge());
  const broken: Mention[] = [
    { kind: 'place', text: 'Qaryatain', id: 'p1', name: 'al-Qaryatayn', start: 12, end: 21, sentence: 99 } as unknown as Mention,
    { kind: 'place', text: 'x', id: '', name: '', start: 500, end: 400, sentence: -1 } as unknown as Mention,
    { kind: 'faction', text: 'The army', id: 'f1', name: 'army', start: 24, end: 32, sentence: 1, descriptors: undefined } as unknown as Mention,
    { kind: 'date', text: 'Friday', id: 'd1', name: 'Friday', start: 56, end: 62, sentence: 1, interval: { from: 'garbage', to: '' } } as unknown as Mention,
    { kind: 'source', text: 'Troops', id: 's1', name: 'Troops', start: 0, end: 6, sentence: 0, attributed: null } as unknown as Mention,
  ];
  const analysis: ArticleAnalysis = {
    ...base,
    mentions: broken,
    sentences: [...base.sentences, { start: 9999, end: 10010, section: 'body', paragraph: 9 }],
    claims: [{ ...(base.claims[0] ?? {}), id: 'c', sentence: 42, start: 3, end: 1, source: null, place: null, time: null, extent: null } as never],
  };
  const articles = [{ uri: 'file:///ws/broken.txt', text, analysis }, { uri: 'not a uri %%%', text: '', analysis: { ...analysis, headline: null, publication: { ...analysis.publication, date: 'not-a-date' } } }];
  checkAll(articles);
  // The usable parts still show (the entry points catch failures, so an empty tree would hide a crash).
  assert.ok(entityTree(articles, 'place').total >= 2, 'the valid place mentions are listed');
  assert.ok(entityTree(articles, 'faction').total >= 2, 'the faction is listed');
  assert.ok(entityTree(articles, 'claim').total >= 1, 'the claim is listed');
  assert.ok(documentOutline(articles[0]).some((s) => s.name === 'Places'), 'the Outline has its Places group');
  assert.equal(citationAt(articles[0], 15).sentence, 'Troops took Qaryatain.');
});
