// Who might be speaking in a sentence: dictionary sources (agencies, monitors), named officials with their
// titles ("UN Special Envoy to Syria Staffan de Mistura"), later surnames ("de Mistura"), unnamed sources
// ("a source based in Deir al-Zour", "analysts"), pronouns and factions speaking ("The SDF said").
import { FactionMention, SourceKind, Span } from '../types';
import { FactionIndex } from './factionIndex';
import { matchDictionary, DictionaryHit, HitPool } from './matcher';
import { SourceEntry } from './dictionary';
import { oneLine, slugId } from './names';
import * as tokenBits from './tokens';
import { registerWords, tokenAtFrom, Token } from './tokens';
import { crossesAny, overlapsAny } from './spans';
import { tokenClasses, tokenFlags } from './tokenArrays';
import { ObjectPool } from '../objectPool';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { ABBR, CAP, HYPHENED, PUNCT, POSSESSIVE, UPPER, W_PARTICLE, W_REFERENCE, W_SOURCE_ALONE, W_SOURCE_FIRST, W_SOURCE_FIRST_LOWER, W_SOURCE_SECOND, W_TITLE_HEAD, W_UNNAMED_NOUN } = tokenBits;

export type CandidateKind = 'dictionary' | 'person' | 'unnamed' | 'actor' | 'pronoun' | 'statement';

export interface Candidate extends Span {
  first: number;
  last: number;
  kind: CandidateKind;
  id: string;
  name: string;
  sourceKind: SourceKind;
  /** A single person ("he" may refer to it). */
  person: boolean;
  /** "UN Special Envoy to Syria" for officials. */
  role?: string;
  /** Where the title starts in the text. */
  roleStart?: number;
}

/** A candidate with every field present: all candidates share one object shape, so reading and copying them stays cheap. */
export function candidate(
  start: number,
  end: number,
  first: number,
  last: number,
  kind: CandidateKind,
  id: string,
  name: string,
  sourceKind: SourceKind,
  person: boolean,
  role?: string,
  roleStart?: number,
): Candidate {
  return { start, end, first, last, kind, id, name, sourceKind, person, role, roleStart };
}

// Candidates of one sentence, reused from sentence to sentence: most are never shown (actors, unnamed sources and
// dictionary sources that do not speak), and one object each was the biggest share of the sources' allocation.
// findSourceMentions releases them at each sentence and copies (candidate()) any it keeps beyond the sentence.
// Officials are not pooled: the surnames map keeps them for the rest of the article.
const pool = new ObjectPool<Candidate>(1024);

/** Makes every pooled candidate free for reuse: those handed out before must no longer be read. */
export function releaseCandidates(): void {
  pool.reset();
}

/** candidate(), in an object of the pool: valid until the next releaseCandidates(). */
function pooledCandidate(start: number, end: number, first: number, last: number, kind: CandidateKind, id: string, name: string, sourceKind: SourceKind, person: boolean): Candidate {
  const c = pool.reuse();
  if (!c) return pool.keep(candidate(start, end, first, last, kind, id, name, sourceKind, person));
  c.start = start;
  c.end = end;
  c.first = first;
  c.last = last;
  c.kind = kind;
  c.id = id;
  c.name = name;
  c.sourceKind = sourceKind;
  c.person = person;
  c.role = undefined;
  c.roleStart = undefined;
  return c;
}

