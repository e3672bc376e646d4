// The verbs and phrases that make a sentence a claim, with the grammatical shape that tells
// where the actor and the place are (before or after the trigger).
import { ClaimAction } from '../types';
import { cut, sortShort } from '../smallLists';
import { letterMask, mayEndIn } from './claimText';

/**
 * active: "X captured P" (actor before, place after);
 * passive: "P was captured by X" (place before, actor after "by");
 * toward: "P fell to X" (place before, actor after "to");
 * lost: "X lost P to Y" (patient before, place after, actor after "to");
 * under: "P is under the control of X" (place before, actor after).
 */
export type Voice = 'active' | 'passive' | 'toward' | 'lost' | 'under';

export interface Trigger {
  /** Sentence-relative offsets. */
  start: number;
  end: number;
  action: ClaimAction;
  voice: Voice;
  /** The trigger as written, lower-cased. */
  word: string;
  /** "full control" and the like, written in the trigger itself. */
  full: boolean;
  /** A state ("controls", "under the control of"): true as of publication, whatever the tense (see presentOf). */
  state: boolean;
}

interface Pattern {
  /**
   * Sticky copy of the pattern, tried only where a sentence word opens it (see `opens`): every match of
   * the pattern begins at a word boundary with one of those words, followed by what `after` says, so the
   * other places never need a try.
   */
  re: RegExp;
  opens: Opening[];
  action: ClaimAction;
  voice: Voice;
  present?: boolean;
}

/** A word a pattern can open with, and the regex every match has right after it (null: anything). */
interface Opening {
  word: string;
  after: string | null;
}

/** "a|b|c" for a regex alternation. */
const alt = (words: string[]) => words.join('|');

/**
 * The openings of alternatives taken from the same lists the patterns are built from: "closing in on" opens
 * with "closing" followed by " in on"; "retains?" with "retain" or "retains"; `tail` is what the pattern
 * puts after every alternative of the list.
 */
function opens(list: string[], tail = ''): Opening[] {
  return list.flatMap((w) => {
    const [head, ...rest] = w.split(' ');
    const after = (rest.length ? ` ${rest.join(' ')}` : '') + tail || null;
    const words = head.endsWith('s?') ? [head.slice(0, -2), head.slice(0, -1)] : [head];
    return words.map((word) => ({ word, after }));
  });
}

const BE_WORDS = ['is', 'are', 'was', 'were', 'been', 'being', 'be', 'remains', 'remained'];
const BE = `(?:${alt(BE_WORDS)})`;
// A blanked mention stands where a date adverb was ("has been recently taken": "recently" is a date).
const ADV = String.raw`(?:[a-z]+ly |also |now |still |finally |fully |then |reportedly |_+ |)`;

