// The sides of a contested place, through the real pipeline: fixture articles in (test/fixtures/map/control/<case>/,
// with slider.json listing the dates to look at), expected JSON out (<case>.expected.json): what the map's markers
// say at each date, and each period with its sides, why each side is named, and the sources behind it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { findConflicts } from '../../../server/src/analysis/conflicts';
import { mapOfPlaces } from '../../../server/src/analysis/map';
import { LineIndex } from '../../../server/src/lsp/lineIndex';
import type { MapControlPeriod } from '../../../server/src/protocol';
import { legendOf, markersAt, placesOf } from '../../../media/src/map/mapModel';
import { testKnowledge } from '../../support/knowledge';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';

const CASES = path.join(FIXTURES, 'map', 'control');

/** A period as a reader checks it: dates, status and holder, then each side with its role, reason and sources. */
function periodView(p: MapControlPeriod) {
  return {
    period: `${p.from}..${p.to ?? ''} ${p.status}${p.faction ? ` ${p.faction.name}` : ''}${p.conflicts.length ? ' (sources disagree)' : ''}`,
    sides: p.parties.map((s) => `${s.name}${s.areas?.length ? ` [${s.areas.join(', ')}]` : ''}: ${s.role} (${s.reason}) per ${[...new Set((s.basis ?? []).map((b) => `${b.source}, ${b.dateLabel}`))].join('; ')}`),
  };
}

function check(name: string): void {
  const dir = path.join(CASES, name);
  const articles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const lines = new LineIndex(text);
      return { uri: `${name}/${f}`, text, analysis: analyzeArticle(text, testKnowledge()), rangeOf: (s: { start: number; end: number }) => lines.rangeOf(s) };
    });
  const conflicts = findConflicts(articles.map((a) => ({ uri: a.uri, published: a.analysis.publication.date, claims: a.analysis.claims })));
  // The markers from the summaries every place carries; the periods in full from the place's details.
  const { result, control } = mapOfPlaces(articles, conflicts);
  const dates = JSON.parse(fs.readFileSync(path.join(dir, 'slider.json'), 'utf8')) as string[];
  const places = placesOf(result);
  const legend = legendOf(places);
  const withControl = places.filter((p) => p.control.length);
  assert.ok(withControl.length > 0, `${name}: no place has a control history`);
  const slider = Object.fromEntries(
    dates.map((d) => [d, Object.fromEntries(markersAt(withControl, d, legend).map((m) => [m.place.name, m.label.replace(/ — \d+ mentions?$/, '')]))]),
  );
  const history = Object.fromEntries(withControl.map((p) => [p.name, (control.get(p.id) ?? []).map(periodView)]));
  expectJsonFile({ slider, history }, 'map', 'control', `${name}.expected.json`);
}

for (const name of fs.readdirSync(CASES).filter((f) => fs.statSync(path.join(CASES, f)).isDirectory()).sort()) {
  test(`control sides: ${name}`, () => check(name));
}
