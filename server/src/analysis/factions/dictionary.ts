// The factions dictionary's shape (server/data/factions.json, sources.json, .dateline/factions.json) and its validation.
// Dates follow PETRARCH's date-restricted codes: an alias, a backer or an alignment holds only inside [from, to).
import { FactionKind, SourceKind } from '../types';

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

export interface DatedAlias {
  text: string;
  from?: PartialDate;
  to?: PartialDate;
}

export type Alias = string | DatedAlias;

export interface DatedLink {
  id: string;
  from?: PartialDate;
  to?: PartialDate;
  note?: string;
}

export interface Alignment extends DatedLink {
  /** ally, affiliate, enemy, led-by, armed-wing-of, auxiliary-of, successor-of … */
  relation: string;
}

export interface FactionEntry {
  id: string;
  name: string;
  kind: FactionKind;
  /** ISO 3166-1 alpha-2, or null for transnational actors. */
  country: string | null;
  aliases: Alias[];
  /** Umbrella the faction belongs to (YPG within the SDF). */
  parent?: string;
  from?: PartialDate;
  to?: PartialDate;
  /** The name it took next (Nusra Front → Jabhat Fateh al-Sham). */
  successor?: string;
  predecessor?: string;
  backers?: DatedLink[];
  alignments?: Alignment[];
  /** Made of states' forces (peacekeeping missions, state coalitions): never "the group" or "the rebels". */
  stateParty?: boolean;
  /** Who commands it, dated: "forces loyal to Khalifa Haftar", "Haftar's forces". */
  leaders?: { name: string; from?: PartialDate; to?: PartialDate }[];
  note?: string;
}

export interface SourceEntry {
  id: string;
  name: string;
  kind: SourceKind;
  country: string | null;
  aliases: Alias[];
}

/** A country's forces as dated ids: the Syrian army is a different body after 8 Dec 2024. */
export type DatedIds = string | DatedLink[];

export interface CountryEntry {
  name: string;
  demonyms: string[];
  army?: DatedIds;
  government?: DatedIds;
}

export interface FactionDictionary {
  countries: Record<string, CountryEntry>;
  factions: FactionEntry[];
  sources: SourceEntry[];
}

export interface DictionaryProblem {
  /** JSON-pointer-like path: factions/12/aliases/3 */
  path: string;
  message: string;
}

const FACTION_KINDS: ReadonlySet<string> = new Set(['state', 'armed-group', 'coalition', 'militia', 'political', 'other']);
const SOURCE_KINDS: ReadonlySet<string> = new Set(['agency', 'monitor', 'official', 'unnamed', 'outlet', 'other']);
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const COUNTRY = /^[A-Z]{2}$/;

export function emptyDictionary(): FactionDictionary {
  return { countries: {}, factions: [], sources: [] };
}

/** Is the article date inside [from, to)? Partial dates compare by their precision; no date means always. */
export function activeAt(date: string | null, from?: PartialDate, to?: PartialDate): boolean {
  if (!date) return true;
  if (from && comparePrefix(date, from) < 0) return false;
  if (to) {
    const c = comparePrefix(date, to);
    if (to.length === 10 ? c >= 0 : c > 0) return false;
  }
  return true;
}

/**
 * date.slice(0, bound.length) compared with bound (sign as a string comparison), without the slice: the
 * matcher asks this per hit of a dated name, and each slice was a new string.
 */
function comparePrefix(date: string, bound: string): number {
  const n = Math.min(date.length, bound.length);
  // Worked out before the loop, not after it: the loop seldom runs to its end, so this subtraction had no
  // type feedback when mostFrequent, recent and activeAt were optimised, and the first date that got there
  // threw all three away to compile them again.
  const shorter = n - bound.length;
  for (let k = 0; k < n; k++) {
    const d = date.charCodeAt(k) - bound.charCodeAt(k);
    if (d) return d;
  }
  return shorter;
}

/** The id valid at a date from a dated list (or the plain id). */
export function idAt(ids: DatedIds | undefined, date: string | null): string | null {
  if (!ids) return null;
  if (typeof ids === 'string') return ids;
  // A plain loop: a closure for find() was made per call (every "the army" resolved).
  for (let k = 0; k < ids.length; k++) if (activeAt(date, ids[k].from, ids[k].to)) return ids[k].id;
  return !date && ids.length ? ids[ids.length - 1].id : null;
}

export function aliasText(a: Alias): string {
  return typeof a === 'string' ? a : a.text;
}

/**
 * Checks types and cross-references of a dictionary (built-in or user).
 * Returns the entries that are usable plus one problem per defect; never throws.
 */
