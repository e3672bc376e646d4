// The timeline through the real pipeline (structure, dates, places, factions, claims, conflicts), the way
// `npm start` and the editor build it: our samples (committed), and the shared articles when ../shared exists.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { findConflicts } from '../../../server/src/analysis/conflicts';
import { buildTimeline, exportTimeline, TimelineArticle, toTimelineConflicts } from '../../../server/src/analysis/timeline';
import { LineIndex } from '../../../server/src/lsp/lineIndex';
import { runCli } from '../../../server/src/cli/main';
import { testKnowledge } from '../../support/knowledge';
import { assertInOrder, DONE_WHEN } from './doneWhenOrder';

const ROOT = path.join(__dirname, '..', '..', '..');
const SHARED = path.join(ROOT, '..', 'shared', 'articles');

function timelineOf(files: string[]) {
  const articles: TimelineArticle[] = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    return { uri: path.relative(ROOT, file), text, analysis: analyzeArticle(text, testKnowledge()), rangeOf: (s) => lines.rangeOf(s) };
  });
  const conflicts = findConflicts(articles.map((a) => ({ uri: a.uri, published: a.analysis.publication.date, claims: a.analysis.claims })));
  return buildTimeline(articles, toTimelineConflicts(conflicts));
}

test('pipeline: our two samples give the done-when chronology in order', () => {
  const dir = path.join(ROOT, 'samples');
  const events = timelineOf(fs.readdirSync(dir).filter((f) => f.startsWith('2017-')).map((f) => path.join(dir, f)));
  assertInOrder(events, DONE_WHEN);
});

test('pipeline: the shared sample articles give the done-when chronology in order', (t) => {
  if (!fs.existsSync(SHARED)) return t.skip('../shared/articles not present (fresh clone): nothing to check');
  const events = timelineOf(fs.readdirSync(SHARED).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SHARED, f)));
  assertInOrder(events, DONE_WHEN);
});

test('pipeline: `dateline timeline samples` prints the Markdown chronology (what npm start shows)', () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(['timeline', path.join(ROOT, 'samples')], (s) => out.push(s), (s) => err.push(s));
  assert.equal(code, 0, err.join('\n'));
  const md = out.join('\n');
  assert.match(md, /^# Timeline\n\n\d+ events from 2 articles/);
  assert.match(md, /## 2015\n\n- \*\*since 2015\*\* — /);
  assert.match(md, /## Sources\n\n1\. Xinhua, “/);
  assert.ok(md.indexOf('**18 Aug 2017**') < md.indexOf('**1 Sep 2017**') && md.indexOf('**1 Sep 2017**') < md.indexOf('**8 Nov 2017**'));
  for (const format of ['csv', 'json', 'timelinejs', 'geojson']) {
    const o: string[] = [];
    assert.equal(runCli(['timeline', '--format', format, path.join(ROOT, 'samples')], (s) => o.push(s), () => {}), 0, format);
    assert.ok(o.join('').length > 100, format);
  }
  const geo: string[] = [];
  runCli(['timeline', '--format', 'geojson', path.join(ROOT, 'samples')], (s) => geo.push(s), () => {});
  const raqqa = JSON.parse(geo.join('')).features.find((f: { properties: { name: string } }) => f.properties.name === 'Raqqa');
  assert.deepEqual(raqqa.properties.control.map((p: { status: string; faction: { name: string } | null }) => `${p.status} ${p.faction?.name}`), ['contested Syrian Democratic Forces', 'held Syrian Democratic Forces'], 'GeoJSON carries the control history');
  const bad: string[] = [];
  assert.equal(runCli(['timeline', '--format', 'pdf', path.join(ROOT, 'samples')], () => {}, (s) => bad.push(s)), 2);
  assert.match(bad.join(''), /unknown --format pdf \(md, csv, json, timelinejs, geojson\)/);
});

test('pipeline: exports of the real samples stay well-formed', () => {
  const dir = path.join(ROOT, 'samples');
  const events = timelineOf(fs.readdirSync(dir).filter((f) => f.startsWith('2017-')).map((f) => path.join(dir, f)));
  assert.ok(events.length >= 10);
  const geo = JSON.parse(exportTimeline('geojson', events));
  assert.ok(geo.features.some((f: { properties: { name: string } }) => /Raqqa/.test(f.properties.name)));
});
