// Claims: who did what to which place, when, according to whom, one sentence at a time.
import { Claim, ClaimAction, DateMention, FactionMention, Mention, PlaceMention, Publication, Sentence, SourceMention } from '../types';
import { findTriggers, presentOf, releaseTriggers, Trigger } from './triggers';
import { actorBefore, clauseStart, extentOf, ExtentFound, factionAfter, factionBetween, Local, modalityOf, placeAfter } from './claimParts';
import { findCasualties, CasualtyFound } from './casualties';
import { datesByTrigger, timeFromDate, timeFromPublication } from './claimTime';
import { sourceOf, sourcesBySentence } from './claimSource';
import { hashLabel, intervalOfValue, lastBeforeSpaces, letterMask, mayEndIn } from './claimText';
import { summarise } from './summary';
import { fighterBefore, isFighting, passiveSubject, relativeAntecedent, takenFrom } from './claimSides';
import { breaksOf, castOf, groupBySentence, releaseArticle, SentenceView, SETTLEMENT, viewOf } from './sentenceView';
import { SentenceTexts } from './sentenceTexts';
import { SentenceRepeats } from './sentenceRepeats';
import { cut } from '../smallLists';
import { MAY_TOLL, NAMES_TOWN, scanWords } from './sentenceWords';

export interface ClaimInput {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  publication: Publication;
  agency: string | null;
}

// One of each for all articles, started anew for each (see SentenceTexts.start).
const TEXTS = new SentenceTexts();
const REPEATS = new SentenceRepeats();

const MAX_SENTENCE = 3000;
/** At most this many triggers per sentence are read (each looks back over its sentence). */
const MAX_TRIGGERS = 24;

/** Who did what to which place when, according to whom, per sentence. */
export function extractClaims(input: ClaimInput): Claim[] {
  try {
    return extractAll(input);
  } catch {
    // The core never throws: a bug here costs the claims, not the rest of the analysis.
    return [];
  }
}

function extractAll(input: ClaimInput): Claim[] {
  const { text, sentences, mentions, publication, agency } = input;
  const bySentence = groupBySentence(mentions, sentences.length);
  if (!bySentence) return [];
  // Made at the first sentence with claims: many articles have none.
  let attributedTo: (SourceMention[] | undefined)[] | null = null;
  const claims: Claim[] = [];
  // Updated sentence by sentence (one object for the article, handed to each sentence with claims).
  const context: Context = { actor: null, place: null, state: null };

  const texts = TEXTS.start(text, bySentence, sentences, isRead);
  const maskedBytes = texts.maskedBytes;
  const repeats = REPEATS.start(sentences.length, texts);

  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index];
    if (!isRead(sentence)) continue;
    // Filed for the repeat count; its ends read only if a later sentence has claims, and hashed only if this
    // or a later sentence with the same ends has claims.
    repeats.defer(index);
    const from = bySentence.first[index];
    const to = bySentence.first[index + 1];
    const lower = texts.maskedOf(index, sentence);
    const cast = castOf(bySentence, from, to);

    // Most sentences have no trigger and no toll: they only pass on the last actor and town named. One pass
    // over the words says where triggers can start and whether a toll or "the town" can be there.
    const words = maskedBytes !== null ? scanWords(lower, maskedBytes, sentence.start, texts.blanks, texts.firstBlankOf(index), texts.blankCount) : scanWords(lower);
    const casualties = words.flags & MAY_TOLL ? findCasualties(lower, texts.lowerOf(sentence), words) : NO_TOLLS;
    // A trigger's claim needs a place in its sentence or "the town" for an earlier one; a toll needs the
    // triggers too (a figure inside "attacked …" is no toll). Other sentences skip the trigger patterns.
    const triggers = casualties.length || cast.hasPlace || words.flags & NAMES_TOWN ? findTriggers(lower, words) : NO_TRIGGERS;
    if (triggers.length > MAX_TRIGGERS) triggers.length = MAX_TRIGGERS;
    const view = triggers.length || casualties.length ? viewOf(index, lower, bySentence, from, to, sentence.start, words.denialEnd) : null;
    const found: Found[] = view ? claimsOfSentence(view, triggers, casualties, context) : NONE;

    if (view && found.length) {
      const repeat = repeats.repeatOf(index);
      const idBase = `c${hashLabel(repeats.keyOf(index))}${repeat ? `~${repeat}` : ''}`;
      const { source, reported } = sourceOf(index, lower, (attributedTo ??= sourcesBySentence(bySentence.sources, sentences.length))[index] ?? NO_SOURCES, view.factions, agency);
      for (let i = 0; i < found.length; i++) claims.push(claimOf(found[i], `${idBase}.${i}`, sentence, index, publication, source, reported));
    }
    // The subject of a later "it"/"they": the last claim's actor, else the last faction named.
    let actor: FactionMention | null = null;
    for (let i = found.length - 1; i >= 0 && !actor; i--) actor = found[i].subject;
    context.actor = actor ?? cast.lastFaction ?? context.actor;
    context.state = cast.lastState ?? context.state;
    // "the town" in a later sentence is most often the place the last claim was about, else the first town named.
    let town: PlaceMention | null = null;
    for (let i = found.length - 1; i >= 0 && !town; i--) {
      const f = found[i];
      // The action first: a literal, its lookup cheaper than the feature's (a string of the place's own).
      if (f.place && HOLDING.has(f.action) && SETTLEMENT.has(f.place.feature)) town = f.place;
    }
    context.place = town ?? cast.firstTown ?? context.place;
  }
  releaseArticle(bySentence, sentences.length);
  releaseTriggers();
  texts.release();
  repeats.release();
  return claims;
}

