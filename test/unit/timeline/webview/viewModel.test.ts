// The webview's view model and keyboard moves, from the sample events (as the server's window sends them): lanes,
// predicted band, filters, zoom, labels.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildTimeline, indexTimeline, timelineWindow } from '../../../../server/src/analysis/timeline';
import type { TimelineEvent } from '../../../../server/src/protocol';
import { DEFAULT_VIEW_STATE, filterOf, TimelineViewState } from '../../../../client/src/timeline/messages';
import { buildViewModel, NO_ACTOR } from '../../../../media/src/timeline/viewModel';
import { nextBox } from '../../../../media/src/timeline/keyboard';
import { ticks, ZOOM_PRESETS, zoomLevelOf } from '../../../../media/src/timeline/timeScale';
import { expectJsonFile } from '../../../support/expectFile';
import { novArticle, SAMPLE_CONFLICTS, septArticle } from '../sampleClaims';

const events = buildTimeline([septArticle(), novArticle()], SAMPLE_CONFLICTS);
const state = (change: Partial<TimelineViewState> = {}): TimelineViewState => ({ ...DEFAULT_VIEW_STATE, ...change });
/** The view of every day, as the webview shows what the server sends for a view state. */
const view = (list: TimelineEvent[], s: TimelineViewState) => buildViewModel(timelineWindow(indexTimeline(list), { filter: filterOf(s), laneBy: s.laneBy }, 2), s);

/** What a reader sees: lanes top to bottom, each box's row, band and label. */
function check(name: string, s: TimelineViewState): void {
  const vm = view(events, s);
  expectJsonFile(
    {
      lanes: vm.lanes.map((l) => ({ lane: l.label, boxes: l.boxes.map((b) => `row ${b.row}${b.predicted ? ' predicted' : ''}${b.conflict ? ' ⚠' : ''}${b.open ? ' open' : ''}: ${b.label}`) })),
      shown: `${vm.shown}/${vm.total}`,
    },
    'timeline',
    'webview',
    `${name}.expected.json`,
  );
}

test('webview model: lanes by faction, predicted events in their own band below the reported ones', () => {
  check('lanes-by-faction', state());
  const vm = view(events, state());
  const sdf = vm.lanes.find((l) => l.label === 'Syrian Democratic Forces')!;
  const reportedRows = sdf.boxes.filter((b) => !b.predicted).map((b) => b.row);
  const predictedRows = sdf.boxes.filter((b) => b.predicted).map((b) => b.row);
  assert.ok(predictedRows.length > 0 && Math.min(...predictedRows) > Math.max(...reportedRows));
});

test('webview model: lanes by place', () => {
  check('lanes-by-place', state({ laneBy: 'place' }));
  const vm = view(events, state({ laneBy: 'place' }));
  assert.ok(vm.lanes.some((l) => l.label === 'Uqayribat' && l.boxes.length === 2));
});

test('webview model: boxes never overlap in a row, at every zoom', () => {
  for (const px of [ZOOM_PRESETS.days, ZOOM_PRESETS.months, ZOOM_PRESETS.years, 0.02]) {
    const vm = view(events, state({ pxPerDay: px }));
    for (const lane of vm.lanes) {
      const rows = new Map<number, { x: number; end: number }[]>();
      for (const b of lane.boxes) {
        const row = rows.get(b.row) ?? [];
        assert.ok(row.every((o) => b.x >= o.end || b.x + b.width <= o.x), `overlap in ${lane.label} at ${px}px/day`);
        row.push({ x: b.x, end: b.x + b.width });
        rows.set(b.row, row);
      }
    }
    assert.ok(vm.width <= 400_000 + 200);
  }
});

