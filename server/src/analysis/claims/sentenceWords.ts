// One pass over a sentence's characters that answers the claim finders' first questions: where a trigger
// pattern can start (and which), whether a death-toll pattern can match and where its figures, verbs and
// opening words stand, whether "the town" can be there. Before, regex scans read each sentence for each
// question (the toll-word gate, the trigger openings, the town words, the toll figures): about 6 ns a
// character on the generated corpus, 9 on FA-KES, where the automaton (wordAutomaton.ts) reads about 2.7.
import { OPENING_WORDS, Openings } from './triggers';
import { KILLING_VERBS, NUMBER_WORDS, QUALIFIER_ENDS, TollHints, TOLL_WORDS } from './casualties';
import { DENIAL_WORDS } from './claimParts';
import { buildWordAutomaton, Ending, GLUED, OTHER, SHIFT } from './wordAutomaton';

/** What scanWords found in the last sentence it read (one holder, reused from sentence to sentence). */
export interface SentenceWords extends Openings, TollHints {
  /** MAY_TOLL and NAMES_TOWN. */
  flags: number;
  /**
   * Where the first denial word (DENIAL_WORDS, a whole word: firstDenialEnd) ends, Infinity for none: found in
   * this pass, where a scan of the words before each claim's trigger ran a regex for each (4,800 a MB).
   */
  denialEnd: number;
}

/** A word ends a letter run that one of casualties.ts's patterns needs (see TOLL_WORDS): a toll may be there. */
export const MAY_TOLL = 1;
/** "town", "city" or "village" is a whole word of the sentence (what a town anaphor needs). */
export const NAMES_TOWN = 2;

const TOWN_WORDS = ['town', 'city', 'village'];

/** What a whole word is to the claim finders (one word may be several things). */
interface WholeWord {
  word: string;
  /** Index in OPENING_WORDS, -1 for none. */
  opening: number;
  town: boolean;
  /** A verb KILLING opens with. */
  killing: boolean;
  /** "no", which NONE opens with. */
  no: boolean;
  /** A denial word. */
  denial: boolean;
}

const WHOLE: WholeWord[] = (() => {
  const byWord = new Map<string, WholeWord>();
  const of = (word: string) => {
    let w = byWord.get(word);
    if (!w) byWord.set(word, (w = { word, opening: -1, town: false, killing: false, no: false, denial: false }));
    return w;
  };
  OPENING_WORDS.forEach((o, i) => (of(o.word).opening = i));
  for (const w of TOWN_WORDS) of(w).town = true;
  for (const w of KILLING_VERBS) of(w).killing = true;
  of('no').no = true;
  for (const w of DENIAL_WORDS) of(w).denial = true;
  return [...byWord.values()];
})();

// Words runs end with: the toll words, then the number words.
const SUFFIXES = [...TOLL_WORDS.map((t) => t.word), ...NUMBER_WORDS];
const AUTOMATON = buildWordAutomaton(
  WHOLE.map((w) => w.word),
  SUFFIXES,
);
const { step: STEP, cls: CLASS, firstEnding: FIRST_ENDING, digitState: DIGIT_STATE, report: REPORT, endings: ENDINGS } = AUTOMATON;

const WORDS: SentenceWords = { flags: 0, starts: [], masks: [], count: 0, any: 0, forwardEnd: -1, figures: [], figureCount: 0, killings: [], killingCount: 0, deathToll: -1, no: -1, denialEnd: Infinity };

/**
 * The words of `lower` (a lower-cased, masked sentence) as the claim finders ask about them; the holder is
 * reused, so read it before the next call. Openings are exactly where the regex
 * `\b<opening word>(?=<what must follow it>)(?![a-z])` matches: a whole letter run not glued to a digit,
 * underscore or capital before it. `source`: the characters of a text that holds `lower` at `offset` (the whole
 * masked article) as bytes (see classBytes), or null for those of `lower` alone: the automaton reads a byte
 * of a typed array about a quarter quicker than a character of a string. `blanks`: [start, end) pairs of
 * `source` offsets, in order, that are all underscores (the masked mentions), from pair index `first` (its
 * first that starts at or after `offset`) up to `count`; the characters after a blank's first are skipped.
 */
