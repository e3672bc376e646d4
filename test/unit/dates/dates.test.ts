// The date tagger: fixture text in, expected JSON out (one check per fixture kind).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateMention } from '../../../server/src/analysis';
import { detectStructure } from '../../../server/src/analysis/structure/detectStructure';
import { findPublication } from '../../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../../server/src/analysis/structure/splitSentences';
import { tagDates } from '../../../server/src/analysis/dates/tagDates';
import { tagDatesInPlainText } from '../../../server/src/analysis/dates/plainText';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';

/** What a reader checks: the words, the value at its precision, the label and why. */
function summary(m: DateMention, withWhy: boolean): object {
  return {
    text: m.text,
    type: m.type,
    value: m.value,
    ...(m.mod ? { mod: m.mod } : {}),
    label: m.label,
    relative: m.relative,
    ...(m.interval ? { interval: `${m.interval.from}..${m.interval.to}` } : {}),
    ...(m.range ? { range: `${m.range.from ?? ''}..${m.range.to ?? ''}` } : {}),
    ...(m.parts ? { parts: m.parts.map((p) => `${p.type} ${p.value}`) } : {}),
    ...(withWhy ? { why: m.explanation } : {}),
  };
}

/** A whole article: structure and publication date found as the editor would, then dates tagged. */
function checkArticle(name: string): void {
  const text = fs.readFileSync(path.join(FIXTURES, 'dates', name), 'utf8');
  const structure = detectStructure(text);
  const publication = findPublication(text, structure);
  const dates = tagDates(text, splitSentences(text, structure), publication);
  for (const d of dates) assert.equal(text.slice(d.start, d.end), d.text);
  expectJsonFile({ published: publication.date, dates: dates.map((d) => summary(d, true)) }, 'dates', name.replace(/\.txt$/, '.expected.json'));
}

/** One sentence per line, anchored on the date in the file name (or none): line -> its dates. */
function checkLines(name: string): void {
  const text = fs.readFileSync(path.join(FIXTURES, 'dates', name), 'utf8');
  const published = /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1] ?? null;
  const dates = tagDatesInPlainText(text, published);
  const lines: Record<string, object[]> = {};
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line) lines[line] = dates.filter((d) => d.start >= offset && d.end <= offset + line.length).map((d) => summary(d, name.startsWith('no-anchor')));
    offset += line.length + 1;
  }
  expectJsonFile(lines, 'dates', name.replace(/\.txt$/, '.expected.json'));
}

for (const name of fs.readdirSync(path.join(FIXTURES, 'dates')).filter((f) => f.endsWith('.txt'))) {
  test(`dates: ${name}`, () => (name.startsWith('xinhua') ? checkArticle(name) : checkLines(name)));
}

test('dates: the hard targets of the 2 Sep 2017 article', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'dates', 'xinhua-2017-09-02.txt'), 'utf8');
  const s = detectStructure(text);
  const dates = tagDates(text, splitSentences(text, s), findPublication(text, s));
  const find = (t: string) => dates.find((d) => d.text === t);
  assert.equal(find('Friday')?.value, '2017-09-01');
  assert.equal(find('Friday')?.label, '1 Sep 2017');
  assert.equal(find('Aug. 18')?.value, '2017-08-18');
  assert.deepEqual([find('late last month')?.value, find('late last month')?.mod, find('late last month')?.label], ['2017-08', 'END', 'late Aug 2017']);
  assert.deepEqual([find('since 2015')?.value, find('since 2015')?.label], ['2015', 'since 2015']);
  assert.deepEqual([find('the end of October')?.value, find('the end of October')?.mod], ['2017-10', 'END']);
  assert.deepEqual([find('months-long')?.type, find('months-long')?.value], ['DURATION', 'PXM']);
  assert.equal(find('this week')?.value, '2017-W35');
});

test('dates: an explicit year always wins over the anchor', () => {
  const [d] = tagDatesInPlainText('The siege began on Aug. 18, 2012.', '2017-09-02');
  assert.equal(d.value, '2012-08-18');
  assert.equal(d.relative, false);
});

test('dates: a weekday looks back in a past sentence and ahead in a future one', () => {
  const past = tagDatesInPlainText('The envoy met rebel leaders on Monday.', '2017-09-02');
  const future = tagDatesInPlainText('The envoy will meet rebel leaders on Monday.', '2017-09-02');
  assert.equal(past[0].value, '2017-08-28');
  assert.equal(future[0].value, '2017-09-04');
});
