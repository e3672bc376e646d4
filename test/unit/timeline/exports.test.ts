// Every timeline export: Markdown chronology, ACLED-style CSV (parses back), JSON, TimelineJS shape, GeoJSON
// structure; and each escapes hostile article text for its format.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildTimeline, exportTimeline, toCsv, toGeoJson, toTimelineJs, CSV_COLUMNS, ACLED_COLUMNS, csvField } from '../../../server/src/analysis/timeline';
import type { TimelineEvent, TimelineFormat } from '../../../server/src/protocol';
import { expectTextFile } from '../../support/expectText';
import { parseCsv } from '../../support/csvParse';
import { geoJsonProblems } from '../../support/geojsonCheck';
import { novArticle, SAMPLE_CONFLICTS, septArticle } from './sampleClaims';
import { hostileArticle, HOSTILE_SUMMARY } from './hostileClaims';

function sampleEvents(): TimelineEvent[] {
  return buildTimeline([septArticle(), novArticle()], SAMPLE_CONFLICTS);
}

/** Golden file per format on the samples: the diff shows any change a user would see. */
function check(format: TimelineFormat, file: string): string {
  const out = exportTimeline(format, sampleEvents(), { relativeTo: [] });
  expectTextFile(out, 'timeline', file);
  return out;
}

test('export md: a chronology by year with numbered citations to article and line', () => {
  const md = check('md', 'samples.expected.md');
  assert.match(md, /^# Timeline\n/);
  assert.match(md, /## 2015\n\n- \*\*since 2015\*\* — Islamic State besieged/);
  assert.match(md, /- \*\*1 Sep 2017\*\* — Syrian Arab Army captured Uqayribat \(Hama, Syria\)\. Source: Xinhua\. \[\d+\]/);
  assert.match(md, /⚠ Disputed \(extent\): Syrian Observatory for Human Rights: Syrian Democratic Forces hold 90 percent/);
  assert.match(md, /\*Predicted:\* Syrian Democratic Forces will take Raqqa/);
  assert.match(md, /## Sources\n\n1\. Xinhua, “Syrian army pushes IS out of Hama stronghold as Raqqa battle nears its end”, 2 Sep 2017 — samples\/2017\\?-09\\?-02\\?-army/);
  assert.match(md, /line \d+: “/);
});

test('export csv: ACLED columns first, RFC 4180, parses back to the same values', () => {
  const csv = check('csv', 'samples.expected.csv');
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0].slice(0, ACLED_COLUMNS.length), [...ACLED_COLUMNS]);
  assert.deepEqual(rows[0], CSV_COLUMNS);
  const events = sampleEvents();
  assert.equal(rows.length, events.length + 1);
  assert.ok(rows.every((r) => r.length === CSV_COLUMNS.length));
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
  const uqayribat = rows.find((r) => r[col('location')] === 'Uqayribat' && r[col('event_date')] === '2017-09-01')!;
  assert.deepEqual(
    [uqayribat[col('time_precision')], uqayribat[col('event_type')], uqayribat[col('sub_event_type')], uqayribat[col('actor1')], uqayribat[col('actor2')], uqayribat[col('admin1')], uqayribat[col('country')], uqayribat[col('fatalities')]],
    ['1', 'Battles', 'Government regains territory', 'Syrian Arab Army', 'Islamic State', 'Hama', 'Syria', '0'],
  );
  const since = rows.find((r) => r[col('date_label')] === 'since 2015')!;
  assert.equal(since[col('time_precision')], '3');
  // Sentences with quotes and commas come back exactly.
  for (const [i, e] of events.entries()) assert.ok(rows[i + 1][col('notes')].includes(`"${e.sentence}"`), `notes of ${e.id}`);
  assert.ok(csv.endsWith('\r\n') && !/[^\r]\n/.test(csv), 'records end with CRLF');
});

test('export csv: quoting and formula guard field by field', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('-12.5', true), '-12.5');
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
});

test('export json: the events under a versioned envelope', () => {
  const json = JSON.parse(exportTimeline('json', sampleEvents(), { articles: 2 }));
  assert.equal(json.format, 'dateline-timeline');
  assert.equal(json.version, 1);
  assert.equal(json.articles, 2);
  assert.deepEqual(json.events, JSON.parse(JSON.stringify(sampleEvents())));
});

