// The side panel and navigation over a real stdio connection: documentSymbol, workspace/symbol, definition,
// references and the custom requests (dateline/entities, dateline/mentions, dateline/citation), checked against
// the pure core run on the same files, plus the things only the server does (scopes, refresh, stable ids).
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { analyzeArticle } from '../../server/src/analysis';
import { childrenOf, complete, documentOutline, entityMentions, entityTree, findNode, firstMention, nameKnowledge, OutlineArticle, OutlineSymbol, PagedNode, searchSymbols, withoutMentions } from '../../server/src/analysis/outline';
import { LineIndex } from '../../server/src/lsp/lineIndex';
import {
  CitationRequest,
  CitationResult,
  EntitiesRequest,
  EntitiesResult,
  EntityKind,
  EntityNode,
  IndexChangedNotification,
  IndexChangedParams,
  MentionsRequest,
  MentionsResult,
} from '../../server/src/protocol';
import { testKnowledge } from '../support/knowledge';
import { ARTICLE_ROWS_AT_ONCE } from '../../server/src/lsp/handlers/panelTrees';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const HAMA = '2017-09-02-army-advances-in-hama.txt';
const BUKAMAL = '2017-11-10-al-bukamal-recaptured.txt';
const KINDS: EntityKind[] = ['place', 'faction', 'date', 'claim'];

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}
interface SymbolInformation {
  name: string;
  kind: number;
  location: { uri: string; range: Range };
  containerName?: string;
}

let dir: string;
let server: TestServer;
/** The same articles analysed by the core in this process: what the server must agree with. */
let core: OutlineArticle[];

const uriOf = (name: string) => fileUri(path.join(dir, name));
const article = (name: string) => core.find((a) => a.uri === uriOf(name))!;
const request = <R>(method: string, params: unknown) => server.connection.sendRequest<R>(method, params);

function rangeIn(a: OutlineArticle, span: { start: number; end: number }): Range {
  return new LineIndex(a.text).rangeOf(span);
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-panel-'));
  for (const f of [HAMA, BUKAMAL, 'notes.txt']) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  // The user's own factions file holds a copy of the built-in army entry (so the analysis is unchanged): Go to
  // definition must offer it.
  const builtIn = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'server', 'data', 'factions.json'), 'utf8'));
  const army = builtIn.factions.find((f: { name: string }) => f.name === 'Syrian Arab Army');
  fs.mkdirSync(path.join(dir, '.dateline'));
  fs.writeFileSync(path.join(dir, '.dateline', 'factions.json'), `${JSON.stringify({ factions: [army] }, null, 2)}\n`);
  core = [HAMA, BUKAMAL].map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    return { uri: uriOf(f), text, analysis: analyzeArticle(text, testKnowledge(), { published: null, publishedFrom: 'setting' }) };
  });
  server = await startServer({ workspaceFolder: dir });
});