const TAKE_PASSIVE = String.raw`captured|seized|liberated|retaken|recaptured|taken|overrun|freed|taken over`;
const TAKE_CONTROL = ['took', 'take', 'takes', 'taking', 'taken', 'seized', 'seize', 'seizes', 'seizing', 'gained', 'gain', 'gains', 'gaining', 'regained', 'regain', 'regaining', 'assumed', 'wrested', 'wresting', 'wrest', 'wrests'];
const TAKE_OVER = ['took', 'take', 'takes', 'taking'];
const DRIVE_OUT = ['drove', 'drive', 'drives', 'driving', 'driven', 'pushed', 'push', 'pushes', 'pushing', 'forced', 'force', 'kicked', 'kick', 'chased', 'chase'];
const TAKE = ['captured', 'captures', 'capture', 'capturing', 'seized', 'seizes', 'seize', 'seizing', 'liberated', 'liberates', 'liberate', 'liberating', 'retook', 'retakes', 'retake', 'retaking', 'recaptured', 'recaptures', 'recapture', 'recapturing', 'overran', 'overruns', 'overrun', 'wrested', 'wrests', 'wrest', 'wresting', 'expelled', 'expels', 'expel', 'expelling', 'ousted', 'oust', 'ousting', 'freed', 'took', 'takes', 'take', 'taking'];
const FALL = ['fell', 'fall', 'falls', 'falling', 'fallen'];
const LOSE = ['lost', 'lose', 'loses', 'losing'];
const BESIEGE = ['besieged', 'besieges', 'besiege', 'besieging', 'encircled', 'encircles', 'encircle', 'encircling', 'surrounded', 'surrounds', 'surround', 'surrounding'];
const LAY_SIEGE = ['laid', 'lay', 'lays', 'laying', 'imposed', 'impose', 'imposes', 'imposing', 'placed'];
const IN_CONTROL = ['is', 'are', 'was', 'were', 'remains', 'remained'];
const HAVE_CONTROL = ['has', 'have', 'had', 'having', 'retains?', 'retained', 'keeps?', 'kept'];
const CONTROL = ['controls', 'controlled', 'controlling', 'holds', 'hold', 'held', 'holding'];
const DEFEAT = ['defeated', 'routed', 'vanquished'];
const ADVANCE = ['advanced', 'advances', 'advance', 'advancing', 'reached', 'reaches', 'reach', 'reaching', 'entered', 'enters', 'enter', 'entering', 'closing in on', 'closed in on', 'moved into', 'pushed into', 'pushed toward', 'pushed towards', 'marched on'];
// Fighting is an attack only with the foe named right after it and a place after that ("fighting IS
// militants in Raqqa"): the bare noun ("heavy fighting in Raqqa") names neither side.
const FIGHT = ['fighting', 'fought', 'fight', 'fights', 'battling', 'battled', 'battle', 'battles', 'clashing with', 'clashed with', 'clash with'];
const FIGHT_FOE = String.raw` (?:the )?_+(?: [a-z]+){0,2}? (?:in|near|around|inside|outside)`;
const ATTACK = ['attacked', 'attacks', 'attack', 'attacking', 'shelled', 'shells', 'shelling', 'struck', 'strikes', 'strike', 'striking', 'stormed', 'storms', 'storm', 'storming', 'bombed', 'bombs', 'bombing', 'raided', 'raids', 'raiding', 'assaulted', 'assault', 'pounded', 'pounding', 'targeted', 'targeting'];

const sticky = (source: string) => new RegExp(source, 'y');

const TAKEN_BY = String.raw`(?:${TAKE_PASSIVE})`;
const SIEGED_BY = String.raw`(?:besieged|encircled|surrounded|blockaded)`;
const HELD_BY = String.raw`(?:controlled|held|ruled)`;
const UNDER_CONTROL = String.raw` (?:the |full |complete |total )?(?:control|grip|rule) of`;
const UNDER_SIEGE = String.raw` (?:a |full |complete |total )?siege`;
const GAIN_CONTROL = String.raw` (?:full |complete |total |partial )?control (?:of|over)`;
// The words up to "out" may be a blanked faction: "drove IS out of".
const DRIVEN_OUT = String.raw` (?:[a-z_-]+ ){0,4}?out`;
const LAID_SIEGE = String.raw` (?:a |an )?(?:full |complete |tight |total )?(?:siege|blockade) (?:on|to|around)`;
const IN_CONTROL_OF = String.raw` in (?:full |complete |total )?control of`;
const HAVE_CONTROL_OF = String.raw` (?:full |complete |total )?control (?:of|over)`;

