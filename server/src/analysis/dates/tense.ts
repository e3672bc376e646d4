// Which way a date without a year or week points: the tense of the clause around it.
// "The army on Friday drove out …" looks back; "The envoy will meet them on Monday" looks ahead.
import { Kind, Token } from './tokens';
import { addWordFacts, Fact } from './wordFacts';

export type Tense = 'past' | 'future' | 'present' | null;

const FUTURE = new Set(['will', 'shall', 'wo', 'would', 'could', 'might', 'may', 'should', 'must', 'upcoming', 'likely', 'expected', 'scheduled', 'plans', 'planned', 'planning', 'intends', 'due', 'aims', 'hopes', 'expects', 'tomorrow', 'next', 'coming', 'forthcoming', 'soon']);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'does', 'do']);
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'ago', 'last', 'yesterday', 'took', 'came', 'went', 'began', 'fell', 'fought', 'met', 'held',
  'left', 'lost', 'won', 'drove', 'told', 'gave', 'made', 'saw', 'struck', 'became', 'rose', 'sent', 'fled', 'broke', 'brought',
  'caught', 'built', 'thought', 'found', 'kept', 'paid', 'ran', 'sat', 'shot', 'spoke', 'stood', 'threw', 'wrote', 'withdrew',
  'overran', 'retook', 'seized', 'hit', 'got', 'knew', 'led', 'meant', 'put', 'set', 'shut', 'sold', 'spent', 'taken', 'begun',
  'been', 'has', 'have', 'earlier', 'recently', 'previously', 'already', 'laid', 'killed', 'stormed',
]);
/** Words ending in -ed that are not past tenses. */
const NOT_PAST_ED = new Set(['need', 'needed', 'seed', 'indeed', 'speed', 'proceed', 'hundred', 'red', 'bed', 'shed', 'feed', 'breed', 'greed', 'creed', 'weed', 'embed', 'based', 'armed', 'united', 'alleged', 'so-called', 'called', 'detailed', 'advanced', 'limited', 'unprecedented', 'concerned', 'expected', 'scheduled', 'planned', 'unexpected', 'supposed', 'interested', 'related', 'qualified', 'experienced', 'sophisticated', 'talented', 'skilled', 'renewed', 'continued', 'organized', 'organised', 'coordinated', 'hundred', 'islamist']);

// The lists above as token facts, so a word costs one field read (the tense test reads ~20 words a date);
// wordFacts.ts adds TensePastEd by spelling. Most words have none of the bits a cue asks about, and the
// clause breaks are one bit too (comparing each token's text with six marks was a tenth of the test's time).
addWordFacts(FUTURE, Fact.TenseFuture);
addWordFacts(PAST, Fact.TensePast);
addWordFacts(PRESENT, Fact.TensePresent);
addWordFacts(NOT_PAST_ED, Fact.TenseNotPastEd);
addWordFacts(['may', 'll', 'to'], Fact.TenseMaybe);
addWordFacts([';', '"', '“', '.', '?', '!'], Fact.ClauseBreakBefore);
addWordFacts(['.', '?', '!'], Fact.ClauseBreakAfter);

/** A word with none of these bits is no cue (cue returns null at once). */
const CUE_BITS = Fact.TenseFuture | Fact.TensePast | Fact.TensePresent | Fact.TensePastEd | Fact.TenseMaybe;

const WINDOW = 10;

/** The tense of the clause around tokens [start, end): the nearest tense word either side wins. */
export function tenseNear(T: Token[], start: number, end: number): Tense {
  lo = 0;
  hi = T.length;
  return scan(T, start, end);
}

/**
 * tenseNear of a wider stretch of tokens that holds T[lo, hi) unchanged, or undefined when the answer
 * needs a token outside T[lo, hi). The window the grammar read is usually wide enough (the tense word
 * sits a few words from the date), so the wider stretch need not be tokenized at all.
 */
export function tenseWithin(T: Token[], start: number, end: number, from: number, to: number): Tense | undefined {
  lo = from;
  hi = to;
  outside = false;
  const tense = scan(T, start, end);
  return outside ? undefined : tense;
}

