// Finding a trigger's actor, patient, place, extent and modality inside its sentence.
// All offsets here are sentence-relative; mentions are given sentence-relative too.
import { Extent, FactionMention, PlaceMention } from '../types';
import { detached } from './claimText';

export interface Local<M> {
  m: M;
  start: number;
  end: number;
}

// Clause breaks for finding a subject: punctuation, conjunctions that start a clause, speech verbs. The words
// are one sorted list (any word before its prefixes) so the regex compiler merges shared beginnings: 16%
// quicker scans, same matches (only a whole word can be followed by the space).
const CLAUSE_WORDS = ['while', 'whereas', 'as', 'after', 'before', 'when', 'but', 'which', 'who', 'that', 'since', 'because', 'following', 'amid', 'saying', 'adding'];
const SPEECH_WORDS = ['said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'announced', 'announces', 'claimed', 'claims', 'stated', 'added', 'declared', 'confirmed', 'denied', 'denies'];
/** The longest text BREAK can match (" following "): a break starting before an offset ends within this of it. */
const LONGEST_BREAK = Math.max(...CLAUSE_WORDS.map((w) => w.length), ...SPEECH_WORDS.map((w) => w.length)) + 2;
const BREAK = new RegExp(String.raw`[,;:()\u2013\u2014"\u201c\u201d]| (?:${[...CLAUSE_WORDS, ...SPEECH_WORDS].sort().reverse().join('|')}) `, 'g');
// A clause that only qualifies the subject ("supported by Russian warplanes") never holds the actor.
const QUALIFIER = /^\s*(?:(?:backed|supported|aided|assisted|led|helped|joined|accompanied|covered) by|with the (?:help|support|backing) of|including|along with|such as|an? |the (?:group|alliance|coalition)(?: of)? )/;
const PRONOUN = /^\s*(?:it|they|its (?:units|forces|fighters|troops)|their (?:units|forces|fighters)|the group|the militants|the jihadists|the rebels|the alliance|the troops|the forces)\b/;
// "…, and this month they lost": a pronoun subject right before the trigger, wherever its clause began.
const PRONOUN_BEFORE = /(?:^|[^a-z_-])(?:it|they)\s+(?:(?:[a-z]+ly|also|then|later|had|has|have|would|will)\s+){0,2}$/;

/**
 * The clause breaks of one sentence, found only as far as a trigger asks (most sit early in their
 * sentence) and kept for the next one: the breaks before an offset are a prefix of one global scan.
 */
export class ClauseBreaks {
  /** Flat [start, end] pairs, in order. */
  private readonly found: number[] = [];
  private resumeAt = 0;
  private done = false;

  constructor(private lower: string) {}

  /** The breaks of another sentence, in the same object and list (sentence views reuse one: see viewOf). */
  reset(lower: string): this {
    this.lower = lower;
    // Emptied by pop(), which keeps the list's storage (setting the length to 0 drops it).
    while (this.found.length > 0) this.found.pop();
    this.resumeAt = 0;
    this.done = false;
    return this;
  }

  /** Every break starting before `at` (and perhaps more after it). */
  upTo(at: number): number[] {
    const found = this.found;
    while (!this.done && this.resumeAt < at) {
      // Scanned only as far as a break starting before `at` can reach: when none is left, the rest of the
      // sentence (often all of it after the trigger, with no comma) is not read, and the next scan resumes at `at`.
      const reach = at + LONGEST_BREAK;
      const whole = reach >= this.lower.length;
      BREAK.lastIndex = this.resumeAt;
      const text = whole ? this.lower : this.lower.slice(0, reach);
      // test(), not exec() (no match array): where the break starts is read from where it ends.
      const m = BREAK.test(text);
      if (!m && whole) {
        this.done = true;
        break;
      }
      const end = m ? BREAK.lastIndex : 0;
      const start = m ? breakStart(text, end) : 0;
      // In a cut view only a break starting before `at` is surely the scan's next (a longer one may start
      // after `at` and run past the cut); with none left, nothing starts in between.
      if (!m || (!whole && start >= at)) {
        this.resumeAt = at;
        break;
      }
      found.push(start, end);
      this.resumeAt = end;
    }
    return found;
  }
}

/**
 * Where a BREAK match ending at `end` starts: a break word is one word between two spaces (" said "), so its
 * match opens at the space before the word; any other break is one character.
 */
function breakStart(text: string, end: number): number {
  return end >= 2 && text.charCodeAt(end - 1) === SPACE ? text.lastIndexOf(' ', end - 2) : end - 1;
}

// The clause segments before `at`, nearest first, read straight from the flat break list (no list of pairs
// per trigger): with `count` breaks starting before `at`, segment 0 is the clause of `at` and segment i runs
// from the end of break count - i - 1 (or the sentence start) to the start of break count - i.

/** How many of the breaks (flat [start, end] pairs, in order) start before `at`. */
function breaksBefore(breaks: number[], at: number): number {
  let count = 0;
  while (2 * count < breaks.length && breaks[2 * count] < at) count++;
  return count;
}

/** Start of segment i of the `count` + 1 segments before `at`. */
function segmentStart(breaks: number[], count: number, i: number, at: number): number {
  const j = count - i;
  const start = j > 0 ? breaks[2 * j - 1] : 0;
  return i === 0 ? Math.min(start, at) : start;
}

/** End of segment i of the `count` + 1 segments before `at`. */
function segmentEnd(breaks: number[], count: number, i: number, at: number): number {
  return i === 0 ? at : breaks[2 * (count - i)];
}

/** Start of the clause `at` lies in (segment 0 of the segments before it). */
export function clauseStart(clauses: ClauseBreaks, at: number): number {
  const breaks = clauses.upTo(at);
  return segmentStart(breaks, breaksBefore(breaks, at), 0, at);
}

export interface ActorFound {
  faction: FactionMention | null;
  /** The subject was a pronoun that nothing in the sentence resolved. */
  pronoun: boolean;
}

// Small patterns made once (a regex literal inside a function is a new RegExp object each time it runs).
const OWN_SUBJECT = /\b(?:the|a|an) [a-z]+ (?:was|were|is|are|had|has)\b/;
const CLAUSE_CHANGE = /[;]| (?:but|while|whereas|after|before) /;
const COMMA_OR_SEMICOLON = /[,;]/;
const LEADING_LINK = /^(?:of|over|in|on|the)\s+/;
const LETTER_OR_DIGIT = /[a-z\d]/;
const PARTIAL_AREA = /^(?:outskirts|countryside|suburbs|eastern part|western part|northern part|southern part|east|west|north|south)$/;
const OLD_CITY = /^old (?:city|quarter|town)$/;
const CITY_CENTRE = /^city cent|^downtown/;
const AIR_BASE = /^air ?base$|^airbase$/;
const TO_BEFORE = /\bto (?:[a-z]+ly )?$/;
const ACHIEVED_TO_BEFORE = /\b(?:managed|able|succeeded|went on|continued|failed)(?: in)? to (?:[a-z]+ly )?$/;
const AIM_BEFORE = /\b(?:operations?|offensive|campaign|battle|bid|push|efforts?|attempts?) (?:on|for|at|in) (?:[a-z]+ly )?$/;

/** The subject faction of an active trigger: the first faction of the nearest clause that has one. */
export function actorBefore(lower: string, clauses: ClauseBreaks, at: number, factions: Local<FactionMention>[]): ActorFound {
  const breaks = clauses.upTo(at);
  const count = breaksBefore(breaks, at);
  for (let i = 0; i <= count; i++) {
    const s = segmentStart(breaks, count, i, at);
    const e = segmentEnd(breaks, count, i, at);
    const seg = lower.slice(s, e);
    if (i > 0 && QUALIFIER.test(seg)) continue;
    // The first faction of the clause that no preposition qualifies (a search, not a list: only the first counts).
    const first = firstFactionIn(factions, s, e, lower, s, QUALIFIED);
    if (first) return { faction: first.m, pronoun: false };
    if ((mayOpenWithPronoun(lower, s, e) && PRONOUN.test(seg)) || (i === 0 && mayEndInSpace(lower, s, e) && PRONOUN_BEFORE.test(seg))) {
      // "the SDF said it controlled …": the pronoun is the speaker, the subject of the clause before;
      // not the side a place was lost "to", nor a bracketed acronym repeating that side's name.
      for (let j = i + 1; j <= count; j++) {
        const ps = segmentStart(breaks, count, j, at);
        const pe = segmentEnd(breaks, count, j, at);
        if (ps > 0 && lower[ps - 1] === '(' && bracketsLoserTo(lower, factions, ps - 1)) continue;
        const f = firstFactionIn(factions, ps, pe, lower, ps, LOSER_TO);
        if (f) return { faction: f.m, pronoun: false };
      }
      return { faction: null, pronoun: true };
    }
    // A clause with words but no faction is the subject we could not name: stop looking further back
    // only when it clearly has its own subject ("the town was …").
    if (OWN_SUBJECT.test(seg)) return { faction: null, pronoun: false };
  }
  return { faction: null, pronoun: false };
}

/** The first faction within [start, end) whose words before it (within its clause from `segStart`) do not end with `unless`. */
function firstFactionIn(factions: Local<FactionMention>[], start: number, end: number, lower: string, segStart: number, unless: RegExp): Local<FactionMention> | null {
  for (let k = 0; k < factions.length; k++) {
    const f = factions[k];
    if (f.start >= start && f.end <= end && !after(lower, f.start, segStart, unless)) return f;
  }
  return null;
}

/** Whether the bracket at `open` follows (at most a space after) a faction named as the side something was lost to. */
function bracketsLoserTo(lower: string, factions: Local<FactionMention>[], open: number): boolean {
  for (let k = 0; k < factions.length; k++) {
    const g = factions[k];
    if (g.end <= open && open - g.end <= 1 && after(lower, g.start, 0, LOSER_TO)) return true;
  }
  return false;
}

// "backed by the SDF" qualifies; "the U.S.-backed SDF" does not (hyphenated adjective).
const QUALIFIED = /(?:^|[^-\w])(?:by|with|of|against|from|including)(?: the)? ?$/;
// "lost Raqqa to the (U.S.-backed) SDF": the winner, never the antecedent of a later "they".
const LOSER_TO = /(?:^|[^-\w])(?:by|with|of|against|from|including|to)(?: the)?(?: \S+-(?:backed|led|allied|aligned|supported))? ?$/;

/**
 * False when PRONOUN cannot match lower.slice(s, e): after its spaces the clause opens with a character other
 * than "i" or "t" (most clauses without a side), or is empty.
 */
function mayOpenWithPronoun(lower: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && lower.charCodeAt(i) === 32) i++;
  if (i >= e) return false;
  const c = lower.charCodeAt(i);
  // Another space (a tab, a character above ASCII): the pattern decides.
  return c === 105 || c === 116 || c >= 128 || (c >= 9 && c <= 13);
}

