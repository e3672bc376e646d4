// OWNED BY the places work (issue 3).
// Finding place names: scanPlaces.ts finds the names in each sentence, placeFocus.ts weighs the article's
// focus countries, and this file resolves each name to a gazetteer entry.
import { PlaceMention, Sentence, Span } from '../types';
import { countryOf, featureOf, FLAG_CAPITAL, FLAG_CURATED, FLAG_SEAT, flagsOf, KeyLookup, PlaceIndex, PlaceRecord, populationOf } from './placeIndex';
import { SEP_COMMA, SEP_HYPHEN, SEP_SPACE } from './placeTokens';
import { NameWords, PlaceScan, RawMatch, scanStretch } from './scanPlaces';
import { RawMatches } from './rawMatches';
import { FocusShares } from './placeFocus';
import { stateLookup } from './placeWords';
import { FREE_AFTER, FUNCTION_WORDS, isCueNoun, SAYS } from './wordLists';
import { ARABIC_NAMED, PlaceAnchor, resolvePlace, ResolveContext, ResolveInput } from './resolvePlace';
import { anchorOf } from './placeAnchors';
import { placeRecord } from './candidateFacts';
import { BlockedSpans } from './blockedSpans';
import { ARTICLES } from './placeKey';

export interface PlaceContext {
  /** Spans already taken by other mentions (factions, dates): no place may overlap them. */
  blocked: Span[];
  /** More taken spans, when the caller has them in a second list (the pipeline: dates in one, factions here). */
  blockedToo?: Span[];
  /** Dateline city as written ("DAMASCUS"), a strong focus cue. */
  datelineCity: string | null;
  /** The dateline lead-in ("DAMASCUS, Sept. 2 (Xinhua) --"): its city is a place mention too. */
  dateline?: Span | null;
}

/** Finds place names in the sentences and resolves each to a gazetteer entry. */
export function findPlaces(text: string, sentences: Sentence[], index: PlaceIndex, ctx: PlaceContext): PlaceMention[] {
  if (index.size === 0 || typeof text !== 'string') return [];
  scan.begin(text, index);
  try {
    return findIn(text, sentences, index, ctx);
  } finally {
    scan.end();
  }
}

// One scan reused by every call (analyses run one at a time): its token arrays grow once, not per article.
const scan = new PlaceScan();
const blocked = new BlockedSpans();
// The article's names and the words seen ending longer names (in the sentences, in the dateline), kept
// from article to article like the scan.
const raw = new RawMatches();
const FOCUS = new FocusShares();
const names: NameWords = new Set();
const datelineNames: NameWords = new Set();
// Numbers the articles, so per-name memos of one article are never taken for another's.
let articleCount = 0;

