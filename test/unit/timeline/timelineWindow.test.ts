// What the panel gets of a built timeline: the events of a window of days, briefly, or their counts per lane and
// bucket past the limit; the filters and their counts; the range the axis spans. From the sample events, and from
// a timeline of thousands made by repeating them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { briefOf, buildTimeline, filteredEvents, indexTimeline, timelineWindow } from '../../../server/src/analysis/timeline';
import type { TimelineEvent, TimelineWindowParams } from '../../../server/src/protocol';
import { novArticle, SAMPLE_CONFLICTS, septArticle } from './sampleClaims';

const events = buildTimeline([septArticle(), novArticle()], SAMPLE_CONFLICTS);
const index = indexTimeline(events);
const win = (params: Partial<TimelineWindowParams>) => timelineWindow(index, params, 2);

/** Each sample event again on each of `days` consecutive days from 1 Jan 2017, with its own id. */
function repeated(days: number): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.UTC(2017, 0, 1 + d)).toISOString().slice(0, 10);
    for (const e of events) if (e.sortDate) out.push({ ...e, id: `${e.id}@${day}`, sortDate: day, endDate: day });
  }
  return out;
}

test('window: every day gives every event, briefly, in timeline order, with the range and filter counts', () => {
  const w = win({});
  const dated = events.filter((e) => e.sortDate);
  assert.deepEqual(w.events.map((e) => e.id), dated.map((e) => e.id));
  assert.deepEqual(w.undated.map((e) => e.id), events.filter((e) => !e.sortDate).map((e) => e.id));
  assert.equal(w.total, events.length);
  assert.equal(w.shown, events.length);
  assert.equal(w.inWindow, dated.length);
  assert.equal(w.lanes, null);
  assert.deepEqual(w.range, { from: '2015-01-01', to: '2017-11-10' });
  assert.equal(w.articles, 2);
  const capture = w.events.find((e) => e.summary === 'Syrian Arab Army captured Uqayribat')!;
  assert.deepEqual(capture, briefOf(events.find((e) => e.id === capture.id)!));
  assert.deepEqual(Object.keys(capture).sort(), ['action', 'actor', 'actorId', 'conflicts', 'dateLabel', 'dateSource', 'endDate', 'headline', 'id', 'kind', 'location', 'modality', 'place', 'placeId', 'precision', 'sortDate', 'sources', 'summary'].sort());
  assert.ok(w.filters.factions.some((f) => f.value === 'Syrian Arab Army' && f.count === events.filter((e) => e.actor === 'Syrian Arab Army').length && !f.hidden));
});

test('window: a window of days keeps the events overlapping it, the open-ended ones included', () => {
  const w = win({ from: '2017-09-01', to: '2017-09-01' });
  assert.ok(w.events.length > 0);
  for (const e of w.events) assert.ok(e.sortDate! <= '2017-09-01' && (e.endDate === null || e.endDate >= '2017-09-01'), e.id);
  assert.ok(w.events.some((e) => e.dateLabel === 'since 2015'), 'the siege since 2015 is still on');
  assert.ok(!w.events.some((e) => e.sortDate === '2017-11-08'));
  assert.equal(w.range?.from, '2015-01-01', 'the axis spans every day, whatever the window');
});

test('window: the filters hide what the panel hides, and the counts still cover every event', () => {
  const w = win({ filter: { factions: ['Syrian Arab Army'], kinds: ['predicted'] } });
  assert.ok(w.events.every((e) => e.actor !== 'Syrian Arab Army' && e.modality !== 'predicted'));
  assert.equal(w.shown, events.filter((e) => e.actor !== 'Syrian Arab Army' && e.modality !== 'predicted').length);
  assert.ok(w.filters.factions.find((f) => f.value === 'Syrian Arab Army')!.hidden);
  const disputed = win({ filter: { conflictsOnly: true } });
  assert.ok(disputed.shown === 4 && disputed.events.every((e) => e.conflicts.length > 0));
  assert.deepEqual(filteredEvents(index, { conflictsOnly: true }).map((e) => e.id), [...disputed.events, ...disputed.undated].map((e) => e.id).sort((a, b) => events.findIndex((e) => e.id === a) - events.findIndex((e) => e.id === b)));
  assert.equal(win({ filter: 'bogus' as never }).shown, events.length, 'a malformed filter hides nothing');
});

test('window: past the limit, counts per lane and bucket of days instead of events', () => {
  const many = indexTimeline(repeated(60));
  const all = timelineWindow(many, { limit: 100, bucketDays: 7 }, 2);
  assert.deepEqual(all.events, []);
  assert.equal(all.inWindow, many.events.length);
  const counted = all.lanes!.flatMap((l) => l.buckets.map((b) => b[1])).reduce((a, b) => a + b, 0);
  assert.equal(counted, all.inWindow, 'every event counted once');
  for (const lane of all.lanes!) assert.ok(lane.buckets.every(([day], i) => i === 0 || day > lane.buckets[i - 1][0]), `${lane.label}: buckets in date order`);
  assert.deepEqual(all.lanes!.map((l) => l.label), [...new Set(many.events.map((e) => e.actor ?? 'No actor named'))], 'lanes in order of their first event');
  const week = timelineWindow(many, { limit: 100, from: '2017-01-10', to: '2017-01-12' }, 2);
  assert.ok(week.events.length > 0 && week.events.length <= 100 && week.lanes === null);
  assert.ok(week.events.every((e) => e.sortDate! >= '2017-01-10' && e.sortDate! <= '2017-01-12'));
});

test('window: odd params never throw', () => {
  for (const params of [{ from: 'yesterday', to: null }, { limit: -1 }, { limit: Number.NaN, bucketDays: 0 }, { from: '2017-13-45' }, { laneBy: 'x' as never }]) {
    const w = win(params);
    assert.equal(w.total, events.length, JSON.stringify(params));
  }
  assert.equal(timelineWindow(indexTimeline([null as never, { ...events[0], sortDate: 'soon' }]), {}, 1).undatedCount, 1);
});