/** False when PRONOUN_BEFORE cannot match lower.slice(s, e): it ends in a space after "it" at least. */
function mayEndInSpace(lower: string, s: number, e: number): boolean {
  if (e - s < 3) return false;
  const c = lower.charCodeAt(e - 1);
  return c === 32 || c >= 128 || (c >= 9 && c <= 13);
}

/** Whether the words just before a faction (within its clause) end with `re` (QUALIFIED or LOSER_TO). */
function after(lower: string, start: number, segStart: number, re: RegExp): boolean {
  const from = Math.max(segStart, start - 24);
  // Both patterns need a word of two letters at least ("by", "of", "to"): most factions open their clause, with
  // nothing or a space before them (3,800 calls a MB of generated copy, on 1.2 characters on average).
  return start - from >= 2 && re.test(lower.slice(from, start));
}

// Text allowed between a trigger and its place: no new verb or clause.
const GAP_STOP = /[;:]|\b(?:had|has|have|was|were|is|are|will|would|said|says|which|who|where|while|but|after|before|when|since|following|posed|killing|leaving|between)\b/;
// "held in Syria", "took part in": a place right after a preposition is where, not what.
const GAP_PREPOSITION = /^\s*(?:in|at|on|near|during|for|with|by|after|across|inside|throughout)\b/;