function findIn(text: string, sentences: Sentence[], index: PlaceIndex, ctx: PlaceContext): PlaceMention[] {
  if (ctx.blockedToo) blocked.setBoth(ctx.blocked, ctx.blockedToo);
  else blocked.set(ctx.blocked);
  raw.clear();
  if (names.size > 0) names.clear();
  // The dateline outside the sentences is read in its place among them (so the list comes out in text
  // order), with names of its own: a name it rules out does not rule the same word out in the sentences.
  let dateline = ctx.dateline && !inSentence(sentences, ctx.dateline) ? ctx.dateline : null;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    if (dateline && s.start >= dateline.start) {
      scanDateline(dateline);
      dateline = null;
    }
    if (s.section === 'boilerplate' || s.section === 'sourceLine') continue;
    const lo = scan.addStretch(s.start, s.end);
    scanStretch(scan, lo, scan.buf.length, si, blocked, raw, names);
  }
  if (dateline) scanDateline(dateline);
  raw.sortByStart();
  const focus = FOCUS;
  focus.fill(raw, index, ctx.datelineCity);
  // Never 0, the value resolvedAt starts with (the count wraps after 2^32 articles).
  const article = (articleCount = (articleCount + 1) | 0 || 1);
  const resolveCtx = RESOLVE_CTX;
  resolveCtx.index = index;
  resolveCtx.focus = focus;
  resolveCtx.article = article;
  emptyList(resolveCtx.resolved);
  emptyList(resolveCtx.vectors!);
  if (resolvedAt.length < index.size) resolvedAt = new Int32Array(index.size);
  const out = FOUND;
  // The previous name's place (for "Beirut's Hamra") and its raw index.
  let lastPlace: PlaceRecord | null = null;
  let lastAt = -1;
  for (let r = 0; r < raw.count; r++) {
    const m = raw.items[r];
    if (!keepSmallPlace(m, index, focus)) continue;
    const input = inputOf(NAME_INPUT, raw, r, index);
    const link = anchorOf(text, raw, r);
    if (link) {
      let y: PlaceRecord | null = null;
      if (link.at < r) y = lastAt === link.at ? lastPlace : null;
      else if (keepSmallPlace(raw.items[link.at], index, focus)) y = resolvePlace(inputOf(ANCHOR_INPUT, raw, link.at, index), resolveCtx)?.place ?? null;
      input.anchor = anchorFrom(y, link.relation, link.radiusKm);
    }
    const res = resolvePlace(input, resolveCtx);
    if (!res) continue;
    // Written inside or beside a place that none of the candidates is near: a local place the gazetteer
    // lacks ("Millis, Idlib province"), and a namesake hamlet abroad would put a wrong point on the map.
    // A well-known name stays (a list: "Paris, Brussels, Germany and France").
    const p = res.place;
    // Beside a place ("al-Meridian neighborhood in Aleppo") no list is meant: only a world city stays.
    if (res.outside && p.feature !== 'country' && p.feature !== 'admin1' && (input.anchor ? (p.population ?? 0) < 500000 : !sizeOf(index, m.lookup).big)) continue;
    // "al-Tayba", "al-Balaas": written with an Arabic article, the place is not a namesake in Spain or the Philippines.
    if (input.arabic && p.feature !== 'country' && !(p.country && ARABIC_NAMED.has(p.country))) continue;
    lastPlace = p;
    lastAt = r;
    // Distinct places only, and a bounded number of them: "nearby" must not make long articles quadratic.
    if (p.lat !== null && p.lon !== null && p.feature !== 'country' && p.feature !== 'region' && res.confidence >= 0.7 && resolveCtx.resolved.length < 64 && resolvedAt[res.at] !== article) {
      resolvedAt[res.at] = article;
      // The record itself (its lat and lon are numbers here): its unit vector is then worked out once.
      resolveCtx.resolved.push(p as { lat: number; lon: number });
    }
    out.push({
      kind: 'place',
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      id: p.id,
      name: p.name,
      sentence: m.sentence,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      countryName: p.countryName,
      admin1: p.admin1,
      feature: p.feature,
      population: p.population,
      confidence: res.confidence,
      alternatives: res.alternatives,
      reason: res.reason,
    });
  }
  // Copied out at its exact length (a list grown push by push had twice the room, and its discarded
  // stores); the scratch is emptied so it keeps no article's text alive.
  const list = out.slice();
  emptyList(out);
  return list;
}

const FOUND: PlaceMention[] = [];

function scanDateline(dateline: Span): void {
  if (datelineNames.size > 0) datelineNames.clear();
  const lo = scan.addStretch(dateline.start, dateline.end);
  scanStretch(scan, lo, scan.buf.length, -1, blocked, raw, datelineNames);
}

// The context of every article's resolutions, refilled per article; every field set from the start (vectors
// too), so all articles see one object shape.
const RESOLVE_CTX: ResolveContext = { index: null as unknown as PlaceIndex, focus: FOCUS, resolved: [], article: 0, vectors: [] };

/** Empties a list kept for reuse: pop() keeps its storage, where setting the length to 0 gives it up. */
function emptyList(list: unknown[]): void {
  while (list.length > 0) list.pop();
}

/** True when a sentence holds the span (a loop: a closure over the span could cost a context per article). */
function inSentence(sentences: Sentence[], span: Span): boolean {
  for (let k = 0; k < sentences.length; k++) if (sentences[k].start <= span.start && sentences[k].end >= span.end) return true;
  return false;
}

