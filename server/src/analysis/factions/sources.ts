// Sources and attribution: which sentences each source is credited with. "X said", "said X",
// "according to X", "X told Xinhua", "he said" (the last person named), "the statement said" (the last
// speaker), quotes running over several sentences; whatever is left belongs to the outlet (the agency).
import { ArticleStructure, FactionMention, Sentence, SourceMention, Span } from '../types';
import { FactionIndex } from './factionIndex';
import { Candidate, candidate, actorCandidate, dictionaryCandidates, nameUnnamed, officialCandidates, referenceCandidates, releaseCandidates, surnameCandidates, Surnames, unnamedCandidates } from './sourceCandidates';
import * as tokenBits from './tokens';
import { rangeClassMasks, registerWords, spanTokenRanges, tokenAt, tokenize, Token } from './tokens';
import { quoteBlocks } from './quotes';
import { tokenClasses } from './tokenArrays';
import { sortShort } from '../smallLists';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { PUNCT, W_REFERENCE, W_SOURCE_FIRST, W_SPEECH, W_TITLE_HEAD, W_UNNAMED_NOUN } = tokenBits;

const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'announced', 'announces',
  'reported', 'reports', 'claimed', 'claims', 'confirmed', 'confirms', 'denied', 'denies', 'warned', 'warns', 'affirmed', 'affirms',
  'stressed', 'stresses', 'explained', 'explains', 'estimated', 'estimates', 'declared', 'declares', 'insisted', 'insists', 'accused',
  'accuses', 'alleged', 'alleges', 'wrote', 'writes', 'tweeted', 'posted', 'hailed', 'hails', 'described', 'describes', 'referred',
  'refers', 'underlined', 'emphasized', 'emphasised', 'indicated', 'indicates', 'revealed', 'reveals', 'asserted', 'asserts',
  'acknowledged', 'acknowledges', 'argued', 'argues', 'believes', 'predicted', 'predicts', 'urged', 'urges', 'vowed', 'vows',
  'condemned', 'condemns', 'blamed', 'blames', 'praised', 'praises', 'pointed', 'documented', 'recorded', 'counted', 'put',
]);
/** Words that may stand between a subject and its verb: "The army also said", "the SDF has said". */
const FILLERS = new Set([
  'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'earlier', 'later', 'recently', 'previously', 'further', 'separately',
  'then', 'reportedly', 'repeatedly', 'officially', 'publicly', 'just', 'already', 'again', 'on', 'last', 'this', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'late', 'early', 'previously', 'once', 'had', 'would',
  'will', 'may', 'might', 'could', 'did', 'does', 'not', 'never', 'in', 'a', 'statement', 'night', 'morning', 'evening', 'afternoon',
]);
registerWords(W_SPEECH, [...SPEECH_VERBS, 'according']);
const CLOSING = new Set([',', '"', '”', '’', "'"]);
const PRIORITY: Record<Candidate['kind'], number> = { dictionary: 0, person: 1, statement: 2, pronoun: 2, unnamed: 3, actor: 4 };

/**
 * The officials of the article being read, one object for every article (cleared before and after each): with a
 * new one per article, none was alive between two articles, a full collection then dropped its shape, and V8
 * threw away the optimised code of findSourceMentions (5 times in 5,000 files an index worker reads).
 */
const SURNAMES = new Surnames();