export function scanWords(lower: string, source: Uint8Array | null = null, offset = 0, blanks: readonly number[] = NO_BLANKS, first = 0, count = 0): SentenceWords {
  const bytes = source ?? (ownBytes = classBytes(lower, ownBytes));
  WORDS.flags = 0;
  WORDS.count = 0;
  WORDS.any = 0;
  WORDS.figureCount = 0;
  WORDS.killingCount = 0;
  WORDS.forwardEnd = -1;
  WORDS.deathToll = -1;
  WORDS.no = -1;
  WORDS.denialEnd = Infinity;
  const n = lower.length;
  let state = 0;
  let k = first;
  let i = 0;
  for (;;) {
    // Read up to the next blank's first character. A mention is masked as underscores (GLUE): after two of
    // them the automaton is in the GLUED state whatever came before, and it stays there reporting nothing, so
    // the rest of the blank is skipped (the masked mentions are two fifths of the generated corpus's sentences).
    let stop = n;
    let blankEnd = -1;
    if (k < count && blanks[k] - offset < n) {
      stop = blanks[k] - offset + 1;
      blankEnd = Math.min(n, blanks[k + 1] - offset);
      k += 2;
    }
    for (; i < stop; i++) {
      const run = state;
      state = STEP[(state << SHIFT) | CLASS[bytes[offset + i]]];
      if (state >= FIRST_ENDING) {
        if (REPORT[run] >= 0) ended(lower, ENDINGS[REPORT[run]], i);
        // A figure as the toll patterns read one: a digit after none of "0-9 , . -" (their lookbehind).
        if (state === DIGIT_STATE && !(i > 0 && isNumberMark(lower.charCodeAt(i - 1)))) WORDS.figures[WORDS.figureCount++] = i;
      }
    }
    if (blankEnd < 0) break;
    if (blankEnd > i) {
      state = GLUED;
      i = blankEnd;
    }
  }
  // The sentence end ends the last run (and has a \b).
  if (STEP[(state << SHIFT) | OTHER] >= FIRST_ENDING) ended(lower, ENDINGS[REPORT[state]], n);
  return WORDS;
}

const NO_BLANKS: readonly number[] = [];

// The bytes of a sentence scanWords was given alone (kept for the next: sentences are short).
let ownBytes: Uint8Array = new Uint8Array(256);

/**
 * The characters of `text` as bytes the automaton reads the same as the characters: one above 0xff becomes
 * 0x80 (the automaton's classes tell apart only ASCII letters, digits and the underscore; every other
 * character is OTHER). Written into `into` when it is long enough, else into a new array.
 */
export function classBytes(text: string, into: Uint8Array | null = null): Uint8Array {
  const bytes = into !== null && into.length >= text.length ? into : new Uint8Array(Math.max(text.length, 2 * (into?.length ?? 0)));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c <= 0xff ? c : 0x80;
  }
  return bytes;
}

/** A run worth reporting ended at `end`: files what it says (`e`) in WORDS. */
function ended(lower: string, e: Ending, end: number): void {
  if (e.suffix >= 0) endsWith(lower, e.suffix, end);
  if (e.whole < 0) return;
  const whole = WHOLE[e.whole];
  const start = end - e.length;
  if (whole.town) WORDS.flags |= NAMES_TOWN;
  // KILLING and NONE: the word and a space open every match.
  if (whole.killing && lower.charCodeAt(end) === SPACE) WORDS.killings[WORDS.killingCount++] = start;
  if (whole.no && WORDS.no < 0 && lower.charCodeAt(end) === SPACE) WORDS.no = start;
  // DENY's \b after the word: no digit, underscore or capital glued on (the run has its \b before).
  if (whole.denial && WORDS.denialEnd === Infinity && !(end < lower.length && isGlue(lower.charCodeAt(end)))) WORDS.denialEnd = end;
  if (whole.opening < 0) return;
  const w = OPENING_WORDS[whole.opening];
  if (w.after !== null) {
    w.after.lastIndex = end;
    if (!w.after.test(lower)) return;
  }
  WORDS.starts[WORDS.count] = start;
  WORDS.masks[WORDS.count] = w.mask;
  WORDS.count++;
  WORDS.any |= w.mask;
}

/** A run ending at `end` ends with SUFFIXES[k]: a toll word (with the words around it its pattern needs) or a number word. */
function endsWith(lower: string, k: number, end: number): void {
  if (k < TOLL_WORDS.length) {
    const t = TOLL_WORDS[k];
    if (t.before && !lower.startsWith(t.before, end - t.word.length - t.before.length)) return;
    if (t.after && !lower.startsWith(t.after, end)) return;
    WORDS.flags |= MAY_TOLL;
    // FORWARD's verb with a \b after it (no digit, underscore or capital glued on).
    if (t.forward && !(end < lower.length && isGlue(lower.charCodeAt(end)))) WORDS.forwardEnd = end;
    // TOLL opens with "death toll": where the first one stands.
    if (t.after && WORDS.deathToll < 0) WORDS.deathToll = end - t.word.length;
    return;
  }
  // A number word is a figure when its run has a \b before it and holds nothing else but the end of a
  // qualifier ("someone", "at leastfive"), as the toll patterns read a figure.
  const at = end - NUMBER_WORDS[k - TOLL_WORDS.length].length;
  let start = at;
  while (start > 0 && isLetter(lower.charCodeAt(start - 1))) start--;
  if (start > 0 && isGlue(lower.charCodeAt(start - 1))) return;
  if (start === at || QUALIFIER_ENDS.has(lower.slice(start, at))) WORDS.figures[WORDS.figureCount++] = at;
}

const SPACE = 32;

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Word characters other than letters: a run right after one has no \b before it. */
function isGlue(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}

/** Digits, comma, full stop, hyphen: a digit after one does not start a figure. */
function isNumberMark(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 44 || c === 46 || c === 45;
}

/** Where trigger patterns can start in a lower-cased sentence (a copy of scanWords' openings, for tests). */
export function triggerOpenings(lower: string): { starts: number[]; masks: number[]; any: number } {
  const w = scanWords(lower);
  return { starts: w.starts.slice(0, w.count), masks: w.masks.slice(0, w.count), any: w.any };
}
