// Dates of events: intervals of TIMEX3 values, precision from the interval's width, labels and fallbacks.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { eventTime, intervalLabel, naturalInterval, precisionOf } from '../../../server/src/analysis/timeline';

test('eventTime: TIMEX3 values name the right calendar interval', () => {
  const table: [string, { from: string; to: string } | null][] = [
    ['2017-09-01', { from: '2017-09-01', to: '2017-09-01' }],
    ['2017-02', { from: '2017-02-01', to: '2017-02-28' }],
    ['2016-02', { from: '2016-02-01', to: '2016-02-29' }],
    ['2015', { from: '2015-01-01', to: '2015-12-31' }],
    ['2017-W35', { from: '2017-08-28', to: '2017-09-03' }],
    ['2017-Q3', { from: '2017-07-01', to: '2017-09-30' }],
    ['2017-WI', { from: '2017-12-01', to: '2018-02-28' }],
    ['201', { from: '2010-01-01', to: '2019-12-31' }],
    ['2017-13', null],
    ['2017-02-30', null],
    ['PRESENT_REF', null],
    ['P3M', null],
    ['', null],
  ];
  for (const [value, expected] of table) assert.deepEqual(naturalInterval(value), expected, value);
});

test('eventTime: precision follows the width of the interval', () => {
  const table: [string | null, string | null, string][] = [
    ['2017-09-01', '2017-09-01', 'day'],
    ['2017-08-28', '2017-09-03', 'week'],
    ['2017-08-21', '2017-08-31', 'month'],
    ['2017-08-01', '2017-08-31', 'month'],
    ['2017-07-01', '2017-09-30', 'season'],
    ['2015-01-01', '2015-12-31', 'year'],
    ['2010-01-01', '2019-12-31', 'decade'],
    ['2015-01-01', '2017-09-02', 'range'],
    ['2015-01-01', null, 'range'],
    [null, null, 'unknown'],
    ['2017-09-02', '2017-09-01', 'unknown'],
  ];
  for (const [from, to, expected] of table) assert.equal(precisionOf(from, to), expected, `${from}..${to}`);
});

test('eventTime: labels for intervals the tagger did not label', () => {
  assert.equal(intervalLabel('2017-09-01', '2017-09-01'), '1 Sep 2017');
  assert.equal(intervalLabel('2017-08-01', '2017-08-31'), 'Aug 2017');
  assert.equal(intervalLabel('2015-01-01', '2015-12-31'), '2015');
  assert.equal(intervalLabel('2017-08-01', '2017-10-31'), 'Aug–Oct 2017');
  assert.equal(intervalLabel('2017-09-01', '2017-09-05'), '1–5 Sep 2017');
  assert.equal(intervalLabel('2015-01-01', null), 'since 1 Jan 2015');
  assert.equal(intervalLabel(null, null), 'undated');
});

test("eventTime: the claim's time wins; the publication date dates the rest, with the right word", () => {
  const base = { published: '2017-09-02', action: 'took-control' as const, modality: 'asserted' as const };
  assert.deepEqual(eventTime({ ...base, time: { value: '2015', label: 'since 2015', from: '2015-01-01', to: null } }), {
    sortDate: '2015-01-01', endDate: null, value: '2015', dateLabel: 'since 2015', precision: 'range', dateSource: 'claim',
  });
  assert.deepEqual(eventTime({ ...base, time: { value: '2017-08', label: 'Aug 2017', from: null, to: null } }), {
    sortDate: '2017-08-01', endDate: '2017-08-31', value: '2017-08', dateLabel: 'Aug 2017', precision: 'month', dateSource: 'claim',
  });
  assert.equal(eventTime({ ...base, time: null }).dateLabel, 'by 2 Sep 2017');
  assert.equal(eventTime({ ...base, action: 'controls', time: null }).dateLabel, 'as of 2 Sep 2017');
  assert.equal(eventTime({ ...base, modality: 'predicted', time: null }).dateLabel, 'after 2 Sep 2017');
  assert.equal(eventTime({ ...base, time: { value: 'PRESENT_REF', label: 'now', from: null, to: null, basis: 'publication' } }).dateLabel, 'as of 2 Sep 2017');
  assert.equal(eventTime({ ...base, time: { value: 'PAST_REF', label: 'recently', from: null, to: '2017-09-02', basis: 'before-publication' } }).dateLabel, 'by 2 Sep 2017');
  const undated = eventTime({ ...base, published: null, time: null });
  assert.deepEqual([undated.sortDate, undated.precision, undated.dateLabel], [null, 'unknown', 'undated']);
  // Garbage in, an undated event out: never a throw.
  assert.equal(eventTime({ ...base, published: 'not a date', time: { value: '\u0000', label: '', from: 'x', to: '9999-99-99' } }).sortDate, null);
});