/** Source mentions with the sentences attributed to each; the agency gets what nobody else claims. */
export function findSourceMentions(
  text: string,
  sentences: Sentence[],
  index: FactionIndex,
  agency: string | null,
  blocked: Span[],
  actors: FactionMention[],
  structure: ArticleStructure | null,
): SourceMention[] {
  if (!sentences.length) return [];
  const tokens = tokenize(text);
  const surnames = SURNAMES;
  surnames.clear();
  const subjects: (Candidate | null)[] = new Array(sentences.length).fill(null);
  // The mentions shown, made when found (no entry object to turn into one later).
  const out: SourceMention[] = [];
  // The mention that carries each sentence's attribution, for quotes that run on (by sentence index).
  const holderBySentence: (SourceMention | undefined)[] = new Array(sentences.length);
  let lastPerson: Candidate | null = null;
  let lastSpeaker: Candidate | null = null;
  // Actor spans are not "blocked" for sources: a faction may speak.
  const blockedForNames = blocked;
  // Each sentence's actors in list order, as a chain of indexes (no list or map per sentence). Plain arrays:
  // small typed arrays cost more to allocate than they save here.
  const firstActor: number[] = new Array(sentences.length).fill(-1);
  const lastActor: number[] = new Array(sentences.length).fill(0);
  const nextActor: number[] = new Array(actors.length).fill(-1);
  for (let n = 0; n < actors.length; n++) {
    const si = actors[n].sentence;
    if (si < 0 || si >= sentences.length) continue;
    if (firstActor[si] < 0) firstActor[si] = n;
    else nextActor[lastActor[si]] = n;
    lastActor[si] = n;
  }

  const ranges = spanTokenRanges(tokens, sentences);
  const presentBySentence = rangeClassMasks(tokens, ranges);
  // One candidate list for every sentence, emptied by pop() (a new list per sentence was a tenth of the bytes).
  const cands: Candidate[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const from = ranges[2 * si];
    const to = ranges[2 * si + 1];
    while (cands.length) cands.pop();
    // The previous sentence's candidates are not read again (lastPerson and lastSpeaker are copies).
    releaseCandidates();
    // The word classes present in the sentence: a pass whose trigger words are absent would find nothing.
    const present = presentBySentence[si];
    if (present & W_SOURCE_FIRST) dictionaryCandidates(text, tokens, from, to, index, null, blocked, cands);
    if (present & W_TITLE_HEAD) officialCandidates(text, tokens, from, to, index, blockedForNames, surnames, cands);
    surnameCandidates(tokens, from, to, surnames, cands, cands);
    // Unnamed sources, pronouns and actors count only as a speech verb's subject: without one in the sentence
    // they would be found and dropped (what remains does not depend on them), so they are not looked for.
    if (present & W_SPEECH) {
      if (present & W_UNNAMED_NOUN) unnamedCandidates(tokens, from, to, cands);
      if (present & W_REFERENCE) referenceCandidates(tokens, from, to, cands);
      // Actors become candidates only here: most sentences have no speech verb, and their actors never speak.
      for (let n = firstActor[si]; n >= 0; n = nextActor[n]) cands.push(actorCandidate(tokens, actors[n], from));
    }
    dropInsideRoles(cands);

    const subject = present & W_SPEECH ? subjectOf(tokens, from, to, cands) : null;
    let speaker: Candidate | null = null;
    if (subject) {
      nameUnnamed(text, tokens, subject);
      speaker = resolve(subject, lastPerson, lastSpeaker);
      if (speaker) subjects[si] = speaker;
    }
    // The subject's shown copy when it speaks as itself: what lastPerson and lastSpeaker keep, since the
    // sentence's candidates are pooled (see releaseCandidates) and must not be read after it.
    let kept: Candidate | null = null;
    // Dictionary sources and named officials are shown wherever they appear; the others only when they speak.
    for (const c of cands) {
      const isSubject = subject === c && speaker;
      if (c.kind === 'dictionary' || c.kind === 'person' || isSubject) {
        const shown = isSubject && speaker ? candidate(c.start, c.end, c.first, c.last, c.kind, speaker.id, speaker.name, speaker.sourceKind, c.person, speaker.role, c.roleStart) : c;
        if (isSubject && speaker === c) kept = shown;
        const m = sourceMention(text, shown, si, isSubject ? [si] : []);
        out.push(m);
        if (isSubject) holderBySentence[si] = m;
      }
      // Officials and surnames ('person') are not pooled; an unnamed source gets here only as the subject.
      if (c.person && (c.kind === 'person' || (isSubject && c.kind === 'unnamed'))) lastPerson = c.kind === 'person' ? c : kept;
    }
    // A speaker other than the subject itself ("he", "the statement") is a new object already.
    const lasting = speaker === subject ? kept : speaker;
    if (lasting && lasting.kind !== 'pronoun') lastSpeaker = lasting;
    if (lasting?.person && lasting.kind !== 'pronoun') lastPerson = lasting;
  }

  // A quote running over several sentences belongs to whoever it is attributed to.
  for (const block of quoteBlocks(text, sentences)) {
    const ownerSentence = block.find((si) => subjects[si]);
    if (ownerSentence === undefined) continue;
    const owner = subjects[ownerSentence]!;
    const holder = holderBySentence[ownerSentence];
    for (const si of block) {
      if (subjects[si]) continue;
      subjects[si] = owner;
      holder?.attributed.push(si);
    }
  }

  for (let k = 0; k < out.length; k++) {
    const m = out[k];
    if (m.attributed.length > 1) m.attributed = [...new Set(m.attributed)].sort((a, b) => a - b);
  }
  const outlet = agencyMention(text, tokens, index, agency, structure, sentences, subjects);
  if (outlet) out.push(outlet);
  const kept = dedupe(out);
  surnames.clear();
  // dedupe leaves starts increasing already; the sort stays for safety, skipped when there is nothing to do.
  return isSorted(kept) ? kept : kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The mention shown for candidate `c` in sentence `sentence`. */
function sourceMention(text: string, c: Candidate, sentence: number, attributed: number[]): SourceMention {
  const m: SourceMention = {
    kind: 'source',
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    id: c.id,
    name: c.name,
    sentence,
    sourceKind: c.sourceKind,
    attributed,
  };
  // Added last, only when there is one: the CLI's JSON keeps its key order.
  if (c.role) m.role = c.role;
  return m;
}

function isSorted(list: SourceMention[]): boolean {
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1];
    const b = list[k];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/** "UN" in "UN Special Envoy to Syria Staffan de Mistura" is part of the title, not a source of its own. */
function dropInsideRoles(cands: Candidate[]): void {
  let any = false;
  for (const c of cands) if (c.roleStart !== undefined) any = true;
  if (!any) return;
  const roles = cands.filter((c) => c.kind === 'person' && c.role && c.roleStart !== undefined);
  for (let i = cands.length - 1; i >= 0; i--) {
    const c = cands[i];
    if (c.kind !== 'dictionary' && c.kind !== 'actor' && c.kind !== 'unnamed') continue;
    if (roles.some((r) => c.start >= r.roleStart! && c.end <= r.start)) cands.splice(i, 1);
  }
}

/** The speaker of a sentence: the candidate before a speech verb, after "according to", or after an inverted "said". */
function subjectOf(tokens: Token[], from: number, to: number, cands: Candidate[]): Candidate | null {
  const classes = tokenClasses(tokens);
  for (let v = from; v < to; v++) {
    if (!(classes[v] & W_SPEECH)) continue;
    const t = tokens[v];
    if (t.key === 'according' && tokens[v + 1]?.key === 'to' && v + 2 < to) {
      const c = bestAt(cands, v + 2, false) ?? (tokens[v + 2].key === 'the' ? bestAt(cands, v + 3, false) : null);
      if (c) return c;
      continue;
    }
    // W_SPEECH marks the speech verbs and "according" only (registered above): no set lookup per verb.
    if (t.key === 'according' || t.flags & PUNCT) continue;
    if (covers(cands, v)) continue;
    // Subject on the left, over fillers and one comma ("Hamoudeh Sabagh, said" never happens, but "…, the army said" does).
    let k = v;
    let left: Candidate | null = null;
    for (;;) {
      left = bestAt(cands, k, true) ?? (k > from && tokens[k - 1].key === ',' ? bestAt(cands, k - 1, true) : null);
      if (left || k <= from || v - k >= 6 || !FILLERS.has(tokens[k - 1].key)) break;
      k--;
    }
    if (left && k > from && tokens[k - 1].key === ',' && left.last === k - 1) {
      // "The army, led by General X, said": the subject stands before an appositive that opens in lowercase.
      const open = appositiveStart(tokens, from, left.first);
      const outer = open >= 0 ? bestAt(cands, open, true) : null;
      if (outer) return outer;
    }
    if (left) return left;
    // Inverted: `…," said de Mistura`, `…, said the official`.
    if (v > from && CLOSING.has(tokens[v - 1].key)) {
      const right = bestAt(cands, v + 1, false);
      if (right) return right;
    }
  }
  return null;
}

/** Token index of the comma opening a lowercase appositive that ends just before `first`, or -1. */
function appositiveStart(tokens: Token[], from: number, first: number): number {
  for (let c = first - 1; c > from && first - c < 12; c--) {
    if (tokens[c].key !== ',') continue;
    return /^(led|commanded|headed|backed|supported|which|who|whose|a|an|the|under|including|along|together)$/.test(tokens[c + 1]?.key ?? '') ? c : -1;
  }
  return -1;
}

/** The best candidate whose last (or first) token is k: by kind priority, then the longest; the earliest on ties. */
function bestAt(cands: Candidate[], k: number, byLast: boolean): Candidate | null {
  let a: Candidate | null = null;
  for (const b of cands) {
    if ((byLast ? b.last : b.first) !== k) continue;
    if (!a || PRIORITY[b.kind] < PRIORITY[a.kind] || (PRIORITY[b.kind] === PRIORITY[a.kind] && b.last - b.first > a.last - a.first)) a = b;
  }
  return a;
}

function covers(cands: Candidate[], v: number): boolean {
  for (const c of cands) if (c.first <= v && v < c.last) return true;
  return false;
}

/** Pronouns and "the statement" take the identity of who they refer to. */
function resolve(c: Candidate, lastPerson: Candidate | null, lastSpeaker: Candidate | null): Candidate | null {
  if (c.kind === 'pronoun') return lastPerson ? as(lastPerson, 'pronoun') : null;
  if (c.kind === 'statement') return lastSpeaker ? as(lastSpeaker, 'statement') : null;
  return c;
}

/** A copy of `c` with another kind. */
function as(c: Candidate, kind: Candidate['kind']): Candidate {
  return candidate(c.start, c.end, c.first, c.last, kind, c.id, c.name, c.sourceKind, c.person, c.role, c.roleStart);
}

/** The outlet's own mention (the agency in the dateline or source line) carries every unattributed sentence. */
function agencyMention(
  text: string,
  tokens: Token[],
  index: FactionIndex,
  agency: string | null,
  structure: ArticleStructure | null,
  sentences: Sentence[],
  subjects: (Candidate | null)[],
): SourceMention | null {
  if (!agency) return null;
  const where: Span[] = [];
  if (structure?.dateline) where.push(structure.dateline);
  if (structure?.sourceLine) where.push(structure.sourceLine);
  if (!where.length) where.push({ start: 0, end: Math.min(text.length, 600) });
  const lower = agency.toLowerCase();
  for (const w of where) {
    const at = text.slice(w.start, w.end).toLowerCase().indexOf(lower);
    if (at < 0) continue;
    const start = w.start + at;
    const first = tokenAt(tokens, start);
    const hits: Candidate[] = [];
    releaseCandidates();
    dictionaryCandidates(text, tokens, first, Math.min(tokens.length, first + 6), index, null, [], hits);
    const entry = hits.find((h) => h.start === start);
    const attributed: number[] = [];
    for (let i = 0; i < sentences.length; i++) if (!subjects[i]) attributed.push(i);
    return {
      kind: 'source',
      start,
      end: entry ? entry.end : start + agency.length,
      text: text.slice(start, entry ? entry.end : start + agency.length),
      id: entry ? entry.id : `outlet:${lower.replace(/[^a-z0-9]+/g, '-')}`,
      name: entry ? entry.name : agency,
      sentence: -1,
      sourceKind: entry ? entry.sourceKind : 'outlet',
      attributed,
    };
  }
  return null;
}

/** Start first, the longer span first at one start. */
function bySpan(a: SourceMention, b: SourceMention): number {
  return a.start - b.start || b.end - a.end;
}

function inSpanOrder(list: SourceMention[]): boolean {
  for (let k = 1; k < list.length; k++) if (bySpan(list[k - 1], list[k]) > 0) return false;
  return true;
}


/** Same span found twice (a dictionary source that also spoke): keep the one with the attributions. */
function dedupe(list: SourceMention[]): SourceMention[] {
  // In span order (longer first at one start); the sort is stable, so one span's mentions keep list order
  // (and a list in that order already is its own result: no copy and sort).
  // Sorted in place: most articles' lists are out of order only by the outlet's mention, added last.
  const byPosition = inSpanOrder(list) ? list : sortShort(list, bySpan);
  // Of each span's mentions, the first with the most attributions.
  const sorted: SourceMention[] = [];
  for (const m of byPosition) {
    const prev = sorted[sorted.length - 1];
    if (prev && prev.start === m.start && prev.end === m.end) {
      if (m.attributed.length > prev.attributed.length) sorted[sorted.length - 1] = m;
    } else sorted.push(m);
  }
  // Overlaps within the kind: keep the longer span, then the one that speaks.
  const out: SourceMention[] = [];
  for (const m of sorted) {
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) {
      if (m.attributed.length > prev.attributed.length) out[out.length - 1] = { ...m, attributed: [...new Set([...m.attributed, ...prev.attributed])].sort((a, b) => a - b) };
      else prev.attributed = [...new Set([...prev.attributed, ...m.attributed])].sort((a, b) => a - b);
      continue;
    }
    out.push(m);
  }
  return out;
}
