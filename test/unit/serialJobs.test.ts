// Long server jobs run one after another, and the panel's workspace trees asked for while one is made share the
// next make (which reads the workspace when it starts) instead of each starting a make beside the others.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SerialJobs } from '../../server/src/lsp/serialJobs';
import { LatestBuilds } from '../../server/src/lsp/latestBuilds';
import { PanelTrees } from '../../server/src/lsp/handlers/panelTrees';
import type { ArticleRecord } from '../../server/src/lsp/articleStore';
import { loadOutlineFixture } from './outline/buildArticles';

const tick = () => new Promise((r) => setImmediate(r));

test('serial jobs: one at a time, in the order queued, a failure stopping none of the rest', async () => {
  const jobs = new SerialJobs();
  const log: string[] = [];
  let running = 0;
  const job = (name: string, fail = false) => async () => {
    running++;
    assert.equal(running, 1, `${name} ran beside another job`);
    log.push(`${name} start`);
    await tick();
    await tick();
    log.push(`${name} end`);
    running--;
    if (fail) throw new Error(name);
    return name;
  };
  const results = await Promise.allSettled([jobs.queue(job('a')), jobs.queue(job('b', true)), jobs.queue(job('c'))]);
  assert.deepEqual(log, ['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed')), ['a', 'failed', 'c']);
});

test('panel trees: asks made while a workspace tree is made share one make of the latest workspace', async () => {
  const articles = loadOutlineFixture('two-articles');
  let version = 1;
  let reads = 0;
  const records = articles as unknown as ArticleRecord[];
  // The workspace as it is when a make starts reading it (reading takes a few turns, as waiting for open articles does).
  const trees = new PanelTrees(async () => {
    reads++;
    const now = version;
    await tick();
    await tick();
    return { records, version: now };
  });
  const first = trees.page(records, 'workspace', 'place', undefined, version);
  await tick();
  // The user types: the store changes and the panel asks again, five times, while the first tree is made.
  const later: Promise<unknown>[] = [];
  for (let i = 0; i < 5; i++) {
    version++;
    later.push(trees.page(records, 'workspace', i % 2 ? 'faction' : 'place', undefined, version));
  }
  const pages = (await Promise.all([first, ...later])) as { total: number }[];
  assert.equal(reads, 2, 'one make for the first ask, one shared by the five asks made meanwhile');
  assert.ok(pages.every((p) => p.total > 0));
  // Asked again at the same version: made already.
  await trees.page(records, 'workspace', 'date', undefined, version);
  assert.equal(reads, 2);
});

test('latest builds: one per store version, shared while it waits its turn, forgotten when cleared', async () => {
  const builds = new LatestBuilds<string>();
  let store = 1;
  const made: string[] = [];
  const make = (name: string) => async (started: (version: number) => void) => {
    const read = store;
    started(read);
    await tick();
    made.push(`${name}@${read}`);
    return `${name}@${read}`;
  };
  const first = builds.get('w', store, make('a'));
  await tick();
  store = 2;
  // Asked twice at version 2 while the build of version 1 runs: one build, queued behind it.
  const second = builds.get('w', store, make('b'));
  const third = builds.get('w', store, make('c'));
  assert.deepEqual(await Promise.all([first, second, third]), ['a@1', 'b@2', 'b@2']);
  assert.equal(await builds.get('w', store, make('d')), 'b@2', 'made already for this version');
  builds.clear();
  assert.equal(await builds.get('w', store, make('e')), 'e@2', 'made again once cleared');
  // An ask of an older version (its store read before the build started) takes the newer build.
  assert.equal(await builds.get('w', 1, make('f')), 'e@2', 'a build of a later version serves an older ask');
  assert.deepEqual(made, ['a@1', 'b@2', 'e@2']);
});
