// The timeline of a workspace with more events than one reply should carry (10,000 articles make ~230,000): a page
// at a time from `dateline/timeline`, a window of days (or counts) from `dateline/timelineWindow`, an event in full
// from `dateline/timelineEvent`, and exports of what the filters show, in parts that join into the whole.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, TestServer } from '../support/lspClient';
import { generateArticle } from '../../scripts/bench/newsCorpus';
import {
  TIMELINE_EVENTS_AT_ONCE,
  TimelineEventParams,
  TimelineEventRequest,
  TimelineEventResult,
  TimelineExportParams,
  TimelineExportRequest,
  TimelineExportResult,
  TimelinePageParams,
  TimelineRequest,
  TimelineResult,
  TimelineWindowParams,
  TimelineWindowRequest,
  TimelineWindowResult,
} from '../../server/src/protocol';

const ARTICLES = 120;
let dir: string;
let server: TestServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-timeline-'));
  for (let i = 0; i < ARTICLES; i++) fs.writeFileSync(path.join(dir, `wire-${i}.txt`), generateArticle(700_000 + i, 4500));
  server = await startServer({ workspaceFolder: dir });
  const logs = () => server.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  await server.waitFor('first index pass', () => logs().some((m) => /Dateline: indexed \d/.test(m)), 60_000);
});

after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (params: Omit<TimelinePageParams, 'scope'>) => server.connection.sendRequest<TimelineResult>(TimelineRequest, { scope: 'workspace', ...params });
const window = (params: Omit<TimelineWindowParams, 'scope'>) => server.connection.sendRequest<TimelineWindowResult>(TimelineWindowRequest, { scope: 'workspace', ...params });

test('lsp timeline, large workspace: events come a page at a time, with the total', async () => {
  const first = await page({});
  assert.equal(first.articles, ARTICLES);
  assert.ok(first.total > TIMELINE_EVENTS_AT_ONCE, `${first.total} events: more than a page`);
  assert.equal(first.events.length, TIMELINE_EVENTS_AT_ONCE);
  const rest = await page({ offset: TIMELINE_EVENTS_AT_ONCE, limit: first.total });
  const ids = [...first.events, ...rest.events].map((e) => e.id);
  assert.equal(ids.length, first.total);
  assert.equal(new Set(ids).size, ids.length, 'no event twice');
  const sorted = [...first.events, ...rest.events].map((e) => e.sortDate ?? '9999');
  assert.deepEqual(sorted, [...sorted].sort(), 'pages follow the timeline order');
});

test('lsp timeline, large workspace: the panel gets counts, then the events of the days it shows, then one in full', async () => {
  const all = await window({ limit: 100, bucketDays: 30 });
  assert.deepEqual(all.events, []);
  assert.ok(all.lanes && all.lanes.length > 0);
  assert.equal(all.lanes.flatMap((l) => l.buckets).reduce((n, b) => n + b[1], 0), all.inWindow);
  assert.ok(all.range && all.total === all.shown);
  // A few days hold few enough events to draw.
  const days = await window({ from: all.range.to, to: all.range.to, limit: 100 });
  assert.ok(days.events.length > 0 && days.lanes === null, `${days.inWindow} events on ${all.range.to}`);
  const brief = days.events[0];
  assert.equal('reports' in brief, false, 'brief: no reports, sentence or versions');
  const full = await server.connection.sendRequest<TimelineEventResult>(TimelineEventRequest, { scope: 'workspace', id: brief.id } satisfies TimelineEventParams);
  assert.ok(full && full.id === brief.id && full.summary === brief.summary && full.reports.length > 0 && full.sentence.length > 0);
  assert.equal(await server.connection.sendRequest(TimelineEventRequest, { scope: 'workspace', id: 'no such event' }), null);
  // Filters are the server's: counts for every value, the hidden ones marked.
  const hidden = all.filters.factions[0].value;
  const filtered = await window({ filter: { factions: [hidden] }, limit: 100 });
  assert.equal(filtered.shown, all.shown - all.filters.factions[0].count);
  assert.ok(filtered.filters.factions[0].hidden);
});

test('lsp timeline, large workspace: an export of what the filters show, in parts that join into the whole', async () => {
  const disputed = await window({ filter: { conflictsOnly: true }, limit: 0 });
  const params: TimelineExportParams = { scope: 'workspace', format: 'csv', filter: { conflictsOnly: true } };
  const whole = await server.connection.sendRequest<TimelineExportResult>(TimelineExportRequest, params);
  assert.equal(whole.events, disputed.shown);
  assert.equal(whole.more, false);
  let joined = '';
  for (let part = 0, more = true; more; part++) {
    const r = await server.connection.sendRequest<TimelineExportResult>(TimelineExportRequest, { ...params, part });
    joined += r.content;
    more = r.more;
  }
  assert.equal(joined, whole.content);
});
