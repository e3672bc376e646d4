// The incremental store must agree with the batch check, re-check only the edited article's places,
// and keep conflict ids when unrelated text changes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../../server/src/analysis/claims/extractClaims';
import { ClaimStore, findConflicts, ArticleClaims } from '../../../server/src/analysis/conflicts';
import { buildArticles, buildArticle } from '../../support/mentionBuilders';
import { FIXTURES } from '../../support/expectFile';

const DIR = path.join(FIXTURES, 'conflicts');

function allFixtureArticles(): ArticleClaims[] {
  const out: ArticleClaims[] = [];
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
    for (const { uri, article } of buildArticles(fs.readFileSync(path.join(DIR, name), 'utf8'))) {
      out.push({ uri: uri.replace('fixtures/', `fixtures/${name}/`), published: article.input.publication.date, claims: extractClaims(article.input) });
    }
  }
  return out;
}

const ids = (cs: { id: string }[]) => cs.map((c) => c.id).sort();

test('claim store: incremental adds, edits and removals agree with the batch check', () => {
  const articles = allFixtureArticles();
  const store = new ClaimStore();
  for (const a of articles) store.set(a.uri, a.published, a.claims);
  assert.ok(store.conflicts().length > 0);
  assert.deepEqual(ids(store.conflicts()), ids(findConflicts(articles)));
  // Remove every third article, blank the claims of every fifth.
  const kept = articles.filter((_, i) => i % 3 !== 0).map((a, i) => (i % 5 === 0 ? { ...a, claims: [] } : a));
  articles.forEach((a, i) => i % 3 === 0 && store.remove(a.uri));
  kept.forEach((a, i) => i % 5 === 0 && store.set(a.uri, a.published, a.claims));
  assert.deepEqual(ids(store.conflicts()), ids(findConflicts(kept)));
});

test('claim store: an edit re-checks only the places of the edited article', () => {
  const store = new ClaimStore();
  for (const a of allFixtureArticles()) store.set(a.uri, a.published, a.claims);
  const edited = buildArticle('# published: 2017-09-03\n{f:saa:Syrian Arab Army|The army} shelled {p:douma:Douma|Douma}.\n{f:saa:Syrian Arab Army|The army} holds {p:qara:Qara|Qara}.');
  const touched = store.set('file:///new.txt', '2017-09-03', extractClaims(edited.input));
  assert.deepEqual(touched.sort(), ['douma', 'qara']);
  const again = buildArticle('# published: 2017-09-03\n{f:saa:Syrian Arab Army|The army} shelled {p:harasta:Harasta|Harasta}.');
  assert.deepEqual(store.set('file:///new.txt', '2017-09-03', extractClaims(again.input)).sort(), ['douma', 'harasta', 'qara']);
});

test('claim store: conflict ids survive edits to unrelated sentences', () => {
  const markup = fs.readFileSync(path.join(DIR, 'death-toll-disagrees.txt'), 'utf8');
  const before = findConflicts(buildArticles(markup).map(({ uri, article }) => ({ uri, published: article.input.publication.date, claims: extractClaims(article.input) })));
  const edited = markup.replace('=== reuters.txt published=2018-03-08 agency=Reuters\n', '=== reuters.txt published=2018-03-08 agency=Reuters\nA new first sentence about the weather in the region.\n');
  assert.notEqual(edited, markup);
  const after = findConflicts(buildArticles(edited).map(({ uri, article }) => ({ uri, published: article.input.publication.date, claims: extractClaims(article.input) })));
  assert.equal(before.length, 1);
  assert.deepEqual(ids(after), ids(before));
  assert.notDeepEqual(after[0].ranges, before[0].ranges);
});

test('claim store: per-article conflicts, ids and look-up by id agree with the full list', () => {
  const articles = allFixtureArticles();
  const store = new ClaimStore();
  for (const a of articles) store.set(a.uri, a.published, a.claims);
  // Asked before the full list is built (the status bar and diagnostics do), then after.
  const idsFirst = store.conflictIds().sort();
  const perArticle = articles.map((a) => ids(store.conflictsFor(a.uri)));
  const all = store.conflicts();
  assert.ok(all.length > 0);
  assert.deepEqual(idsFirst, ids(all));
  assert.deepEqual(store.conflictIds().sort(), ids(all));
  articles.forEach((a, i) => assert.deepEqual(perArticle[i], ids(all.filter((c) => c.files.includes(a.uri))), a.uri));
  const fresh = new ClaimStore();
  for (const a of articles) fresh.set(a.uri, a.published, a.claims);
  for (const c of all) assert.deepEqual(fresh.conflictById(c.id), c);
  // After removals, per-article conflicts still match the full list.
  articles.forEach((a, i) => i % 3 === 0 && store.remove(a.uri));
  const perArticleAfter = articles.map((a) => ids(store.conflictsFor(a.uri)));
  const allAfter = store.conflicts();
  assert.ok(allAfter.length < all.length);
  articles.forEach((a, i) => assert.deepEqual(perArticleAfter[i], ids(allAfter.filter((c) => c.files.includes(a.uri))), a.uri));
});