// The finders' small patterns, made once: a regex literal inside a function is a new RegExp object each time
// it runs (56 bytes; a sixth of what the stage allocated after its lists were reused).
const BY_NEXT = /^\s*by\b/;
const SEQUENCE_WORD = /\b(?:before|after|then|later|earlier|since|until|following|prior)\b/;
const LOCATIVE = /\b(?:in|at|on|near|around|across|throughout)\b/;
const LARGELY_BEFORE = /\b(?:largely|mostly|partly|partially)\s*$/;
const TO_WORD = /\bto\b/;
const PASSIVE_BEFORE = /\b(?:been|being|was|were|is|are|get|got)\s+(?:[a-z]+ly\s+)?$/;
const COMMAS = /[,]/g;
const TOWN_AT_END = /(?:the|this|that) (?:town|city|village)\s*$/;
const VERB_WORD = /\b(?:had|has|was|were|is|are|said)\b/;
const CLAUSE_CHANGE = /[;]| (?:but|while|whereas|after|before) /;
const WHICH_AFTER = /^\s*,\s*which\s[^,;]*$/;
const QUALIFYING_BEFORE = /\b(?:of|in|near|around|outside|across|at)(?: the)? ?$/;
const LOCATED_BEFORE = /\b(?:in|near|at|around|outside|of)(?: the)? ?$/;
const JOINED_BY = /^\s*(?:and|,)\s*(?:the )?$/;

/** Body and caption sentences, except ones longer than any real sentence (a table, a data dump, a run-on without stops): skipped, so work stays linear. */
function isRead(sentence: Sentence): boolean {
  return (sentence.section === 'body' || sentence.section === 'caption') && !(sentence.end - sentence.start > MAX_SENTENCE);
}

const NONE: Found[] = [];
const NO_TRIGGERS: Trigger[] = [];
const NO_TOLLS: readonly CasualtyFound[] = [];

const NO_SOURCES: SourceMention[] = [];