export function validateDictionary(raw: unknown, known: ReadonlySet<string> = new Set()): { dictionary: FactionDictionary; problems: DictionaryProblem[] } {
  const problems: DictionaryProblem[] = [];
  const out = emptyDictionary();
  if (!isObject(raw)) {
    problems.push({ path: '', message: 'expected an object with "factions"' });
    return { dictionary: out, problems };
  }
  if (raw.countries !== undefined) {
    if (!isObject(raw.countries)) problems.push({ path: 'countries', message: 'expected an object keyed by ISO country code' });
    else {
      for (const [code, c] of Object.entries(raw.countries)) {
        const country = checkCountry(c, `countries/${code}`, problems);
        if (!COUNTRY.test(code)) problems.push({ path: `countries/${code}`, message: 'country keys are ISO 3166-1 alpha-2 codes (e.g. "SY")' });
        else if (country) out.countries[code] = country;
      }
    }
  }
  const ids = new Set<string>(known);
  const rawIndex: number[] = [];
  list(raw.factions, 'factions', problems).forEach((f, i) => {
    const entry = checkFaction(f, `factions/${i}`, problems);
    if (!entry) return;
    if (ids.has(entry.id) && !known.has(entry.id)) problems.push({ path: `factions/${i}/id`, message: `duplicate id "${entry.id}"` });
    ids.add(entry.id);
    out.factions.push(entry);
    rawIndex.push(i);
  });
  list(raw.sources, 'sources', problems).forEach((s, i) => {
    const entry = checkSource(s, `sources/${i}`, problems);
    if (entry) out.sources.push(entry);
  });
  // Cross-references: every id a faction names must exist.
  out.factions.forEach((f, n) => {
    const i = rawIndex[n];
    const refs: [string, string | undefined][] = [
      ['parent', f.parent],
      ['successor', f.successor],
      ['predecessor', f.predecessor],
      ...(f.backers ?? []).map((b, j) => [`backers/${j}`, b.id] as [string, string]),
      ...(f.alignments ?? []).map((a, j) => [`alignments/${j}`, a.id] as [string, string]),
    ];
    for (const [where, id] of refs) if (id !== undefined && !ids.has(id)) problems.push({ path: `factions/${i}/${where}`, message: `unknown faction id "${id}"` });
    if (f.parent === f.id) problems.push({ path: `factions/${i}/parent`, message: 'a faction cannot be its own parent' });
  });
  for (const [code, c] of Object.entries(out.countries)) {
    for (const [field, v] of [['army', c.army], ['government', c.government]] as const) {
      const list = typeof v === 'string' ? [v] : (v ?? []).map((l) => l.id);
      for (const id of list) if (!ids.has(id)) problems.push({ path: `countries/${code}/${field}`, message: `unknown faction id "${id}"` });
    }
  }
  return { dictionary: out, problems };
}

function checkCountry(raw: unknown, path: string, problems: DictionaryProblem[]): CountryEntry | null {
  if (!isObject(raw) || typeof raw.name !== 'string' || !Array.isArray(raw.demonyms) || !raw.demonyms.every((d) => typeof d === 'string' && d.length > 0)) {
    problems.push({ path, message: 'a country needs "name" and "demonyms" (strings)' });
    return null;
  }
  const army = checkDatedIds(raw.army, `${path}/army`, problems);
  const government = checkDatedIds(raw.government, `${path}/government`, problems);
  return { name: raw.name, demonyms: raw.demonyms as string[], army, government };
}

function checkDatedIds(raw: unknown, path: string, problems: DictionaryProblem[]): DatedIds | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') return raw;
  const links = checkLinks(raw, path, problems);
  return links.length ? links : undefined;
}

