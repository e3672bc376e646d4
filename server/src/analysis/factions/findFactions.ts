// Named factions and actor phrases in an article. The entry points the pipeline calls live here;
// the work is split into the matcher, descriptors, actor phrases, coreference and sources.
import { FactionMention, PlaceMention, Publication, Sentence, SourceMention, Span, ArticleStructure } from '../types';
import { activeAt, FactionEntry } from './dictionary';
import { AliasTarget, FactionIndex } from './factionIndex';
import { DictionaryHit, HitPool, matchDictionary } from './matcher';
import { HitsByFirst } from './hitsByFirst';
import { Descriptor, descriptorAt, HitStarts, trailingDescriptorAt } from './descriptors';
import { PhraseActor, phraseActorsAt, renamedActor } from './actorPhrases';
import { antecedentFor, DescriptorHead, headOf } from './definiteDescriptions';
import * as phraseWords from './phraseWords';
import * as tokenBits from './tokens';
import { rangeClassMasks, spanTokenRanges, tokenize, Token } from './tokens';
import { leaderPhraseAt } from './leaderPhrases';
import { isJihadist } from './coreference';
import { overlapsAny, sentenceOf } from './spans';
import { resolveReferences } from './coreference';
import { findSourceMentions } from './sources';
import { tokenClasses, tokenFlags } from './tokenArrays';
import { CountryTally } from './countryTally';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { CAP, POSSESSIVE, PUNCT, W_ALIGN_VERB, W_CAMP, W_DEMONYM, W_FACTION_ALONE, W_FACTION_FIRST, W_FACTION_FIRST_LOWER, W_FACTION_SECOND, W_LOYAL, W_PHRASE_START, W_STANCE } =
  tokenBits;
const { DESCRIPTOR_FILLERS } = phraseWords;

export interface FactionContext {
  publication: Publication;
  /** Spans already taken by dates. */
  blocked: Span[];
}

/** Named factions and actor phrases ("Iraqi troops", "U.S.-backed rebels"). Linear; never throws. */
export function findFactions(text: string, sentences: Sentence[], index: FactionIndex, ctx: FactionContext): FactionMention[] {
  if (!index.byId.size || !sentences.length) return [];
  const tokens = tokenize(text);
  const date = ctx.publication.date;
  const out: FactionMention[] = [];
  // The article's dictionary hits, sentence after sentence: sentence si has [hitsFrom[si], hitsFrom[si + 1]).
  // The list and the hit objects are reused from article to article: nothing reads them after this call.
  const hits = articleHits;
  while (hits.length) hits.pop();
  hitPool.reset();
  const hitsFrom: number[] = new Array(sentences.length + 1).fill(0);
  // Country votes of the unambiguous hits, for picking among same-named factions of several countries.
  const votes = articleVotes;
  votes.clear();
  const ranges = spanTokenRanges(tokens, sentences);
  const present = rangeClassMasks(tokens, ranges);
  for (let si = 0; si < sentences.length; si++) {
    const from = hits.length;
    hitsFrom[si] = from;
    // No word of the sentence starts a name: no walk over its tokens.
    if (!(present[si] & W_FACTION_FIRST)) continue;
    matchDictionary(text, tokens, ranges[2 * si], ranges[2 * si + 1], index.factions, date, hits, W_FACTION_FIRST, W_FACTION_ALONE, W_FACTION_SECOND, W_FACTION_FIRST_LOWER, hitPool);
    dropBlocked(hits, from, ctx.blocked);
    for (let k = from; k < hits.length; k++) {
      const c = sameCountry(hits[k]);
      if (c) votes.add(c, 1);
    }
  }
  hitsFrom[sentences.length] = hits.length;
  for (let si = 0; si < sentences.length; si++) {
    scanSentence(text, tokens, ranges[2 * si], ranges[2 * si + 1], si, hits, hitsFrom[si], hitsFrom[si + 1], index, date, votes, ctx.blocked, out);
  }
  return out;
}

const articleHits: DictionaryHit<FactionEntry>[] = [];
const articleVotes = new CountryTally();
/** dropBlocked's span from a sentence's first hit to its last. */
const hitsStretch: Span = { start: 0, end: 0 };
const hitPool = new HitPool<FactionEntry>();

