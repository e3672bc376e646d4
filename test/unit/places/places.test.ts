// Places: fixture articles in, the place mentions a reader would check out (text, resolved place, where).
// The place finder runs on its own here (no dates or factions blocking spans) so these expectations pin
// the places behaviour alone; blocking is tested separately below.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectStructure } from '../../../server/src/analysis';
import { splitSentences } from '../../../server/src/analysis/structure/splitSentences';
import { findPlaces, PlaceContext } from '../../../server/src/analysis/places/findPlaces';
import { PlaceMention } from '../../../server/src/analysis/types';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Runs the place finder on an article's text the way analyzeArticle does. */
export function placesIn(text: string, blocked: PlaceContext['blocked'] = []): PlaceMention[] {
  const structure = detectStructure(text);
  const sentences = splitSentences(text, structure);
  return findPlaces(text, sentences, testKnowledge().places, { blocked, datelineCity: structure.datelineCity, dateline: structure.dateline });
}

/** What a reader checks: the words, the place chosen, its kind, country and point. */
function summary(m: PlaceMention): string {
  const where = m.lat === null || m.lon === null ? 'no coordinates' : `${m.lat.toFixed(2)},${m.lon.toFixed(2)}`;
  return `${m.text} -> ${m.name} [${m.id}] ${m.feature}, ${m.country ?? '-'} @ ${where}`;
}

function check(file: string, expected: string[]): void {
  const text = fs.readFileSync(file, 'utf8');
  const places = placesIn(text);
  for (const m of places) assert.equal(text.slice(m.start, m.end), m.text, 'offsets must point at the mention');
  expectJsonFile(places.map(summary), ...expected);
}

assert.ok(testKnowledge().places.size > 100000, 'the compiled gazetteer must be built (npm run build) before the places tests');

for (const name of fs.readdirSync(path.join(FIXTURES, 'places', 'articles')).filter((f) => f.endsWith('.txt'))) {
  test(`places: ${name}`, () => check(path.join(FIXTURES, 'places', 'articles', name), ['places', 'articles', name.replace(/\.txt$/, '.expected.json')]));
}

// Our own sample articles (samples/*.txt): the same facts as the two shared Xinhua articles.
for (const name of fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.txt'))) {
  test(`places: samples/${name}`, () => check(path.join(ROOT, 'samples', name), ['places', 'samples', name.replace(/\.txt$/, '.expected.json')]));
}

test('places: a span taken by a faction is not a place ("Syrian" in "Syrian Democratic Forces", "Raqqa" in a faction name)', () => {
  const text = 'RAQQA, Syria -- The Raqqa Revolutionaries Brigade entered Raqqa on Monday.';
  const start = text.indexOf('The Raqqa') + 4;
  const blocked = [{ start, end: start + 'Raqqa Revolutionaries Brigade'.length }];
  const found = placesIn(text, blocked).map((m) => m.start);
  assert.ok(!found.includes(start), 'the faction span must stay free of places');
  assert.ok(found.includes(text.lastIndexOf('Raqqa')), 'the free mention is still found');
});

test('places: demonyms are never places', () => {
  const text = 'DAMASCUS, Nov. 9 -- Syrian, Iraqi, Lebanese and Turkish officials met.';
  assert.deepEqual(
    placesIn(text).map((m) => m.text),
    ['DAMASCUS'],
  );
});

test('places: every spelling of one town resolves to one place', () => {
  const spellings = ['Deir al-Zour', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir Ezzor', 'Deir el-Zour', 'Deir ez Zor'];
  const ids = spellings.map((s) => placesIn(`Troops entered the city of ${s} on Monday.`).map((m) => m.id));
  for (const list of ids) assert.deepEqual(list, ['geonames:170794']);
  // A capitalised article with a space ("Ar Raqqah") is part of the name, like "Ar-Raqqah" and "al-Raqqa".
  for (const s of ['Raqqa', 'Raqqah', 'Ar Raqqah', 'Ar-Raqqah', 'al-Raqqa', 'Al Raqqa']) {
    assert.deepEqual(placesIn(`Fighters fled ${s} on Monday.`).map((m) => [m.text, m.id]), [[s, 'geonames:172955']], s);
  }
});

test('places: never throws and stays inside the text on hostile input', () => {
  const inputs = ['', ' ', 'al-', 'al- al- al-', 'U.S.'.repeat(1000), 'Al '.repeat(5000) + 'Raqqa', '\u0000\uFFFF\uD800', 'ʿ’‘'.repeat(100), 'Deir '.repeat(10000)];
  for (const text of inputs) {
    const sentences = [{ start: 0, end: text.length, section: 'body' as const, paragraph: 0 }];
    const found = findPlaces(text, sentences, testKnowledge().places, { blocked: [], datelineCity: null });
    for (const m of found) assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
  }
});
