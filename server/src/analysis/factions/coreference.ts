// Coreference inside one article: "the army", "army forces", "government forces" → the state army of the
// article's focus country; "the group", "the militants", "the terror-designated group" → the armed group in
// focus. Only noun phrases are resolved: pronouns for factions are too often ambiguous in wire copy.
import { FactionMention, PlaceMention, Sentence, Span } from '../types';
import { activeAt, FactionEntry, idAt } from './dictionary';
import { FactionIndex } from './factionIndex';
import * as tokenBits from './tokens';
import { rangeClassMasks, registerWords, spanTokenRanges, tokenize, Token } from './tokens';
import { byStart, countStartingBefore, overlapsAny } from './spans';
import { tokenClasses } from './tokenArrays';
import { CountryTally } from './countryTally';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { CAP, HYPHENED, PUNCT, W_CORE_FIRST, W_CORE_HEAD } = tokenBits;

type Target = 'army' | 'government' | 'troops' | 'group' | 'jihadists' | 'coalition';

interface Pattern {
  words: string[];
  target: Target;
  /** Needs "the" in front ("the army", not "an army"). */
  needsThe: boolean;
}

const PATTERNS: Pattern[] = [
  ...['army forces', 'army troops', 'army units', 'army soldiers', 'government forces', 'government troops', 'government soldiers', 'regime forces', 'regime troops', 'armed forces'].map((w) => p(w, 'army', false)),
  ...['army jets', 'army warplanes', 'army aircraft', 'army helicopters', 'army artillery', 'army tanks'].map((w) => p(w, 'army', false)),
  ...['army', 'military'].map((w) => p(w, 'army', true)),
  p('troops', 'troops', true),
  ...['government', 'regime'].map((w) => p(w, 'government', true)),
  p('junta', 'government', false),
  ...['group', 'rebels', 'rebel group', 'paramilitary group', 'paramilitaries', 'paramilitary force', 'armed group'].map((w) => p(w, 'group', true)),
  p('coalition', 'coalition', true),
  ...['coalition warplanes', 'coalition aircraft', 'coalition jets', 'coalition forces', 'coalition troops'].map((w) => p(w, 'coalition', false)),
  ...[
    'militants', 'jihadists', 'extremists', 'terrorists', 'insurgents', 'terror group', 'terrorist group', 'terror designated group',
    'jihadist group', 'militant group', 'extremist group', 'islamist group', 'terrorist organization', 'terrorist organisation',
    'terror organization', 'jihadist organization', 'extremist organization', 'militant organization', 'terror outfit',
  ].map((w) => p(w, 'jihadists', true)),
].sort((a, b) => b.words.length - a.words.length);

function p(words: string, target: Target, needsThe: boolean): Pattern {
  return { words: words.split(' '), target, needsThe };
}

const BY_FIRST = new Map<string, Pattern[]>();
registerWords(W_CORE_FIRST, ['the', ...PATTERNS.map((x) => x.words[0])]);
registerWords(W_CORE_HEAD, PATTERNS.map((x) => x.words[0]));
for (const pat of PATTERNS) {
  const list = BY_FIRST.get(pat.words[0]) ?? [];
  list.push(pat);
  BY_FIRST.set(pat.words[0], list);
}

/** Ids of the jihadist movements; affiliates of either are jihadist too. */
const JIHADIST_ROOTS = new Set(['is', 'al-qaida', 'boko-haram', 'al-shabaab', 'taliban', 'ttp', 'nusra', 'jfs', 'hts', 'ansar-dine', 'mujao', 'ansarul-islam', 'jund-al-aqsa', 'tip', 'ansar-bait-al-maqdis', 'ansar-al-sharia-libya', 'haqqani-network', 'lashkar-e-taiba', 'jaish-e-mohammed', 'sipah-e-sahaba']);
const NON_STATE = new Set(['armed-group', 'militia', 'coalition']);
/** How far back (in sentences) "the group" looks for its antecedent before falling back to the article's main group. */
const WINDOW = 3;

export function isJihadist(e: FactionEntry | undefined): boolean {
  if (!e) return false;
  if (JIHADIST_ROOTS.has(e.id)) return true;
  return (e.alignments ?? []).some((a) => a.relation === 'affiliate' && (a.id === 'is' || a.id === 'al-qaida'));
}