after(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Waits until the server lists both sample articles in workspace scope. */
async function indexed(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await request<EntitiesResult>(EntitiesRequest, { scope: 'workspace', kind: 'place' });
    if (r.articles >= 2) return;
    if (Date.now() > deadline) assert.fail(`workspace index has ${r.articles} articles, expected 2`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The core's tree with spans as LSP locations: what dateline/entities must return. */
function expectedNodes(nodes: PagedNode[]): unknown[] {
  return nodes.map((n) => ({
    id: n.id,
    label: n.label,
    count: n.count,
    role: n.role,
    icon: n.icon,
    description: n.description,
    tooltip: n.tooltip,
    location: n.at ? { uri: n.at.uri, range: rangeIn(core.find((a) => a.uri === n.at!.uri)!, n.at) } : null,
    childCount: n.childCount,
    children: expectedNodes(n.children),
  }));
}

function received(nodes: EntityNode[]): unknown[] {
  return nodes.map((n) => ({ id: n.id, label: n.label, count: n.count, role: n.role, icon: n.icon, description: n.description, tooltip: n.tooltip, location: n.location, childCount: n.childCount, children: received(n.children) }));
}

test('panel: dateline/entities lists every kind for the workspace, exactly as the core groups it', async () => {
  await indexed();
  for (const kind of KINDS) {
    const r = await request<EntitiesResult>(EntitiesRequest, { scope: 'workspace', kind });
    const tree = entityTree(core, kind);
    assert.equal(r.articles, 2, `${kind}: notes.txt is not an article`);
    assert.equal(r.total, tree.total, kind);
    // Workspace trees come a few levels at a time, without mention and claim rows: each node whose children are
    // not all there fetches them. Expanded all the way, the tree is the core's, rows and their sentences included.
    let fetched = 0;
    const expand = async (nodes: EntityNode[]): Promise<EntityNode[]> => {
      const out: EntityNode[] = [];
      for (const n of nodes) {
        let children = n.children;
        if (children.length < n.childCount) {
          fetched++;
          children = (await request<EntitiesResult>(EntitiesRequest, { scope: 'workspace', kind, parent: n.id })).nodes;
          assert.equal(children.length, n.childCount, n.id);
        }
        out.push({ ...n, children: await expand(children) });
      }
      return out;
    };
    const whole = await expand(r.nodes);
    assert.ok(fetched > 0, `${kind}: some node has rows to fetch`);
    assert.deepEqual(received(whole), expectedNodes(complete(tree.nodes)), kind);
  }
  const gone = await request<EntitiesResult>(EntitiesRequest, { scope: 'workspace', kind: 'place', parent: 'place:no-such-node' });
  assert.deepEqual(gone.nodes, []);
});

test('panel: dateline/entities for one article, and nothing for a missing article or a bad kind', async () => {
  const uri = uriOf(HAMA);
  for (const kind of KINDS) {
    const r = await request<EntitiesResult>(EntitiesRequest, { scope: 'article', uri, kind });
    assert.equal(r.articles, 1);
    // One article: everything at once.
    assert.deepEqual(received(r.nodes), expectedNodes(complete(entityTree([article(HAMA)], kind).nodes)), kind);
  }
  assert.deepEqual(await request<EntitiesResult>(EntitiesRequest, { scope: 'article', kind: 'place' }), { nodes: [], articles: 0, total: 0 });
  assert.deepEqual(await request<EntitiesResult>(EntitiesRequest, { scope: 'workspace', kind: 'weather' }), { nodes: [], articles: 0, total: 0 });
  const notes = await request<EntitiesResult>(EntitiesRequest, { scope: 'article', uri: uriOf('notes.txt'), kind: 'place' });
  assert.equal(notes.articles, 0);
});

test('panel: documentSymbol gives the headline (spanning the article, for breadcrumbs), then Places, Factions, Dates, Claims', async () => {
  const uri = uriOf(HAMA);
  const a = article(HAMA);
  await server.open(uri, a.text, 'plaintext');
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].name, 'Syrian army pushes IS out of Hama stronghold as Raqqa battle nears its end');
  const groups = symbols.slice(1).map((s) => s.name);
  assert.deepEqual(groups, ['Places', 'Factions', 'Dates', 'Claims'].filter((g) => groups.includes(g)), 'groups in order');
  const expected = (list: OutlineSymbol[]): unknown[] =>
    list.map((s) => ({ name: s.name, detail: s.detail, range: rangeIn(a, s.span), selectionRange: rangeIn(a, s.selection), children: expected(s.children) }));
  const got = (list: DocumentSymbol[]): unknown[] =>
    list.map((s) => ({ name: s.name, detail: s.detail, range: s.range, selectionRange: s.selectionRange, children: got(s.children ?? []) }));
  assert.deepEqual(got(symbols), expected(documentOutline(a)));
  const inside = (r: Range, outer: Range) =>
    (r.start.line > outer.start.line || (r.start.line === outer.start.line && r.start.character >= outer.start.character)) &&
    (r.end.line < outer.end.line || (r.end.line === outer.end.line && r.end.character <= outer.end.character));
  const groupNames = new Set(['Places', 'Factions', 'Dates', 'Claims']);
  const walk = (list: DocumentSymbol[], parent: DocumentSymbol | null) => {
    for (const s of list) {
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection inside range`);
      if (parent && !groupNames.has(parent.name)) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
      walk(s.children ?? [], s);
    }
  };
  walk(symbols, null);
  // The article symbol covers the whole text, so the breadcrumb names the article wherever the cursor is.
  const last = a.text.split('\n');
  assert.deepEqual(symbols[0].range, { start: { line: 0, character: 0 }, end: { line: last.length - 1, character: last[last.length - 1].length } });
});

test('panel: workspace/symbol finds places and factions in every article, as the core does', async () => {
  const names = new Set<string>();
  for (const a of core) for (const m of a.analysis.mentions) if (m.kind === 'place' || m.kind === 'faction') names.add(m.text);
  for (const query of ['', ...[...names].slice(0, 12), 'zz-no-such-place']) {
    const got = await request<SymbolInformation[]>('workspace/symbol', { query });
    const want = searchSymbols(core, query, { names: nameKnowledge(testKnowledge()) }).map((s) => ({ name: s.name, location: { uri: s.at.uri, range: rangeIn(article(s.at.uri.split('/').pop()!), s.at) }, containerName: s.container }));
    assert.deepEqual(
      got.map((s) => ({ name: s.name, location: s.location, containerName: s.containerName })),
      want,
      `query "${query}"`,
    );
  }
  assert.deepEqual(await request<SymbolInformation[]>('workspace/symbol', { query: 'zz-no-such-place' }), []);
});

test('panel: Ctrl+T finds a place or faction by a spelling no article uses', async () => {
  const names = async (query: string) => (await request<SymbolInformation[]>('workspace/symbol', { query })).map((s) => `${s.name} @ ${s.location.uri.split('/').pop()}`);
  // Both articles write "Deir al-Zour"; the transliteration key and the gazetteer bring "Deir ez-Zor" there.
  const deir = await names('Deir ez-Zor');
  for (const file of [HAMA, BUKAMAL]) assert.ok(deir.includes(`Deir al-Zour (Deir ez-Zor) @ ${file}`), deir.join('\n'));
  // An alias from the factions dictionary.
  assert.ok((await names('Daesh')).includes(`Islamic State (Daesh) @ ${HAMA}`));
  // The name itself, as the editor's fuzzy filter needs it (no bracket).
  assert.ok((await names('Raqqa')).includes(`Raqqa @ ${HAMA}`));
});

test('panel: definition goes to the first mention in the workspace; references list every mention', async (t) => {
  // An entity mentioned in the later article and, earlier, in the first one: its definition crosses articles.
  const later = article(BUKAMAL);
  const repeated = later.analysis.mentions.filter((x) => entityMentions(core, x.kind, x.id).length > 1);
  // Prefer a place whose first mention is in the other article (places have no user entry in this workspace).
  const m = repeated.find((x) => x.kind === 'place' && firstMention(core, x.kind, x.id)!.uri !== later.uri) ?? repeated.find((x) => firstMention(core, x.kind, x.id)!.start !== x.start) ?? repeated[0];
  if (!m) return t.skip('no entity mentioned twice yet (extractors not landed)');
  const uri = uriOf(BUKAMAL);
  await server.open(uri, later.text, 'plaintext');
  const position = rangeIn(later, m).start;
  const first = firstMention(core, m.kind, m.id)!;
  const def = await request<{ uri: string; range: Range }>('textDocument/definition', { textDocument: { uri }, position });
  assert.deepEqual(def, { uri: first.uri, range: rangeIn(article(first.uri.split('/').pop()!), first) });
  const refs = await request<{ uri: string; range: Range }[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
  const all = entityMentions(core, m.kind, m.id).map((at) => ({ uri: at.uri, range: rangeIn(article(at.uri.split('/').pop()!), at) }));
  assert.deepEqual(refs, all);
  const noDecl = await request<unknown[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
  assert.equal(noDecl.length, all.length - 1);
  const mentions = await request<MentionsResult>(MentionsRequest, { kind: m.kind, id: m.id });
  assert.deepEqual(mentions.locations, all);
});

test('panel: no definition or references away from a mention', async () => {
  const uri = uriOf(HAMA);
  await server.open(uri, article(HAMA).text, 'plaintext');
  const position = { line: 2, character: 0 }; // the source line
  assert.equal(await request('textDocument/definition', { textDocument: { uri }, position }), null);
  assert.equal(await request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }), null);
  assert.deepEqual(await request<MentionsResult>(MentionsRequest, { kind: 'place', id: 'no-such-id' }), { locations: [] });
});

test('panel: dateline/citation quotes the sentence with source, date and file', async () => {
  const a = article(HAMA);
  const offset = a.text.indexOf('On Friday the army seized Uqayribat');
  const range = rangeIn(a, { start: offset + 3, end: offset + 3 });
  const c = await request<CitationResult>(CitationRequest, { location: { uri: uriOf(HAMA), range } });
  assert.equal(c.sentence, 'On Friday the army seized Uqayribat, the last major IS bastion in the eastern countryside of Hama province.');
  assert.equal(c.published, '2 Sep 2017');
  assert.equal(c.file, HAMA);
  assert.match(c.text, /^“On Friday the army seized Uqayribat.*province\.” — .*2 Sep 2017, 2017-09-02-army-advances-in-hama\.txt, line \d+$/);
  assert.equal(await request(CitationRequest, { location: { uri: 'file:///nowhere.txt', range } }), null);
});

test('panel: an edit notifies the views, and tree item ids stay the same when offsets move', async () => {
  const uri = uriOf(BUKAMAL);
  const a = article(BUKAMAL);
  await server.open(uri, a.text, 'plaintext');
  const ids = async () => {
    const out: string[] = [];
    for (const kind of KINDS) {
      const collect = (nodes: EntityNode[]) => nodes.forEach((n) => (out.push(n.id), collect(n.children)));
      collect((await request<EntitiesResult>(EntitiesRequest, { scope: 'article', uri, kind })).nodes);
    }
    return out;
  };
  const before = await ids();
  const seen = server.notifications.length;
  // A new paragraph before the body shifts every offset; the mentions stay the same.
  const cut = a.text.indexOf('\n\n', a.text.indexOf('Source:')) + 2;
  await server.change(uri, 2, `${a.text.slice(0, cut)}Editor's note: this report was updated with a correction to the byline.\n\n${a.text.slice(cut)}`);
  const note = await server.waitFor('indexChanged for the edit', () =>
    server.notifications.slice(seen).find((n) => n.method === IndexChangedNotification && (n.params as IndexChangedParams).changed.includes(uri)),
  );
  assert.ok((note.params as IndexChangedParams).articles >= 2);
  assert.deepEqual(await ids(), before);
});

test('panel: definition also offers the entry in the user\'s .dateline/factions.json', async (t) => {
  const mentions = core.flatMap((a) => a.analysis.mentions.filter((m) => m.kind === 'faction' && m.name === 'Syrian Arab Army').map((m) => ({ a, m })));
  if (mentions.length < 2) return t.skip('the army is not recognised twice yet (factions extractor)');
  const userFile = path.join(dir, '.dateline', 'factions.json');
  const userText = fs.readFileSync(userFile, 'utf8');
  const idAt = userText.indexOf(`"${mentions[0].m.id}"`);
  const entry = { uri: fileUri(userFile), range: new LineIndex(userText).rangeOf({ start: idAt + 1, end: idAt + 1 + mentions[0].m.id.length }) };
  const first = firstMention(core, 'faction', mentions[0].m.id)!;
  const firstLoc = { uri: first.uri, range: rangeIn(article(first.uri.split('/').pop()!), first) };
  // From a later mention: the first mention, then the user's entry.
  const later = mentions[mentions.length - 1];
  await server.open(later.a.uri, later.a.text, 'plaintext');
  const fromLater = await request('textDocument/definition', { textDocument: { uri: later.a.uri }, position: rangeIn(later.a, later.m).start });
  assert.deepEqual(fromLater, [firstLoc, entry]);
  // From the first mention itself: only the entry is somewhere else to go.
  const firstArticle = article(first.uri.split('/').pop()!);
  await server.open(firstArticle.uri, firstArticle.text, 'plaintext');
  const fromFirst = await request('textDocument/definition', { textDocument: { uri: firstArticle.uri }, position: firstLoc.range.start });
  assert.deepEqual(fromFirst, entry);
});

test('panel: a long report comes paged in article scope too: entities first, their rows when expanded', async () => {
  // The sample article's body over and over (before its closing boilerplate): more place rows than an
  // article's tree sends at once.
  const sample = article(HAMA).text;
  const end = sample.indexOf('TOP STORIES');
  const body = sample.slice(sample.indexOf('Government troops'), end);
  const text = sample.slice(0, end) + body.repeat(200) + sample.slice(end);
  const uri = fileUri(path.join(os.tmpdir(), `dateline-panel-long-report-${process.pid}.txt`));
  const long = { uri, text, analysis: analyzeArticle(text, testKnowledge(), { published: null, publishedFrom: 'setting' }) };
  const tree = entityTree([long], 'place');
  assert.ok(tree.total > ARTICLE_ROWS_AT_ONCE, `${tree.total} place rows: the fixture must pass the limit`);
  core.push(long);
  await server.open(uri, text);
  try {
    const r = await request<EntitiesResult>(EntitiesRequest, { scope: 'article', uri, kind: 'place' });
    assert.equal(r.total, tree.total);
    assert.deepEqual(received(r.nodes), expectedNodes(withoutMentions(tree.nodes)));
    const partial = r.nodes.filter((n) => n.children.length < n.childCount);
    assert.ok(partial.length > 0, 'some place has rows to fetch');
    const page = await request<EntitiesResult>(EntitiesRequest, { scope: 'article', uri, kind: 'place', parent: partial[0].id });
    assert.equal(page.nodes.length, partial[0].childCount);
    assert.deepEqual(received(page.nodes), expectedNodes(childrenOf(findNode(tree.nodes, partial[0].id)!)));
  } finally {
    await server.close(uri);
    core.pop();
  }
});
