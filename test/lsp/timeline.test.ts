// The timeline over a real LSP connection: workspace and article scopes, locations that point at the sentence,
// exports, and live updates when an article changes.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { parseCsv } from '../support/csvParse';
import {
  IndexChangedNotification,
  TimelineExportParams,
  TimelineExportRequest,
  TimelineExportResult,
  TimelineParams,
  TimelineRequest,
  TimelineResult,
} from '../../server/src/protocol';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const HAMA = path.join(SAMPLES, '2017-09-02-army-advances-in-hama.txt');
let server: TestServer;

before(async () => {
  server = await startServer({ workspaceFolder: SAMPLES });
});
after(async () => server.stop());

/** Polls the timeline request until `ok` holds (the workspace is indexed in the background). */
async function timelineUntil(params: TimelineParams, ok: (r: TimelineResult) => boolean, what: string): Promise<TimelineResult> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await server.connection.sendRequest<TimelineResult>(TimelineRequest, params);
    if (ok(r)) return r;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last result: ${r.articles} articles, ${r.events.length} events`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

test('lsp timeline: the workspace gives dated, ordered events whose locations point at their sentences', async () => {
  const r = await timelineUntil({ scope: 'workspace' }, (x) => x.articles === 2 && x.events.length > 0, 'both samples indexed');
  const sorted = r.events.map((e) => e.sortDate ?? '9999');
  assert.deepEqual(sorted, [...sorted].sort(), 'events in chronological order');
  for (const e of r.events) {
    assert.ok(e.location.uri.startsWith('file://'), e.location.uri);
    const text = fs.readFileSync(new URL(e.location.uri), 'utf8');
    const line = text.split(/\r?\n/)[e.location.range.start.line];
    assert.ok(line.slice(e.location.range.start.character).startsWith(e.sentence.slice(0, 20)), `${e.id} points at "${e.sentence.slice(0, 30)}"`);
  }
});

test('lsp timeline: article scope keeps to the article; exports come back as text in each format', async () => {
  const uri = fileUri(HAMA);
  const r = await timelineUntil({ scope: 'article', uri }, (x) => x.events.length > 0, 'events of the Hama sample');
  assert.equal(r.articles, 1);
  assert.ok(r.events.every((e) => e.article.uri === uri));
  const csv = await server.connection.sendRequest<TimelineExportResult>(TimelineExportRequest, { scope: 'article', uri, format: 'csv' } satisfies TimelineExportParams);
  assert.equal(csv.extension, 'csv');
  assert.equal(parseCsv(csv.content).length, r.events.length + 1);
  const md = await server.connection.sendRequest<TimelineExportResult>(TimelineExportRequest, { scope: 'article', uri, format: 'md', eventIds: [r.events[0].id] } satisfies TimelineExportParams);
  assert.equal(md.events, 1);
  assert.match(md.content, /^# Timeline/);
  assert.match(md.content, /2017-09-02-army-advances-in-hama\.txt, line \d+/, 'cited relative to the workspace folder');
  const geo = await server.connection.sendRequest<TimelineExportResult>(TimelineExportRequest, { scope: 'workspace', format: 'geojson' } satisfies TimelineExportParams);
  assert.equal(JSON.parse(geo.content).type, 'FeatureCollection');
});

test('lsp timeline: an edit to an article updates its events and announces the change', async () => {
  const uri = fileUri(HAMA);
  const text = fs.readFileSync(HAMA, 'utf8');
  await server.open(uri, text);
  const before = await timelineUntil({ scope: 'article', uri }, (x) => x.events.some((e) => e.sentence.includes('siege on Uqayribat')), 'the siege event');
  const seen = server.notifications.length;
  await server.change(uri, 2, text.replace(/Troops had imposed a full siege on Uqayribat on Aug\. 18 before storming the town\.\n/, ''));
  const after = await timelineUntil({ scope: 'article', uri }, (x) => !x.events.some((e) => e.sentence.includes('siege on Uqayribat')), 'the siege event gone');
  assert.ok(after.events.length < before.events.length);
  await server.waitFor('indexChanged for the edit', () =>
    server.notifications.slice(seen).some((n) => n.method === IndexChangedNotification && (n.params as { changed: string[] }).changed.includes(uri)),
  );
  await server.close(uri);
});

test('lsp timeline: the workspace timeline after edits equals the one a server started on the edited text builds', async () => {
  const uri = fileUri(HAMA);
  const text = fs.readFileSync(HAMA, 'utf8');
  await server.open(uri, text);
  await timelineUntil({ scope: 'workspace' }, (x) => x.articles === 2 && x.events.some((e) => e.sentence.includes('Aug. 18')), 'both samples');
  // An event moved to another day, then one added: each build after an edit puts the edited article's events in place.
  const moved = text.replace('on Aug. 18', 'on Aug. 28');
  const added = moved.replace('The army also took four other villages', 'Jaish al-Islam fighters shelled Douma on Saturday. The army also took four other villages');
  assert.notEqual(moved, text);
  assert.notEqual(added, moved);
  await server.change(uri, 2, moved);
  await timelineUntil({ scope: 'workspace' }, (x) => x.events.some((e) => e.sentence.includes('Aug. 28')), 'the siege moved to Aug. 28');
  await server.change(uri, 3, added);
  const after = await timelineUntil({ scope: 'workspace' }, (x) => x.events.some((e) => e.sentence.includes('Douma')), 'the Douma event');
  const fresh = await startServer({ workspaceFolder: SAMPLES });
  try {
    await fresh.open(uri, added);
    const deadline = Date.now() + 15_000;
    let expected: TimelineResult;
    do expected = await fresh.connection.sendRequest<TimelineResult>(TimelineRequest, { scope: 'workspace' });
    while (!(expected.articles === 2 && expected.events.some((e) => e.sentence.includes('Douma'))) && Date.now() < deadline);
    assert.deepEqual(after.events, expected.events);
  } finally {
    await fresh.stop();
    await server.close(uri);
  }
});