function claimOf(f: Found, id: string, sentence: Sentence, index: number, publication: Publication, source: Claim['source'], reported: boolean): Claim {
  const predicted = f.modality === 'predicted';
  const time = (f.date ? timeFromDate(f.date, publication.date, predicted) : null) ?? timeFromPublication(publication.date, f.present, predicted);
  const modality = f.modality === 'asserted' && reported ? 'reported' : f.modality;
  const place = f.place
    ? { id: f.place.id, name: f.place.name, lat: f.place.lat, lon: f.place.lon, country: f.place.country, admin1: f.place.admin1, feature: f.place.feature }
    : null;
  const claim: Claim = {
    id,
    start: sentence.start,
    end: sentence.end,
    sentence: index,
    actor: f.actor ? { id: f.actor.id, name: f.actor.name } : null,
    action: f.action,
    patient: f.patient,
    place,
    extent: { kind: f.extent.kind, text: f.extent.text, percent: f.extent.percent, area: f.extent.area },
    time,
    source,
    modality,
    count: f.casualty?.count ?? null,
    summary: '',
  };
  // Casualty fields exist only on casualty claims (after `summary`, as the JSON has always listed them).
  if (f.casualty) {
    claim.victims = f.casualty.victims;
    claim.eventKind = f.casualty.eventKind;
    claim.countQualifier = f.casualty.qualifier;
    if (f.casualty.incident) claim.incident = f.casualty.incident;
  }
  claim.summary = summarise(claim);
  return claim;
}

interface Found {
  action: ClaimAction;
  actor: FactionMention | null;
  /** The grammatical subject, the antecedent of a later "they": the actor, except "IS lost P to the SDF" (IS). */
  subject: FactionMention | null;
  patient: Claim['patient'];
  place: PlaceMention | null;
  extent: ExtentFound;
  modality: 'asserted' | 'predicted' | 'denied';
  present: boolean;
  date: DateMention | null;
  casualty: CasualtyFound | null;
  /** Sentence-relative stretch from trigger to place, for giving dates to the nearest claim. */
  start: number;
  end: number;
}

/** What earlier sentences leave for this one: the last subject, the town last talked about, the last state force named. */
interface Context {
  actor: FactionMention | null;
  place: PlaceMention | null;
  state: FactionMention | null;
}

function claimsOfSentence(view: SentenceView, triggers: Trigger[], tolls: readonly CasualtyFound[], context: Context): Found[] {
  const { lower } = view;
  const out: Found[] = [];

  for (let i = 0; i < triggers.length; i++) {
    const next = i + 1 < triggers.length ? triggers[i + 1].start : lower.length;
    const f = claimOfTrigger(view, triggers[i], next, context);
    // "X controls P" with no X says nothing a reader or the conflict check can use.
    if (!f || (f.action === 'controls' && !f.actor)) continue;
    if (!hasSame(out, f)) out.push(f);
  }
  for (let k = 0; k < tolls.length; k++) {
    const c = tolls[k];
    // A figure inside an "attacked" trigger is part of that trigger's words, not a toll.
    if (insideAttack(triggers, c)) continue;
    const place = casualtyPlace(view, c);
    const by = factionAfter(lower, c.end, view.factions);
    const actor = by && BY_NEXT.test(lower.slice(c.end, by.start)) ? by.m : actorBefore(lower, breaksOf(view), c.start, view.factions).faction;
    const modality = c.denied ? 'denied' : modalityOf(lower, c.start, 0, view.denialEnd);
    const patient = c.victims ? { id: c.victims, name: c.victims } : null;
    out.push(foundOf('casualties', actor, patient, place, FULL_EXTENT, modality, true, c, c.start, c.end));
  }
  if (view.dates.length) assignDates(out, view);
  // An undated claim with no actor ("Capturing Uqayribat is part of …") tells a reader nothing new. Kept in
  // place (no filtered copy).
  let kept = 0;
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (f.actor || (f.date && (f.date.interval || f.date.range || intervalOfValue(f.date.value))) || f.action === 'casualties' || f.action === 'besieged') out[kept++] = f;
  }
  return cut(out, kept);
}

