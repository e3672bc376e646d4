// Index workers give the records the main thread would: same outcome for every kind of file (articles,
// non-articles, Latin-1, binary, oversized), and the user's places/factions overlays honoured the same way.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dropOutcome, IndexJob, indexFile, indexFiles, IndexOutcome, knowledgeWithOverlays, KnowledgeOverlays } from '../../../server/src/lsp/index/indexFile';
import { IndexWorkers } from '../../../server/src/lsp/index/indexWorkers';
import { forgetUnpacked, unpackAnalysis, unpackText } from '../../../server/src/lsp/index/packedAnalysis';
import { parseUserPlaces } from '../../../server/src/analysis/places/userPlaces';
import { parseUserFactions } from '../../../server/src/analysis/factions/userFactions';
import { builtInFactionDictionary } from '../../../server/src/knowledge/loadFactions';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { readFixture } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

// In production a worker runs the server bundle itself (startServer.ts); here the entry point from source.
const ENTRY = path.join(__dirname, '..', '..', 'support', 'indexWorkerEntry.js');
const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');

let dir: string;
const jobs: IndexJob[] = [];

function job(name: string, content: string | Buffer, languageId = 'plaintext'): void {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  jobs.push({ file, uri: pathToFileURL(file).toString(), maxBytes: 8 * 1024, languageId, matchesGlobs: false, defaultPublished: '' });
}

/** What a record is made of, comparable across threads. */
function plain(o: IndexOutcome): unknown {
  if (o.text === null) return o;
  return { uri: o.uri, text: unpackText(o.text), note: o.note, isArticle: o.isArticle, analysis: unpackAnalysis(o.packed), mentionKeys: o.packed.mentionKeys, entities: o.packed.entities };
}

async function inWorkers(overlays: KnowledgeOverlays, list: IndexJob[]): Promise<IndexOutcome[]> {
  const pool = new IndexWorkers(ENTRY, 2, overlays);
  try {
    return await Promise.all(list.map((j) => pool.run(j)));
  } finally {
    await pool.close();
  }
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-workers-'));
  for (const f of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'))) job(f, fs.readFileSync(path.join(SAMPLES, f)));
  for (let i = 0; i < 4; i++) job(`wire-${i}.txt`, generateArticle(700 + i, 3000));
  job('story.news', generateArticle(710, 2000), 'news');
  job('latin1.txt', Buffer.from('Café reopens in Homs\n\nHOMS, Sept. 2 (Xinhua) -- A café in Homs reopened on Friday, residents said.\n', 'latin1'));
  job('binary.txt', Buffer.from([0x53, 0x00, 0x01, 0xff]));
  job('big.txt', generateArticle(711, 12_000));
  job('overlay.txt', readFixture('index', 'overlay-article.txt'));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('index workers: every file gives the outcome the main thread gives', async () => {
  const none: KnowledgeOverlays = { places: null, factions: null };
  const here = jobs.map((j) => plain(indexFile(j, testKnowledge())));
  const there = (await inWorkers(none, jobs)).map(plain);
  assert.deepEqual(there, here);
  // The fixtures cover each kind of outcome.
  const kinds = there.map((o) => (o as { text: string | null; isArticle?: boolean }).text === null ? 'skipped' : (o as { isArticle: boolean }).isArticle ? 'article' : 'other');
  assert.deepEqual([...new Set(kinds)].sort(), ['article', 'other', 'skipped']);
});

test('index workers: a batch of files (as a worker analyses them) gives each file the outcome it gets alone, whatever publication date it falls back on', () => {
  // Undated copies of one story with different `defaultPublished` settings: analysed in groups, never mixed up.
  const undated = 'Fighting near Raqqa\n\nSyrian troops captured the town of Maadan from IS militants on Friday, a monitor said.\n';
  const list = [...jobs];
  for (const published of ['2017-09-02', '', '2016-03-01']) {
    const file = path.join(dir, `undated-${published || 'none'}.txt`);
    fs.writeFileSync(file, undated);
    list.push({ file, uri: pathToFileURL(file).toString(), maxBytes: 8 * 1024, languageId: 'plaintext', matchesGlobs: true, defaultPublished: published });
  }
  const alone = list.map((j) => plain(indexFile(j, testKnowledge())));
  const together = indexFiles(list, testKnowledge()).map(plain);
  assert.deepEqual(together, alone);
  const published = together.slice(-3).map((o) => (o as { analysis: { publication: { date: string | null } } }).analysis.publication.date);
  assert.deepEqual(published, ['2017-09-02', null, '2016-03-01']);
});

test('index workers: the user places and factions overlays apply in workers as in the main thread', async () => {
  const known = new Set(builtInFactionDictionary().dictionary.factions.map((f) => f.id));
  const overlays: KnowledgeOverlays = {
    places: parseUserPlaces(readFixture('index', 'places.json')).entries,
    factions: parseUserFactions(readFixture('index', 'factions.json'), known).dictionary,
  };
  const overlayJob = jobs.filter((j) => j.file.endsWith('overlay.txt'));
  const here = overlayJob.map((j) => plain(indexFile(j, knowledgeWithOverlays(testKnowledge(), overlays))));
  const there = (await inWorkers(overlays, overlayJob)).map(plain);
  assert.deepEqual(there, here);
  // …and the overlays did change the result: the user's dam and militia are found, "Mayadin" is not a place.
  const keys = (there[0] as { mentionKeys: string[] }).mentionKeys;
  assert.ok(keys.includes('place\u0000user:thawra-dam'), keys.join(', '));
  assert.ok(keys.includes('faction\u0000desert-hawks-brigade'), keys.join(', '));
  const plainKeys = (plain(indexFile(overlayJob[0], testKnowledge())) as { mentionKeys: string[] }).mentionKeys;
  assert.ok(!plainKeys.includes('place\u0000user:thawra-dam'));
  assert.ok(plainKeys.some((k) => /al-Mayadeen|173480/.test(k)) && !keys.some((k) => /173480/.test(k)), `${plainKeys.join(', ')} / ${keys.join(', ')}`);
});

test('index workers: a pool that was closed rejects new jobs (the indexer then works in the main thread)', async () => {
  const pool = new IndexWorkers(ENTRY, 1, { places: null, factions: null });
  await pool.close();
  await assert.rejects(pool.run(jobs[0]), /no index worker/);
});

/** Descriptors of this process open on spill files in `dir` (Linux: /proc/self/fd), unlinked ones included. */
function openIn(dir: string): number {
  let n = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(path.join(dir, 'dateline-index-'))) n++;
    } catch {
      // Closed meanwhile.
    }
  }
  return n;
}