// The inputs of the name being resolved and of the name it is anchored to: resolvePlace keeps nothing of
// its input, so two objects refilled per name serve every mention (an object per mention was ~1 MB of
// garbage per MB of text). Every field is set on each fill.
function blankInput(): ResolveInput {
  return { candidates: [], lookup: null, pinned: -1, cue: null, container: null, spelling: null, attributive: false, anchor: null, arabic: false };
}
const NAME_INPUT = blankInput();
const ANCHOR_INPUT = blankInput();
// The distinct places resolved so far in the article, by place index: the article's number per index (a Set
// of ids cost ~4 % of the stage). An index is a place: ids are unique in the gazetteer (its build, checked by
// test/unit/knowledge/gazetteerIds.test.ts) and user places never take a built-in id (mergeUserPlaces.ts).
let resolvedAt = new Int32Array(0);

/** Fills `into` with what resolvePlace needs to know about raw[r] from the text around it. */
function inputOf(into: ResolveInput, raw: RawMatches, r: number, index: PlaceIndex): ResolveInput {
  const m = raw.items[r];
  const many = m.lookup.candidates.length > 1;
  into.candidates = m.lookup.candidates;
  into.lookup = m.lookup;
  into.pinned = m.lookup.pinned;
  into.cue = m.cue;
  into.container = containerOf(raw, r, index);
  into.spelling = many ? spellingOf(m) : null;
  // Only scores read it, and with one candidate the scores rank nothing.
  into.attributive = many && attributive(m);
  into.anchor = null;
  into.arabic = arabicArticle(m);
  return into;
}

/** "al-Tayba", "el-Baath", "al Meridian": an Arabic article joined by a hyphen or written lower-case ("Al Qaim" and "El Paso" are left out). */
function arabicArticle(m: RawMatch): boolean {
  if (m.firstWord === m.first) return false;
  const b = scan.buf;
  return b.sep(m.first + 1) === SEP_HYPHEN || !b.cap(m.first);
}

/** The anchor a resolved place gives; countries and provinces are containers instead (containerOf), areas reach further. */
function anchorFrom(y: PlaceRecord | null, relation: string, radiusKm: number): PlaceAnchor | null {
  if (!y || y.lat === null || y.lon === null || y.feature === 'country' || y.feature === 'admin1') return null;
  const wide = y.feature === 'region' || y.feature === 'desert' || y.feature === 'mountain' || y.feature === 'river' || y.feature === 'admin2';
  return { name: y.name, lat: y.lat, lon: y.lon, country: y.country, radiusKm: wide ? Math.max(radiusKm, 200) : radiusKm, relation };
}

/** Small places far from the story need a cue: a surname that is also a hamlet somewhere is not a place. */
function keepSmallPlace(m: RawMatch, index: PlaceIndex, focus: FocusShares): boolean {
  if (m.cue || m.lookup.pinned >= 0 || m.last > m.firstWord) return true;
  const size = sizeOf(index, m.lookup);
  if (size.big) return true;
  // In the story's own country a mid-sized town needs no cue; a hamlet ("Cisco", Texas) always does.
  const mid = size.midCountries;
  for (let k = 0; k < mid.length; k++) if ((focus.get(mid[k]) ?? 0) >= 0.5) return true;
  return false;
}

/** Whether a name has a candidate that is more than a town, and the countries of its mid-sized (5,000+) towns. */
interface NameSize {
  big: boolean;
  midCountries: string[];
}

function sizeOf(index: PlaceIndex, lookup: KeyLookup): NameSize {
  let size = lookup.size;
  if (size === undefined) {
    const candidates = lookup.candidates;
    size = { big: false, midCountries: [] };
    for (const i of candidates) {
      const f = featureOf(index, i);
      const pop = populationOf(index, i);
      if ((f !== 'city' && f !== 'town' && f !== 'district') || (flagsOf(index, i) & (FLAG_CURATED | FLAG_CAPITAL | FLAG_SEAT)) !== 0 || pop >= 15000) {
        size.big = true;
        break;
      }
      const c = countryOf(index, i);
      if (pop >= 5000 && c) size.midCountries.push(c);
    }
    lookup.size = size;
  }
  return size;
}

const DETERMINERS = new Set(['a', 'an', 'the']);