const PATTERNS: Pattern[] = [
  // Shapes with the actor after the trigger come first so they win overlaps.
  { re: sticky(String.raw`\b${BE} ${ADV}${TAKEN_BY} (?:[a-z-]+ ){0,6}?by\b`), opens: opens(BE_WORDS, ` ${ADV}${TAKEN_BY}`), action: 'took-control', voice: 'passive' },
  { re: sticky(String.raw`\b(?:${alt(FALL)}) (?:[a-z-]+ ){0,3}?(?:to|into the hands of)\b`), opens: opens(FALL), action: 'took-control', voice: 'toward' },
  { re: sticky(String.raw`\b(?:${alt(LOSE)})\b`), opens: opens(LOSE), action: 'lost-control', voice: 'lost' },
  { re: sticky(String.raw`\b${BE} ${ADV}${SIEGED_BY} (?:[a-z-]+ ){0,6}?by\b`), opens: opens(BE_WORDS, ` ${ADV}${SIEGED_BY}`), action: 'besieged', voice: 'passive' },
  { re: sticky(String.raw`\bunder${UNDER_CONTROL}\b`), opens: opens(['under'], UNDER_CONTROL), action: 'controls', voice: 'under', present: true },
  { re: sticky(String.raw`\b${BE} ${ADV}${HELD_BY} (?:[a-z-]+ ){0,6}?by\b`), opens: opens(BE_WORDS, ` ${ADV}${HELD_BY}`), action: 'controls', voice: 'passive' },
  { re: sticky(String.raw`\bunder${UNDER_SIEGE}\b`), opens: opens(['under'], UNDER_SIEGE), action: 'besieged', voice: 'under', present: true },
  {
    re: sticky(String.raw`\b(?:(?:${alt(TAKE_CONTROL)})${GAIN_CONTROL}|(?:${alt(TAKE_OVER)}) over|(?:${alt(DRIVE_OUT)})${DRIVEN_OUT}|${alt(TAKE)})\b`),
    opens: [...opens(TAKE_CONTROL, GAIN_CONTROL), ...opens(TAKE_OVER, ' over'), ...opens(DRIVE_OUT, DRIVEN_OUT), ...opens(TAKE)],
    action: 'took-control',
    voice: 'active',
  },
  {
    re: sticky(String.raw`\b(?:${alt(BESIEGE)}|(?:${alt(LAY_SIEGE)})${LAID_SIEGE})\b`),
    opens: [...opens(BESIEGE), ...opens(LAY_SIEGE, LAID_SIEGE)],
    action: 'besieged',
    voice: 'active',
  },
  // Not the bare noun "control" ("the IS control over the town had posed a threat"): a state needs a verb.
  {
    re: sticky(String.raw`\b(?:(?:${alt(IN_CONTROL)})${IN_CONTROL_OF}|(?:${alt(HAVE_CONTROL)})${HAVE_CONTROL_OF}|${alt(CONTROL)})\b`),
    opens: [...opens(IN_CONTROL, IN_CONTROL_OF), ...opens(HAVE_CONTROL, HAVE_CONTROL_OF), ...opens(CONTROL)],
    action: 'controls',
    voice: 'active',
  },
  // "defeated IS in the barrens of Qara": a victory in a place is taking it.
  { re: sticky(String.raw`\b(?:${alt(DEFEAT)})\b`), opens: opens(DEFEAT), action: 'took-control', voice: 'active' },
  { re: sticky(String.raw`\b(?:${alt(ADVANCE)})\b`), opens: opens(ADVANCE), action: 'advanced', voice: 'active' },
  { re: sticky(String.raw`\b(?:${alt(ATTACK)})\b`), opens: opens(ATTACK), action: 'attacked', voice: 'active' },
  { re: sticky(String.raw`\b(?:${alt(FIGHT)})${FIGHT_FOE}\b`), opens: opens(FIGHT, FIGHT_FOE), action: 'attacked', voice: 'active' },
];

/** Opening word -> bit set of the patterns (by index) that can open with it. */
const PATTERNS_BY_HEAD = new Map<string, number>();
/** Opening word -> what must follow it for any of its patterns to match (null: anything). */
const AFTER_HEAD = new Map<string, Set<string> | null>();
PATTERNS.forEach((p, i) => {
  for (const { word, after } of p.opens) {
    PATTERNS_BY_HEAD.set(word, (PATTERNS_BY_HEAD.get(word) ?? 0) | (1 << i));
    const known = AFTER_HEAD.get(word);
    if (after === null || known === null) AFTER_HEAD.set(word, null);
    else AFTER_HEAD.set(word, (known ?? new Set<string>()).add(after));
  }
});

/**
 * Every opening word with the bit set of the patterns (by index) that can open with it and, when every one of
 * them needs certain words right after it, a sticky regex for those ("is" opens a pattern only before
 * "captured", "besieged"…; null: anything may follow). sentenceWords.ts finds them all in one pass.
 */
