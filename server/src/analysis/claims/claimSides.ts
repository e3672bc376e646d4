// The sides of a claim besides its subject: who fights (a participle's subject), the place a relative clause
// is about, the side a place was taken from, and who a passive siege or capture is done to.
import { Claim, FactionMention, PlaceMention } from '../types';
import { actorBefore, ActorFound, ClauseBreaks, factionAfter, Local } from './claimParts';
import { SentenceView } from './sentenceView';

/** Fighting triggers: their subject is found by fighterBefore. */
const FIGHTING = /^(?:fight|fought|battl|clash)/;

/** Whether trigger word `word` is a fighting trigger (FIGHTING). */
export function isFighting(word: string): boolean {
  // Its first two letters first ("fi", "fo", "ba", "cl"): every trigger is tested, and few are fighting.
  const pair = (word.charCodeAt(0) << 8) | word.charCodeAt(1);
  return (pair === FI || pair === FO || pair === BA || pair === CL) && FIGHTING.test(word);
}

const FI = (102 << 8) | 105;
const FO = (102 << 8) | 111;
const BA = (98 << 8) | 97;
const CL = (99 << 8) | 108;
// Words that may stand between a clause's subject and "fighting" ("have also been fighting", "and battled").
const FIGHT_LINK = /^(?:is|are|was|were|be|been|being|to|and|also|still|now|will|would|had|have|has|continue|continued|continues|began|kept|started|while|after|before|when|as)$/;
// A side's members after its name: "IS militants fighting …".
const MEMBERS = /^(?:fighters|militants|forces|troops|units|jets|warplanes|group|militia|militias|rebels|soldiers|jihadists)$/;

// Small patterns made once (a regex literal inside a function is a new RegExp object each time it runs).
const SPACES = /\s+/;
const ADVERB = /^(?:also|now|still|[a-z]+ly)$/;
const BLANKED = /^_+$/;
const CLAUSE_MARK_END = /[,;:(]$/;
const CLAUSE_OPENER = /^(?:they|it|after|while|before|when)$/;
const SHORT_LEAD = /^[\s,]*(?:[a-z]+ ){0,3}$/;
const PREPOSITION = /\b(?:by|with|of|against|from|including|to|between|in|at|near)\b/;
const STATE_HELD = /\b(?:government|regime)-(?:held|controlled)\b/;

/**
 * The side fighting: right before the verb ("the coalition fighting IS in Syria", "IS militants battling …"),
 * else the clause's subject when only auxiliaries stand between ("the SDF have been fighting"); a noun that
 * is not a side ("an alliance also fighting …") leaves the fighter unnamed.
 */
export function fighterBefore(lower: string, breaks: ClauseBreaks, at: number, factions: Local<FactionMention>[]): ActorFound {
  const words = lower.slice(Math.max(0, at - 60), at).split(SPACES).filter(Boolean);
  let k = words.length - 1;
  while (k >= 0 && ADVERB.test(words[k])) k--;
  if (k >= 0 && MEMBERS.test(words[k]) && k > 0 && BLANKED.test(words[k - 1])) k--;
  const word = k >= 0 ? words[k] : '';
  if (BLANKED.test(word)) {
    // The blank's own mention: the last faction ending before the trigger.
    let last: FactionMention | null = null;
    for (let k = 0; k < factions.length; k++) if (factions[k].end <= at) last = factions[k].m;
    if (last) return { faction: last, pronoun: false };
  }
  // ", fighting", "they fought", "after fighting IS": the subject of the clause, however far back.
  if (CLAUSE_MARK_END.test(word) || CLAUSE_OPENER.test(word)) return actorBefore(lower, breaks, at, factions);
  if (word !== '' && !FIGHT_LINK.test(word)) return { faction: null, pronoun: false };
  // "the SDF have also been fighting": only its members, auxiliaries and a "backed by" between the side and
  // the verb; "As well as Nusra, Western-backed rebels have been fighting" names the wrong side.
  const found = actorBefore(lower, breaks, at, factions);
  if (!found.faction) return found;
  let local: Local<FactionMention> | null = null;
  for (let k = 0; k < factions.length; k++) if (factions[k].m === found.faction && factions[k].end <= at) local = factions[k];
  return local && at - local.end <= 120 && SUBJECT_GAP.test(lower.slice(local.end, at)) ? found : { faction: null, pronoun: false };
}

const SUBJECT_GAP = new RegExp(String.raw`^(?:\s|,|\b(?:${MEMBERS.source.slice(4, -2)}|${FIGHT_LINK.source.slice(4, -2)}|which|who|that|[a-z]+ly|(?:backed|supported|led|aided) by(?: the)? _+)\b)*$`);

// "Manbij, which the SDF (says it) seized", "Sukhnah, a desert town the army recaptured": a named side as the
// subject, only adverbs and auxiliaries after it.
const RELATIVE_OBJECT = /^\s*,\s*(?:which|that|(?:an?|the) (?:[a-z-]+ ){0,2}?(?:town|city|village|district|stronghold|bastion|hub)(?: which| that)?)\s+_+\s+(?:(?:says|said|claims|claimed) (?:it|they) )?(?:(?:hopes|hoped|plans|planned|aims|vowed|wants|expects) to )?(?:(?:had|has|have|also|now|still|then|[a-z]+ly)\s+){0,2}$/;

/** The place a relative clause is about, when the trigger's subject is a side and its object is "which". */
export function relativeAntecedent(lower: string, at: number, places: Local<PlaceMention>[]): Local<PlaceMention> | null {
  for (let i = places.length - 1; i >= 0; i--) {
    const p = places[i];
    if (p.end > at) continue;
    if (at - p.end > 70) return null;
    return RELATIVE_OBJECT.test(lower.slice(p.end, at)) ? p : null;
  }
  return null;
}

// "captured the old city of Manbij from IS", "took full control of Raqqa from Islamic State militants".
const FROM_SIDE = /^\s+from (?:the )?(?:[a-z.-]+ ){0,2}$/;

/** The side a place was taken from, named by "from" right after the place. */
export function takenFrom(lower: string, from: number, factions: Local<FactionMention>[]): FactionMention | null {
  const f = factionAfter(lower, from, factions);
  return f && FROM_SIDE.test(lower.slice(from, f.start)) ? f.m : null;
}

/**
 * Who a passive is done to: the side named as its subject ("Government forces in Deir al-Zour have been
 * besieged by IS", "IS-held Raqqa was captured by …"), or for a "government-held part" the state's forces
 * named in the sentence, else the last ones named before it.
 */
export function passiveSubject(view: SentenceView, clause: number, at: number, actor: FactionMention | null, lastState: FactionMention | null): Claim['patient'] {
  const { lower, factions } = view;
  let side: FactionMention | null = null;
  for (let k = 0; k < factions.length; k++) {
    const f = factions[k];
    if (f.start < clause || f.end > at) continue;
    // The subject opens its clause: at most three words before it ("and the small IS-held part"), no preposition.
    const lead = lower.slice(clause, f.start);
    if (f.m.id !== actor?.id && SHORT_LEAD.test(lead) && !PREPOSITION.test(lead)) side = f.m;
    break;
  }
  if (!side && STATE_HELD.test(lower.slice(clause, at))) {
    side = factions.find((f) => f.m.factionKind === 'state' && f.m.id !== actor?.id)?.m ?? (lastState && lastState.id !== actor?.id ? lastState : null);
  }
  return side ? { id: side.id, name: side.name } : null;
}
