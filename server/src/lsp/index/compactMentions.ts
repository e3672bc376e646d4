// Mentions in the compact form (compactWriter.ts), one writer and one reader per kind. Written by hand for each
// kind rather than by a loop over field names: a generic column layout measured slower than V8's serializer.
// A mention whose keys are not exactly those listed here (a field added to the types and not yet here, another
// order) marks the writer bad, and the article is packed the general way: update the lists with the types.
import type { DateMention, FactionMention, Mention, PlaceMention, SourceMention, TimexPart } from '../../analysis';
import { CompactReader, CompactWriter, hasKeys, keysWithOptional } from './compactWriter';

const BASE = ['kind', 'start', 'end', 'text', 'id', 'name', 'sentence'];
const PLACE_KEYS = [...BASE, 'lat', 'lon', 'country', 'countryName', 'admin1', 'feature', 'population', 'confidence', 'alternatives', 'reason'];
const DATE_KEYS = [...BASE, 'type', 'value', 'mod', 'relative', 'label', 'interval', 'explanation'];
const DATE_OPTIONAL = ['range', 'parts'];
const FACTION_KEYS = [...BASE, 'factionKind', 'country', 'resolvedFrom', 'descriptors'];
const SOURCE_KEYS = [...BASE, 'sourceKind', 'attributed'];
const SOURCE_OPTIONAL = ['role'];
const INTERVAL_KEYS = ['from', 'to'];
const PART_KEYS = ['start', 'end', 'type', 'value', 'mod'];

/** Columns of CompactWriter.str: a field whose value often repeats from one mention to the next. */
const enum Col {
  Id,
  Name,
  PlaceCountry,
  CountryName,
  Admin1,
  Feature,
  Alternatives,
  Reason,
  DateType,
  Value,
  Mod,
  Label,
  From,
  To,
  FactionKind,
  ResolvedFrom,
  Descriptors,
  SourceKind,
  FactionCountry,
  DateId,
  DateName,
  FactionId,
  FactionName,
  SourceId,
  SourceName,
}

/**
 * A mention's id and name columns by its kind (Col.Id and Col.Name are the places'): the kinds interleave in
 * an article, and one column for all kept the last value a mention of another kind had (8 hits in 146 ids).
 */
const ID_COLUMN = [Col.Id, Col.DateId, Col.FactionId, Col.SourceId];
const NAME_COLUMN = [Col.Name, Col.DateName, Col.FactionName, Col.SourceName];

const enum Tag {
  Place = 0,
  Date = 1,
  Faction = 2,
  Source = 3,
}
const TAG_KIND = 3;
/** Flag on the tag: the mention's name is its text (spelled as the canonical name), not written again. */
const NAME_IS_TEXT = 4;

// Flags of a place: which nullable numbers are null.
const LAT_NULL = 1;
const LON_NULL = 2;
const POPULATION_NULL = 4;
// Flags of a date.
const RELATIVE = 1;
const INTERVAL_NULL = 2;
const HAS_RANGE = 4;
const HAS_PARTS = 8;
const VALUE_IS_ID = 16;
const LABEL_IS_NAME = 32;

/** Writes every mention of an article. */
export function writeMentions(w: CompactWriter, mentions: readonly Mention[]): void {
  if (!Array.isArray(mentions)) {
    w.bad = true;
    return;
  }
  w.push(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const kind = m !== null && typeof m === 'object' ? m.kind : null;
    if (kind === 'place') writePlace(w, m as PlaceMention);
    else if (kind === 'date') writeDate(w, m as DateMention);
    else if (kind === 'faction') writeFaction(w, m as FactionMention);
    else if (kind === 'source') writeSource(w, m as SourceMention);
    else w.bad = true;
    if (w.bad) return;
  }
}

