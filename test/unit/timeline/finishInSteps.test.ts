// Finishing a timeline in steps (so the server answers other requests between them) gives exactly what
// finishing it at once gives, and yields often enough that no step holds the thread long.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { addArticleEvents, DraftEvent, draftCopy, finishTimeline, finishTimelineSteps, toTimelineConflicts, toTimelineConflictsSteps, compareEvents } from '../../../server/src/analysis/timeline';
import { ITEMS_PER_STEP, sortedInSteps } from '../../../server/src/analysis/timeline/sortedInSteps';
import { inTimelineOrder, reorderedInSteps } from '../../../server/src/analysis/timeline/draftOrder';
import { novArticle, SAMPLE_CONFLICTS, septArticle } from './sampleClaims';

/** Steps taken by a generator run to its end, and its value. */
function run<T>(steps: Generator<void, T>): { value: T; steps: number } {
  let n = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, steps: n };
    n++;
  }
}

/** Checks sortedInSteps against Array.prototype.sort (stable) on `items`, and that it yields every ITEMS_PER_STEP or so. */
function check(items: { key: number; at: number }[]): void {
  const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
  const { value, steps } = run(sortedInSteps(items, byKey));
  assert.deepEqual(value, [...items].sort(byKey), `${items.length} items`);
  assert.ok(steps >= Math.floor(items.length / ITEMS_PER_STEP), `${steps} steps for ${items.length} items`);
}

test('sorted in steps: the same order as one stable sort, for any length and many ties', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const n of [0, 1, 2, ITEMS_PER_STEP - 1, ITEMS_PER_STEP, ITEMS_PER_STEP + 1, 3 * ITEMS_PER_STEP + 17, 40_000]) {
    check(Array.from({ length: n }, (_, at) => ({ key: Math.floor(random() * 50), at })));
    check(Array.from({ length: n }, (_, at) => ({ key: n - at, at })));
  }
});

test('timeline finished in steps: the same events and versions as finished at once', () => {
  const make = (): DraftEvent[] => {
    const drafts: DraftEvent[] = [];
    // The samples many times over (each copy its own article), so there are many steps.
    for (let copy = 0; copy < 600; copy++) {
      for (const article of [septArticle(), novArticle()]) addArticleEvents(drafts, { ...article, uri: `${article.uri}?copy=${copy}` });
    }
    return drafts;
  };
  const drafts = make().length;
  const once = finishTimeline(make(), SAMPLE_CONFLICTS);
  const { value: stepped, steps } = run(finishTimelineSteps(make(), SAMPLE_CONFLICTS));
  for (const e of once.events) once.fillVersions(e);
  for (const e of stepped.events) stepped.fillVersions(e);
  assert.ok(drafts > 2 * ITEMS_PER_STEP, `${drafts} drafts`);
  // Copies of one event merge into it: many drafts, fewer events, each listing its reports.
  assert.ok(once.events.length > 100 && once.events.length < drafts, `${once.events.length} events`);
  assert.deepEqual(stepped.events, once.events);
  assert.ok(steps > drafts / ITEMS_PER_STEP, `${steps} steps for ${drafts} drafts`);
});

test('timeline finished from copies of kept drafts: the drafts stay as made, and a second build equals the first', () => {
  const kept: DraftEvent[] = [];
  // The samples as they are (the conflicts name their claims), then copies whose reports merge into theirs.
  for (let copy = 0; copy < 3; copy++) {
    for (const article of [septArticle(), novArticle()]) addArticleEvents(kept, { ...article, uri: copy ? `${article.uri}?copy=${copy}` : article.uri });
  }
  const asMade = JSON.stringify(kept);
  const first = finishTimeline(kept.map(draftCopy), SAMPLE_CONFLICTS);
  for (const e of first.events) first.fillVersions(e);
  assert.equal(JSON.stringify(kept), asMade, 'finishing copies changed the kept drafts');
  const second = finishTimeline(kept.map(draftCopy), SAMPLE_CONFLICTS);
  for (const e of second.events) second.fillVersions(e);
  assert.deepEqual(second.events, first.events);
  assert.ok(first.events.some((e) => e.reports.length > 1) && first.events.some((e) => e.versions.length > 0), 'merged reports and versions were made');
  // Events finishing did not change are the kept drafts' own (a build does not copy ~200,000 of them); changed ones are copies.
  const keptEvents = new Set(kept.map((d) => d.event));
  const shared = first.events.filter((e) => keptEvents.has(e));
  assert.ok(shared.length > 0, 'unchanged events are shared with the kept drafts');
  assert.ok(shared.every((e) => e.reports.length === 1 && e.conflicts.length === 0 && e.versions.length === 0), 'a shared event was changed');
  assert.ok(first.events.filter((e) => e.reports.length > 1 || e.conflicts.length > 0).every((e) => !keptEvents.has(e)), 'a changed event is not a copy');
  // And the same as finishing the drafts themselves.
  const direct = finishTimeline(kept, SAMPLE_CONFLICTS);
  for (const e of direct.events) direct.fillVersions(e);
  assert.deepEqual(first.events, direct.events);
});