/** A claim already found with f's action, place and actor. */
function hasSame(out: Found[], f: Found): boolean {
  for (let i = 0; i < out.length; i++) {
    const o = out[i];
    if (o.action === f.action && o.place?.id === f.place?.id && o.actor?.id === f.actor?.id) return true;
  }
  return false;
}

/** Whether toll c overlaps an "attacked" trigger. */
function insideAttack(triggers: Trigger[], c: CasualtyFound): boolean {
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (t.start < c.end && t.end > c.start && t.action === 'attacked') return true;
  }
  return false;
}

// A toll's extent: claimOf copies its fields, so one object serves every toll.
const FULL_EXTENT: ExtentFound = Object.freeze({ kind: 'full', text: null, percent: null, area: null });

/** Every Found built in one place, so all have one shape. */
function foundOf(
  action: ClaimAction,
  actor: FactionMention | null,
  patient: Claim['patient'],
  place: PlaceMention | null,
  extent: ExtentFound,
  modality: Found['modality'],
  present: boolean,
  casualty: CasualtyFound | null,
  start: number,
  end: number,
): Found {
  return { action, actor, subject: actor, patient, place, extent, modality, present, date: null, casualty, start, end };
}

/** Each date goes to the claim whose words are nearest: "a siege on X on 18 Aug before storming it on Friday". */
function assignDates(out: Found[], view: SentenceView): void {
  const { lower, dates } = view;
  const dateOf = datesByTrigger(out, dates);
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (dateOf[i] >= 0) {
      f.date = dates[dateOf[i]].m;
      continue;
    }
    // Another claim's date is shared only when no other claim stands between them.
    const d = nearestDate(dates, f, lower);
    if (!d) continue;
    const lo = d.start >= f.end ? f.end : d.end;
    const hi = d.start >= f.end ? d.start : f.start;
    f.date = standsBetween(out, f, lo, hi) ? null : d.m;
  }
}

/** Whether a claim other than f starts or ends within [lo, hi). */
function standsBetween(out: Found[], f: Found, lo: number, hi: number): boolean {
  for (let i = 0; i < out.length; i++) {
    const o = out[i];
    if (o !== f && ((o.end > lo && o.end <= hi) || (o.start >= lo && o.start < hi))) return true;
  }
  return false;
}

/** A date owned by another trigger, shared only across plain coordination ("seized X and took Y on Friday"). */
function nearestDate(dates: Local<DateMention>[], t: { start: number; end: number }, lower: string): Local<DateMention> | null {
  let best: Local<DateMention> | null = null;
  let dist = Infinity;
  for (let k = 0; k < dates.length; k++) {
    const d = dates[k];
    const x = d.start >= t.end ? d.start - t.end : Math.max(0, t.start - d.end);
    if (x < dist) {
      dist = x;
      best = d;
    }
  }
  if (!best) return null;
  const between = best.start >= t.end ? lower.slice(t.end, best.start) : lower.slice(best.end, t.start);
  return SEQUENCE_WORD.test(between) ? null : best;
}