/** The tokens the scan may read, and whether it asked for one beyond them (see at). */
let lo = 0;
let hi = 0;
let outside = false;

/** T[k] when lo <= k < hi; past those, undefined (the end of the tokens) and noted in `outside`. */
function at(T: Token[], k: number): Token | undefined {
  if (k < lo || k >= hi) {
    outside = true;
    return undefined;
  }
  return T[k];
}

function scan(T: Token[], start: number, end: number): Tense {
  // The clause before the date usually carries its verb ("will meet on Monday", "said on Friday");
  // when nothing precedes, the verb follows ("The army on Friday drove out …").
  for (let d = 1; d <= WINDOW; d++) {
    const t = at(T, start - d);
    if (t === undefined) continue;
    const before = cue(T, t, start - d, true);
    if (before) return before === 'future' && pastAuxiliaryBefore(T, start - d) ? 'past' : before;
    if ((t.f & Fact.ClauseBreakBefore) !== 0) break;
  }
  for (let d = 0; d < WINDOW; d++) {
    const t = at(T, end + d);
    if (t === undefined) continue;
    const after = cue(T, t, end + d, false);
    if (after) return after;
    if ((t.f & Fact.ClauseBreakAfter) !== 0) break;
  }
  return null;
}

/** The tense token t (T[i]) points to, if any. */
function cue(T: Token[], t: Token, i: number, before: boolean): Tense {
  if (t.k !== Kind.Word || (t.f & CUE_BITS) === 0) return null;
  const l = t.l;
  // "from March to May": a capitalised "May" inside a sentence is the month (or a name), not the modal.
  if (l === 'may' && t.cap) {
    const p = at(T, i - 1);
    if (p && !['.', '?', '!', '"', '“', ':', ';'].includes(p.l)) return null;
  }
  const c = t.f;
  if (c & Fact.TenseFuture) {
    // "would" after "said" is still the future of the saying; "next" and "coming" only before the date.
    if ((l === 'next' || l === 'coming') && !before) return null;
    return 'future';
  }
  if (l === 'll') {
    const p = at(T, i - 1);
    if (p && (p.l === "'" || p.l === '’')) return 'future';
  }
  if (l === 'to') {
    if (at(T, i + 1)?.l === 'be') return 'future';
    const p = at(T, i - 1)?.l;
    if (p === 'going' || p === 'set' || p === 'due') return 'future';
  }
  if (c & Fact.TensePast) return 'past';
  if (c & Fact.TensePastEd) {
    const p = at(T, i - 1);
    if (!(p?.l === '-' && p.e === t.s)) {
      // "should be completed", "is expected", "has been delayed": a participle; the auxiliary decides.
      const aux = p?.l;
      if (aux === 'be' || aux === 'been' || aux === 'being' || aux === 'is' || aux === 'are' || aux === 'get') return null;
      return 'past';
    }
  }
  if (c & Fact.TensePresent) return 'present';
  return null;
}

/** True when the tokens hold a present perfect or an infinitive ("has continued", "to remain"): a state still running. */
export function ongoing(T: Token[], start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < Math.min(T.length, end); i++) {
    const l = T[i].l;
    if (l === 'has' || l === 'have' || l === 'will' || (l === 'to' && T[i + 1]?.k === Kind.Word && !T[i + 1].l.endsWith('ed'))) return true;
  }
  return false;
}

/** "had been due to expire", "was scheduled to open": a future seen from the past, so the date is past. */
function pastAuxiliaryBefore(T: Token[], i: number): boolean {
  const l = at(T, i)?.l;
  if (l !== 'to' && l !== 'due' && l !== 'scheduled' && l !== 'expected' && l !== 'planned' && l !== 'set') return false;
  for (let k = i - 1; k >= i - 4; k--) {
    const t = at(T, k);
    if (!t) break; // the start of the tokens
    if (t.l === 'was' || t.l === 'were' || t.l === 'had') return true;
  }
  return false;
}