/** The resolved generic mentions, each marked resolvedFrom 'context'. */
export function resolveReferences(
  text: string,
  sentences: Sentence[],
  index: FactionIndex,
  named: FactionMention[],
  places: PlaceMention[],
  blocked: Span[],
  date: string | null,
): FactionMention[] {
  const tokens = tokenize(text);
  // The focus country, found when the first reference needs it (reading every place costs; many articles have none).
  let focus: string | null | undefined;
  // Named mentions mostly come sorted already: copy and sort only when they do not.
  const sortedNamed = isSorted(named) ? named : [...named].sort(byStart);
  // Mentions per faction, counted only when a reference asks for the most frequent one.
  const counts: Tally = { named, counts: null, answered: 0, answers: [] };
  const out: FactionMention[] = [];
  const ranges = spanTokenRanges(tokens, sentences);
  const classes = tokenClasses(tokens);
  const present = rangeClassMasks(tokens, ranges);
  for (let si = 0; si < sentences.length; si++) {
    // Every reference has a head word in the sentence ("army", "group"; "the" alone is not one): most have none.
    if (!(present[si] & W_CORE_HEAD)) continue;
    const end = ranges[2 * si + 1];
    for (let i = ranges[2 * si]; i < end; i++) {
      if (!(classes[i] & W_CORE_FIRST)) continue;
      // A pattern's head is this word or, after "the", the next: "the" before any other word (most of the
      // W_CORE_FIRST tokens) needs no look at the tokens.
      if (!(classes[i] & W_CORE_HEAD) && !(i + 1 < end && classes[i + 1] & W_CORE_HEAD)) continue;
      const found = patternAt(tokens, i, end);
      if (!found) continue;
      const span = { start: tokens[i].start, end: tokens[found.last - 1].end };
      if (overlapsAny(span, blocked)) continue;
      if (focus === undefined) focus = focusCountry(sentences, named, places);
      const entry = targetFor(found.pattern.target, span.start, si, focus, index, date, sortedNamed, out, counts);
      if (!entry) continue;
      out.push({
        kind: 'faction',
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        id: entry.id,
        name: entry.name,
        sentence: si,
        factionKind: entry.kind,
        country: entry.country,
        resolvedFrom: 'context',
        descriptors: [],
      });
      i = found.last - 1;
    }
  }
  return out;
}

/** Named mentions per faction id, counted on first use. */
interface Tally {
  named: FactionMention[];
  counts: { ids: string[]; n: number[] } | null;
  /** Which Wanted kinds frequent() answered already (one bit each), and its answers: the same for every reference of the article. */
  answered: number;
  answers: (FactionEntry | undefined)[];
}

/** Ids in order of first mention, with their numbers of mentions. */
function tallyOf(t: Tally): { ids: string[]; n: number[] } {
  if (t.counts) return t.counts;
  const at = new Map<string, number>();
  const ids: string[] = [];
  const n: number[] = [];
  for (const m of t.named) {
    const k = at.get(m.id);
    if (k === undefined) {
      at.set(m.id, ids.length);
      ids.push(m.id);
      n.push(1);
    } else n[k]++;
  }
  t.counts = { ids, n };
  return t.counts;
}

function isSorted(list: FactionMention[]): boolean {
  for (let k = 1; k < list.length; k++) if (byStart(list[k - 1], list[k]) > 0) return false;
  return true;
}

function patternAt(tokens: Token[], i: number, end: number): { pattern: Pattern; last: number } | null {
  const t = tokens[i];
  if (t.flags & (PUNCT | HYPHENED)) return null;
  const hasThe = t.key === 'the';
  const from = hasThe ? i + 1 : i;
  if (from >= end) return null;
  // "the" before most words: no pattern starts there, so no map lookup.
  if (!(tokens[from].cls & W_CORE_HEAD)) return null;
  for (const pat of BY_FIRST.get(tokens[from].key) ?? []) {
    // Sentence-initial "Troops had imposed…" stands without "the".
    if (pat.needsThe && !hasThe && !(pat.target === 'troops' && tokens[from].flags & CAP && !/^(from|of|in|with|and)$/.test(tokens[from + 1]?.key ?? ''))) continue;
    if (from + pat.words.length > end) continue;
    let ok = true;
    for (let w = 0; w < pat.words.length && ok; w++) {
      const tok = tokens[from + w];
      if (tok.key !== pat.words[w] || tok.flags & PUNCT) ok = false;
      // "pro-government forces" is a phrase of its own, not the army
      if (w === 0 && tok.flags & HYPHENED) ok = false;
    }
    if (!ok) continue;
    const last = from + pat.words.length;
    // "the group's fighters" is fine; "the group of" / "the army-backed" are not references.
    const next = tokens[last];
    if (next && last < end && (next.flags & HYPHENED || (pat.target === 'group' && next.key === 'of'))) continue;
    return { pattern: pat, last };
  }
  return null;
}