const TITLE_HEADS = new Set([
  'president', 'minister', 'envoy', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'general', 'gen',
  'lieutenant', 'lt', 'colonel', 'col', 'major', 'maj', 'brigadier', 'brig', 'commander', 'governor', 'mayor', 'speaker', 'king',
  'emir', 'prince', 'sheikh', 'senator', 'sen', 'chief', 'director', 'head', 'leader', 'adviser', 'advisor', 'admiral', 'adm',
  'marshal', 'ayatollah', 'chancellor', 'negotiator', 'representative', 'coordinator', 'commissioner', 'premier', 'chairman',
  'chairwoman', 'founder', 'cleric', 'mufti', 'analyst', 'researcher', 'activist', 'correspondent', 'expert', 'official',
  'lawmaker', 'mp', 'captain', 'capt', 'sergeant', 'sgt', 'deputy', 'pope', 'patriarch', 'diplomat', 'journalist', 'resident', 'doctor', 'dr',
]);
const TITLE_MODIFIERS = new Set([
  'deputy', 'foreign', 'defense', 'defence', 'interior', 'information', 'special', 'vice', 'prime', 'first', 'assistant', 'senior',
  'top', 'military', 'army', 'former', 'acting', 'state', 'affairs', 'security', 'national', 'council', 'ministry', 'parliament',
  'parliamentary', 'assembly', 'committee', 'forces', 'of', 'for', 'to', 'the', 'and', 'in', 'on', 'united', 'nations', 'general',
  'high', 'human', 'rights', 'office', 'agency', 'operations', 'media', 'press', 'spokesman', 'staff', 'joint', 'regional',
  'provincial', 'local', 'field', 'rebel', 'opposition', 'government', 'health', 'relief', 'observatory', 'war', 'monitor',
  'humanitarian', 'emergency', 'executive', 'political', 'bureau', 'central', 'command', 'defense', 'secretary', 'general',
]);
const NAME_PARTICLES = new Set(['de', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'da', 'di', 'la', 'le', 'ould', 'bint', 'abu', 'abd', 'ben', 'ag']);
const NOT_NAMES = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'he', 'she', 'it', 'they', 'but', 'and', 'said', 'says', 'told', 'meanwhile', 'however', 'also', 'earlier', 'later', 'after', 'before', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

const UNNAMED_NOUNS = new Map<string, boolean>([
  // noun → singular (a person "he" may refer to)
  ['source', true], ['sources', false], ['official', true], ['officials', false], ['spokesman', true], ['spokeswoman', true],
  ['spokesperson', true], ['commander', true], ['commanders', false], ['witness', true], ['witnesses', false], ['eyewitness', true],
  ['eyewitnesses', false], ['resident', true], ['residents', false], ['activist', true], ['activists', false], ['analyst', true],
  ['analysts', false], ['expert', true], ['experts', false], ['observers', false], ['diplomat', true], ['diplomats', false],
  ['medic', true], ['medics', false], ['doctor', true], ['doctors', false], ['correspondent', true], ['reporter', true],
  ['journalist', true], ['journalists', false], ['monitors', false], ['officer', true], ['officers', false], ['fighter', true],
]);
const UNNAMED_DETERMINERS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'another', 'the', 'most']);
const UNNAMED_ADJECTIVES = new Set([
  'military', 'security', 'senior', 'local', 'government', 'army', 'medical', 'rebel', 'opposition', 'top', 'high', 'ranking',
  'field', 'western', 'diplomatic', 'humanitarian', 'police', 'intelligence', 'defense', 'defence', 'informed', 'knowledgeable',
  'independent', 'political', 'regional', 'tribal', 'provincial', 'official', 'anonymous', 'unnamed', 'other', 'syrian', 'military-run',
  'state', 'news', 'hospital', 'health', 'civil', 'defense', 'media', 'relief', 'aid', 'rights', 'human', 'pro-government', 'familiar',
]);
const LOCATIVES = new Set(['based', 'in', 'inside', 'near', 'from', 'at', 'close', 'to', 'with', 'on', 'the', 'ground']);

registerWords(W_TITLE_HEAD, TITLE_HEADS);
registerWords(W_UNNAMED_NOUN, UNNAMED_NOUNS.keys());
const STATEMENT_NOUNS = new Set(['statement', 'report', 'communique', 'communiqué']);
// The pronouns, and the nouns of "the statement": not "the", which nearly every sentence has (the nouns are rarer).
registerWords(W_REFERENCE, ['he', 'she', ...STATEMENT_NOUNS]);
registerWords(W_PARTICLE, NAME_PARTICLES);