// Mentions are sorted by start: each start is written after the previous mention's, its end after its start
// and its sentence after the previous mention's sentence, which keeps most of these numbers to one byte.
// The fields are read by each kind's writer and passed in: read here from five mention shapes, the one
// property-read site was megamorphic (writeBase and writeMentions were ~10 % of packing).
function writeBase(w: CompactWriter, tag: Tag, start: unknown, end: unknown, text: unknown, id: unknown, name: unknown, sentence: unknown): void {
  const nameIsText = name === text && typeof name === 'string';
  w.push(nameIsText ? tag | NAME_IS_TEXT : tag);
  w.delta(start, w.lastStart);
  w.delta(end, start as number);
  w.inline(text);
  w.str(id, ID_COLUMN[tag]);
  if (!nameIsText) w.str(name, NAME_COLUMN[tag]);
  w.delta(sentence, w.lastSentence);
  w.lastStart = start as number;
  w.lastSentence = sentence as number;
}

function writePlace(w: CompactWriter, m: PlaceMention): void {
  if (!hasKeys(m, PLACE_KEYS)) {
    w.bad = true;
    return;
  }
  writeBase(w, Tag.Place, m.start, m.end, m.text, m.id, m.name, m.sentence);
  w.push((m.lat === null ? LAT_NULL : 0) | (m.lon === null ? LON_NULL : 0) | (m.population === null ? POPULATION_NULL : 0));
  if (m.lat !== null) w.float(m.lat);
  if (m.lon !== null) w.float(m.lon);
  w.strOrNull(m.country, Col.PlaceCountry);
  w.strOrNull(m.countryName, Col.CountryName);
  w.strOrNull(m.admin1, Col.Admin1);
  w.str(m.feature, Col.Feature);
  if (m.population !== null) w.float(m.population);
  w.float(m.confidence);
  w.strList(m.alternatives, Col.Alternatives);
  w.str(m.reason, Col.Reason);
}

function writeDate(w: CompactWriter, m: DateMention): void {
  const optional = keysWithOptional(m, DATE_KEYS, DATE_OPTIONAL);
  if (optional < 0 || typeof m.relative !== 'boolean') {
    w.bad = true;
    return;
  }
  writeBase(w, Tag.Date, m.start, m.end, m.text, m.id, m.name, m.sentence);
  const hasRange = (optional & 1) !== 0;
  const hasParts = (optional & 2) !== 0;
  // A date's value is mostly its id and its label its name: said by a flag, not looked up again.
  const valueIsId = m.value === m.id;
  const labelIsName = m.label === m.name;
  w.push((m.relative ? RELATIVE : 0) | (m.interval === null ? INTERVAL_NULL : 0) | (hasRange ? HAS_RANGE : 0) | (hasParts ? HAS_PARTS : 0) | (valueIsId ? VALUE_IS_ID : 0) | (labelIsName ? LABEL_IS_NAME : 0));
  w.str(m.type, Col.DateType);
  if (!valueIsId) w.str(m.value, Col.Value);
  w.strOrNull(m.mod, Col.Mod);
  if (!labelIsName) w.str(m.label, Col.Label);
  if (m.interval !== null) {
    if (!hasKeys(m.interval, INTERVAL_KEYS)) {
      w.bad = true;
      return;
    }
    w.str(m.interval.from, Col.From);
    w.str(m.interval.to, Col.To);
  }
  // Long, templated and a new string in each mention: hashing it for the table cost more than it saved.
  w.inline(m.explanation);
  if (hasRange) {
    if (!hasKeys(m.range, INTERVAL_KEYS)) {
      w.bad = true;
      return;
    }
    w.strOrNull(m.range!.from);
    w.strOrNull(m.range!.to);
  }
  if (hasParts) writeParts(w, m.parts);
}

function writeParts(w: CompactWriter, parts: readonly TimexPart[] | undefined): void {
  if (!Array.isArray(parts)) {
    w.bad = true;
    return;
  }
  w.push(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!hasKeys(p, PART_KEYS)) {
      w.bad = true;
      return;
    }
    w.int(p.start);
    w.delta(p.end, p.start);
    w.str(p.type);
    w.str(p.value);
    w.strOrNull(p.mod);
  }
}

