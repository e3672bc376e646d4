// The user gazetteer: parsing with problems at offsets, and its effect on matching and resolution.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseUserPlaces } from '../../../server/src/analysis/places/userPlaces';
import { withUserPlaces } from '../../../server/src/analysis/places/mergeUserPlaces';
import { findPlaces } from '../../../server/src/analysis/places/findPlaces';
import { expectJsonFile, readFixture } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const TEXT = readFixture('places', 'user', 'places.json');

function placesWith(index: ReturnType<typeof withUserPlaces>['index'], text: string): string[] {
  const sentences = [{ start: 0, end: text.length, section: 'body' as const, paragraph: 0 }];
  return findPlaces(text, sentences, index, { blocked: [], datelineCity: null }).map((m) => `${m.text} -> ${m.name} [${m.id}]`);
}

test('user places: entries and problems, each problem pointing at the offending JSON', () => {
  const { entries, problems } = parseUserPlaces(TEXT);
  const merged = withUserPlaces(testKnowledge().places, entries);
  expectJsonFile(
    {
      places: entries.places.map((p) => p.id),
      pins: entries.pins,
      notPlaces: entries.notPlaces,
      problems: problems.map((p) => `${TEXT.slice(p.start, p.end)} :: ${p.message}`),
      mergeProblems: merged.problems.map((p) => p.message),
    },
    'places',
    'user',
    'places.expected.json',
  );
});

test('user places: new places, extra spellings, pins and not-places change what is found', () => {
  const { entries } = parseUserPlaces(TEXT);
  const { index } = withUserPlaces(testKnowledge().places, entries);
  const text = 'Fighters near the Euphrates Dam and in Rakkah, while Tripoli and Hollywood were quiet.';
  assert.deepEqual(placesWith(index, text), ['Euphrates Dam -> Tabqa Dam [user:tabqa-dam]', 'Rakkah -> Raqqa [geonames:172955]', 'Tripoli -> Tripoli [geonames:2210247]']);
  // Without the user's file: the dam and the odd spelling are unknown, Hollywood is a place.
  const plain = placesWith(testKnowledge().places, text);
  assert.ok(!plain.some((p) => p.includes('user:')));
  assert.ok(plain.some((p) => p.startsWith('Hollywood')));
});

test('user places: the built-in index is left as it was', () => {
  const before = testKnowledge().places.user;
  withUserPlaces(testKnowledge().places, parseUserPlaces(TEXT).entries);
  assert.equal(testKnowledge().places.user, before);
});

test('user places: hostile or broken text never throws', () => {
  for (const t of ['', '{', '[]', 'null', '{"places": {}}', '{"places": [{"id": 5}]}', '{"pins": []}', '\u0000', '{"places":[' + '{"id":"a"},'.repeat(1000) + ']}']) {
    const r = parseUserPlaces(t);
    for (const p of r.problems) assert.ok(p.start >= 0 && p.end <= Math.max(t.length, 1) + 1);
    withUserPlaces(testKnowledge().places, r.entries);
  }
});