/** dictionaryCandidates' hits, one list and one pool of hit objects for every call (read within the call only). */
const sourceHits: DictionaryHit<SourceEntry>[] = [];
const sourceHitPool = new HitPool<SourceEntry>();

/** Dictionary sources in the token range; hits overlapping blocked spans (places, factions) are dropped. */
export function dictionaryCandidates(text: string, tokens: Token[], from: number, to: number, index: FactionIndex, date: string | null, blocked: Span[], out: Candidate[]): void {
  const hits = sourceHits;
  while (hits.length) hits.pop();
  sourceHitPool.reset();
  matchDictionary(text, tokens, from, to, index.sources, date, hits, W_SOURCE_FIRST, W_SOURCE_ALONE, W_SOURCE_SECOND, W_SOURCE_FIRST_LOWER, sourceHitPool);
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    // "The London-based watchdog" contains a place; that is fine. A hit cut by a mention's edge is not.
    if (crossesAny(h, blocked)) continue;
    const e = h.targets[0].entry;
    out.push(pooledCandidate(h.start, h.end, h.first, h.last, 'dictionary', e.id, e.name, e.kind, false));
  }
}

/** A faction mention that may speak ("The SDF said", "the army said in a statement"); `from`: a token at or before it. */
export function actorCandidate(tokens: Token[], a: FactionMention, from: number): Candidate {
  const first = tokenAtFrom(tokens, a.start, from);
  const last = tokenAtFrom(tokens, a.end, first);
  const sourceKind: SourceKind = a.factionKind === 'state' || a.factionKind === 'political' || a.factionKind === 'coalition' ? 'official' : 'other';
  return pooledCandidate(a.start, a.end, first, last, 'actor', a.id, a.name, sourceKind, false);
}

/** Named officials: a title then a name, or a name then ", the title". Registers surnames for later. */
export function officialCandidates(text: string, tokens: Token[], from: number, to: number, index: FactionIndex, blocked: Span[], surnames: Surnames, out: Candidate[]): void {
  const classes = tokenClasses(tokens);
  for (let i = from; i < to; i++) {
    if (!(classes[i] & W_TITLE_HEAD)) continue;
    const t = tokens[i];
    if (t.flags & PUNCT) continue;
    // Walk forward over the rest of the title: "Special Envoy to Syria", "speaker of the Syrian parliament,".
    let k = i + 1;
    while (k < to && k - i < 10 && isTitleToken(tokens, k, index, blocked)) k++;
    if (k < to && tokens[k].key === ',') k++;
    const name = nameAt(tokens, k, to, blocked);
    if (name && (name.last - k >= 2 || k === i + 1 || tokens[k - 1].key === ',')) {
      const roleFirst = titleStart(tokens, i, from, index, blocked);
      const roleEnd = tokens[k - 1].key === ',' ? tokens[k - 2].end : tokens[k - 1].end;
      const role = oneLine(text.slice(tokens[roleFirst].start, roleEnd));
      push(text, tokens, name.first, name.last, role, surnames, out);
      out[out.length - 1].roleStart = tokens[roleFirst].start;
      i = name.last - 1;
      continue;
    }
    // "Rami Abdulrahman, the head of the Observatory,"
    let b = i - 1;
    while (b > from && TITLE_MODIFIERS.has(tokens[b].key) && tokens[b].key !== 'the' && tokens[b].key !== 'a') b--;
    if (b > from && (tokens[b].key === 'the' || tokens[b].key === 'a')) b--;
    if (b > from && tokens[b].key === ',') {
      const before = nameBefore(tokens, b, from, blocked);
      if (before && before.last - before.first >= 2) {
        let e = i + 1;
        while (e < to && e - i < 8 && isTitleToken(tokens, e, index, blocked)) e++;
        push(text, tokens, before.first, before.last, text.slice(tokens[b + 1].start, tokens[e - 1].end), surnames, out);
      }
    }
  }
}