/** Removes the hits from index `from` on that overlap a blocked span, keeping the others in order. */
function dropBlocked(hits: DictionaryHit<FactionEntry>[], from: number, blocked: Span[]): void {
  if (from >= hits.length) return;
  // The hits are in order and apart: when the stretch from the first one's start to the last one's end
  // overlaps no blocked span, none of them does (one search per sentence, not one per hit; most sentences
  // have no date). The search of the stretch looks at least as far back as that of any hit in it.
  hitsStretch.start = hits[from].start;
  hitsStretch.end = hits[hits.length - 1].end;
  if (!overlapsAny(hitsStretch, blocked)) return;
  let kept = from;
  for (let k = from; k < hits.length; k++) if (!overlapsAny(hits[k], blocked)) hits[kept++] = hits[k];
  // Setting an array's length costs even when it does not change (the common case: nothing blocked).
  if (kept < hits.length) hits.length = kept;
}

/** The country every candidate of the hit belongs to, or null. */
function sameCountry(h: DictionaryHit<FactionEntry>): string | null {
  const c = h.targets[0].entry.country;
  if (!c) return null;
  for (let k = 1; k < h.targets.length; k++) if (h.targets[k].entry.country !== c) return null;
  return c;
}

function scanSentence(
  text: string,
  tokens: Token[],
  begin: number,
  end: number,
  si: number,
  hits: DictionaryHit<FactionEntry>[],
  hitsFrom: number,
  hitsTo: number,
  index: FactionIndex,
  date: string | null,
  votes: CountryTally,
  blocked: Span[],
  out: FactionMention[],
): void {
  const byFirst = sentenceHits.over(hits, hitsFrom, hitsTo);
  const starts: HitStarts = byFirst;
  // Hits are in token order and i only moves on: the next hit's first token, instead of a map lookup per token.
  let h = hitsFrom;
  let nextHit = h < hitsTo ? hits[h].first : -1;
  let i = begin;
  const classes = tokenClasses(tokens);
  const flags = tokenFlags(tokens);
  while (i < end) {
    // Moves on to the next hit only once i has passed this one (not a read of the hit per token).
    if (nextHit >= 0 && nextHit < i) {
      while (h < hitsTo && hits[h].first < i) h++;
      nextHit = h < hitsTo ? hits[h].first : -1;
    }
    // Most words start nothing. Each case below needs a hit here, a stance, demonym or camp word here, or
    // "loyal", "'s" or an alignment verb next: one test of those bits skips the rest (a capitalised word
    // without them, a fifth of the tokens, went through every test below for nothing).
    if (i !== nextHit && !(classes[i] & (W_STANCE | W_DEMONYM | W_CAMP)) && !(i + 1 < tokens.length && (classes[i + 1] & (W_LOYAL | W_ALIGN_VERB) || flags[i + 1] & POSSESSIVE))) {
      i++;
      continue;
    }
    // Not a name, not capitalised, no phrase word, no "loyal"/"'s" after them.
    if (i !== nextHit && !(flags[i] & CAP) && !(classes[i] & W_PHRASE_START)) {
      if (i + 1 >= tokens.length || !(classes[i + 1] & W_LOYAL || flags[i + 1] & POSSESSIVE)) {
        i++;
        continue;
      }
    }
    const hit = i === nextHit ? hits[h] : undefined;
    if (hit) {
      // "al-Qaida-linked": the name is a descriptor here, not an actor.
      const d = chainAt(text, tokens, i, end, starts, index);
      if (d.length && d[0].consumedHit === i) {
        i = attachChain(text, tokens, d, end, byFirst, starts, index, date, votes, si, blocked, out);
        continue;
      }
      const m = fromHit(text, hit, si, votes, date);
      const trailing = trailingDescriptorAt(text, tokens, hit.last, end, starts);
      if (trailing) m.descriptors.push(trailing.text);
      out.push(m);
      i = hit.last;
      continue;
    }
    // "forces loyal to Khalifa Haftar", "Assad's forces"
    if (i + 1 < tokens.length && (classes[i + 1] & W_LOYAL || flags[i + 1] & POSSESSIVE)) {
      const led = leaderPhraseAt(tokens, i, end, index, date);
      if (led && !byFirstIn(byFirst, i, led.last)) {
        const e = led.entry;
        pushPhrase(text, tokens, led.first, led.last, { id: e.id, name: e.name, factionKind: e.kind, country: e.country }, [], si, blocked, out);
        i = led.last;
        continue;
      }
    }
    // Most words can start neither a descriptor nor a phrase: bit tests skip them. A descriptor needs a stance
    // word ("pro-") or an alignment verb next ("-backed"), a phrase a demonym or a camp word; most capitalised
    // words (names, places, sentence starts) have none of these, and skipping them saves a descriptor and a
    // phrase attempt each (a fifth of the tokens in wire copy).
    if (!(flags[i] & CAP) && !(classes[i] & W_PHRASE_START)) {
      i++;
      continue;
    }
    if (!(classes[i] & (W_STANCE | W_DEMONYM | W_CAMP)) && !(i + 1 < end && classes[i + 1] & W_ALIGN_VERB)) {
      i++;
      continue;
    }
    const chain = chainAt(text, tokens, i, end, starts, index);
    if (chain.length) {
      i = attachChain(text, tokens, chain, end, byFirst, starts, index, date, votes, si, blocked, out);
      continue;
    }
    const phrases = phraseActorsAt(text, tokens, i, end, index, date, false);
    if (phrases.length) {
      const last = phrases[phrases.length - 1].last;
      if (!byFirstIn(byFirst, i, last)) {
        // "the Islamist militants" after "Taliban": the jihadist group in focus, not a new actor.
        const jihadist = phrases.length === 1 ? definiteJihadists(tokens, phrases[0], si, out, index, date) : null;
        if (jihadist) {
          const start = tokens[phrases[0].first - 1].start;
          const stop = tokens[phrases[0].last - 1].end;
          out.push({ kind: 'faction', start, end: stop, text: text.slice(start, stop), id: jihadist.id, name: jihadist.name, sentence: si, factionKind: jihadist.kind, country: jihadist.country, resolvedFrom: 'context', descriptors: [] });
        } else for (const p of phrases) pushPhrase(text, tokens, p.first, p.last, p, [], si, blocked, out);
        i = last;
        continue;
      }
      // "Syrian and Iraqi troops" where "Iraqi troops" is a dictionary name: keep the actors before it.
      const before = phrases.filter((p) => !byFirstIn(byFirst, p.first, p.last) && p.last <= firstHitIn(byFirst, i, last));
      if (before.length) {
        for (const p of before) pushPhrase(text, tokens, p.first, p.last, p, [], si, blocked, out);
        i = before[before.length - 1].last;
        continue;
      }
    }
    i++;
  }
}