/** The country the article is about: places count double, the headline counts double. */
export function focusCountry(sentences: Sentence[], named: FactionMention[], places: PlaceMention[]): string | null {
  const votes = focusVotes;
  votes.clear();
  for (const pl of places) {
    if (pl.country) votes.add(pl.country, (pl.sentence >= 0 && sentences[pl.sentence]?.section === 'headline' ? 2 : 1) * 2);
  }
  for (const m of named) {
    if (m.factionKind === 'coalition' || m.factionKind === 'political' || !m.country) continue;
    votes.add(m.country, m.sentence >= 0 && sentences[m.sentence]?.section === 'headline' ? 2 : 1);
  }
  return votes.best();
}

/** focusCountry's tally, reused from call to call. */
const focusVotes = new CountryTally();

/** What an antecedent must be, for each kind of reference (plain values, so no closure per reference). */
const enum Wanted {
  State,
  Coalition,
  Jihadist,
  NonState,
}

function isWanted(wanted: Wanted, e: FactionEntry, index: FactionIndex): boolean {
  switch (wanted) {
    case Wanted.State:
      return e.kind === 'state';
    case Wanted.Coalition:
      return e.kind === 'coalition';
    case Wanted.Jihadist:
      return isJihadist(e);
    case Wanted.NonState:
      // A state-led coalition (the U.S.-led coalition) is not "the group".
      return NON_STATE.has(e.kind) && !e.stateParty && !(e.alignments ?? []).some((a) => a.relation === 'led-by' && index.byId.get(a.id)?.kind === 'state');
  }
}

function targetFor(
  target: Target,
  offset: number,
  sentence: number,
  focus: string | null,
  index: FactionIndex,
  date: string | null,
  named: FactionMention[],
  resolved: FactionMention[],
  counts: Tally,
): FactionEntry | undefined {
  const country = focus ? index.countries.get(focus) : undefined;
  if (target === 'army' || target === 'government') {
    const id = idAt(target === 'army' ? country?.army : country?.government, date);
    return id ? index.byId.get(id) : undefined;
  }
  const at: Reference = { offset, sentence, index, date, named, resolved };
  if (target === 'troops') {
    const armyId = idAt(country?.army, date);
    return recent(at, Wanted.State) ?? (armyId ? index.byId.get(armyId) : undefined);
  }
  if (target === 'coalition') return recent(at, Wanted.Coalition) ?? frequent(at, counts, Wanted.Coalition);
  if (target === 'jihadists') return recent(at, Wanted.Jihadist) ?? frequent(at, counts, Wanted.Jihadist) ?? recent(at, Wanted.NonState);
  return recent(at, Wanted.NonState) ?? frequent(at, counts, Wanted.NonState);
}

/** Where a reference stands, and the mentions before it (each list sorted by start). */
interface Reference {
  offset: number;
  sentence: number;
  index: FactionIndex;
  date: string | null;
  named: FactionMention[];
  resolved: FactionMention[];
}

/**
 * The latest mention before the reference of a wanted faction existing at the article's date, within the
 * window. Walks back from the reference over both lists, stopping at the window's edge: linear in what lies
 * inside the window, never in the whole article.
 */
function recent(at: Reference, wanted: Wanted): FactionEntry | undefined {
  let best: FactionMention | undefined;
  for (let l = 0; l < 2; l++) {
    const list = l === 0 ? at.named : at.resolved;
    for (let k = countStartingBefore(list, at.offset) - 1; k >= 0; k--) {
      const m = list[k];
      if (m.sentence < at.sentence - WINDOW) break;
      if (best && m.start <= best.start) break;
      const e = at.index.byId.get(m.id);
      // An antecedent must come before, be recent, and exist at the article's date (Nusra Front is HTS by 2024).
      if (e && (!at.date || activeAt(at.date, e.from, e.to)) && isWanted(wanted, e, at.index)) {
        best = m;
        break;
      }
    }
  }
  return best ? at.index.byId.get(best.id) : undefined;
}

/**
 * The wanted faction named most often in the article (the first named on ties), existing at its date. It does
 * not depend on where the reference stands: worked out once per kind and article (it was worked out again for
 * every reference, a Map lookup per faction named each time).
 */
function frequent(at: Reference, counts: Tally, wanted: Wanted): FactionEntry | undefined {
  if (counts.answered & (1 << wanted)) return counts.answers[wanted];
  const answer = mostFrequent(at, counts, wanted);
  counts.answered |= 1 << wanted;
  counts.answers[wanted] = answer;
  return answer;
}

function mostFrequent(at: Reference, counts: Tally, wanted: Wanted): FactionEntry | undefined {
  const { ids, n } = tallyOf(counts);
  let best: string | undefined;
  let most = 0;
  for (let k = 0; k < ids.length; k++) {
    const e = at.index.byId.get(ids[k]);
    if (e && isWanted(wanted, e, at.index) && n[k] > most && (!at.date || activeAt(at.date, e.from, e.to))) {
      best = ids[k];
      most = n[k];
    }
  }
  return best ? at.index.byId.get(best) : undefined;
}