function push(text: string, tokens: Token[], first: number, last: number, role: string, surnames: Surnames, out: Candidate[]): void {
  const name = oneLine(text.slice(tokens[first].start, tokens[last - 1].end));
  const c = candidate(tokens[first].start, tokens[last - 1].end, first, last, 'person', slugId('person:', name), name, 'official', true, role);
  out.push(c);
  // Later references by surname: "Mekdad", "de Mistura".
  const lastKey = tokens[last - 1].key;
  const particle = last - 2 > first && NAME_PARTICLES.has(tokens[last - 2].key) ? tokens[last - 2].key : null;
  surnames.add(lastKey, particle, c);
}

function isTitleToken(tokens: Token[], k: number, index: FactionIndex, blocked: Span[]): boolean {
  const t = tokens[k];
  if (t.flags & POSSESSIVE) return true;
  if (t.key === '.' && k > 0 && tokens[k - 1].end === t.start && tokens[k - 1].end - tokens[k - 1].start <= 4) return true;
  if (t.flags & PUNCT) return false;
  if (TITLE_HEADS.has(t.key) || TITLE_MODIFIERS.has(t.key)) return true;
  if (t.flags & (UPPER | ABBR)) return true;
  if (index.demonyms.has(t.key) && t.flags & CAP) return true;
  if (isCountryName(t.key, index)) return true;
  return overlapsAny(t, blocked);
}

const countryNames = new WeakMap<FactionIndex, Set<string>>();

function isCountryName(key: string, index: FactionIndex): boolean {
  let names = countryNames.get(index);
  if (!names) {
    names = new Set([...index.countries.values()].map((c) => c.name.toLowerCase()));
    countryNames.set(index, names);
  }
  return names.has(key);
}

function titleStart(tokens: Token[], i: number, from: number, index: FactionIndex, blocked: Span[]): number {
  let s = i;
  while (s > from) {
    const t = tokens[s - 1];
    const ok =
      (TITLE_MODIFIERS.has(t.key) && t.key !== 'the' && t.key !== 'and' && t.key !== 'of' && t.key !== 'to' && t.key !== 'in' && t.key !== 'on') ||
      TITLE_HEADS.has(t.key) ||
      (t.flags & (UPPER | ABBR)) !== 0 ||
      (t.flags & POSSESSIVE) !== 0 ||
      (index.demonyms.has(t.key) && (t.flags & CAP) !== 0) ||
      ((tokens[s]?.flags ?? 0) & POSSESSIVE && (t.flags & CAP) !== 0) ||
      overlapsAny(t, blocked);
    if (!ok || t.flags & PUNCT) break;
    s--;
  }
  return s;
}

function nameAt(tokens: Token[], k: number, to: number, blocked: Span[]): { first: number; last: number } | null {
  let e = k;
  while (e < to && e - k < 5) {
    const t = tokens[e];
    if (t.flags & PUNCT || overlapsAny(t, blocked)) break;
    if (isNameWord(t)) e++;
    else if (NAME_PARTICLES.has(t.key) && e + 1 < to && isNameWord(tokens[e + 1])) e++;
    else break;
  }
  if (e === k || !isNameWord(tokens[e - 1])) return null;
  if (!isNameWord(tokens[k]) && !NAME_PARTICLES.has(tokens[k].key)) return null;
  return { first: k, last: e };
}

function nameBefore(tokens: Token[], comma: number, from: number, blocked: Span[]): { first: number; last: number } | null {
  let s = comma;
  while (s > from && comma - s < 5) {
    const t = tokens[s - 1];
    if (t.flags & PUNCT || overlapsAny(t, blocked)) break;
    if (isNameWord(t) || (NAME_PARTICLES.has(t.key) && s < comma)) s--;
    else break;
  }
  while (s < comma && NAME_PARTICLES.has(tokens[s].key) && !(tokens[s].flags & CAP)) s++;
  return s < comma ? { first: s, last: comma } : null;
}