/** "a Hollywood horror movie", "the London market": the name modifies the lower-case noun after it. */
function attributive(m: RawMatch): boolean {
  const b = scan.buf;
  const prev = m.first - 1;
  const next = m.last + 1;
  // The word tests last: they may need the words' info, the others only the token bits.
  if (prev < m.lo || next >= m.hi || b.cap(next) || b.sep(m.first) !== SEP_SPACE || b.sep(next) !== SEP_SPACE || !DETERMINERS.has(scan.plain(prev))) return false;
  const word = scan.plain(next);
  return !FREE_AFTER.has(word) && !FUNCTION_WORDS.has(word) && !SAYS.has(word) && !isCueNoun(word);
}

/**
 * The words as written, basic-folded, articles left out, joined by spaces ("deir zur"); null when the name
 * is one word that folds to nothing (a script without Latin letters).
 */
function spellingOf(m: RawMatch): string | null {
  if (m.firstWord === m.last) {
    const p = scan.plain(m.firstWord);
    return p === '' ? null : ARTICLES.has(p) ? '' : p;
  }
  let s: string | null = null;
  for (let k = m.firstWord; k <= m.last; k++) {
    const p = scan.plain(k);
    if (ARTICLES.has(p)) continue;
    s = s === null ? p : s + ' ' + p;
  }
  return s ?? '';
}

/** "Mobile, Alabama", "Tripoli in northern Lebanon": the admin1 or country written right after a name. */
function containerOf(raw: RawMatches, r: number, index: PlaceIndex): PlaceRecord | null {
  const m = raw.items[r];
  const next = raw.at(r + 1);
  if (!next || next.sentence !== m.sentence || next.lo !== m.lo || next.first !== m.last + 1) {
    const p = provinceAfter(m, index);
    if (p) return p;
  }
  if (!next || next.sentence !== m.sentence || next.lo !== m.lo) return null;
  const comma = next.first === m.last + 1 && scan.buf.sep(next.first) === SEP_COMMA;
  // "in Millis Idlib province" (text that lost its commas): a province written right after, with its cue word.
  const province = next.first === m.last + 1 && scan.buf.sep(next.first) === SEP_SPACE && next.cue?.kind === 'admin' && next.cue.text !== 'countryside' && next.end < scan.buf.text.length && scan.buf.text.charCodeAt(next.end) === 32;
  if (!comma && !province && !inRegionOf(m.last, next.first)) return null;
  const top = placeRecord(index, next.lookup.candidates[0]);
  if (top.feature === 'country' || top.feature === 'admin1') return top;
  // "Idlib province": the province of the name, though the city comes first among its candidates.
  if (next.cue?.kind === 'admin') {
    const cands = next.lookup.candidates;
    for (let k = 1; k < cands.length && k < 8; k++) if (featureOf(index, cands[k]) === 'admin1') return placeRecord(index, cands[k]);
  }
  return null;
}

const PROVINCE_WORDS = new Set(['province', 'governorate']);

/**
 * "Millis Idlib province" (text that lost its commas): a one-word province right after the name, which the
 * scan passed over as part of a longer capitalised name. Only read after a name, so it costs nothing elsewhere.
 */
function provinceAfter(m: RawMatch, index: PlaceIndex): PlaceRecord | null {
  const k = m.last + 1;
  const b = scan.buf;
  if (k + 1 >= m.hi || !b.cap(k) || b.sep(k) !== SEP_SPACE || b.sep(k + 1) !== SEP_SPACE || !PROVINCE_WORDS.has(scan.plain(k + 1))) return null;
  const state = scan.word(k).first;
  const look = state && state.found ? stateLookup(index, state) : null;
  if (!look) return null;
  for (let c = 0; c < look.candidates.length && c < 8; c++) if (featureOf(index, look.candidates[c]) === 'admin1') return placeRecord(index, look.candidates[c]);
  return null;
}

const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north', 'south', 'east', 'west']);

/** "X in Y", "X in northern Y" right after the name (same stretch): an explicit container, stronger than the article's focus. */
function inRegionOf(last: number, first: number): boolean {
  const b = scan.buf;
  let k = last + 1;
  if (first - k > 2 || scan.plain(k) !== 'in' || b.sep(k) !== SEP_SPACE) return false;
  k++;
  if (k < first && DIRECTIONS.has(scan.plain(k)) && b.sep(k) === SEP_SPACE) k++;
  return k === first && b.sep(first) === SEP_SPACE;
}