/** The first place after `from` within the same clause, before `limit`. */
export function placeAfter(lower: string, from: number, limit: number, places: Local<PlaceMention>[], allowPreposition = false): Local<PlaceMention> | null {
  for (let k = 0; k < places.length; k++) {
    const p = places[k];
    if (p.start < from) continue;
    if (p.start >= limit || p.start - from > 90) return null;
    const gap = lower.slice(from, p.start);
    return GAP_STOP.test(gap) || (!allowPreposition && GAP_PREPOSITION.test(gap)) ? null : p;
  }
  return null;
}

/** The nearest place before `at` (for passives: "Raqqa was captured by …"), at most one clause back. */
export function placeBefore(lower: string, at: number, places: Local<PlaceMention>[]): Local<PlaceMention> | null {
  let best: Local<PlaceMention> | null = null;
  for (let k = 0; k < places.length; k++) if (places[k].end <= at && at - places[k].end <= 120) best = places[k];
  if (!best) return null;
  return CLAUSE_CHANGE.test(lower.slice(best.end, at)) ? null : best;
}

/** The first faction strictly between two offsets (the side that lost the place). */
export function factionBetween(from: number, to: number, factions: Local<FactionMention>[]): FactionMention | null {
  return factions.find((f) => f.start >= from && f.end <= to)?.m ?? null;
}

