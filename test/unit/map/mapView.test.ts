// The map's places (pipeline on our samples) and its pure view model: markers sized by mentions, coloured by who
// held the place at the slider's date, labels a reader (and the e2e test) can check.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { findConflicts } from '../../../server/src/analysis/conflicts';
import { mapPlaces, placeSentences } from '../../../server/src/analysis/map';
import { LineIndex } from '../../../server/src/lsp/lineIndex';
import { legendOf, markersAt, placesOf, radiusOf, addDays, dayIndex } from '../../../media/src/map/mapModel';
import { normalizeMapState, parseFromMapWebview } from '../../../client/src/map/messages';
import { timelineHtml as webviewHtml } from '../../../client/src/timeline/timelineHtml'; // the map uses the same shell (client/src/webviewShell.ts)
import { testKnowledge } from '../../support/knowledge';

const ROOT = path.join(__dirname, '..', '..', '..');

function sampleArticles(dir = path.join(ROOT, 'samples'), pick = (f: string) => f.startsWith('2017-')) {
  return fs
    .readdirSync(dir)
    .filter(pick)
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const lines = new LineIndex(text);
      return { uri: `${path.basename(dir)}/${f}`, text, analysis: analyzeArticle(text, testKnowledge()), rangeOf: (s: { start: number; end: number }) => lines.rangeOf(s) };
    });
}

function samples(dir?: string, pick?: (f: string) => boolean) {
  const articles = sampleArticles(dir, pick);
  const conflicts = findConflicts(articles.map((a) => ({ uri: a.uri, published: a.analysis.publication.date, claims: a.analysis.claims })));
  // As the webview reads the reply: each period's sides looked up in its table.
  const result = mapPlaces(articles, conflicts);
  return { ...result, places: placesOf(result) };
}

test('map: places of the samples with mentions, spellings, sentences, latest claims and control', () => {
  const r = samples();
  assert.equal(r.articles, 2);
  assert.ok(r.range && r.range.from <= '2015-01-01' && r.range.to >= '2017-11-08', JSON.stringify(r.range));
  const raqqa = r.places.find((p) => p.name === 'Raqqa')!;
  assert.ok(raqqa.mentions >= 3);
  const { sentences, next } = placeSentences(sampleArticles(), raqqa.id);
  assert.ok(sentences.length > 0 && next === null);
  assert.ok(sentences.every((s) => s.location.uri.startsWith('samples/') && s.sentence.includes('Raqqa')));
  assert.ok(raqqa.claims.length > 0 && raqqa.claims.length <= 5);
  assert.ok(raqqa.claims.every((c) => !/^predicted:/i.test(c.summary)), 'modality is a field, not a prefix');
  assert.ok(raqqa.control.length >= 2);
  const counts = r.places.map((p) => p.mentions);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most mentioned first');
});

test('map view: the slider colours the places (done-when dates) and labels say so', () => {
  const r = samples();
  const legend = legendOf(r.places);
  const at = (date: string) => Object.fromEntries(markersAt(r.places, date, legend).map((m) => [m.place.name, m]));
  const sep = at('2017-09-02');
  assert.equal(sep['Raqqa'].status, 'contested');
  // Both sides: the SDF in the old city, IS holding out (it lost the city to the SDF in October).
  assert.match(sep['Raqqa'].label, /^Raqqa: contested \(Syrian Democratic Forces in the old city vs Islamic State\) since 2017-09-02 — \d+ mentions$/);
  assert.deepEqual(sep['Raqqa'].period!.parties.map((p) => p.role), ['advancing', 'holding out']);
  assert.equal(sep['Uqayribat'].status, 'held');
  assert.equal(sep['Uqayribat'].colour, legend.find((l) => l.name === 'Syrian Arab Army')!.colour);
  const nov = at('2017-11-15');
  assert.match(nov['Raqqa'].label, /held by Syrian Democratic Forces/);
  assert.match(nov['al-Bukamal'].label, /held by Syrian Arab Army since 2017-11-08/);
  assert.equal(at('2014-01-01')['Raqqa'].status, 'unknown');
  assert.ok(radiusOf(50) > radiusOf(1) && radiusOf(10_000) <= 22);
  assert.equal(addDays('2017-08-30', 3), '2017-09-02');
  assert.equal(dayIndex('2017-08-30', '2017-09-02'), 3);
});

test('map view: the shared articles at the done-when dates, as the markers say it', (t) => {
  const shared = path.join(ROOT, '..', 'shared', 'articles');
  if (!fs.existsSync(shared)) return t.skip('../shared/articles not present (fresh clone): nothing to check');
  const r = samples(shared, (f) => f.endsWith('.txt'));
  const legend = legendOf(r.places);
  const label = (date: string, name: string) => markersAt(r.places, date, legend).find((m) => m.place.name === name)?.label ?? `${name}: no marker`;
  const shown = [
    ['2017-09-02', 'Raqqa', /^Raqqa: contested \(Syrian Democratic Forces in the old city vs Islamic State\)/],
    ['2017-09-02', 'Uqayribat', /^Uqayribat: held by Syrian Arab Army/],
    ['2017-09-02', 'Deir al-Zour', /^Deir al-Zour: contested \(Islamic State vs Syrian Arab Army\)/],
    ['2017-11-15', 'Raqqa', /^Raqqa: held by Syrian Democratic Forces/],
    ['2017-11-15', 'al-Bukamal', /^al-Bukamal: held by Syrian Arab Army/],
    ['2017-11-15', 'Deir al-Zour', /^Deir al-Zour: held by Syrian Arab Army/],
  ] as const;
  for (const [date, name, re] of shown) {
    const l = label(date, name);
    t.diagnostic(`${date} ${l}`);
    assert.match(l, re);
  }
});

test('map messages and shell: checked messages, normalised state, nonce-only CSP', () => {
  assert.equal(parseFromMapWebview({ type: 'export', format: 'exe', data: 'x' }), null);
  assert.deepEqual(parseFromMapWebview({ type: 'export', format: 'svg', data: '<svg/>' }), { type: 'export', format: 'svg', data: '<svg/>' });
  assert.deepEqual(parseFromMapWebview({ type: 'placeDetails', placeId: 'geonames:1', offset: 50 }), { type: 'placeDetails', placeId: 'geonames:1', offset: 50 });
  for (const offset of [-1, 1.5, '50', undefined]) assert.equal(parseFromMapWebview({ type: 'placeDetails', placeId: 'geonames:1', offset }), null, String(offset));
  assert.equal(parseFromMapWebview({ type: 'placeDetails', placeId: 7, offset: 0 }), null);
  assert.deepEqual(normalizeMapState({ date: 'yesterday', selectedId: 3 }), { scope: 'workspace', date: null, selectedId: null });
  const html = webviewHtml({ cspSource: 'vscode-webview://x', nonce: 'n1', scriptUri: 'vscode-webview://x/dist/media/map.js', styleUri: 'vscode-webview://x/dist/media/map.css', title: 'Map' });
  assert.match(html.replace(/&#39;/g, "'"), /script-src 'nonce-n1'; style-src vscode-webview:\/\/x;/);
  assert.deepEqual(html.match(/<script\b[^>]*>/g), ['<script nonce="n1" src="vscode-webview://x/dist/media/map.js">']);
});
