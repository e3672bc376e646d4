// The side panel's grouping: fixture articles in, the tree a reader would see (and its ids) out.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { entityTree, OutlineKind, OutlineNode } from '../../../server/src/analysis/outline';
import { expectJsonFile } from '../../support/expectFile';
import { buildArticle, loadOutlineFixture } from './buildArticles';
import { allIds, renderTree } from './render';

/** The tree of one kind over the fixture's articles (or only the first), as rendered lines plus ids and locations. */
function check(fixture: string, kind: OutlineKind, scope: 'workspace' | 'first' = 'workspace'): OutlineNode[] {
  const all = loadOutlineFixture(fixture);
  const articles = scope === 'first' ? all.slice(0, 1) : all;
  const tree = entityTree(articles, kind);
  const ids = allIds(tree.nodes);
  assert.equal(new Set(ids).size, ids.length, 'tree item ids must be unique');
  const textOf = (n: OutlineNode) => (n.at ? articles.find((a) => a.uri === n.at!.uri)!.text.slice(n.at.start, n.at.end) : null);
  const detail = (nodes: OutlineNode[]): unknown[] =>
    nodes.map((n) => ({ id: n.id, role: n.role, icon: n.icon, entity: n.entity?.id ?? null, at: textOf(n), tooltip: n.tooltip, children: detail(n.children) }));
  expectJsonFile({ total: tree.total, rendered: renderTree(tree.nodes), nodes: detail(tree.nodes) }, 'outline', `${fixture}.${kind}${scope === 'first' ? '.article' : ''}.expected.json`);
  return tree.nodes;
}

test('outline: places group country → province → place, spellings merged by id', () => {
  const nodes = check('two-articles', 'place');
  const syria = nodes.find((n) => n.label === 'Syria')!;
  const homs = syria.children.find((n) => n.label === 'Homs' && n.role === 'entity' && n.icon === 'province')!;
  const town = homs.children.find((n) => n.label === 'al-Qarayatayn')!;
  assert.equal(town.count, 4);
  assert.equal(nodes[nodes.length - 1].label, 'Other places');
});

test('outline: places of one article', () => {
  check('two-articles', 'place', 'first');
});

test('outline: factions by kind, then sources', () => {
  const nodes = check('two-articles', 'faction');
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['States and armies', 'Armed groups', 'Sources'],
  );
});

test('outline: dates chronological by year, durations and unresolved last', () => {
  const nodes = check('two-articles', 'date');
  assert.deepEqual(
    nodes.map((n) => n.label),
    ['2014', '2017', 'Durations', 'Unresolved'],
  );
  assert.deepEqual(
    nodes[1].children.map((n) => n.label),
    ['2017', 'Aug 2017', '1 Sep 2017', '9 Nov 2017'],
  );
});

test('outline: a busy year is split by month; dates spanning months stay at year level where they start', () => {
  const nodes = check('many-dates', 'date');
  const year = nodes[0];
  assert.equal(year.label, '2017');
  // "this year" (2017 as a whole) is the year node itself.
  assert.equal(year.count, 1);
  assert.deepEqual(
    year.children.filter((n) => n.role !== 'mention').map((n) => n.label),
    ['Jan 2017', 'Feb 2017', 'Mar 2017', 'Apr 2017', 'May 2017', 'summer 2017', 'Jun 2017', 'Jul 2017', 'Aug 2017', 'Sep 2017', 'Oct 2017'],
  );
  // "March" is the month node itself (with its own mention), "March 15" inside it.
  const march = year.children[2];
  assert.equal(march.count, 1);
  assert.deepEqual(march.children.map((n) => n.label), ['15 Mar 2017', 'March']);
});

test('outline: "since 2015" is listed under 2015, not taken for the year itself', () => {
  const a = buildArticle({
    uri: 'file:///ws/since.txt',
    lines: ['The enclave has been besieged since 2015, residents said.'],
    mentions: [{ kind: 'date', text: 'since 2015', id: '2015', label: 'since 2015', interval: { from: '2015-01-01', to: '2015-12-31' }, range: { from: '2015-01-01', to: null } }],
  });
  const [year] = entityTree([a], 'date').nodes;
  assert.equal(year.role, 'group');
  assert.deepEqual(year.children.map((n) => `${n.label} (${n.count})`), ['since 2015 (1)']);
});

test('outline: claims grouped by place, in date order', () => {
  check('two-articles', 'claim');
});

test('outline: ids survive an edit that moves every offset', () => {
  const [first] = loadOutlineFixture('two-articles');
  const before = allIds(entityTree([first], 'place').nodes);
  // Same mentions, shifted by a new first body paragraph.
  const spec = JSON.parse(JSON.stringify(require('../../fixtures/outline/two-articles.json').articles[0]));
  spec.lines.splice(4, 0, 'An added paragraph pushes everything down by many characters.', '');
  const after = allIds(entityTree([buildArticle(spec)], 'place').nodes);
  assert.deepEqual(after, before);
});

test('outline: an article without mentions gives empty trees', () => {
  const a = buildArticle({ uri: 'file:///ws/empty.txt', lines: ['Nothing to see here.'], mentions: [] });
  for (const kind of ['place', 'faction', 'date', 'claim'] as const) assert.deepEqual(entityTree([a], kind), { nodes: [], total: 0 });
});