function claimOfTrigger(view: SentenceView, t: Trigger, next: number, context: Context): Found | null {
  const { lower, factions, places } = view;

  if (t.voice === 'active' || t.voice === 'lost') {
    const loose = t.action === 'advanced' || t.action === 'attacked' || isVictory(t.word);
    const after = placeAfter(lower, t.end, next, places, loose) ?? townAnaphor(lower, t.end, next, lastTownBefore(places, t.start) ?? context.place);
    // "Manbij, which the SDF seized in August": the place is what "which" stands for.
    const place = after ?? relativeAntecedent(lower, t.start, places);
    if (!place) return null;
    // "lost Raqqa", "lost their capital of Raqqa", not "losing territory in Syria".
    if (t.voice === 'lost' && after && LOCATIVE.test(lower.slice(t.end, place.start))) return null;
    // Modality and tense look back over the clause: read only once the trigger has a place (most have none).
    const present = presentOf(lower, t);
    const breaks = breaksOf(view);
    const modality = modalityOf(lower, t.start, clauseStart(breaks, t.start), view.denialEnd);
    const subject = isFighting(t.word) ? fighterBefore(lower, breaks, t.start, factions) : actorBefore(lower, breaks, t.start, factions);
    const subjectFaction = subject.faction ?? (subject.pronoun ? context.actor : null);
    // "largely controls", and for "the west of the city" the words before "the city".
    const gap = after ? withoutTownAnaphor(lower.slice(t.end, place.start)) : '';
    const extent = extentOf(largelyBefore(lower, t.start) ? `largely ${gap}` : gap, t.full);
    const end = Math.max(t.end, place.end);
    if (t.voice === 'lost') {
      // "IS lost Raqqa to the SDF": the winner follows "to".
      const tail = lower.slice(end, Math.min(lower.length, end + 50));
      const to = TO_WORD.exec(tail);
      const winner = to ? factionAfter(lower, end + to.index + 2, factions) : null;
      if (winner) {
        const patient = subjectFaction ? { id: subjectFaction.id, name: subjectFaction.name } : null;
        const found = foundOf('took-control', winner.m, patient, place.m, extent, modality, present, null, t.start, end);
        found.subject = subjectFaction;
        return found;
      }
      return foundOf('lost-control', subjectFaction, null, place.m, extent, modality, present, null, t.start, end);
    }
    // "the extremists had been pushed out of the city": the subject lost the place; who took it is not said.
    if (t.action === 'took-control' && passiveBefore(lower, t.start)) {
      const patient = subjectFaction ? { id: subjectFaction.id, name: subjectFaction.name } : null;
      return foundOf('took-control', null, patient, place.m, extent, modality, present, null, t.start, end);
    }
    // The other side: between trigger and place ("drove IS out of P", "fighting IS in P"), else "took P from IS".
    const loser = (after && factionBetween(t.start, place.start, factions)) || (t.action === 'took-control' ? takenFrom(lower, end, factions) : null);
    const patient = loser && loser.id !== subjectFaction?.id ? { id: loser.id, name: loser.name } : null;
    return foundOf(t.action, subjectFaction, patient, place.m, extent, modality, present, null, t.start, end);
  }

  // Place before, actor after: "Raqqa was captured by the SDF", "Raqqa fell to the SDF", "under the control of IS".
  const place = subjectPlace(lower, t.start, places);
  if (!place) return null;
  const present = presentOf(lower, t);
  const breaks = breaksOf(view);
  const clause = clauseStart(breaks, t.start);
  const modality = modalityOf(lower, t.start, clause, view.denialEnd);
  const by = factionAfter(lower, t.end, factions);
  const phrase = lower.slice(Math.max(clauseStart(breaks, place.start), place.start - 60), place.start) + ' ' + lower.slice(place.end, t.start);
  // replace() only when there is a comma: it costs a regex run even when it changes nothing.
  const extent = extentOf(phrase.indexOf(',') < 0 ? phrase : phrase.replace(COMMAS, ' '), t.full);
  // Only a siege or a capture is done to a side; "under the control of" has no patient.
  const patient = t.action === 'besieged' || t.action === 'took-control' ? passiveSubject(view, clause, t.start, by?.m ?? null, context.state) : null;
  return foundOf(t.action, by?.m ?? null, patient, place.m, extent, modality, present, null, place.start, t.end);
}

const VICTORY = new Set(['defeated', 'routed', 'vanquished']);

/** A VICTORY word; its first letter first (the set lookup hashes the word, a new string for each trigger). */
function isVictory(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c === D || c === R || c === V) && VICTORY.has(word);
}