function isNameWord(t: Token): boolean {
  return (t.flags & CAP) !== 0 && !(t.flags & (PUNCT | ABBR | POSSESSIVE)) && !NOT_NAMES.has(t.key) && !TITLE_HEADS.has(t.key) && !(t.flags & UPPER && t.end - t.start <= 4);
}

/** Later references to a named person by surname ("Sabagh hailed…"). */
export function surnameCandidates(tokens: Token[], from: number, to: number, surnames: Surnames, taken: Candidate[], out: Candidate[]): void {
  if (!surnames.any) return;
  const classes = tokenClasses(tokens);
  const flags = tokenFlags(tokens);
  for (let i = from; i < to; i++) {
    // Word-class bit for the particles: no set lookup per lowercase word.
    if (flags[i] & PUNCT || !(flags[i] & CAP || classes[i] & W_PARTICLE)) continue;
    const t = tokens[i];
    for (let len = 2; len >= 1; len--) {
      if (i + len > to) continue;
      // Two-word surnames start with a particle ("de Mistura"); a surname ends capitalised (tested before the lookup).
      if (len === 2 ? !(t.cls & W_PARTICLE) : !(t.flags & CAP)) continue;
      const person = len === 2 ? surnames.twoWord(t.key, tokens[i + 1].key) : surnames.oneWord(t.key);
      const lastTok = tokens[i + len - 1];
      if (!person || !(lastTok.flags & CAP)) continue;
      if (overlapsCandidate(taken, t.start, lastTok.end)) continue;
      // A first name followed by the same surname is the full name again, handled as a person already.
      out.push(candidate(t.start, lastTok.end, i, i + len, 'person', person.id, person.name, 'official', true, person.role));
      i += len - 1;
      break;
    }
  }
}

/** Does a candidate overlap [start, end)? */
function overlapsCandidate(cands: Candidate[], start: number, end: number): boolean {
  for (let k = 0; k < cands.length; k++) if (cands[k].start < end && start < cands[k].end) return true;
  return false;
}

/** Surnames searched in order rather than looked up in a map (see Surnames). */
const FEW_SURNAMES = 8;

/**
 * The article's named officials by surname, for later references ("Mekdad", "de Mistura"). Two-word surnames
 * (a particle first) in a map per particle: looked up without making "al assad" for every "al-" in the text
 * (a fifth of the sources' bytes on FA-KES, where most names and places start with "al-").
 */
export class Surnames {
  private readonly single = new Map<string, Candidate>();
  private readonly byParticle = new Map<string, Map<string, Candidate>>();
  // The first few surnames again, in lists searched in order: every capitalised word after the first official
  // is looked up, and an article names a handful; comparing a few keys (interned: by address) costs less than
  // a map lookup each (a twentieth of the stages on FA-KES).
  private readonly firstKeys: string[] = [];
  private readonly firstOfficials: Candidate[] = [];

  /** Has any official been named yet? */
  get any(): boolean {
    return this.single.size > 0;
  }

  /** Registers official `c` under its last word (the first official keeps it) and its particle + last word (the latest). */
  add(lastKey: string, particle: string | null, c: Candidate): void {
    if (!this.single.has(lastKey)) {
      this.single.set(lastKey, c);
      if (this.firstKeys.length < FEW_SURNAMES) {
        this.firstKeys.push(lastKey);
        this.firstOfficials.push(c);
      }
    }
    if (!particle) return;
    let after = this.byParticle.get(particle);
    if (!after) this.byParticle.set(particle, (after = new Map()));
    after.set(lastKey, c);
  }

  oneWord(key: string): Candidate | undefined {
    if (this.single.size <= FEW_SURNAMES) {
      const keys = this.firstKeys;
      for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.firstOfficials[k];
      return undefined;
    }
    return this.single.get(key);
  }

  twoWord(particle: string, key: string): Candidate | undefined {
    return this.byParticle.get(particle)?.get(key);
  }