test('conflicts adapted in steps: the same as at once, only those kept, malformed ones dropped, a yield every ITEMS_PER_STEP', () => {
  const many = Array.from({ length: 3 * ITEMS_PER_STEP + 5 }, (_, i) => ({ ...SAMPLE_CONFLICTS[i % SAMPLE_CONFLICTS.length], id: `c${i}` }));
  const withBroken = [...many, null, { id: 7 }, { id: 'x', kind: 'control', claims: 'none' }] as unknown as typeof many;
  const { value: all, steps } = run(toTimelineConflictsSteps(withBroken));
  assert.deepEqual(all, toTimelineConflicts(withBroken));
  assert.equal(all.length, many.length, 'the three malformed entries dropped');
  assert.ok(steps >= 3, `${steps} steps for ${withBroken.length} conflicts`);
  const even = run(toTimelineConflictsSteps(withBroken, (c) => Number(c.id.slice(1)) % 2 === 0)).value;
  assert.deepEqual(even.map((c) => c.id), all.filter((c) => Number(c.id.slice(1)) % 2 === 0).map((c) => c.id));
});

test('drafts in timeline order: the order of compareEvents then offset, on ranks of the strings it compares', () => {
  const base: DraftEvent[] = [];
  for (let copy = 0; copy < 300; copy++) {
    // URIs that share long prefixes, and copies under one URI: ties fall through to line, id and offset.
    for (const article of [septArticle(), novArticle()]) addArticleEvents(base, { ...article, uri: `file:///w/batch-${copy % 3}/${article.uri}${copy % 5 ? `?c=${copy}` : ''}` });
  }
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Missing dates and publication days (they order last), and shuffled input.
  const drafts = base.map((d, i) => {
    const c = draftCopy(d);
    if (i % 7 === 0) c.event = { ...c.event, sortDate: null, endDate: null };
    if (i % 5 === 0) c.event = { ...c.event, endDate: null, article: { ...c.event.article, published: null } };
    return c;
  });
  for (let i = drafts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [drafts[i], drafts[j]] = [drafts[j], drafts[i]];
  }
  const expected = [...drafts].sort((a, b) => compareEvents(a.event, b.event) || a.offset - b.offset);
  const { value, steps } = run(inTimelineOrder(drafts));
  assert.ok(drafts.length > ITEMS_PER_STEP / 2, `${drafts.length} drafts`);
  assert.deepEqual(value.map((d) => drafts.indexOf(d)), expected.map((d) => drafts.indexOf(d)));
  assert.ok(steps >= 1, `${steps} steps`);
});

test('drafts reordered after a few articles changed: the order a full sort of the new set gives', () => {
  /** One article's drafts (a record's, as the server keeps them), its dates moved by `shift` days when given. */
  const articleDrafts = (n: number, shift = 0): DraftEvent[] => {
    const own: DraftEvent[] = [];
    const article = n % 2 ? septArticle() : novArticle();
    addArticleEvents(own, { ...article, uri: `file:///w/${n % 7}/article-${n}.txt` });
    if (!shift) return own;
    const moved = (d: string | null) => (d ? new Date(Date.parse(d) + shift * 86_400_000).toISOString().slice(0, 10) : d);
    return own.map((d) => ({ ...d, event: { ...d.event, sortDate: moved(d.event.sortDate), endDate: moved(d.event.endDate) } }));
  };
  const before = Array.from({ length: 60 }, (_, n) => articleDrafts(n));
  const sorted = run(inTimelineOrder(before.flat())).value;
  // Articles 3, 17 and 40 edited (their events move), 8 and 9 deleted, 60 and 61 added.
  const after = before.map((own, n) => ([3, 17, 40].includes(n) ? articleDrafts(n, n - 20) : own)).filter((_, n) => n !== 8 && n !== 9);
  after.push(articleDrafts(60, 3), articleDrafts(61));
  const removed = new Set([3, 17, 40, 8, 9].flatMap((n) => before[n]));
  const added = [...after.slice(-2).flat(), ...[3, 17, 40].flatMap((n) => after[n < 8 ? n : n - 2])];
  const { value, steps } = run(reorderedInSteps(sorted, removed, added));
  const expected = run(inTimelineOrder(after.flat())).value;
  assert.equal(value.length, expected.length);
  assert.ok(value.every((d, i) => d === expected[i]), 'the order differs from a full sort of the new drafts');
  assert.ok(added.length > 0 && removed.size > 0 && steps >= 1);
});

test('conflict marks: an event in many conflicts lists each id once, in the order met', () => {
  const drafts: DraftEvent[] = [];
  for (const article of [septArticle(), novArticle()]) addArticleEvents(drafts, article);
  const base = SAMPLE_CONFLICTS[0];
  // 40 conflicts over the same two claims, some ids twice (a repeated id is marked once).
  const ids = Array.from({ length: 40 }, (_, i) => `c${i % 3 === 2 ? i - 1 : i}`);
  const { events } = finishTimeline(drafts, ids.map((id) => ({ ...base, id })));
  const marked = events.filter((e) => e.conflicts.length > 0);
  assert.ok(marked.length >= 2, `${marked.length} events marked`);
  for (const e of marked) assert.deepEqual(e.conflicts, [...new Set(ids)], e.id);
});