export const OPENING_WORDS: readonly { readonly word: string; readonly mask: number; readonly after: RegExp | null }[] = (() => {
  // One regex for each set of words after: the nine "be" words share theirs.
  const bySource = new Map<string, RegExp>();
  return [...AFTER_HEAD].map(([word, after]) => {
    const source = after ? `(?:${[...after].join('|')})` : null;
    if (source !== null && !bySource.has(source)) bySource.set(source, new RegExp(source, 'y'));
    return { word, mask: PATTERNS_BY_HEAD.get(word) ?? 0, after: source === null ? null : bySource.get(source)! };
  });
})();

// Words that make "took"/"held"/"control" something else ("took part", "held talks", "control room").
const NOT_AFTER = / (?:(?:the|an?) (?:stage|point|verge|brink|agreement|deal|conclusion|decision|settlement|ceasefire|truce|peak|level|number|total)\b|part|place|care|note|time|office|power|talks|a meeting|meetings|an? (?:election|vote|referendum|conference|rally|ceremony)|elections|responsibility|hostage|prisoner|captive|positions? on|the view|steps|measures|charge|aim|effect)\b/y;

// The first letters of the words NOT_AFTER opens with (after its space).
const NOT_AFTER_FIRST = letterMask('tapcnomerhs');

/** Whether character c can open a NOT_AFTER word. */
function mayOpenNotAfter(c: number): boolean {
  return c >= 97 && c <= 122 && ((NOT_AFTER_FIRST >> (c - 97)) & 1) === 1;
}

/** The trigger patterns, for the test that holds the opening words to a plain scan of each pattern. */
export const TRIGGER_PATTERNS: readonly { readonly re: RegExp }[] = PATTERNS;

/** Where trigger patterns can start in a sentence: offsets and, for each, the bit set of the patterns worth trying there. */
export interface Openings {
  starts: number[];
  masks: number[];
  count: number;
  /** All masks together. */
  any: number;
}

/**
 * Every trigger in a lower-cased sentence, longest first where they overlap, given where patterns can start
 * (sentenceWords.ts finds them in its one pass over the sentence's words): each pattern runs only there, in
 * order, skipping starts inside its previous match: the same matches as a global scan per pattern. The list
 * is reused from call to call (good until the next one).
 */
export function findTriggers(lower: string, openings: Openings): Trigger[] {
  const { starts, masks, count, any } = openings;
  if (!any) return NO_TRIGGERS;
  const found = FOUND;
  let n = 0;
  for (let k = 0; k < PATTERNS.length; k++) {
    if (!(any & (1 << k))) continue;
    const p = PATTERNS[k];
    let from = 0;
    for (let s = 0; s < count; s++) {
      if (!(masks[s] & (1 << k)) || starts[s] < from) continue;
      // test(), not exec(): a sticky match starts where it was tried and ends at lastIndex (no match array).
      const at = starts[s];
      p.re.lastIndex = at;
      if (!p.re.test(lower)) continue;
      const end = p.re.lastIndex;
      if (end === at) continue;
      from = end;
      const t = triggerOf(lower, at, lower.slice(at, end), p);
      if (t) found[n++] = t;
    }
  }
  if (n === 0) return NO_TRIGGERS;
  // Cut to this sentence's triggers (never to none: an emptied list drops its storage).
  cut(found, n);
  if (n < 2) return found;
  sortShort(found, longestFirst);
  // Overlapping triggers dropped in place (no second list).
  let kept = 0;
  for (let i = 0; i < found.length; i++) {
    const t = found[i];
    if (kept > 0 && t.start < found[kept - 1].end) continue;
    found[kept++] = t;
  }
  return cut(found, kept);
}

// The list findTriggers returns, kept from sentence to sentence (a new one for each of the nine in ten
// sentences tried cost more bytes than the triggers in it), and what it returns when there are none.
const FOUND: Trigger[] = [];
const NO_TRIGGERS: Trigger[] = [];

/** Done with the article: the reused list lets go of its triggers (their words are views into its text). */
export function releaseTriggers(): void {
  cut(FOUND, 0);
}

/** In order of start, the longest first where two start together. */
function longestFirst(a: Trigger, b: Trigger): number {
  return a.start - b.start || b.end - b.start - (a.end - a.start);
}

