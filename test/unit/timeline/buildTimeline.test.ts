// Timeline events from hand-built claims on our samples: order, dates at true precision, merging, conflicts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildTimeline, buildTimelineEvents } from '../../../server/src/analysis/timeline';
import type { TimelineEvent } from '../../../server/src/protocol';
import { expectJsonFile } from '../../support/expectFile';
import { assertInOrder, DONE_WHEN } from './doneWhenOrder';
import { novArticle, NOV, SAMPLE_CONFLICTS, sampleText, SEPT, septArticle } from './sampleClaims';

/** What a reader checks on each event: date as shown, precision, what happened, who says so, conflicts. */
function view(e: TimelineEvent) {
  return {
    date: `${e.dateLabel} [${e.precision}, ${e.sortDate ?? '?'}..${e.endDate ?? '…'}, ${e.dateSource}]`,
    what: `${e.modality === 'predicted' ? 'PREDICTED ' : ''}${e.summary}`,
    where: [e.place, e.admin1, e.countryName].filter(Boolean).join(', '),
    sources: e.reports.map((r) => `${r.source} (${r.article.uri.slice(8, 18)}, line ${r.location.range.start.line + 1})`),
    conflicts: e.versions.map((v) => `${v.kind}: ${v.source}: ${v.summary}`),
  };
}

function check(name: string, events: TimelineEvent[]): void {
  expectJsonFile(events.map(view), 'timeline', `${name}.expected.json`);
}

test('timeline: both samples give the done-when chronology in order', () => {
  const events = buildTimeline([novArticle(), septArticle()], SAMPLE_CONFLICTS);
  assertInOrder(events, DONE_WHEN);
  check('samples', events);
});

test('timeline: the same event in two reports is one event citing both', () => {
  const events = buildTimeline([novArticle()]);
  const bukamal = events.filter((e) => e.placeId === 'al-bukamal' && e.action === 'took-control');
  assert.equal(bukamal.length, 1);
  assert.equal(bukamal[0].reports.length, 2);
  assert.notEqual(bukamal[0].reports[0].location.range.start.line, bukamal[0].reports[1].location.range.start.line);
});

test('timeline: an undated restatement shortly after a dated event is a report of it, not a new event', () => {
  const nov = novArticle();
  const fall = nov.analysis.claims.find((c) => nov.text.slice(c.start, c.end).includes('fall of al-Bukamal'))!;
  fall.time = null;
  const events = buildTimeline([nov]);
  const bukamal = events.filter((e) => e.placeId === 'al-bukamal' && e.action === 'took-control');
  assert.equal(bukamal.length, 1);
  assert.equal(bukamal[0].dateLabel, '8 Nov 2017');
  assert.equal(bukamal[0].reports.length, 2);
  // A state ("controls") restated later is news of its own and stays.
  assert.ok(events.some((e) => e.placeId === 'al-bukamal' && e.action === 'controls'));
});

test('timeline: conflicting versions are both visible on each event, across articles too', () => {
  const events = buildTimeline([septArticle(), novArticle()], SAMPLE_CONFLICTS);
  const sdf = events.find((e) => e.id === `${SEPT}#sdf-old-city`)!;
  const sohr = events.find((e) => e.id === `${SEPT}#sohr-old-city`)!;
  assert.deepEqual(sdf.conflicts, ['extent-raqqa-old-city']);
  assert.equal(sdf.versions[0].eventId, sohr.id);
  assert.match(sdf.versions[0].summary, /90 percent/);
  assert.equal(sohr.versions[0].eventId, sdf.id);
  const prediction = events.find((e) => e.id === `${SEPT}#mistura-raqqa`)!;
  assert.equal(prediction.modality, 'predicted');
  assert.equal(prediction.versions[0].eventId, `${NOV}#raqqa-falls`);
});

test('timeline: versions made when an event is read in full are those of the whole build', () => {
  const whole = buildTimeline([septArticle(), novArticle()], SAMPLE_CONFLICTS);
  const lazy = buildTimelineEvents([septArticle(), novArticle()], SAMPLE_CONFLICTS);
  assert.deepEqual(lazy.events.map((e) => e.conflicts), whole.map((e) => e.conflicts), 'conflicts marked at once');
  assert.ok(lazy.events.every((e) => e.versions.length === 0), 'versions not made yet');
  for (const e of [...lazy.events].reverse()) lazy.fillVersions(e);
  lazy.fillVersions(lazy.events[0]);
  assert.deepEqual(lazy.events, whole, 'the same events, whatever order they are read in, read twice or not');
});

test('timeline: a conflict whose other claim is out of scope still names it', () => {
  const events = buildTimeline([septArticle()], [
    { id: 'p', kind: 'prediction', message: 'fulfilled', claims: [{ uri: SEPT, claimId: 'mistura-raqqa' }, { uri: NOV, claimId: 'raqqa-falls', summary: 'SDF took Raqqa', source: 'Xinhua', dateLabel: 'Oct 2017' }] },
  ]);
  const prediction = events.find((e) => e.id === `${SEPT}#mistura-raqqa`)!;
  assert.deepEqual(prediction.conflicts, ['p']);
  assert.deepEqual(
    { eventId: prediction.versions[0].eventId, summary: prediction.versions[0].summary, source: prediction.versions[0].source, uri: prediction.versions[0].article?.uri },
    { eventId: null, summary: 'SDF took Raqqa', source: 'Xinhua', uri: NOV },
  );
});

test('timeline: event ids and order do not move when unrelated text is edited', () => {
  const before = buildTimeline([septArticle()]);
  const edited = buildTimeline([septArticle(sampleText(SEPT).replace('Video PlayerClose', 'Video PlayerClose\n\nA paragraph added at the top.'))]);
  assert.deepEqual(edited.map((e) => e.id), before.map((e) => e.id));
  assert.notDeepEqual(edited.map((e) => e.location.range.start.line), before.map((e) => e.location.range.start.line));
});

test('timeline: skipped articles and malformed analyses are left out, never thrown', () => {
  const good = septArticle();
  const skipped = { ...novArticle(), analysis: { ...novArticle().analysis, skipped: 'binary file' } };
  const broken = { ...novArticle(), uri: 'broken', analysis: { ...novArticle().analysis, claims: [null as never] } };
  const events = buildTimeline([skipped, broken, good]);
  assert.equal(events.length, good.analysis.claims.length);
  assert.ok(events.every((e) => e.article.uri === SEPT));
});

test('timeline: undated claims fall back to the publication date with the right word', () => {
  const events = buildTimeline([septArticle()]);
  const sukhnah = events.find((e) => e.placeId === 'sukhnah')!;
  assert.equal(sukhnah.dateLabel, 'by 2 Sep 2017');
  assert.equal(sukhnah.dateSource, 'publication');
  const oldCity = events.find((e) => e.id.endsWith('#sdf-old-city'))!;
  assert.equal(oldCity.dateLabel, 'as of 2 Sep 2017');
});
