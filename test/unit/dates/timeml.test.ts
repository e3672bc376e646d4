// TimeML out: tags inserted, nothing else changed; TimeML in: DCT and TEXT read as TempEval-3 writes them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timemlFor } from '../../../server/src/cli/commands/timeml';
import { parseTimeML } from '../../../server/src/analysis/dates/timeml';
import { FIXTURES } from '../../support/expectFile';
import { runCli } from '../../../server/src/cli/main';

const DIR = path.join(FIXTURES, 'dates', 'timeml');

/** Fixture in, expected annotated document out (UPDATE_EXPECT=1 rewrites it). */
function check(name: string, published: string | null = null): string {
  const source = fs.readFileSync(path.join(DIR, name), 'utf8');
  const actual = timemlFor(source, published);
  const expectedFile = path.join(DIR, name.replace(/\.(tml|txt)$/, '.expected.$1'));
  if (process.env.UPDATE_EXPECT === '1' || !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, actual);
  assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
  return actual;
}

test('timeml: a TempEval-style document is tagged inside TEXT only, anchored on its DCT', () => {
  const out = check('wire-story.tml');
  assert.match(out, /<TIMEX3 tid="t1" type="DATE" value="2017-09-01">Friday<\/TIMEX3>/);
  assert.match(out, /<TIMEX3 tid="t\d+" type="DATE" value="2017-08" mod="END">late last month<\/TIMEX3>/);
  assert.match(out, /<TIMEX3 tid="t\d+" type="DATE" value="2017-10" mod="START">early October<\/TIMEX3>/);
  // The DCT element is untouched and no tid is reused.
  assert.match(out, /<DCT><TIMEX3 tid="t0" type="DATE" value="2017-09-02" temporalFunction="false" functionInDocument="CREATION_TIME">2017-09-02<\/TIMEX3><\/DCT>/);
  const source = fs.readFileSync(path.join(DIR, 'wire-story.tml'), 'utf8');
  const withoutOurs = out.replace(/<TIMEX3 tid="t[1-9]\d*"[^>]*>([^<]*)<\/TIMEX3>/g, '$1');
  assert.equal(withoutOurs, source, 'text otherwise byte-identical');
});

test('timeml: a plain article gets tags too, with its own publication date', () => {
  const text = 'Army advances\n\nSource: Xinhua| 2017-09-02 20:12:54|Editor: X\n\nDAMASCUS, Sept. 2 (Xinhua) -- The army on Friday took the town, besieged since 2015.\n';
  const out = timemlFor(text, null);
  assert.match(out, /<TIMEX3 tid="t\d+" type="DATE" value="2017-09-01">Friday<\/TIMEX3>/);
  assert.match(out, /since <TIMEX3 tid="t\d+" type="DATE" value="2015">2015<\/TIMEX3>/);
  assert.equal(out.replace(/<TIMEX3[^>]*>([^<]*)<\/TIMEX3>/g, '$1'), text);
});

test('timeml: the DCT and TEXT are read, tags inside TEXT are stepped over', () => {
  const doc = parseTimeML('<TimeML><DCT><TIMEX3 tid="t7" value="1998-02-27T08:00">x</TIMEX3></DCT><TEXT>On <EVENT eid="e1">Friday</EVENT> it fell.</TEXT></TimeML>');
  assert.ok(doc);
  assert.equal(doc.dct, '1998-02-27');
  assert.equal(doc.maxTid, 7);
  assert.equal(doc.text, 'On Friday it fell.');
  assert.equal(parseTimeML('no markup here'), null);
});

test('timeml: dateline analyze --format timeml prints the annotated file; several files need --out', () => {
  const file = path.join(DIR, 'wire-story.tml');
  const out: string[] = [];
  const err: string[] = [];
  assert.equal(runCli(['analyze', '--format', 'timeml', file], (s) => out.push(s), (s) => err.push(s)), 0);
  assert.equal(out.join('\n') + '\n', fs.readFileSync(path.join(DIR, 'wire-story.expected.tml'), 'utf8'));
  assert.equal(runCli(['analyze', '--format', 'timeml', file, file], () => undefined, (s) => err.push(s)), 2);
  assert.match(err.join('\n'), /--out DIR/);
});
