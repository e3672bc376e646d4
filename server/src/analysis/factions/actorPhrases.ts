// Actor phrases outside the dictionary: demonym + force noun ("Iraqi troops" → Iraqi Security Forces,
// "Syrian and Iraqi troops" → two actors) and camp phrases ("Turkish-backed rebels", "pro-government fighters").
import { FactionKind } from '../types';
import { idAt } from './dictionary';
import { FactionIndex } from './factionIndex';
import * as tokenBits from './tokens';
import { Token } from './tokens';
import * as phraseWords from './phraseWords';
import { slug, slugId } from './names';
import { pluralNoun } from './phraseWords';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { CAP, HYPHENED, PUNCT, W_CAMP, W_DEMONYM } = tokenBits;
const { CAMP_ADJECTIVES, FORCE_MODIFIERS, GROUP_FORCE_NOUNS, STATE_FORCE_NOUNS, TWO_WORD_FORCES } = phraseWords;

// slug lives in names.ts; still exported here for callers that import it from this file.
export { slug };

export interface PhraseActor {
  first: number;
  last: number;
  id: string;
  name: string;
  factionKind: FactionKind;
  country: string | null;
}

interface Demonym {
  code: string;
  first: number;
  last: number;
}

/** Lowercase camp words that still name a side when not capitalised. */
const LOWERCASE_CAMPS = new Set(['foreign', 'tribal', 'opposition', 'rebel', 'loyalist', 'islamist', 'jihadist']);
const NONE: PhraseActor[] = [];
/** Words before a camp phrase that make it a count of several actors. */
const COUNTING = new Set(['two', 'three', 'four', 'both', 'several', 'many', 'rival', 'various', 'other', 'all', 'some', 'dozens', 'numerous']);
/** Modifiers that keep "<demonym> … forces" the state's own forces. */
const STATE_MODIFIERS = new Set(['government', 'regime', 'regular', 'elite', 'special', 'federal']);

/**
 * Actor phrases starting at token p. `described` says a descriptor chain precedes it, which lets a bare
 * noun ("Iranian-backed groups") stand; otherwise a demonym or camp adjective must lead.
 */
export function phraseActorsAt(text: string, tokens: Token[], p: number, end: number, index: FactionIndex, date: string | null, described: boolean): PhraseActor[] {
  // Cheap exit before any allocation: most capitalised words are neither demonyms nor camps.
  const t0 = tokens[p];
  if (!described && !(t0.flags & CAP && t0.cls & W_DEMONYM) && !isCamp(t0)) return NONE;
  let k = p;
  let demonym = demonymAt(tokens, k, end, index);
  // Reused from call to call (read within the call only); the list returned is made only for a phrase found.
  const camps = campWords;
  const pending = pendingDemonyms;
  while (camps.length) camps.pop();
  while (pending.length) pending.pop();
  if (demonym) {
    k = demonym.last;
    // "Syrian and Iraqi troops": the first demonym shares the noun.
    while (k + 1 < end && (tokens[k].key === 'and' || tokens[k].key === ',')) {
      const next = demonymAt(tokens, k + 1, end, index);
      if (!next) break;
      pending.push(demonym);
      demonym = next;
      k = next.last;
    }
  }
  let mods = 0;
  while (k < end && mods < 4 && !(tokens[k].flags & PUNCT) && (FORCE_MODIFIERS.has(tokens[k].key) || isCamp(tokens[k]))) {
    if (TWO_WORD_FORCES.get(tokens[k].key)?.has(tokens[k + 1]?.key ?? '') && k + 1 < end) break;
    camps.push(tokens[k].key);
    k++;
    mods++;
    // "Kurdish, Arab and Assyrian fighters": camps joined by commas and "and" share the noun.
    if (isCamp(tokens[k - 1]) && k + 1 < end && (tokens[k].key === ',' || tokens[k].key === 'and') && isCamp(tokens[k + 1])) k++;
    else if (isCamp(tokens[k - 1]) && k + 2 < end && tokens[k].key === ',' && tokens[k + 1].key === 'and' && isCamp(tokens[k + 2])) k += 2;
  }
  if (!demonym && !camps.length && !described) return NONE;
  // "the two jihadist groups", "both rebel factions": a count of actors, not an actor.
  if (!demonym && !described && p > 0 && COUNTING.has(tokens[p - 1].key)) return NONE;
  if (!demonym && !described && !anyIn(camps, CAMP_ADJECTIVES)) return NONE;
  const noun = nounAt(tokens, k, end);
  if (!noun) return NONE;
  const out: PhraseActor[] = [];
  const stateNoun = STATE_FORCE_NOUNS.has(noun.key) || TWO_WORD_FORCES.has(noun.firstKey);
  const ownForces = demonym && stateNoun && allIn(camps, STATE_MODIFIERS);
  for (const d of pending) {
    // Only state forces split cleanly ("Syrian and Iraqi troops"); "Syrian and Iraqi rebels" stays one actor.
    const own = stateNoun ? stateForces(index, d.code, date) : null;
    if (own) out.push(actorOver(own, d.first, d.last));
  }
  const first = demonym ? demonym.first : p;
  if (ownForces && demonym) {
    const own = stateForces(index, demonym.code, date);
    if (own) {
      out.push(actorOver(own, first, noun.last));
      return out;
    }
  }
  out.push(generic(text, tokens, first, noun.last, noun.key, demonym?.code ?? null, stateNoun && !described && camps.length === 0));
  return out;
}