test('webview model: filters by faction, place, kind, source and disputes', () => {
  const all = view(events, state());
  const noArmy = view(events, state({ hidden: { ...DEFAULT_VIEW_STATE.hidden, factions: ['Syrian Arab Army'] } }));
  assert.equal(noArmy.shown, all.shown - events.filter((e) => e.actor === 'Syrian Arab Army').length);
  assert.ok(noArmy.filters.factions.find((f) => f.value === 'Syrian Arab Army')!.hidden);
  const noPredicted = view(events, state({ hidden: { ...DEFAULT_VIEW_STATE.hidden, kinds: ['predicted'] } }));
  assert.ok(noPredicted.order.every((b) => !b.predicted));
  const raqqaOnly = view(events, state({ hidden: { ...DEFAULT_VIEW_STATE.hidden, places: all.filters.places.map((p) => p.value).filter((p) => p !== 'Raqqa') } }));
  assert.ok(raqqaOnly.order.length > 0 && raqqaOnly.order.every((b) => b.event.place === 'Raqqa'));
  const noSohr = view(events, state({ hidden: { ...DEFAULT_VIEW_STATE.hidden, sources: ['Syrian Observatory for Human Rights'] } }));
  assert.equal(noSohr.shown, all.shown - 1);
  const disputed = view(events, state({ conflictsOnly: true }));
  assert.ok(disputed.shown === 4 && disputed.order.every((b) => b.conflict));
});

test('webview model: each event says its date at true precision, what, where, who says so and any dispute', () => {
  const vm = view(events, state());
  const labels = vm.order.map((b) => b.ariaLabel);
  assert.ok(labels.includes('1 Sep 2017: Syrian Arab Army captured Uqayribat. According to Xinhua. Article: “Syrian army pushes IS out of Hama stronghold as Raqqa battle nears its end”.'));
  assert.ok(labels.some((l) => l.startsWith('late Aug 2017: ')));
  assert.ok(labels.some((l) => l.startsWith('since 2015: ')));
  const oldCity = vm.order.find((b) => b.id.endsWith('#sdf-old-city'))!;
  assert.match(oldCity.ariaLabel, /Disputed: select it to read the other versions/);
  assert.ok(vm.order.find((b) => b.event.sortDate === '2015-01-01')!.open, 'since 2015 is drawn open-ended');
});

test('webview model: the keyboard walks events in date order and between lanes', () => {
  const vm = view(events, state());
  const first = vm.order[0];
  assert.equal(nextBox(vm, first, 'ArrowLeft'), null);
  assert.equal(nextBox(vm, first, 'ArrowRight'), vm.order[1]);
  assert.equal(nextBox(vm, first, 'End'), vm.order[vm.order.length - 1]);
  assert.equal(nextBox(vm, vm.order[3], 'Home'), first);
  const firstLane = vm.lanes[0];
  const below = nextBox(vm, firstLane.boxes[0], 'ArrowDown')!;
  assert.ok(vm.lanes[1].boxes.includes(below));
  assert.equal(nextBox(vm, firstLane.boxes[0], 'ArrowUp'), null);
  assert.equal(nextBox(vm, first, 'x'), null);
});

test('webview model: zoom levels and their ticks (days → months → years)', () => {
  assert.equal(zoomLevelOf(ZOOM_PRESETS.days), 'days');
  assert.equal(zoomLevelOf(ZOOM_PRESETS.months), 'months');
  assert.equal(zoomLevelOf(ZOOM_PRESETS.years), 'years');
  const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
  assert.deepEqual(ticks(day('2017-08-30'), day('2017-09-02'), 96).map((t) => t.label), ['30 Aug 2017', '31 Aug', '1 Sep 2017', '2 Sep']);
  // Crowded labels give way, and a month's first day wins over an ordinary day.
  assert.deepEqual(ticks(day('2017-08-30'), day('2017-09-02'), 48).map((t) => t.label), ['30 Aug 2017', '1 Sep 2017']);
  const dense = ticks(day('2017-01-01'), day('2017-12-31'), 24);
  assert.ok(dense.every((t, i) => i === 0 || t.x - dense[i - 1].x >= 70));
  assert.deepEqual(ticks(day('2017-08-15'), day('2017-11-15'), 3).map((t) => t.label), ['Sep 2017', 'Oct 2017', 'Nov 2017']);
  assert.deepEqual(ticks(day('2014-06-01'), day('2017-11-15'), 0.35).map((t) => t.label), ['2015', '2016', '2017']);
});

test('webview model: odd input never throws (no events, undated only, missing fields)', () => {
  assert.equal(buildViewModel(null, state()).lanes.length, 0);
  assert.equal(view([], state()).lanes.length, 0);
  const undated = { ...events[0], id: 'u', sortDate: null, endDate: null };
  const vm = view([undated, null as never, { ...events[1], actor: null, actorId: null }], state());
  assert.deepEqual(vm.undated.map((e) => e.id), ['u']);
  assert.equal(vm.lanes[0].label, NO_ACTOR);
});