const PARTICIPLES = new Set(['besieged', 'encircled', 'surrounded', 'captured', 'seized', 'liberated', 'held', 'controlled', 'attacked', 'shelled']);

// Small patterns made once (a regex literal inside a function is a new RegExp object each time it runs).
const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|newly|recently)\s+$/;
const FULL_WORD = /\b(?:full|complete|total)\b/;
const PRESENT_WORD = /^(?:controls|holds|besieges|encircles|surrounds|is |are |remains )/;
const PRESENT_BEFORE = /\b(?:has|have|had|is|are|still|now|remains|remain)(?: [a-z]+ly| been| not| also| now| already)? ?$/;

/**
 * False when DETERMINER_BEFORE cannot match before `at`: it needs spaces there after a word ending in "he",
 * "a", "an", "ts", "ir" or "ly" ("the", "a", "an", "its", "their", "newly", "recently"). Most triggers follow a
 * subject ("forces captured") and skip the participle lookup and the pattern.
 */
export function mayFollowDeterminer(lower: string, at: number): boolean {
  const from = Math.max(0, at - 10);
  let i = at - 1;
  while (i >= from && lower.charCodeAt(i) === SPACE) i--;
  if (i < from) return false;
  const c = lower.charCodeAt(i);
  // Another space (a tab, a character above ASCII): the pattern decides.
  if (c >= 128 || (c >= 9 && c <= 13)) return true;
  if (i === at - 1) return false;
  const b = i > from ? lower.charCodeAt(i - 1) : -1;
  return c === A || (c === E && b === H) || (c === N && b === A) || (c === S && b === T) || (c === R && b === I) || (c === Y && b === L);
}

const SPACE = 32;
const A = 97;
const E = 101;
const H = 104;
const I = 105;
const L = 108;
const N = 110;
const R = 114;
const S = 115;
const T = 116;
const Y = 121;

function triggerOf(lower: string, at: number, word: string, p: Pattern): Trigger | null {
  // "government-held", "IS-controlled": an adjective, not a statement.
  if (at > 0 && lower[at - 1] === '-') return null;
  // "the besieged town", "a captured soldier": a participle before its noun describes, it does not report.
  if (mayFollowDeterminer(lower, at) && PARTICIPLES.has(word) && DETERMINER_BEFORE.test(lower.slice(Math.max(0, at - 10), at))) return null;
  // Sticky at the trigger's end, not a slice of the next 40 characters: every NOT_AFTER match is shorter than 20.
  // Only where a space and a letter its words open with follow ("captured _": a blanked place, most often).
  const end = at + word.length;
  if (lower.charCodeAt(end) === SPACE && mayOpenNotAfter(lower.charCodeAt(end + 1))) {
    NOT_AFTER.lastIndex = end;
    if (NOT_AFTER.test(lower)) return null;
  }
  return {
    start: at,
    end: at + word.length,
    action: p.action,
    voice: p.voice,
    word,
    // Only a trigger of several words ("took full control of") can say it; one word is letters only.
    full: word.indexOf(' ') >= 0 && FULL_WORD.test(word),
    // States ("controlled", "held") reported without a date hold as of publication.
    state: !!p.present || p.action === 'controls',
  };
}

/**
 * Present or perfect tense ("controls", "has captured"): true as of publication. Asked only of triggers that
 * make a claim (about half have no place), so not worked out for every trigger found.
 */
export function presentOf(lower: string, t: Trigger): boolean {
  return t.state || isPresent(lower, t.start, t.word);
}

/** Present or perfect tense: the statement holds as of the publication date. */
export function isPresent(lower: string, at: number, word: string): boolean {
  if (PRESENT_WORD.test(word)) return true;
  const from = Math.max(0, at - 24);
  // The words of PRESENT_BEFORE end in these letters ("also": o); most triggers follow a blanked side ("_ captured").
  return mayEndIn(lower, from, at, PRESENT_LAST) && PRESENT_BEFORE.test(lower.slice(from, at));
}

const PRESENT_LAST = letterMask('sedlwnyto');