  /** Forgets every official: the next article starts with none (and this article's candidates are let go). */
  clear(): void {
    this.single.clear();
    this.byParticle.clear();
    this.firstKeys.length = 0;
    this.firstOfficials.length = 0;
  }
}

/** Unnamed sources: "a source based in Deir al-Zour", "a military source", "analysts", "residents". */
export function unnamedCandidates(tokens: Token[], from: number, to: number, out: Candidate[]): void {
  let after = from;
  const classes = tokenClasses(tokens);
  for (let k = from; k < to; k++) {
    if (!(classes[k] & W_UNNAMED_NOUN)) continue;
    const noun = tokens[k];
    const singular = UNNAMED_NOUNS.get(noun.key);
    if (singular === undefined || noun.flags & (HYPHENED | PUNCT)) continue;
    // Walk back over up to three adjectives and a determiner: "a senior Syrian military source".
    let i = k;
    let adjs = 0;
    while (i - 1 >= after && adjs < 3 && !(tokens[i - 1].flags & PUNCT) && !UNNAMED_DETERMINERS.has(tokens[i - 1].key) && (UNNAMED_ADJECTIVES.has(tokens[i - 1].key) || tokens[i - 1].flags & CAP)) {
      i--;
      adjs++;
    }
    const hasDet = i - 1 >= after && UNNAMED_DETERMINERS.has(tokens[i - 1].key) && !(tokens[i - 1].flags & HYPHENED);
    if (hasDet) i--;
    if (singular && !hasDet) continue;
    let last = k + 1;
    // "based in Deir al-Zour", "close to the army", "in Idlib"
    if (last < to && LOCATIVES.has(tokens[last].key) && tokens[last].key !== 'the' && tokens[last].key !== 'ground') {
      let e = last;
      while (e < to && e - last < 3 && LOCATIVES.has(tokens[e].key)) e++;
      let n = e;
      while (n < to && n - e < 5 && !(tokens[n].flags & PUNCT) && (tokens[n].flags & CAP || (NAME_PARTICLES.has(tokens[n].key) && n + 1 < to && tokens[n + 1].flags & CAP))) n++;
      if (n > e) last = n;
    }
    // Named (id and name) by nameUnnamed only if it speaks: most are dropped, and naming cost a slice and two strings each.
    out.push(pooledCandidate(tokens[i].start, tokens[last - 1].end, i, last, 'unnamed', '', '', 'unnamed', singular));
    after = last;
    k = last - 1;
  }
}

/**
 * Gives an unnamed candidate its id and name (its words without the determiner) if it has none yet. Its first
 * token is a determiner exactly when unnamedCandidates took one: the walk back over adjectives stops at
 * determiners, and no unnamed noun is one.
 */
export function nameUnnamed(text: string, tokens: Token[], c: Candidate): void {
  if (c.kind !== 'unnamed' || c.id) return;
  const start = UNNAMED_DETERMINERS.has(tokens[c.first].key) ? tokens[c.first + 1].start : c.start;
  const nameText = oneLine(text.slice(start, c.end));
  c.id = slugId('unnamed:', nameText);
  c.name = nameText;
}

/** "he", "she", "the statement": resolved when attributed. */
export function referenceCandidates(tokens: Token[], from: number, to: number, out: Candidate[]): void {
  const classes = tokenClasses(tokens);
  for (let i = from; i < to; i++) {
    if (!(classes[i] & W_REFERENCE)) continue;
    const t = tokens[i];
    if (t.key === 'he' || t.key === 'she') out.push(pooledCandidate(t.start, t.end, i, i + 1, 'pronoun', '', '', 'official', true));
    else if (i - 1 >= from && tokens[i - 1].key === 'the' && STATEMENT_NOUNS.has(t.key)) {
      out.push(pooledCandidate(tokens[i - 1].start, t.end, i - 1, i + 1, 'statement', '', '', 'official', false));
    }
  }
}
