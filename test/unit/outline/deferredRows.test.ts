// Workspace trees are made with deferred rows and filled in when an entity is expanded: filled in, they must be
// the rows a full tree has, and making them must not read the articles' text or sentences.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { completeRows, entityTree, FIRST_ROW, OutlineArticle, OutlineKind, OutlineNode, RowCursor, rowCount, rowsPage, withRows } from '../../../server/src/analysis/outline';
import { loadOutlineFixture } from './buildArticles';

const KINDS: OutlineKind[] = ['place', 'faction', 'date', 'claim'];

/** A deferred tree with every level's rows completed, as the panel would see it node by node. */
function completed(nodes: readonly OutlineNode[], articles: readonly OutlineArticle[]): OutlineNode[] {
  const byUri = new Map(articles.map((a) => [a.uri, a]));
  return completeRows(nodes, (uri) => byUri.get(uri)).map(({ rows, claims, ...n }) => ({ ...n, children: completed(withRows({ ...n, rows, claims }), articles) }));
}

/** Articles whose text, sentences and mentions count their reads (an indexed article unpacks on such a read). */
function counting(articles: readonly OutlineArticle[]): { articles: OutlineArticle[]; reads: Map<string, number>; order: string[] } {
  const reads = new Map<string, number>();
  /** The article of each read, in order. */
  const order: string[] = [];
  const count = (what: string) => {
    reads.set(what, (reads.get(what) ?? 0) + 1);
    order.push(what.slice(what.indexOf(' ') + 1));
  };
  const wrapped = articles.map((a) => {
    const analysis = { ...a.analysis };
    Object.defineProperty(analysis, 'sentences', { enumerable: true, get: () => (count(`sentences ${a.uri}`), a.analysis.sentences) });
    Object.defineProperty(analysis, 'mentions', { enumerable: true, get: () => (count(`mentions ${a.uri}`), a.analysis.mentions) });
    return { uri: a.uri, analysis, get text() { count(`text ${a.uri}`); return a.text; } };
  });
  return { articles: wrapped, reads, order };
}

function check(fixture: string, kind: OutlineKind): void {
  const articles = loadOutlineFixture(fixture);
  const full = entityTree(articles, kind).nodes;
  const deferred = entityTree(articles, kind, 'deferred');
  assert.equal(deferred.total, entityTree(articles, kind).total);
  assert.deepEqual(completed(deferred.nodes, articles), full, `${fixture} ${kind}: completed rows differ from a full tree`);
}

for (const kind of KINDS) {
  test(`outline deferred rows: ${kind} rows filled in equal a full tree's (two-articles)`, () => check('two-articles', kind));
}
test('outline deferred rows: date rows of a busy year (many-dates)', () => check('many-dates', 'date'));

test('outline deferred rows: a workspace tree reads each article\'s mentions once and no text or sentences', () => {
  for (const kind of KINDS) {
    const { articles, reads } = counting(loadOutlineFixture('two-articles'));
    const tree = entityTree(articles, kind, 'deferred');
    assert.ok(tree.total > 0, `${kind}: the fixture has rows`);
    const textReads = [...reads.keys()].filter((k) => !k.startsWith('mentions '));
    assert.deepEqual(textReads, [], `${kind}: text or sentences read while making the tree`);
    const perArticle = [...reads.entries()].filter(([k]) => k.startsWith('mentions '));
    // Claims live outside the mentions; faction trees read sources in the same pass.
    for (const [k, n] of perArticle) assert.equal(n, 1, `${kind}: ${k} read ${n} times`);
  }
});

test('outline deferred rows: expanding an entity reads only the articles it is mentioned in, one article after the other', () => {
  const { articles, reads, order } = counting(loadOutlineFixture('two-articles'));
  const tree = entityTree(articles, 'place', 'deferred');
  const [first, second] = articles.map((a) => a.uri);
  const rowsIn = (n: OutlineNode) => new Set(withRows(n).filter((c) => c.deferred).map((c) => c.at!.uri));
  const all = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
  const onlyFirst = all(tree.nodes).find((n) => rowsIn(n).size === 1 && rowsIn(n).has(first))!;
  // An entity with two rows in one article and one in the other, in any of the trees.
  const count = (n: OutlineNode, uri: string) => withRows(n).filter((c) => c.deferred && c.at?.uri === uri).length;
  const both = (['place', 'faction', 'date'] as const)
    .flatMap((k) => all(entityTree(articles, k, 'deferred').nodes))
    .find((n) => (count(n, first) >= 2 && count(n, second) >= 1) || (count(n, second) >= 2 && count(n, first) >= 1))!;
  assert.ok(onlyFirst && both, 'the fixture has an entity in one article and one in both');
  reads.clear();
  order.length = 0;
  const rows = completeRows(withRows(onlyFirst), (uri) => articles.find((a) => a.uri === uri));
  assert.ok(rows.every((r) => !r.deferred && r.description), 'every row filled in');
  assert.deepEqual([...new Set(order)], [first], 'only the article it is mentioned in was read');
  order.length = 0;
  // The rows of the two articles interleaved: read row by row, that would visit the articles in turn.
  const [more, fewer] = count(both, first) >= 2 ? [first, second] : [second, first];
  const inMore = withRows(both).filter((c) => c.deferred && c.at?.uri === more);
  const inFewer = withRows(both).filter((c) => c.deferred && c.at?.uri === fewer);
  const mixed = inMore.flatMap((c, i) => (inFewer[i] ? [c, inFewer[i]] : [c]));
  assert.ok(mixed.length >= 3, 'the fixture interleaves');
  order.length = 0;
  const rows2 = completeRows(mixed, (uri) => articles.find((a) => a.uri === uri));
  assert.deepEqual(rows2.map((r) => r.id), mixed.map((r) => r.id), 'rows keep their order');
  // Rows alternate between the articles; each article is still read in one go.
  const visits = order.filter((u, i) => order[i - 1] !== u);
  assert.deepEqual([...visits].sort(), [first, second].sort(), 'each article read in one visit');
});

test('outline deferred rows: pages of rows, read one after the other, are all the rows in order', () => {
  const articles = loadOutlineFixture('two-articles');
  for (const kind of KINDS) {
    const all = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
    for (const node of all(entityTree(articles, kind, 'deferred').nodes).filter((n) => rowCount(n) > 1)) {
      const whole = withRows(node).slice(node.children.length);
      assert.equal(whole.length, rowCount(node), `${node.id}: every row`);
      const paged: OutlineNode[] = [];
      let pages = 0;
      for (let cursor: RowCursor | null = FIRST_ROW; cursor; pages++) {
        const page = rowsPage(node, cursor, 1);
        assert.ok(page.rows.length >= 1, `${node.id}: a page is never empty`);
        paged.push(...page.rows);
        if (page.next) assert.equal(page.next.before, paged.length, `${node.id}: the cursor counts the rows before it`);
        cursor = page.next;
      }
      // Mention rows come an article at a time; claim rows one at a time here.
      if (node.claims || new Set(whole.map((r) => r.at?.uri)).size > 1) assert.ok(pages > 1, `${node.id}: more than one page`);
      assert.deepEqual(paged, whole, `${node.id}: pages join into the rows`);
    }
  }
});