test('claim store: the list kept up to date edit by edit is the one a store built afresh gives, in order', () => {
  const articles = allFixtureArticles();
  const store = new ClaimStore();
  const fresh = () => {
    const s = new ClaimStore();
    for (const [uri, a] of current) s.set(uri, a.published, a.claims);
    return s.conflicts().map((c) => `${c.kind} ${c.id} ${c.message}`);
  };
  const current = new Map<string, ArticleClaims>();
  const listed = () => store.conflicts().map((c) => `${c.kind} ${c.id} ${c.message}`);
  for (const a of articles) {
    store.set(a.uri, a.published, a.claims);
    current.set(a.uri, a);
  }
  assert.ok(listed().length > 3);
  // Edits one at a time, the list asked after each (what the server does): drop a claim, restore, remove.
  const sizes = new Set<number>();
  articles.forEach((a, i) => {
    const next = i % 3 === 0 ? null : { ...a, claims: a.claims.slice(i % 2) };
    if (next) {
      store.set(a.uri, a.published, next.claims);
      current.set(a.uri, next);
    } else {
      store.remove(a.uri);
      current.delete(a.uri);
    }
    const now = listed();
    assert.deepEqual(now, fresh(), `after editing ${a.uri}`);
    sizes.add(now.length);
  });
  assert.ok(sizes.size > 1, 'the edits changed no conflict');
  for (const a of articles) store.set(a.uri, a.published, a.claims);
  for (const a of articles) current.set(a.uri, a);
  assert.deepEqual(listed(), fresh());
});

test('claim store: the same claims give the same conflicts, wording included, whatever order their articles arrive in', () => {
  const articles = allFixtureArticles();
  const inOrder = new ClaimStore();
  for (const a of articles) inOrder.set(a.uri, a.published, a.claims);
  const reversed = new ClaimStore();
  for (const a of [...articles].reverse()) reversed.set(a.uri, a.published, a.claims);
  const batch = new ClaimStore();
  batch.setMany(articles);
  assert.ok(inOrder.conflicts().length > 0);
  assert.deepEqual(reversed.conflicts(), inOrder.conflicts());
  assert.deepEqual(batch.conflicts(), inOrder.conflicts());
});

test('claim store: two sides each said to hold a town are worded the same whichever report came first', () => {
  const markup = [
    '=== army.txt published=2018-01-20 agency=SANA',
    '{f:saa:Syrian Arab Army|The army} holds {p:abu-duhur:Abu al-Duhur|Abu al-Duhur} {d:2018-01-20|on Saturday}.',
    '=== rebels.txt published=2018-01-20 agency=Orient_News',
    '{f:hts:Hayat Tahrir al-Sham|Hayat Tahrir al-Sham} holds {p:abu-duhur:Abu al-Duhur|Abu al-Duhur} {d:2018-01-20|on Saturday}, its spokesman said.',
  ].join('\n');
  const articles = buildArticles(markup).map(({ uri, article }) => ({ uri, published: article.input.publication.date, claims: extractClaims(article.input) }));
  const messages = (order: ArticleClaims[]) => {
    const store = new ClaimStore();
    for (const a of order) store.set(a.uri, a.published, a.claims);
    return store.conflicts().map((c) => c.message);
  };
  const forward = messages(articles);
  assert.equal(forward.length, 1, JSON.stringify(forward));
  assert.match(forward[0], /^Conflicting control of Abu al-Duhur/);
  assert.deepEqual(messages([...articles].reverse()), forward);
});

test('claim store: an article\'s claims appended in parts leave the store as one set() of them all', () => {
  const articles = allFixtureArticles();
  const whole = new ClaimStore();
  const parts = new ClaimStore();
  for (const a of articles) {
    whole.set(a.uri, a.published, a.claims);
    for (let i = 0; i < a.claims.length; i += 2) parts.append(a.uri, a.published, a.claims.slice(i, i + 2));
  }
  const listed = (s: ClaimStore) => s.conflicts().map((c) => `${c.kind} ${c.id} ${c.message}`);
  assert.ok(listed(whole).length > 0);
  assert.deepEqual(listed(parts), listed(whole));
  for (const a of articles) assert.deepEqual(ids(parts.conflictsFor(a.uri)), ids(whole.conflictsFor(a.uri)), a.uri);
  // Replaced by set() afterwards (the document changed while its parts went in): the parts are gone.
  parts.set(articles[0].uri, articles[0].published, []);
  whole.set(articles[0].uri, articles[0].published, []);
  assert.deepEqual(listed(parts), listed(whole));
});