function isCamp(t: Token): boolean {
  if (!(t.cls & W_CAMP)) return false;
  return (t.flags & CAP) !== 0 || LOWERCASE_CAMPS.has(t.key);
}

const campWords: string[] = [];
const pendingDemonyms: Demonym[] = [];

/** Is any of the words in the set? (A loop: no closure per call.) */
function anyIn(words: string[], set: ReadonlySet<string>): boolean {
  for (let k = 0; k < words.length; k++) if (set.has(words[k])) return true;
  return false;
}

/** Are all of the words in the set? */
function allIn(words: string[], set: ReadonlySet<string>): boolean {
  for (let k = 0; k < words.length; k++) if (!set.has(words[k])) return false;
  return true;
}

function demonymAt(tokens: Token[], k: number, end: number, index: FactionIndex): Demonym | null {
  const t = tokens[k];
  if (!t || k >= end || !(t.flags & CAP) || t.flags & PUNCT) return null;
  const options = index.demonyms.get(t.key);
  if (!options) return null;
  let best: Demonym | null = null;
  for (const o of options) {
    if (k + o.words.length > end) continue;
    let ok = true;
    for (let w = 1; w < o.words.length; w++) if (tokens[k + w].key !== o.words[w]) ok = false;
    if (ok && (!best || k + o.words.length > best.last)) best = { code: o.code, first: k, last: k + o.words.length };
  }
  return best;
}

function nounAt(tokens: Token[], k: number, end: number): { key: string; firstKey: string; last: number } | null {
  if (k >= end) return null;
  const t = tokens[k];
  if (t.flags & PUNCT) return null;
  const two = TWO_WORD_FORCES.get(t.key);
  if (two && k + 1 < end && two.has(tokens[k + 1].key)) return { key: `${t.key} ${tokens[k + 1].key}`, firstKey: t.key, last: k + 2 };
  if (STATE_FORCE_NOUNS.has(t.key) || GROUP_FORCE_NOUNS.has(t.key)) return { key: t.key, firstKey: t.key, last: k + 1 };
  return null;
}

function stateForces(index: FactionIndex, code: string, date: string | null): Omit<PhraseActor, 'first' | 'last'> | null {
  const country = index.countries.get(code);
  if (!country) return null;
  const id = idAt(country.army, date);
  const entry = id ? index.byId.get(id) : undefined;
  if (entry) return { id: entry.id, name: entry.name, factionKind: entry.kind, country: entry.country ?? code };
  return { id: `${code.toLowerCase()}-forces`, name: `${country.name} armed forces`, factionKind: 'state', country: code };
}

/** Plural nouns that make a phrase actor an armed group rather than a militia. */
const ARMED_GROUP_NOUNS = new Set(['rebels', 'insurgents', 'militants', 'jihadists', 'guerrillas', 'separatists', 'extremists']);

/** "the " in any case at the start (what /^the /i tests, without a regex per phrase). */
function startsWithThe(s: string): boolean {
  return s.length >= 4 && (s.charCodeAt(0) | 32) === 116 && (s.charCodeAt(1) | 32) === 104 && (s.charCodeAt(2) | 32) === 101 && s.charCodeAt(3) === 32;
}

/** A phrase actor over tokens [first, last) for `who`, built field by field: an object spread here was the
 * phrase pass's hottest line, and every actor keeps one shape. */
function actorOver(who: { id: string; name: string; factionKind: FactionKind; country: string | null }, first: number, last: number): PhraseActor {
  return { first, last, id: who.id, name: who.name, factionKind: who.factionKind, country: who.country };
}

/** The phrase actor `p` under another name (and the id that name gives). */
export function renamedActor(p: PhraseActor, name: string): PhraseActor {
  return { first: p.first, last: p.last, id: slugId('actor:', name), name, factionKind: p.factionKind, country: p.country };
}

export function generic(text: string, tokens: Token[], first: number, last: number, noun: string, country: string | null, stateLike: boolean): PhraseActor {
  const words: string[] = [];
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (t.flags & PUNCT) {
      if (t.key === ',' && words.length) words[words.length - 1] += ',';
      continue;
    }
    const surface = text.slice(t.start, t.end);
    // Proper adjectives keep their capital ("Iranian-backed"); the rest is lowercased; the noun is plural.
    const word = k === last - 1 ? pluralNoun(t.key) : t.flags & CAP ? surface : surface.toLowerCase();
    if (words.length && t.flags & HYPHENED) words[words.length - 1] += `-${word}`;
    else words.push(word);
  }
  const joined = words.join(' ');
  const name = startsWithThe(joined) ? joined.slice(4) : joined;
  const kind: FactionKind = stateLike ? 'state' : ARMED_GROUP_NOUNS.has(pluralNoun(noun)) ? 'armed-group' : 'militia';
  return { first, last, id: slugId('actor:', name), name, factionKind: kind, country };
}