/** "been", "was" and the like (an adverb may follow) just before `at`: PASSIVE_BEFORE (exported for tests). */
export function passiveBefore(lower: string, at: number): boolean {
  const from = Math.max(0, at - 20);
  // Its words end in these letters (an adverb in "y"): most triggers follow a blanked side and skip the regex.
  return mayEndIn(lower, from, at, PASSIVE_LAST) && PASSIVE_BEFORE.test(lower.slice(from, at));
}

const PASSIVE_LAST = letterMask('ngsety');

/** The words before "the town" at the end of a gap ("the west of the town" -> "the west of "). */
function withoutTownAnaphor(gap: string): string {
  // Most gaps are a space or a few words: shorter than "the town", or not ending in the last letter of "town",
  // "city" or "village" (spaces aside), the regex cannot match.
  if (gap.length < 8) return gap;
  const c = lastBeforeSpaces(gap, 0, gap.length);
  return c === N || c === Y || c === E || c === -1 ? gap.replace(TOWN_AT_END, '') : gap;
}

/** "largely" (or mostly, partly, partially) just before a trigger at `at`. */
function largelyBefore(lower: string, at: number): boolean {
  // All four words end in "y": any other last character (spaces aside) and the regex cannot match.
  const from = Math.max(0, at - 12);
  const c = lastBeforeSpaces(lower, from, at);
  return (c === Y || c === -1) && LARGELY_BEFORE.test(lower.slice(from, at));
}

const D = 100;
const E = 101;
const N = 110;
const R = 114;
const V = 118;
const Y = 121;

/** The last settlement named before `at` in the sentence. */
function lastTownBefore(places: Local<PlaceMention>[], at: number): PlaceMention | null {
  for (let i = places.length - 1; i >= 0; i--) {
    const p = places[i];
    if (p.end <= at && SETTLEMENT.has(p.m.feature)) return p.m;
  }
  return null;
}

const HOLDING = new Set<ClaimAction>(['took-control', 'besieged', 'controls', 'lost-control']);
const ANAPHOR = /^\s*(?:[a-z_-]+ ){0,3}?(?:from |of |in |into )?(?:the|this|that) (?:town|city|village)\b/;

/** "stormed the town": the settlement named last in an earlier sentence, when this one names none. */
function townAnaphor(lower: string, from: number, limit: number, previous: PlaceMention | null): Local<PlaceMention> | null {
  if (!previous) return null;
  const m = ANAPHOR.exec(lower.slice(from, Math.min(limit, from + 60)));
  if (!m || VERB_WORD.test(m[0])) return null;
  return { m: previous, start: from + m[0].length, end: from + m[0].length };
}

/** The subject place of a passive: the head of the noun phrase before the verb, not a place qualifying it. */
function subjectPlace(lower: string, at: number, places: Local<PlaceMention>[]): Local<PlaceMention> | null {
  const before = places.filter((p) => p.end <= at && at - p.end <= 150 && !CLAUSE_CHANGE.test(lower.slice(p.end, at)));
  if (!before.length) return null;
  // "Tabqa, which was captured by the SDF": the place "which" stands for.
  const last = before[before.length - 1];
  if (WHICH_AFTER.test(lower.slice(last.end, at))) return last;
  const head = before.find((p) => !QUALIFYING_BEFORE.test(lower.slice(Math.max(0, p.start - 14), p.start)));
  return head ?? before[before.length - 1];
}

function casualtyPlace(view: SentenceView, c: CasualtyFound): PlaceMention | null {
  const { lower, places } = view;
  const located = places.find((p) => LOCATED_BEFORE.test(lower.slice(Math.max(0, p.start - 12), p.start)));
  const place = located ?? places.find((p) => p.start > c.start) ?? places[0];
  if (!place) return null;
  // "in Idlib and Aleppo": a toll for two places together belongs to neither.
  const joined = places.some((o) => o !== place && (JOINED_BY.test(lower.slice(place.end, o.start)) || JOINED_BY.test(lower.slice(o.end, place.start))));
  return joined ? null : place.m;
}