test('index workers: packed bytes go to a spill file of each worker\'s own, come back exactly, and the file is freed once its records are let go', async (t) => {
  if (process.platform !== 'linux') return t.skip('counts open files through /proc');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-worker-spill-'));
  const saved = process.env.TMPDIR;
  // The pool's spill files go to the system temp folder, here one of the test's own.
  process.env.TMPDIR = tmp;
  try {
    const none: KnowledgeOverlays = { places: null, factions: null };
    const here = jobs.map((j) => plain(indexFile(j, testKnowledge())));
    const outcomes = await inWorkers(none, jobs);
    for (const o of outcomes) {
      if (o.text === null) continue;
      assert.ok(o.packed.spilled && o.packed.bulk.length === 0, `${o.uri}: bulk spilled`);
      assert.ok(o.text.spilled && o.text.bytes.length === 0, `${o.uri}: text spilled`);
    }
    forgetUnpacked();
    assert.deepEqual(outcomes.map(plain), here);
    // Unlinked at once, and after the pass still open (two workers, two files) as the records are live.
    // (tsx, which runs the workers from source here, keeps its cache in the temp folder too.)
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.startsWith('dateline-')), []);
    assert.equal(openIn(tmp), 2);
    for (const o of outcomes) dropOutcome(o);
    assert.equal(openIn(tmp), 0);
    // With spilling turned off (DATELINE_SPILL=0, as the index), the bytes travel with the replies.
    process.env.DATELINE_SPILL = '0';
    const inline = await inWorkers(none, jobs.slice(0, 3));
    assert.ok(inline.every((o) => o.text === null || (!o.packed.spilled && o.packed.bulk.length > 0 && o.text.bytes.length > 0)));
    assert.deepEqual(inline.map(plain), here.slice(0, 3));
    assert.equal(openIn(tmp), 0);
  } finally {
    delete process.env.DATELINE_SPILL;
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