function checkFaction(raw: unknown, path: string, problems: DictionaryProblem[]): FactionEntry | null {
  if (!isObject(raw)) {
    problems.push({ path, message: 'expected a faction object' });
    return null;
  }
  const bad = (field: string, message: string) => problems.push({ path: `${path}/${field}`, message });
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) {
    bad('id', 'id must be lowercase letters, digits and hyphens');
    return null;
  }
  if (typeof raw.name !== 'string' || !raw.name.trim()) {
    bad('name', 'name must be a non-empty string');
    return null;
  }
  const kind = typeof raw.kind === 'string' && FACTION_KINDS.has(raw.kind) ? (raw.kind as FactionKind) : null;
  if (!kind) bad('kind', `kind must be one of ${[...FACTION_KINDS].join(', ')}`);
  const country = checkCountryCode(raw.country, `${path}/country`, problems);
  const entry: FactionEntry = { id: raw.id, name: raw.name, kind: kind ?? 'other', country, aliases: checkAliases(raw.aliases, `${path}/aliases`, problems) };
  for (const f of ['parent', 'successor', 'predecessor', 'note'] as const) {
    if (raw[f] === undefined) continue;
    if (typeof raw[f] === 'string') entry[f] = raw[f] as string;
    else bad(f, `${f} must be a string`);
  }
  for (const f of ['from', 'to'] as const) {
    if (raw[f] === undefined) continue;
    if (typeof raw[f] === 'string' && DATE.test(raw[f] as string)) entry[f] = raw[f] as string;
    else bad(f, `${f} must be a date: YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (entry.from && entry.to && entry.to < entry.from) bad('to', '"to" is before "from"');
  if (raw.leaders !== undefined) {
    entry.leaders = [];
    if (!Array.isArray(raw.leaders)) bad('leaders', 'leaders must be a list of { "name", "from", "to" }');
    else
      raw.leaders.forEach((l, i) => {
        if (!isObject(l) || typeof l.name !== 'string' || !l.name.trim()) return void bad(`leaders/${i}`, 'a leader needs a "name"');
        const leader: { name: string; from?: string; to?: string } = { name: l.name };
        for (const f of ['from', 'to'] as const) {
          if (l[f] === undefined) continue;
          if (typeof l[f] === 'string' && DATE.test(l[f] as string)) leader[f] = l[f] as string;
          else bad(`leaders/${i}/${f}`, `${f} must be a date: YYYY, YYYY-MM or YYYY-MM-DD`);
        }
        entry.leaders!.push(leader);
      });
  }
  if (raw.stateParty !== undefined) {
    if (typeof raw.stateParty === 'boolean') entry.stateParty = raw.stateParty;
    else bad('stateParty', 'stateParty must be true or false');
  }
  if (raw.backers !== undefined) entry.backers = checkLinks(raw.backers, `${path}/backers`, problems);
  if (raw.alignments !== undefined) {
    entry.alignments = checkLinks(raw.alignments, `${path}/alignments`, problems).filter((l, i) => {
      const relation = (raw.alignments as Record<string, unknown>[])[i]?.relation;
      if (typeof relation !== 'string' || !relation) {
        problems.push({ path: `${path}/alignments/${i}/relation`, message: 'an alignment needs a "relation" (ally, affiliate, enemy, led-by…)' });
        return false;
      }
      (l as Alignment).relation = relation;
      return true;
    }) as Alignment[];
  }
  return entry;
}

function checkSource(raw: unknown, path: string, problems: DictionaryProblem[]): SourceEntry | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || !ID.test(raw.id) || typeof raw.name !== 'string') {
    problems.push({ path, message: 'a source needs an "id" (lowercase, hyphens) and a "name"' });
    return null;
  }
  const kind = typeof raw.kind === 'string' && SOURCE_KINDS.has(raw.kind) ? (raw.kind as SourceKind) : null;
  if (!kind) problems.push({ path: `${path}/kind`, message: `kind must be one of ${[...SOURCE_KINDS].join(', ')}` });
  const country = checkCountryCode(raw.country, `${path}/country`, problems);
  return { id: raw.id, name: raw.name, kind: kind ?? 'other', country, aliases: checkAliases(raw.aliases, `${path}/aliases`, problems) };
}

function checkCountryCode(raw: unknown, path: string, problems: DictionaryProblem[]): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && COUNTRY.test(raw)) return raw;
  problems.push({ path, message: 'country must be an ISO 3166-1 alpha-2 code such as "SY", or null' });
  return null;
}

function checkAliases(raw: unknown, path: string, problems: DictionaryProblem[]): Alias[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ path, message: 'aliases must be a list' });
    return [];
  }
  const out: Alias[] = [];
  raw.forEach((a, i) => {
    if (typeof a === 'string' && a.trim()) out.push(a);
    else if (isObject(a) && typeof a.text === 'string' && a.text.trim()) {
      const dated: DatedAlias = { text: a.text };
      for (const f of ['from', 'to'] as const) {
        if (a[f] === undefined) continue;
        if (typeof a[f] === 'string' && DATE.test(a[f] as string)) dated[f] = a[f] as string;
        else problems.push({ path: `${path}/${i}/${f}`, message: `${f} must be a date: YYYY, YYYY-MM or YYYY-MM-DD` });
      }
      out.push(dated);
    } else problems.push({ path: `${path}/${i}`, message: 'an alias is a non-empty string or { "text", "from", "to" }' });
  });
  return out;
}

function checkLinks(raw: unknown, path: string, problems: DictionaryProblem[]): DatedLink[] {
  if (!Array.isArray(raw)) {
    problems.push({ path, message: 'expected a list of { "id", "from", "to" }' });
    return [];
  }
  const out: DatedLink[] = [];
  raw.forEach((l, i) => {
    if (!isObject(l) || typeof l.id !== 'string') {
      problems.push({ path: `${path}/${i}`, message: 'expected { "id", "from", "to" }' });
      return;
    }
    const link: DatedLink = { id: l.id };
    for (const f of ['from', 'to'] as const) {
      if (l[f] === undefined) continue;
      if (typeof l[f] === 'string' && DATE.test(l[f] as string)) link[f] = l[f] as string;
      else problems.push({ path: `${path}/${i}/${f}`, message: `${f} must be a date: YYYY, YYYY-MM or YYYY-MM-DD` });
    }
    if (typeof l.note === 'string') link.note = l.note;
    out.push(link);
  });
  return out;
}

function list(raw: unknown, path: string, problems: DictionaryProblem[]): unknown[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw)) return raw;
  problems.push({ path, message: 'expected a list' });
  return [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
