// The panel's workspace trees are made again after every edit from each article's entities as first read, kept per
// record: after an edit only the edited article may be read, and the trees must be those a fresh make gives.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { OutlineKind } from '../../../server/src/analysis/outline';
import { PanelTrees } from '../../../server/src/lsp/handlers/panelTrees';
import type { ArticleRecord } from '../../../server/src/lsp/articleStore';
import { testKnowledge } from '../../support/knowledge';

const ROOT = path.join(__dirname, '..', '..', '..');
const ARTICLES = [
  ['samples', '2017-09-02-army-advances-in-hama.txt'],
  ['samples', '2017-11-10-al-bukamal-recaptured.txt'],
  ['test', 'fixtures', 'outline', 'pipeline', 'qaryatain-retaken.txt'],
].map((parts) => path.join(ROOT, ...parts));

const KINDS: OutlineKind[] = ['place', 'faction', 'date'];

interface Edit {
  name: string;
  /** Which article (index in ARTICLES) is edited. */
  article: number;
  /** Its first `find` replaced. */
  change: [find: string, replace: string];
  /** Labels that must be in the trees after the edit and not before (so the check can fail), by kind. */
  appears: Partial<Record<OutlineKind, string>>;
}

const EDITS: Edit[] = [
  { name: 'a sentence naming a new town and group', article: 0, change: ['The army also took', 'Jaish al-Islam fighters shelled Douma on Saturday. The army also took'], appears: { place: 'Douma', faction: 'Jaish al-Islam' } },
  { name: 'the publication date moved a year back', article: 1, change: ['2017-11-10', '2016-11-10'], appears: { date: '2016' } },
];

/** Records whose mention lists count their reads (an indexed article unpacks on each). */
function record(uri: string, text: string, reads: Map<string, number>): ArticleRecord {
  const analysis = analyzeArticle(text, testKnowledge());
  const counted = { ...analysis };
  Object.defineProperty(counted, 'mentions', { enumerable: true, get: () => (reads.set(uri, (reads.get(uri) ?? 0) + 1), analysis.mentions) });
  return { uri, version: null, text, isArticle: true, analysis: counted, lines: null as never };
}

type Page = (kind: OutlineKind, parent?: string) => Promise<{ nodes: { id: string; label: string; childCount: number }[] }>;

/** Every node of a kind's workspace tree, each level asked for as the panel does, as plain data. */
async function wholeTree(page: Page, kind: OutlineKind, parent?: string): Promise<unknown[]> {
  const { nodes } = await page(kind, parent);
  const out: unknown[] = [];
  for (const n of nodes) {
    const plain = JSON.parse(JSON.stringify(n, (k, v) => (k === 'deferred' ? undefined : k === 'rows' && v ? { count: v.count, articles: v.articles.map((a: { uri: string }) => a.uri) } : v)));
    out.push({ ...plain, children: n.childCount > 0 ? await wholeTree(page, kind, n.id) : [] });
  }
  return out;
}

function labels(tree: unknown): string {
  return JSON.stringify(tree);
}

async function check(edit: Edit): Promise<void> {
  const reads = new Map<string, number>();
  const texts = ARTICLES.map((f) => fs.readFileSync(f, 'utf8'));
  let records = texts.map((t, i) => record(`file:///w/${i}.txt`, t, reads));
  let version = 1;
  const kept = new PanelTrees(async () => ({ records, version }));
  const pageOf = (trees: PanelTrees): Page => (kind, parent) => trees.page(records, 'workspace', kind, undefined, version, parent);
  const before = new Map<OutlineKind, unknown[]>();
  for (const kind of KINDS) before.set(kind, await wholeTree(pageOf(kept), kind));

  const old = texts[edit.article];
  const edited = old.replace(edit.change[0], edit.change[1]);
  assert.notEqual(edited, old, `${edit.name}: the edit changes the text`);
  records = records.map((r, i) => (i === edit.article ? record(r.uri, edited, reads) : r));
  version++;
  reads.clear();
  const after = new Map<OutlineKind, unknown[]>();
  for (const kind of KINDS) after.set(kind, await wholeTree(pageOf(kept), kind));
  const readAfterEdit = [...reads.keys()].sort();

  const fresh = new PanelTrees(async () => ({ records, version }));
  for (const kind of KINDS) {
    assert.deepEqual(after.get(kind), await wholeTree(pageOf(fresh), kind), `${edit.name}: the ${kind} tree made from kept entities differs from a fresh one`);
    const label = edit.appears[kind];
    if (label) {
      assert.ok(!labels(before.get(kind)).includes(`"${label}"`), `${edit.name}: ${label} already in the ${kind} tree before the edit`);
      assert.ok(labels(after.get(kind)).includes(`"${label}"`), `${edit.name}: ${label} missing from the ${kind} tree after the edit`);
    }
  }
  // Expanding nodes reads the articles that mention them; making the trees read only the edited one.
  assert.ok(readAfterEdit.includes(`file:///w/${edit.article}.txt`), `${edit.name}: the edited article was not read`);
}

for (const edit of EDITS) test(`panel trees after an edit: ${edit.name} — equal to a fresh make`, () => check(edit));

test('panel trees after an edit: the make reads the edited article only', async () => {
  const reads = new Map<string, number>();
  const texts = ARTICLES.map((f) => fs.readFileSync(f, 'utf8'));
  let records = texts.map((t, i) => record(`file:///w/${i}.txt`, t, reads));
  let version = 1;
  const trees = new PanelTrees(async () => ({ records, version }));
  await trees.page(records, 'workspace', 'place', undefined, version);
  assert.deepEqual([...reads.keys()].sort(), records.map((r) => r.uri).sort(), 'the first make reads every article');
  records = records.map((r, i) => (i === 2 ? record(r.uri, texts[2].replace('Engineering units', 'Clashes were reported near Douma. Engineering units'), reads) : r));
  version++;
  reads.clear();
  await trees.page(records, 'workspace', 'place', undefined, version);
  assert.deepEqual([...reads.keys()], ['file:///w/2.txt'], 'only the edited article is read again');
  const tree = await wholeTree((kind, parent) => trees.page(records, 'workspace', kind, undefined, version, parent), 'place');
  assert.ok(labels(tree).includes('"Douma"'), 'the edit shows in the tree');
});