/** The faction right after `from` (after "by", "to"), within a few words. */
export function factionAfter(lower: string, from: number, factions: Local<FactionMention>[]): Local<FactionMention> | null {
  const f = factions.find((x) => x.start >= from);
  if (!f || f.start - from > 40) return null;
  return COMMA_OR_SEMICOLON.test(lower.slice(from, f.start)) ? null : f;
}

export interface ExtentFound {
  kind: Extent;
  text: string | null;
  percent: number | null;
  area: string | null;
}

const AREA = /\b(?:the )?(old city|old quarter|old town|old market|city cent(?:re|er)|downtown|airport|air base|airbase|citadel|industrial zone|outskirts|countryside|suburbs|eastern part|western part|northern part|southern part|east|west|north|south)(?: of| in| around)?\s*$/;
const PERCENT = /\b(\d{1,3}(?:\.\d)?) ?(?:percent|per cent|%)(?: of)?\b/;
const PARTIAL = /\b(?:territory|kilomet(?:er|re)s|km|square|largely|mostly|partly|partially|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|a few|dozens of|many|more|other) (?:other |more |new |small |nearby |surrounding )?(?:villages|towns|areas|positions|neighbou?rhoods|districts|hills|points|sites|bases|checkpoints|farms|oil fields)|(?:villages|towns|positions|hills|points|sites|checkpoints|farms) (?:in|near|around|of)|most|much|parts?|half|large (?:parts|swathes|areas|sections)|swathes|several (?:areas|neighbou?rhoods|districts|villages|parts)|some (?:areas|parts|neighbou?rhoods|districts)|areas|neighbou?rhoods|districts|pockets|positions|sections|a (?:part|section|pocket)|the rest)\b/;
const FULL = /\b(?:full|complete|total|entire|whole|all of|fully|completely|entirely)\b/;

// Extents by phrase, one cache for each value of triggerFull: a text repeats its few gaps ("the countryside
// of", "the old city of") from claim to claim, and each new phrase costs up to five regexes. Callers copy the
// fields, never change them. Cleared when full, so it stays small however many articles pass.
const EXTENTS = [new Map<string, ExtentFound>(), new Map<string, ExtentFound>()];
const EXTENTS_KEPT = 2048;

/** The extent written just before a place ("90 percent of the old quarter of", "parts of"). */
export function extentOf(phrase: string, triggerFull: boolean): ExtentFound {
  const cache = EXTENTS[triggerFull ? 1 : 0];
  let found = cache.get(phrase);
  if (found === undefined) {
    if (cache.size >= EXTENTS_KEPT) cache.clear();
    // The cache outlives the article: it keeps a copy, not a view into the article's text.
    const key = detached(phrase);
    found = extentOfPhrase(key, triggerFull);
    cache.set(key, found);
  }
  return found;
}