const NO_CHAIN: Descriptor[] = [];
/** The sentence's hits by first token, made over for each sentence (read within scanSentence only). */
const sentenceHits = new HitsByFirst<FactionEntry>([]);

/** Descriptors joined by "and" or commas: "U.S.-backed and Kurdish-led". */
function chainAt(text: string, tokens: Token[], i: number, end: number, starts: HitStarts, index: FactionIndex): Descriptor[] {
  const firstDescriptor = descriptorAt(text, tokens, i, end, starts, index);
  if (!firstDescriptor) return NO_CHAIN;
  const chain: Descriptor[] = [];
  let k = i;
  for (;;) {
    const d = descriptorAt(text, tokens, k, end, starts, index);
    if (!d) break;
    chain.push(d);
    k = d.last;
    if (k + 1 < end && (tokens[k].key === 'and' || tokens[k].key === ',')) {
      const next = descriptorAt(text, tokens, k + 1, end, starts, index);
      if (next) {
        k = k + 1;
        continue;
      }
    }
    break;
  }
  return chain;
}

const ALLY_NOUNS = new Set(['allies', 'ally', 'partners', 'partner']);

/** Puts a descriptor chain on the actor it describes; returns the token to continue from. */
function attachChain(
  text: string,
  tokens: Token[],
  chain: Descriptor[],
  end: number,
  byFirst: HitsByFirst<FactionEntry>,
  starts: HitStarts,
  index: FactionIndex,
  date: string | null,
  votes: CountryTally,
  si: number,
  blocked: Span[],
  out: FactionMention[],
): number {
  const after = chain[chain.length - 1].last;
  const texts = textsOf(chain);
  // 1. Directly on a named faction: "U.S.-backed Syrian Democratic Forces".
  const hit = byFirst.get(after);
  if (hit) {
    const m = fromHit(text, hit, si, votes, date);
    m.descriptors.push(...texts);
    const trailing = trailingDescriptorAt(text, tokens, hit.last, end, starts);
    if (trailing) m.descriptors.push(trailing.text);
    out.push(m);
    return hit.last;
  }
  // 2. Through a few filler words: "Kurdish-led allies of the Syrian Democratic Forces".
  let k = after;
  while (k < end && k - after < 4 && DESCRIPTOR_FILLERS.has(tokens[k].key)) k++;
  const later = k > after ? byFirst.get(k) : undefined;
  if (later && ALLY_NOUNS.has(tokens[after].key)) {
    const m = fromHit(text, later, si, votes, date);
    m.descriptors.push(...texts);
    out.push(m);
    return later.last;
  }
  // 3. A phrase actor: "Iranian-backed groups", "Turkish-backed Syrian rebels", "pro-government fighters".
  const phrases = phraseActorsAt(text, tokens, after, end, index, date, true);
  if (phrases.length && !byFirstIn(byFirst, after, phrases[phrases.length - 1].last)) {
    const definite = referBack(text, tokens, chain, phrases, byFirst, index, si, out);
    if (definite) return definite;
    phrases.forEach((p, n) => {
      const isLast = n === phrases.length - 1;
      const first = isLast ? chain[0].first : p.first;
      const actor = isLast && p.id.startsWith('actor:') ? renamedActor(p, `${texts.join(' ')} ${p.name}`) : p;
      pushPhrase(text, tokens, first, p.last, actor, isLast ? texts : [], si, blocked, out);
    });
    return phrases[phrases.length - 1].last;
  }
  // Nothing to describe: skip the descriptor, but keep a name glued to it ("IS-affiliated" stays unreported).
  return after;
}