test("export timelinejs: TimelineJS's shape, dates at true precision, groups by faction or place", () => {
  check('timelinejs', 'samples.expected.timelinejs.json');
  const doc = toTimelineJs(sampleEvents());
  assert.equal(typeof doc.title.text.headline, 'string');
  assert.ok(Array.isArray(doc.events) && doc.events.length > 0);
  for (const e of doc.events) {
    assert.equal(typeof e.start_date.year, 'number');
    for (const d of [e.start_date, e.end_date].filter(Boolean)) {
      if (d!.month !== undefined) assert.ok(d!.month >= 1 && d!.month <= 12);
      if (d!.day !== undefined) assert.ok(d!.month !== undefined && d!.day >= 1 && d!.day <= 31);
    }
    assert.equal(typeof e.text.headline, 'string');
    assert.equal(typeof e.text.text, 'string');
    assert.equal(typeof e.group, 'string');
  }
  assert.equal(new Set(doc.events.map((e) => e.unique_id)).size, doc.events.length);
  const since = doc.events.find((e) => e.display_date === 'since 2015')!;
  assert.deepEqual(since.start_date, { year: 2015, display_date: 'since 2015' });
  const october = doc.events.find((e) => e.display_date === 'Oct 2017')!;
  assert.deepEqual(october.start_date, { year: 2017, month: 10, display_date: 'Oct 2017' });
  assert.equal(october.end_date, undefined);
  const lateAug = doc.events.find((e) => e.display_date === 'late Aug 2017')!;
  assert.deepEqual([lateAug.start_date.day, lateAug.end_date?.day], [21, 31]);
  assert.ok(toTimelineJs(sampleEvents(), { groupBy: 'place' }).events.some((e) => e.group === 'Uqayribat'));
});

test('export geojson: a valid FeatureCollection of Points, [lon, lat], one per place, with a hook for more', () => {
  check('geojson', 'samples.expected.geojson');
  const doc = toGeoJson(sampleEvents(), { placeProperties: (id) => (id === 'raqqa' ? { control: [{ from: '2017-10-01', faction: 'sdf' }] } : {}) });
  assert.deepEqual(geoJsonProblems(doc), []);
  const raqqa = doc.features.find((f) => f.id === 'raqqa')!;
  assert.deepEqual(raqqa.geometry.coordinates, [39.0079, 35.9528]);
  assert.deepEqual(raqqa.properties.control, [{ from: '2017-10-01', faction: 'sdf' }]);
  assert.equal(new Set(doc.features.map((f) => f.id)).size, doc.features.length);
  // A failing hook costs its properties, not the export; places without coordinates are left out.
  const safe = toGeoJson(sampleEvents(), { placeProperties: () => { throw new Error('boom'); } });
  assert.equal(safe.features.length, doc.features.length);
  assert.deepEqual(geoJsonProblems({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [200, 0] } }] }), ['features[0] longitude 200 out of range']);
});

test('exports: hostile article text stays inert in every format', () => {
  const events = buildTimeline([hostileArticle()]);
  assert.equal(events.length, 2);
  assert.ok(events.some((e) => e.summary === HOSTILE_SUMMARY), 'the hostile text reached the events unchanged');

  const md = exportTimeline('md', events);
  assert.doesNotMatch(md, /(?<!\\)<\/?(script|img|b|i|textarea)/i, 'no unescaped HTML tag in Markdown');
  assert.doesNotMatch(md, /(?<!\\)\[x\]\(javascript:/, 'no Markdown link formed from article text');
  assert.doesNotMatch(md, /(?<!\\)https?:\/\//, 'no bare URL autolink');
  assert.match(md, /\\<img src=x onerror=alert\(1\)\\>/);

  const tjs = toTimelineJs(events);
  const html = tjs.events.map((e) => `${e.text.headline} ${e.text.text} ${e.group} ${e.start_date.display_date}`).join(' ');
  assert.doesNotMatch(html, /<(script|img|b|i|\/textarea)/i, 'no raw HTML tag in TimelineJS text');
  assert.match(html, /&lt;script&gt;/);

  const rows = parseCsv(toCsv(events));
  const cells = rows.slice(1).flat();
  assert.ok(cells.every((c) => !/^[=+\-@]/.test(c) || /^-?\d/.test(c)), 'no cell starts a spreadsheet formula');
  assert.ok(cells.some((c) => c === `'=HYPERLINK("http://evil.example","click")`) || cells.some((c) => c.includes('=HYPERLINK')));

  const json = JSON.parse(exportTimeline('json', events));
  assert.equal(json.events[0].summary === HOSTILE_SUMMARY || json.events[1].summary === HOSTILE_SUMMARY, true, 'JSON keeps the text as data');
  assert.deepEqual(geoJsonProblems(toGeoJson(events)), []);
});