function writeFaction(w: CompactWriter, m: FactionMention): void {
  if (!hasKeys(m, FACTION_KEYS)) {
    w.bad = true;
    return;
  }
  writeBase(w, Tag.Faction, m.start, m.end, m.text, m.id, m.name, m.sentence);
  w.str(m.factionKind, Col.FactionKind);
  w.strOrNull(m.country, Col.FactionCountry);
  w.str(m.resolvedFrom, Col.ResolvedFrom);
  w.strList(m.descriptors, Col.Descriptors);
}

function writeSource(w: CompactWriter, m: SourceMention): void {
  const optional = keysWithOptional(m, SOURCE_KEYS, SOURCE_OPTIONAL);
  if (optional < 0) {
    w.bad = true;
    return;
  }
  writeBase(w, Tag.Source, m.start, m.end, m.text, m.id, m.name, m.sentence);
  w.str(m.sourceKind, Col.SourceKind);
  w.intList(m.attributed);
  w.absentOrStr((optional & 1) !== 0, m.role);
}

/** The fields every mention has, read before its kind's own (one object a mention, short-lived). */
interface Base {
  start: number;
  end: number;
  text: string;
  id: string;
  name: string;
  sentence: number;
}

function readBase(r: CompactReader, tag: number): Base {
  const start = (r.lastStart = r.delta(r.lastStart));
  const end = r.delta(start);
  const text = r.str();
  const id = r.str();
  const name = tag & NAME_IS_TEXT ? text : r.str();
  return { start, end, text, id, name, sentence: (r.lastSentence = r.delta(r.lastSentence)) };
}

/** Reads the mentions writeMentions wrote, as fresh objects with the same keys in the same order. */
export function readMentions(r: CompactReader): Mention[] {
  const n = r.count();
  const out: Mention[] = [];
  for (let i = 0; i < n; i++) {
    const tag = r.count();
    const b = readBase(r, tag);
    const kind = tag & TAG_KIND;
    if (kind === Tag.Place) out.push(readPlace(r, b));
    else if (kind === Tag.Date) out.push(readDate(r, b));
    else if (kind === Tag.Faction) out.push(readFaction(r, b));
    else out.push(readSource(r, b));
  }
  return out;
}

/**
 * The spans of the mentions of one kind whose id is one of the strings numbered `idNumbers`, every other field
 * passed over without making objects (the fields each reader below takes, in its order; floats are in their
 * own array and need no passing over). "Find All Mentions" of a place named in 7,672 of 10,000 articles
 * decoded every mention of each to keep a few: 0.045 ms an article against 0.021 ms here, and far less garbage.
 */
export function readMentionSpans(r: CompactReader, kind: Mention['kind'], idNumbers: readonly number[]): { start: number; end: number }[] {
  const wanted = kind === 'place' ? Tag.Place : kind === 'date' ? Tag.Date : kind === 'faction' ? Tag.Faction : Tag.Source;
  const out: { start: number; end: number }[] = [];
  const n = r.count();
  for (let i = 0; i < n; i++) {
    const tag = r.count();
    // readBase: start, end, text, id, name unless it is the text, sentence.
    const start = (r.lastStart = r.delta(r.lastStart));
    const end = r.delta(start);
    r.count();
    const id = r.count() - 2;
    if (!(tag & NAME_IS_TEXT)) r.count();
    r.count();
    const k = tag & TAG_KIND;
    if (k === wanted && idNumbers.includes(id)) out.push({ start, end });
    if (k === Tag.Place) {
      // flags, country, countryName, admin1, feature; alternatives; reason.
      passNumbers(r, 5);
      passList(r);
      r.count();
    } else if (k === Tag.Date) passDate(r);
    else if (k === Tag.Faction) {
      // factionKind, country, resolvedFrom; descriptors.
      passNumbers(r, 3);
      passList(r);
    } else {
      // sourceKind; attributed; role.
      r.count();
      passList(r);
      r.count();
    }
  }
  return out;
}