/** "The Rwanda-backed rebels" after "M23": the same faction, resolved from context (span from "the"). */
function referBack(
  text: string,
  tokens: Token[],
  chain: Descriptor[],
  phrases: PhraseActor[],
  byFirst: HitsByFirst<FactionEntry>,
  index: FactionIndex,
  si: number,
  out: FactionMention[],
): number | null {
  const the = chain[0].first - 1;
  const last = phrases[phrases.length - 1];
  if (phrases.length !== 1 || the < 0 || tokens[the].key !== 'the' || !last.id.startsWith('actor:') || last.country) return null;
  const heads: DescriptorHead[] = [];
  for (const d of chain) {
    const hitId = d.consumedHit !== null ? (byFirst.get(d.consumedHit)?.targets[0].entry.id ?? null) : null;
    const head = headOf(text.slice(tokens[d.first].start, tokens[d.first].end), hitId, index);
    if (head) heads.push(head);
  }
  const e = antecedentFor(heads, si, out, index);
  if (!e) return null;
  const start = tokens[the].start;
  const end = tokens[last.last - 1].end;
  out.push({
    kind: 'faction',
    start,
    end,
    text: text.slice(start, end),
    id: e.id,
    name: e.name,
    sentence: si,
    factionKind: e.kind,
    country: e.country,
    resolvedFrom: 'context',
    descriptors: textsOf(chain),
  });
  return last.last;
}

/** "the Islamist militants", "the jihadist fighters": the most recent jihadist group, when one was just named. */
function definiteJihadists(tokens: Token[], p: PhraseActor, si: number, earlier: FactionMention[], index: FactionIndex, date: string | null): FactionEntry | null {
  if (p.first < 1 || tokens[p.first - 1].key !== 'the' || p.country || !p.id.startsWith('actor:') || !/^(islamist|jihadist|extremist)$/.test(tokens[p.first].key)) return null;
  for (let k = earlier.length - 1; k >= 0 && earlier[k].sentence >= si - 2; k--) {
    const e = index.byId.get(earlier[k].id);
    if (e && isJihadist(e) && activeAt(date, e.from, e.to)) return e;
  }
  return null;
}

