// OWNED BY the places work (issue 3).
// Finding place names: one pass over each sentence's words, walking the gazetteer's keys word by word
// (longest name wins), so the cost is linear in the text whatever the size of the gazetteer.
import { PlaceMention, Sentence, Span } from '../types';
import { countryOf, featureOf, firstWordMayMatch, FLAG_CAPITAL, FLAG_CURATED, FLAG_SEAT, flagsOf, KeyLookup, KEYFLAG_ABBREV, KEYFLAG_COMMON, KEYFLAG_COUNTRY_NAME, lookupKey, PlaceIndex, placeAt, PlaceRecord, populationOf, probeKey } from './placeIndex';
import { isArticle, PlaceToken, placeTokens, tokenKey } from './placeTokens';
import { findCue, PlaceCue } from './placeCues';
import { resolvePlace, ResolveContext } from './resolvePlace';
import { foldToken, placeKey } from './placeKey';

export interface PlaceContext {
  /** Spans already taken by other mentions (factions, dates): no place may overlap them. */
  blocked: Span[];
  /** Dateline city as written ("DAMASCUS"), a strong focus cue. */
  datelineCity: string | null;
  /** The dateline lead-in ("DAMASCUS, Sept. 2 (Xinhua) --"): its city is a place mention too. */
  dateline?: Span | null;
}

/** A name found in the text, before disambiguation. */
interface RawMatch {
  start: number;
  end: number;
  sentence: number;
  lookup: KeyLookup;
  cue: PlaceCue | null;
  /** Tokens of the sentence and the match's first/last token, for the "X, Y" container rule. */
  tokens: PlaceToken[];
  first: number;
  /** First token after any article ("Bukamal" in "al-Bukamal"). */
  firstWord: number;
  last: number;
}

// Words that are never places when capitalised, whatever the gazetteer says (months, weekdays, page furniture).
const NEVER = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'video', 'editor', 'source', 'photo', 'xinhua', 'reuters', 'afp', 'god', 'allah', 'islam', 'christ',
  // Peoples and faiths are not places even where a town shares the name ("Arab", Alabama).
  'arab', 'arabs', 'kurd', 'kurds', 'kurdish', 'turkmen', 'assyrian', 'christian', 'christians', 'muslim', 'muslims',
  'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'alawite', 'alawites', 'druze', 'yazidi', 'yazidis', 'jewish', 'persian',
  'qaida', 'qaeda', 'nusra', 'daesh', 'isis', 'isil',
  'christmas', 'easter', 'ramadan', 'eid', 'hanukkah', 'diwali',
]);

// Capitalised at a sentence start, never the start of a place name (and skipping them saves a lookup each).
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'as', 'by', 'for', 'with', 'from', 'to', 'of', 'and', 'but', 'or', 'if', 'so', 'he', 'she', 'it', 'its', 'we', 'they', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'there', 'when', 'while', 'after', 'since', 'until', 'where', 'which', 'who', 'what', 'some', 'many', 'most', 'more', 'one', 'two', 'three', 'all', 'no', 'not', 'yet', 'also', 'then', 'thus', 'last', 'next', 'other', 'both', 'each', 'such', 'only', 'even', 'over', 'under', 'about', 'among', 'amid', 'despite', 'during', 'meanwhile', 'however', 'earlier', 'later', 'today', 'mr', 'mrs', 'ms', 'dr']);

// Verbs of saying: "Obama said" is a person, whatever small town shares the name.
const SAYS = new Set(['said', 'says', 'told', 'added', 'stated', 'announced', 'explained', 'wrote', 'tweeted', 'argued', 'noted']);

// Capitalised words before a name that do not make it part of a longer proper name ("The Raqqa offensive").
const FREE_BEFORE = new Set(['the', 'in', 'at', 'on', 'of', 'from', 'to', 'and', 'or', 'for', 'by', 'with', 'near', 'as', 'but', 'into', 'while', 'after', 'before', 'since', 'eastern', 'western', 'northern', 'southern', 'central', 'east', 'west', 'north', 'south', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'greater', 'rural', 'occupied']);