function extentOfPhrase(phrase: string, triggerFull: boolean): ExtentFound {
  const text = phrase.trim().replace(LEADING_LINK, '') || null;
  // Most phrases are a bare space ("captured Raqqa"): with no letter or digit none of the patterns below can match.
  if (!LETTER_OR_DIGIT.test(phrase)) return { kind: 'full', text: triggerFull ? text ?? 'full control' : text, percent: null, area: null };
  const p = PERCENT.exec(phrase);
  const areaMatch = AREA.exec(phrase);
  const area = areaMatch ? normaliseArea(areaMatch[1]) : null;
  if (p) {
    const percent = Number(p[1]);
    return { kind: percent >= 100 ? 'full' : 'partial', text, percent, area };
  }
  if (PARTIAL.test(phrase) || (area !== null && PARTIAL_AREA.test(area))) {
    return { kind: 'partial', text, percent: null, area };
  }
  return { kind: 'full', text: FULL.test(phrase) || triggerFull ? text ?? 'full control' : text, percent: null, area };
}

function normaliseArea(area: string): string {
  if (OLD_CITY.test(area)) return 'old city';
  if (CITY_CENTRE.test(area)) return 'city centre';
  if (AIR_BASE.test(area)) return 'air base';
  return area;
}

// "nearly 50 rebels" is a figure, not an outcome that almost happened.
const PREDICT = /\b(?:(?:almost|nearly|close to)(?! \d)|on the verge of|will|would|shall|won't|likely to|unlikely to|expected to|set to|poised to|going to|about to|plans? to|planning to|aims? to|aiming to|aimed (?:at|to)|intends? to|could|may|might|vowed to|vows to|threatened to|threatens to|hopes? to|seeks? to|prepares? to|preparing to|preparations to|ready to)\b/;
/** The words that deny what follows them in a sentence ("the army denied that …"). */
export const DENIAL_WORDS: readonly string[] = ['denied', 'denies', 'deny', 'denying', 'dismissed', 'rejected', 'refuted'];
const DENY = new RegExp(String.raw`\b(?:${DENIAL_WORDS.join('|')})\b`);
const NEGATION = /\b(?:not|never|no longer|n't|neither|nor|failed to|fails to)\b/;

/**
 * Where the first denial word of a sentence ends (Infinity: none). A denial anywhere before a trigger makes it
 * denied; the words are whole words and a trigger or toll never starts inside a word, so "a denial before
 * `at`" is "the first one ends by `at`", found once per sentence instead of a scan of the prefix per trigger.
 */
export function firstDenialEnd(lower: string): number {
  const m = DENY.exec(lower);
  return m ? m.index + m[0].length : Infinity;
}

/** Asserted, predicted or denied, from the words before the trigger in its clause (`denialEnd`: firstDenialEnd, or any number above `at` when that is). */
export function modalityOf(lower: string, at: number, clauseStart: number, denialEnd: number): 'asserted' | 'predicted' | 'denied' {
  if (denialEnd <= at) return 'denied';
  const before = lower.slice(Math.max(clauseStart, at - 100), at);
  if (NEGATION.test(lower.slice(Math.max(clauseStart, at - 24), at))) return 'denied';
  if (PREDICT.test(before)) return 'predicted';
  // The two tests below match only text ending in "to ", "on ", "or ", "at ", "in " or "ly " (an adverb after
  // them): most triggers follow their subject ("forces captured"), and two character reads skip both regexes.
  if (at < 3 || lower.charCodeAt(at - 1) !== SPACE) return 'asserted';
  const pair = (lower.charCodeAt(at - 3) << 8) | lower.charCodeAt(at - 2);
  const adverb = pair === LY;
  // "launched an offensive to seize Aleppo": a purpose, not an outcome (unless "managed to", "was able to").
  if ((adverb || pair === TO) && TO_BEFORE.test(lower.slice(Math.max(0, at - 14), at)) && !ACHIEVED_TO_BEFORE.test(lower.slice(Math.max(0, at - 30), at))) return 'predicted';
  // "the operation on liberating the city is under way": an aim, not an outcome.
  if ((adverb || pair === ON || pair === OR || pair === AT || pair === IN) && AIM_BEFORE.test(lower.slice(Math.max(0, at - 30), at))) return 'predicted';
  return 'asserted';
}

const SPACE = 32;
/** Two lower-case letters as modalityOf reads them: first << 8 | second. */
const twoLetters = (w: string) => (w.charCodeAt(0) << 8) | w.charCodeAt(1);
const LY = twoLetters('ly');
const TO = twoLetters('to');
const ON = twoLetters('on');
const OR = twoLetters('or');
const AT = twoLetters('at');
const IN = twoLetters('in');