function firstHitIn(byFirst: HitsByFirst<unknown>, from: number, to: number): number {
  for (let k = from; k < to; k++) if (byFirst.has(k)) return k;
  return to;
}

function byFirstIn(byFirst: HitsByFirst<unknown>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (byFirst.has(k)) return true;
  return false;
}

/**
 * The descriptors' texts, pushed one by one. A list from map() is packed when the built-in makes it and holey
 * when optimised code does: both kinds reached attachChain's join and the packing of each mention's
 * descriptors (writeFaction, keysAndDigests), and the kind not yet seen threw their optimised code away.
 */
function textsOf(chain: Descriptor[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < chain.length; i++) out.push(chain[i].text);
  return out;
}

function fromHit(text: string, hit: DictionaryHit<FactionEntry>, sentence: number, votes: CountryTally, date: string | null): FactionMention {
  const entry = pick(hit, votes, date);
  return {
    kind: 'faction',
    start: hit.start,
    end: hit.end,
    text: text.slice(hit.start, hit.end),
    id: entry.id,
    name: entry.name,
    sentence,
    factionKind: entry.kind,
    country: entry.country,
    resolvedFrom: hit.targets[0].user ? 'user' : 'dictionary',
    descriptors: [],
  };
}

/** Among candidates of an ambiguous alias valid at the date, the one from the country the article is most about. */
function pick(hit: DictionaryHit<FactionEntry>, votes: CountryTally, date: string | null): FactionEntry {
  const targets = hit.targets;
  if (targets.length === 1) return targets[0].entry;
  // The pool is the candidates active at the date, or all of them when none is: tested in place (no filtered copy per hit).
  let anyActive = false;
  for (let k = 0; k < targets.length && !anyActive; k++) anyActive = activeAt(date, targets[k].from, targets[k].to);
  let best: AliasTarget<FactionEntry> | null = null;
  let bestVotes = -1;
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    if (anyActive && !activeAt(date, t.from, t.to)) continue;
    const v = t.entry.country ? votes.get(t.entry.country) : 0;
    if (v > bestVotes) {
      best = t;
      bestVotes = v;
    }
  }
  return (best ?? targets[0]).entry;
}

function pushPhrase(
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  p: { id: string; name: string; factionKind: FactionMention['factionKind']; country: string | null },
  descriptors: string[],
  sentence: number,
  blocked: Span[],
  out: FactionMention[],
): void {
  while (first < last && tokens[first].flags & PUNCT) first++;
  if (first >= last) return;
  const span = { start: tokens[first].start, end: tokens[last - 1].end };
  if (overlapsAny(span, blocked)) return;
  out.push({
    kind: 'faction',
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    id: p.id,
    name: p.name,
    sentence,
    factionKind: p.factionKind,
    country: p.country,
    resolvedFrom: 'phrase',
    descriptors,
  });
}

/** Generic mentions ("the army", "the group") resolved from context, given places for the focus country. */
export function resolveFactionReferences(
  text: string,
  sentences: Sentence[],
  index: FactionIndex,
  named: FactionMention[],
  places: PlaceMention[],
  blocked: Span[],
  publication?: Publication,
): FactionMention[] {
  if (!index.byId.size || !sentences.length) return [];
  return resolveReferences(text, sentences, index, named, places, blocked, publication?.date ?? null);
}

/** Sources (agencies, monitors, officials, unnamed) and the sentences attributed to each. */
export function findSources(
  text: string,
  sentences: Sentence[],
  index: FactionIndex,
  agency: string | null,
  blocked: Span[],
  extra: { actors?: FactionMention[]; structure?: ArticleStructure } = {},
): SourceMention[] {
  return findSourceMentions(text, sentences, index, agency, blocked, extra.actors ?? [], extra.structure ?? null);
}

export { sentenceOf };