// Capitalised words after a name that do not make it part of a longer name ("Damascus And ..." in titles).
const FREE_AFTER = new Set(['the', 'in', 'at', 'on', 'of', 'from', 'to', 'and', 'or', 'for', 'by', 'with', 'as', 'but']);

const INSTITUTIONS = new Set(['bank', 'university', 'ministry', 'department', 'council', 'court', 'museum', 'college', 'institute', 'office', 'school', 'chamber', 'board', 'federation', 'association', 'union', 'party', 'league', 'commission', 'embassy', 'consulate', 'government', 'parliament', 'church', 'diocese', 'archbishop', 'bishop', 'duke', 'prince', 'princess', 'king', 'queen', 'mayor', 'governor', 'secretary', 'minister', 'president']);

/** Finds place names in the sentences and resolves each to a gazetteer entry. */
export function findPlaces(text: string, sentences: Sentence[], index: PlaceIndex, ctx: PlaceContext): PlaceMention[] {
  if (index.size === 0 || typeof text !== 'string') return [];
  const blocked = [...ctx.blocked].sort((a, b) => a.start - b.start);
  const raw: RawMatch[] = [];
  if (ctx.dateline && !sentences.some((s) => s.start <= ctx.dateline!.start && s.end >= ctx.dateline!.end)) {
    scanSentence(text, { start: ctx.dateline.start, end: ctx.dateline.end, section: 'dateline', paragraph: -1 }, -1, index, blocked, raw);
  }
  const names: NameWords = new Set();
  sentences.forEach((s, si) => {
    if (s.section === 'boilerplate' || s.section === 'sourceLine') return;
    scanSentence(text, s, si, index, blocked, raw, names);
  });
  raw.sort((a, b) => a.start - b.start);
  const focus = focusCountries(raw, index, ctx.datelineCity);
  const resolveCtx: ResolveContext = { index, focus, resolved: [] };
  const resolvedIds = new Set<string>();
  const out: PlaceMention[] = [];
  for (let r = 0; r < raw.length; r++) {
    const m = raw[r];
    if (!keepSmallPlace(m, index, focus)) continue;
    const surface = m.tokens.slice(m.firstWord, m.last + 1).map((t) => t.plain).join(' ');
    const res = resolvePlace({ candidates: m.lookup.candidates, pinned: m.lookup.pinned, cue: m.cue, container: containerOf(raw, r, index), surface, attributive: attributive(m) }, resolveCtx);
    if (!res) continue;
    const p = res.place;
    // Distinct places only, and a bounded number of them: "nearby" must not make long articles quadratic.
    if (p.lat !== null && p.lon !== null && p.feature !== 'country' && p.feature !== 'region' && res.confidence >= 0.7 && !resolvedIds.has(p.id) && resolvedIds.size < 64) {
      resolvedIds.add(p.id);
      resolveCtx.resolved.push({ lat: p.lat, lon: p.lon });
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
  return out;
}

/** Words seen as the end of a longer capitalised name ("Barack Obama"): alone later, they are that name. */
type NameWords = Set<string>;

function scanSentence(text: string, s: Sentence, si: number, index: PlaceIndex, blocked: Span[], out: RawMatch[], names: NameWords = new Set()): void {
  const tokens = placeTokens(text, s.start, s.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap && !(isArticle(tokens, i) && tokens[i + 1].cap)) continue;
    if (t.end - t.start <= 5 && FUNCTION_WORDS.has(t.plain) && !isArticle(tokens, i)) continue;
    // At most two leading articles ("al-", "Al "): bounded so "al-al-al-…" stays linear.
    let j = i;
    while (j < tokens.length - 1 && j - i < 2 && isArticle(tokens, j)) j++;
    let key = '';
    let bestKey = '';
    let bestLast = -1;
    for (let k = j, words = 0; k < tokens.length && words < index.maxWords && k - j < index.maxWords + 4; k++) {
      const tk = tokens[k];
      if (k > j && tk.sep !== ' ' && tk.sep !== '-') break;
      if (k > j && isArticle(tokens, k, true)) continue;
      const wk = tokenKey(tk);
      if (!wk || (words === 0 && !firstWordMayMatch(index, wk))) break;
      key = key ? `${key} ${wk}` : wk;
      words++;
      const probe = probeKey(index, key);
      if (probe.found) {
        bestKey = key;
        bestLast = k;
      }
      if (!probe.prefix) break;
    }
    // Scraped text often loses apostrophes: "Syrias", "Aleppos" are possessives of known places.
    if (bestLast < 0 && j === i && tokens[j].plain.length > 4 && tokens[j].plain.endsWith('s') && !tokens[j].plain.endsWith('ss')) {
      const stem = foldToken(tokens[j].plain.slice(0, -1));
      const look = lookupKey(index, stem);
      if (look && look.candidates.some((c) => featureOf(index, c) === 'country' || flagsOf(index, c) & (FLAG_CURATED | FLAG_CAPITAL))) {
        bestKey = stem;
        bestLast = j;
      }
    }
    if (bestLast < 0) continue;
    const lookup = lookupKey(index, bestKey);
    if (!lookup) continue;
    const m: RawMatch = { start: t.start, end: tokens[bestLast].end, sentence: si, lookup, cue: null, tokens, first: i, firstWord: j, last: bestLast };
    if (overlaps(blocked, m)) continue;
    m.cue = findCue(tokens, i, bestLast);
    if (!plausible(m, tokens, j, index, names, si)) continue;
    if (!passesWordFilter(m, tokens, j, index)) continue;
    out.push(m);
    i = bestLast;
  }
}

/** Rejects spellings that only look like a place: lower-case short forms, demonyms, parts of longer names. */
function plausible(m: RawMatch, tokens: PlaceToken[], firstWord: number, index: PlaceIndex, names: NameWords, si: number): boolean {
  const single = firstWord === m.last;
  const word = tokens[firstWord];
  if (single && NEVER.has(word.plain)) return false;
  if (m.lookup.flags & KEYFLAG_ABBREV && single) {
    // "US" but not "Us", nor "OS" (which folds to the same key).
    if ((!word.allCaps && !word.dotted) || (!word.dotted && foldToken(word.plain) !== word.plain)) return false;
  } else if (single && si >= 0 && word.allCaps && word.end - word.start <= 4 && !(m.lookup.flags & KEYFLAG_COUNTRY_NAME)) {
    // A short all-capitals word in running text is an acronym ("GAO", "EADS"), not a town.
    const sentenceCaps = tokens.every((t) => !t.cap || t.allCaps);
    if (!sentenceCaps) return false;
  }
  if (m.lookup.pinned >= 0) return true;
  const after = tokens[m.last + 1];
  // "US$ 40 billion": a currency, not a place.
  if (charAfter(tokens, m) === '$') return false;
  const strong = isWellKnownLookup(index, m.lookup);
  if (single && !strong && names.has(word.plain)) return false;
  if (!strong && after && after.sep === ' ' && SAYS.has(after.plain)) return false;
  // Part of a longer capitalised name ("Steve Jobs", "Washington Post", "Ahrar al-Sham"): not a place.
  // A neighbour that is itself a well-known place ("Aleppo Syria" in text that lost its commas) does not count.
  const prev = tokens[m.first - 1];
  // A sentence's first word is capitalised anyway: only "Capturing Uqayribat"-like verbs are let through there.
  const prevFree = !prev || FREE_BEFORE.has(prev.plain) || (m.first - 1 === 0 && /(?:ing|ed|ly)$/.test(prev.plain));
  if (prev && tokens[m.first].sep === ' ' && (prev.cap || /\p{Lu}/u.test(prev.text.slice(1))) && !prevFree && !index.demonyms.has(tokenKey(prev)) && !isWellKnown(index, tokenKey(prev))) {
    if (single) names.add(word.plain);
    return false;
  }
  const next = tokens[m.last + 1];
  // "in Aleppo The opposition ..." (text that lost its full stops): after "in", a well-known place stands.
  const preposition = m.cue?.kind === 'general' && m.cue.text.length <= 4 && tokens[m.first - 1]?.plain === m.cue.text;
  if (next && next.sep === ' ' && next.cap && !next.allCaps && !isCueNoun(next.plain) && !FREE_AFTER.has(next.plain) && !isWellKnown(index, tokenKey(next)) && !(preposition && strong)) return false;
  // "Bank of England", "University of California": an institution named after a place.
  if (prev && prev.plain === 'of' && tokens[m.first].sep === ' ' && m.first >= 2) {
    const head = tokens[m.first - 2];
    if (head.cap && INSTITUTIONS.has(head.plain)) return false;
  }
  return true;
}

/** A name of a country, region, capital or curated place (not any hamlet: "Post" is a town in Texas). */
function isWellKnown(index: PlaceIndex, key: string): boolean {
  if (!probeKey(index, key).found) return false;
  const look = lookupKey(index, key);
  return !!look && isWellKnownLookup(index, look);
}

function isWellKnownLookup(index: PlaceIndex, look: KeyLookup): boolean {
  return look.candidates.some((i) => featureOf(index, i) === 'country' || featureOf(index, i) === 'admin1' || (flagsOf(index, i) & (FLAG_CURATED | FLAG_CAPITAL)) !== 0 || populationOf(index, i) >= 1000000);
}

/** The character right after a match (no space skipped). */
function charAfter(tokens: PlaceToken[], m: RawMatch): string {
  return tokens[m.last].charAt(m.end);
}

function isCueNoun(word: string): boolean {
  return /^(?:province|provinces|governorate|city|town|village|region|river|desert|district|countryside|state|oblast|county|valley|mountains?|border|crossing|airport|camp|strip|heights|plains?|sea|ocean|gulf|island|islands|peninsula|bay)$/.test(word);
}

/** The common-English-word filter: "Reading", "Split", "Mobile" are places only with a cue, never sentence-first. */
function passesWordFilter(m: RawMatch, tokens: PlaceToken[], firstWord: number, index: PlaceIndex): boolean {
  if (!(m.lookup.flags & KEYFLAG_COMMON) || firstWord !== m.last) return true;
  if (m.lookup.flags & KEYFLAG_COUNTRY_NAME) return true;
  // "US", "U.S.": the capitals already proved it is the abbreviation, not the pronoun.
  if (m.lookup.flags & KEYFLAG_ABBREV && (tokens[firstWord].allCaps || tokens[firstWord].dotted)) return true;
  if (m.first === 0) return false;
  return m.cue !== null;
}

/** Small places far from the story need a cue: a surname that is also a hamlet somewhere is not a place. */
function keepSmallPlace(m: RawMatch, index: PlaceIndex, focus: Map<string, number>): boolean {
  if (m.cue || m.lookup.pinned >= 0 || m.last > m.firstWord) return true;
  for (const i of m.lookup.candidates) {
    const f = featureOf(index, i);
    if (f !== 'city' && f !== 'town' && f !== 'district') return true;
    if (flagsOf(index, i) & (FLAG_CURATED | FLAG_CAPITAL | FLAG_SEAT)) return true;
    const pop = populationOf(index, i);
    if (pop >= 15000) return true;
    // In the story's own country a mid-sized town needs no cue; a hamlet ("Cisco", Texas) always does.
    const c = countryOf(index, i);
    if (pop >= 5000 && c && (focus.get(c) ?? 0) >= 0.5) return true;
  }
  return false;
}

const DETERMINERS = new Set(['a', 'an', 'the']);

/** "a Hollywood horror movie", "the London market": the name modifies the lower-case noun after it. */
function attributive(m: RawMatch): boolean {
  const prev = m.tokens[m.first - 1];
  const next = m.tokens[m.last + 1];
  if (!prev || !next || !DETERMINERS.has(prev.plain) || m.tokens[m.first].sep !== ' ' || next.sep !== ' ' || next.cap) return false;
  return !FREE_AFTER.has(next.plain) && !FUNCTION_WORDS.has(next.plain) && !SAYS.has(next.plain) && !isCueNoun(next.plain);
}

/** "Mobile, Alabama", "Tripoli in northern Lebanon": the admin1 or country written right after a name. */
function containerOf(raw: RawMatch[], r: number, index: PlaceIndex): PlaceRecord | null {
  const m = raw[r];
  const next = raw[r + 1];
  if (!next || next.sentence !== m.sentence || next.tokens !== m.tokens) return null;
  const comma = next.first === m.last + 1 && m.tokens[next.first].sep === ',';
  if (!comma && !inRegionOf(m.tokens, m.last, next.first)) return null;
  const top = placeAt(index, next.lookup.candidates[0]);
  return top.feature === 'country' || top.feature === 'admin1' ? top : null;
}

const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north', 'south', 'east', 'west']);

/** "X in Y", "X in northern Y" right after the name: an explicit container, stronger than the article's focus. */
function inRegionOf(tokens: PlaceToken[], last: number, first: number): boolean {
  let k = last + 1;
  if (first - k > 2 || tokens[k]?.plain !== 'in' || tokens[k].sep !== ' ') return false;
  k++;
  if (k < first && DIRECTIONS.has(tokens[k].plain) && tokens[k].sep === ' ') k++;
  return k === first && tokens[first].sep === ' ';
}

/**
 * How much the article is about each country: the dateline city's country, countries named in the text,
 * and places whose name is unambiguous. Values are scaled to 0..1.
 */
function focusCountries(raw: RawMatch[], index: PlaceIndex, datelineCity: string | null): Map<string, number> {
  const weight = new Map<string, number>();
  const add = (c: string | null, w: number) => {
    if (c) weight.set(c, (weight.get(c) ?? 0) + w);
  };
  if (datelineCity) {
    const look = lookupKey(index, placeKey(datelineCity));
    if (look) {
      const cities = look.candidates.map((i) => placeAt(index, i)).filter((p) => p.feature === 'city' || p.feature === 'town');
      cities.sort((a, b) => (b.flags & FLAG_CAPITAL) - (a.flags & FLAG_CAPITAL) || (b.population ?? 0) - (a.population ?? 0));
      add(cities[0]?.country ?? null, 3);
    }
  }
  for (const m of raw) {
    const cands = m.lookup.candidates.length > 20 ? m.lookup.candidates.slice(0, 20) : m.lookup.candidates;
    const country = cands.find((i) => featureOf(index, i) === 'country');
    if (country !== undefined) {
      add(countryOf(index, country), 1);
      continue;
    }
    const first = countryOf(index, cands[0]);
    if (cands.every((i) => countryOf(index, i) === first)) add(first, 0.5);
    else {
      const curated = cands.filter((i) => flagsOf(index, i) & FLAG_CURATED);
      if (curated.length > 0 && curated.every((i) => countryOf(index, i) === countryOf(index, curated[0]))) add(countryOf(index, curated[0]), 0.3);
    }
  }
  let max = 0;
  for (const w of weight.values()) max = Math.max(max, w);
  const out = new Map<string, number>();
  if (max > 0) for (const [c, w] of weight) out.set(c, w / max);
  return out;
}

function overlaps(sorted: Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < span.end) lo = mid + 1;
    else hi = mid;
  }
  // Spans starting before span.end: any of them may reach into it (a long span may start much earlier),
  // so ask whether the furthest end among them passes span.start. The running maximum is built once per
  // list: looking back over every span per name was quadratic on long articles.
  return lo > 0 && furthestEnds(sorted)[lo - 1] > span.start;
}

const furthestEndCache = new WeakMap<Span[], number[]>();

/** furthest[i] = the largest end among sorted[0..i]. */
function furthestEnds(sorted: Span[]): number[] {
  let furthest = furthestEndCache.get(sorted);
  if (!furthest || furthest.length !== sorted.length) {
    furthest = new Array<number>(sorted.length);
    let max = -Infinity;
    for (let i = 0; i < sorted.length; i++) furthest[i] = max = Math.max(max, sorted[i].end);
    furthestEndCache.set(sorted, furthest);
  }
  return furthest;
}