/** Passes over what readDate reads after the base. */
function passDate(r: CompactReader): void {
  const flags = r.count();
  r.count();
  if (!(flags & VALUE_IS_ID)) r.count();
  r.count();
  if (!(flags & LABEL_IS_NAME)) r.count();
  if (!(flags & INTERVAL_NULL)) {
    r.count();
    r.count();
  }
  r.count();
  if (flags & HAS_RANGE) {
    r.count();
    r.count();
  }
  // Each part: start, end, type, value, mod.
  if (flags & HAS_PARTS) for (let p = r.count(); p > 0; p--) passNumbers(r, 5);
}

/** Passes over a list of strings or integers (its length, then one number each). */
function passList(r: CompactReader): void {
  passNumbers(r, r.count());
}

/** Passes over `count` numbers of the stream (string numbers, integers, list lengths: each is one). */
export function passNumbers(r: CompactReader, count: number): void {
  for (let k = 0; k < count; k++) r.count();
}

function readPlace(r: CompactReader, b: Base): PlaceMention {
  const { start, end, text, id, name, sentence } = b;
  const flags = r.count();
  const lat = flags & LAT_NULL ? null : r.float();
  const lon = flags & LON_NULL ? null : r.float();
  const country = r.strOrNull();
  const countryName = r.strOrNull();
  const admin1 = r.strOrNull();
  const feature = r.str() as PlaceMention['feature'];
  const population = flags & POPULATION_NULL ? null : r.float();
  const confidence = r.float();
  const alternatives = r.strList();
  const reason = r.str();
  return { kind: 'place', start, end, text, id, name, sentence, lat, lon, country, countryName, admin1, feature, population, confidence, alternatives, reason };
}

function readDate(r: CompactReader, b: Base): DateMention {
  const { start, end, text, id, name, sentence } = b;
  const flags = r.count();
  const type = r.str() as DateMention['type'];
  const value = flags & VALUE_IS_ID ? id : r.str();
  const mod = r.strOrNull() as DateMention['mod'];
  const label = flags & LABEL_IS_NAME ? name : r.str();
  const interval = flags & INTERVAL_NULL ? null : { from: r.str(), to: r.str() };
  const explanation = r.str();
  const m: DateMention = { kind: 'date', start, end, text, id, name, sentence, type, value, mod, relative: (flags & RELATIVE) !== 0, label, interval, explanation };
  if (flags & HAS_RANGE) m.range = { from: r.strOrNull(), to: r.strOrNull() };
  if (flags & HAS_PARTS) m.parts = readParts(r);
  return m;
}

function readParts(r: CompactReader): TimexPart[] {
  const n = r.count();
  const out: TimexPart[] = [];
  for (let i = 0; i < n; i++) {
    const start = r.int();
    const end = r.delta(start);
    out.push({ start, end, type: r.str() as TimexPart['type'], value: r.str(), mod: r.strOrNull() as TimexPart['mod'] });
  }
  return out;
}

function readFaction(r: CompactReader, b: Base): FactionMention {
  const { start, end, text, id, name, sentence } = b;
  const factionKind = r.str() as FactionMention['factionKind'];
  const country = r.strOrNull();
  const resolvedFrom = r.str() as FactionMention['resolvedFrom'];
  return { kind: 'faction', start, end, text, id, name, sentence, factionKind, country, resolvedFrom, descriptors: r.strList() };
}

function readSource(r: CompactReader, b: Base): SourceMention {
  const { start, end, text, id, name, sentence } = b;
  const sourceKind = r.str() as SourceMention['sourceKind'];
  const attributed = r.intList();
  const m: SourceMention = { kind: 'source', start, end, text, id, name, sentence, sourceKind, attributed };
  const role = r.absentOrStr();
  if (role !== undefined) m.role = role;
  return m;
}
