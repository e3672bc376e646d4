// `dateline/conflicts` over a store of indexed (packed) articles. A workspace with more conflicts than one reply
// should carry comes as counts by kind and place, a group's conflicts without their claims, then one conflict
// with its claims; whatever the way, every conflict and claim reachable is the one the whole list gives. Article
// texts are counted as unpacked: listing a large workspace reads none, and a list with claims reads each once
// (it read one per claim, every article past the last 64 again and again).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ArticleStore } from '../../../server/src/lsp/articleStore';
import { ConflictState } from '../../../server/src/lsp/conflicts/conflictState';
import { conflictsResult } from '../../../server/src/lsp/conflicts/conflictRequests';
import { forgetUnpacked, unpackCounts } from '../../../server/src/lsp/index/packedAnalysis';
import { ServerContext } from '../../../server/src/lsp/serverContext';
import { ConflictInfo, ConflictsParams, ConflictsResult } from '../../../server/src/protocol';
import { testKnowledge } from '../../support/knowledge';
import { generateArticle } from '../../../scripts/bench/newsCorpus';

const ARTICLES = 300;
const INPUT = { languageId: 'news', matchesGlobs: false, defaultPublished: '' };

function indexedWorkspace(): { ctx: ServerContext; state: ConflictState } {
  const store = new ArticleStore(testKnowledge);
  const ctx = { store, documents: { all: () => [] }, workspaceFolders: [] } as unknown as ServerContext;
  const state = new ConflictState(ctx, () => undefined);
  for (let i = 0; i < ARTICLES; i++) store.setDisk(`file:///ws/a-${i}.txt`, generateArticle(700_000 + i, 3000), INPUT);
  return { ctx, state };
}

const { ctx, state } = indexedWorkspace();

/** The request's answer and how many article texts (and analyses) it unpacked, from none kept. */
function ask(params: ConflictsParams, atOnce?: number): { result: ConflictsResult; texts: number; bulks: number } {
  forgetUnpacked();
  const before = { ...unpackCounts };
  const result = conflictsResult(params, ctx, state, {}, atOnce);
  return { result, texts: unpackCounts.text - before.text, bulks: unpackCounts.bulk - before.bulk };
}

function articlesOf(conflicts: ConflictInfo[]): number {
  return new Set(conflicts.flatMap((c) => c.claims.map((x) => x.article.uri))).size;
}

/** Checks that `paged` lists every conflict of `whole` (all with their claims) as `whole` does, claims left out. */
function checkSameWithoutClaims(paged: ConflictInfo[], whole: ConflictInfo[]): void {
  const byId = new Map(whole.map((c) => [c.id, c]));
  for (const c of paged) {
    const full = byId.get(c.id);
    assert.ok(full, `${c.id} is in the whole list`);
    assert.deepEqual(c.claims, []);
    assert.deepEqual({ ...c, claims: full.claims, claimCount: full.claims.length }, full);
  }
}

const whole = ask({ scope: 'workspace' }, Infinity);

test('conflicts request: the whole list reads each article text once', () => {
  assert.equal(whole.result.groups, null);
  assert.ok(whole.result.conflicts.length > 10, `enough conflicts to group (${whole.result.conflicts.length})`);
  const articles = articlesOf(whole.result.conflicts);
  assert.ok(articles > 64, `more articles than the unpacked texts kept (${articles})`);
  assert.equal(whole.texts, articles);
  assert.equal(whole.bulks, 0, 'claims are read without unpacking analyses');
  for (const c of whole.result.conflicts) {
    assert.equal(c.claimCount, c.claims.length);
    assert.deepEqual(c.sources, [...new Set(c.claims.map((x) => x.source))]);
  }
});

test('conflicts request: a large workspace comes in groups by kind and place, counted without reading any text', () => {
  const { result, texts, bulks } = ask({ scope: 'workspace' }, 10);
  assert.deepEqual(result.conflicts, []);
  assert.ok(result.groups && result.groups.length > 1);
  assert.equal(texts + bulks, 0);
  assert.deepEqual([result.open, result.reviewed], [whole.result.open, whole.result.reviewed]);
  const total = result.groups.reduce((n, g) => n + g.conflicts, 0);
  assert.equal(total, whole.result.conflicts.length);
  for (const g of result.groups) {
    const listed = whole.result.conflicts.filter((c) => c.kind === g.kind && c.place?.id === g.place.id);
    assert.equal(g.conflicts, listed.length, g.id);
    assert.equal(g.place.name, listed[0].place?.name);
  }
});

test('conflicts request: a group lists its conflicts without claims, without reading any text', () => {
  const groups = ask({ scope: 'workspace' }, 10).result.groups!;
  const seen: ConflictInfo[] = [];
  for (const g of groups) {
    const { result, texts, bulks } = ask({ scope: 'workspace', parent: g.id }, 10);
    assert.equal(texts + bulks, 0, g.id);
    assert.equal(result.conflicts.length, g.conflicts);
    seen.push(...result.conflicts);
  }
  checkSameWithoutClaims(seen, whole.result.conflicts);
  assert.equal(new Set(seen.map((c) => c.id)).size, whole.result.conflicts.length, 'every conflict is reachable');
});

test('conflicts request: a conflict asked by id comes with its claims, as in the whole list', () => {
  for (const full of whole.result.conflicts.slice(0, 20)) {
    const { result, texts } = ask({ scope: 'workspace', parent: full.id }, 10);
    assert.deepEqual(result.conflicts, [full]);
    assert.equal(texts, articlesOf([full]));
  }
  assert.deepEqual(ask({ scope: 'workspace', parent: 'control-nosuchid' }, 10).result.conflicts, []);
  assert.deepEqual(ask({ scope: 'workspace', parent: 'group:control:nowhere' }, 10).result.conflicts, []);
});
