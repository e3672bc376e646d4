// One pass over a sentence's characters that answers the claim finders' first questions: where a trigger
// pattern can start (and which), whether a death-toll pattern can match, whether "the town" can be there.
// Before, three regex scans read each sentence (the toll-word gate, the trigger openings, the town words):
// about 6 ns a character on the generated corpus, 9 on FA-KES. One automaton reads every character with one
// table step and no branch but a rarely taken one (a word of interest just ended): about 2.7 ns a character.
// A branchy letter-or-not loop costs 4.5, as the branch is mispredicted at every word edge.
import { OPENING_WORDS, Openings } from './triggers';
import { TOLL_WORDS } from './casualties';

/** What scanWords found in the last sentence it read (one holder, reused from sentence to sentence). */
export interface SentenceWords extends Openings {
  /** MAY_TOLL and NAMES_TOWN. */
  flags: number;
}

/** A word ends a letter run that one of casualties.ts's patterns needs (see TOLL_WORDS): a toll may be there. */
export const MAY_TOLL = 1;
/** "town", "city" or "village" is a whole word of the sentence (what a town anaphor needs). */
export const NAMES_TOWN = 2;

const TOWN_WORDS = ['town', 'city', 'village'];

// Character classes: 0 any character \b counts as no word character, 1-26 the letters a-z, 27 the other word
// characters (digits, underscore, capitals): a run of letters right after one has no \b before it.
const OTHER = 0;
const GLUE = 27;
const STRIDE = 32;
const CLASS = (() => {
  const cls = new Uint8Array(65536);
  for (let c = 97; c <= 122; c++) cls[c] = c - 96;
  for (let c = 48; c <= 57; c++) cls[c] = GLUE;
  for (let c = 65; c <= 90; c++) cls[c] = GLUE;
  cls[95] = GLUE;
  return cls;
})();

/** What ends with a letter run, read by the rare branch of the scan. */
interface Ending {
  /** Index in OPENING_WORDS of the whole run (-1: none); only for runs with a \b before them. */
  opening: number;
  town: boolean;
  /** Index in TOLL_WORDS of the toll word the run ends with (-1: none). */
  toll: number;
  /** Length of the word, for openings (the whole run). */
  length: number;
}

/** The trie of the whole words asked about: children by letter class, and what each node spells. */
function wordTrie(): { next: Map<number, number>[]; spells: { opening: number; town: boolean }[] } {
  const next: Map<number, number>[] = [new Map()];
  const spells = [{ opening: -1, town: false }];
  const add = (word: string) => {
    let s = 0;
    for (let i = 0; i < word.length; i++) {
      const c = letterOf(word, i);
      let t = next[s].get(c);
      if (t === undefined) {
        next[s].set(c, (t = next.length));
        next.push(new Map());
        spells.push({ opening: -1, town: false });
      }
      s = t;
    }
    return spells[s];
  };
  OPENING_WORDS.forEach((o, i) => (add(o.word).opening = i));
  for (const w of TOWN_WORDS) add(w).town = true;
  return { next, spells };
}

/**
 * The suffix automaton of the toll words (Aho-Corasick): next[node][letter class - 1] for every letter, and the
 * toll word (index in TOLL_WORDS) that the letters read so far end with, -1 for none.
 */
function tollAutomaton(): { next: number[][]; toll: number[] } {
  const next: number[][] = [new Array<number>(26).fill(-1)];
  const toll = [-1];
  TOLL_WORDS.forEach((t, k) => {
    // One toll word per node: none may end another, or the longer one's context would hide the shorter.
    if (TOLL_WORDS.some((u) => u !== t && u.word.endsWith(t.word))) throw new Error(`toll word ${t.word} ends another`);
    let s = 0;
    for (let i = 0; i < t.word.length; i++) {
      const c = letterOf(t.word, i) - 1;
      if (next[s][c] < 0) {
        next[s][c] = next.length;
        next.push(new Array<number>(26).fill(-1));
        toll.push(-1);
      }
      s = next[s][c];
    }
    toll[s] = k;
  });
  // Suffix links breadth first: a missing edge goes where the suffix link's edge goes.
  const link = new Array<number>(next.length).fill(0);
  const queue: number[] = [];
  for (let c = 0; c < 26; c++) {
    if (next[0][c] < 0) next[0][c] = 0;
    else queue.push(next[0][c]);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    if (toll[s] < 0) toll[s] = toll[link[s]];
    for (let c = 0; c < 26; c++) {
      const t = next[s][c];
      if (t < 0) next[s][c] = next[link[s]][c];
      else {
        link[t] = next[link[s]][c];
        queue.push(t);
      }
    }
  }
  return { next, toll };
}

/**
 * The automaton the scan runs: a run state is a pair (the trie node the whole run so far spells, or none; the
 * toll automaton's node). State 0 is between runs with a \b before the next (sentence start, after a space or
 * punctuation), state 1 after a digit, underscore or capital. A character that ends a run worth reporting
 * leads to an ending state (FIRST_ENDING: ended by OTHER, FIRST_ENDING + 1: by GLUE), which goes on as state 0
 * or 1 does; REPORT[run state] is the index in ENDINGS of what the run says (-1: nothing).
 */
const { STEP, FIRST_ENDING, ENDINGS, REPORT } = (() => {
  const trie = wordTrie();
  const ac = tollAutomaton();
  const ids = new Map<string, number>();
  const runs: { trie: number; ac: number; length: number }[] = [];
  const runState = (t: number, a: number, length: number): number => {
    const key = `${t}:${a}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = runs.length));
      runs.push({ trie: t, ac: a, length });
    }
    return id;
  };
  const after = (r: { trie: number; ac: number; length: number }, c: number) => runState(r.trie >= 0 ? trie.next[r.trie].get(c) ?? -1 : -1, ac.next[r.ac][c - 1], r.length + 1);
  runState(0, 0, 0);
  runState(-1, 0, 0);
  for (let q = 0; q < runs.length; q++) for (let c = 1; c <= 26; c++) after(runs[q], c);

  const endings: Ending[] = [];
  const endingOf = runs.map((r) => {
    const w = r.trie >= 0 && r.length > 0 ? trie.spells[r.trie] : null;
    const toll = r.length > 0 ? ac.toll[r.ac] : -1;
    if (!(w && (w.opening >= 0 || w.town)) && toll < 0) return -1;
    endings.push({ opening: w ? w.opening : -1, town: !!w && w.town, toll, length: r.length });
    return endings.length - 1;
  });
  // Two ending states after all run states: a run worth reporting ended by OTHER, and by GLUE. The scan reads
  // what ended from the run state it left (REPORT), so one pair serves all endings: a table of 40 KB, not 64.
  const first = runs.length;
  if (first + 2 >= 32768) throw new Error('word automaton too large');
  const step = new Int16Array((first + 2) * STRIDE);
  runs.forEach((r, id) => {
    for (let c = 1; c <= 26; c++) step[id * STRIDE + c] = after(r, c);
    step[id * STRIDE + OTHER] = endingOf[id] < 0 ? 0 : first;
    step[id * STRIDE + GLUE] = endingOf[id] < 0 ? 1 : first + 1;
  });
  // An ending goes on as the run start its ending character makes (state 0 after OTHER, state 1 after GLUE).
  step.copyWithin(first * STRIDE, 0, STRIDE);
  step.copyWithin((first + 1) * STRIDE, STRIDE, 2 * STRIDE);
  return { STEP: step, FIRST_ENDING: first, ENDINGS: endings, REPORT: Int16Array.from(endingOf) };
})();

function letterOf(word: string, i: number): number {
  const c = word.charCodeAt(i) - 96;
  if (!(c >= 1 && c <= 26)) throw new Error(`not a lower-case word: ${word}`);
  return c;
}

const WORDS: SentenceWords = { flags: 0, starts: [], masks: [], count: 0, any: 0 };

/**
 * The words of `lower` (a lower-cased, masked sentence) as the claim finders ask about them; the holder is
 * reused, so read it before the next call. Openings are exactly where the regex
 * `\b<opening word>(?=<what must follow it>)(?![a-z])` matches: a whole letter run not glued to a digit,
 * underscore or capital before it.
 */
export function scanWords(lower: string, source: string = lower, offset = 0): SentenceWords {
  WORDS.flags = 0;
  WORDS.count = 0;
  WORDS.any = 0;
  const n = lower.length;
  let state = 0;
  // Read from `source` (the whole masked article, lower at `offset` in it): a flat string reads a character
  // quicker than a slice of one.
  for (let i = 0; i < n; i++) {
    const run = state;
    state = STEP[(state << 5) | CLASS[source.charCodeAt(offset + i)]];
    if (state >= FIRST_ENDING) ended(lower, ENDINGS[REPORT[run]], i);
  }
  // The sentence end ends the last run (and has a \b).
  if (STEP[(state << 5) | OTHER] >= FIRST_ENDING) ended(lower, ENDINGS[REPORT[state]], n);
  return WORDS;
}

/** A run worth reporting ended at `end`: files what it says (`e`) in WORDS. */
function ended(lower: string, e: Ending, end: number): void {
  if (e.town) WORDS.flags |= NAMES_TOWN;
  if (e.toll >= 0 && !(WORDS.flags & MAY_TOLL) && tollFits(lower, end, TOLL_WORDS[e.toll])) WORDS.flags |= MAY_TOLL;
  if (e.opening < 0) return;
  const w = OPENING_WORDS[e.opening];
  if (w.after !== null) {
    w.after.lastIndex = end;
    if (!w.after.test(lower)) return;
  }
  WORDS.starts[WORDS.count] = end - e.length;
  WORDS.masks[WORDS.count] = w.mask;
  WORDS.count++;
  WORDS.any |= w.mask;
}

/** Whether the toll word ending at `end` has the words its pattern needs around it ("lost their" before "lives"). */
function tollFits(lower: string, end: number, t: { word: string; before: string; after: string }): boolean {
  if (t.before && !lower.startsWith(t.before, end - t.word.length - t.before.length)) return false;
  return !t.after || lower.startsWith(t.after, end);
}

/** Where trigger patterns can start in a lower-cased sentence (a copy of scanWords' openings, for tests). */
export function triggerOpenings(lower: string): { starts: number[]; masks: number[]; any: number } {
  const w = scanWords(lower);
  return { starts: w.starts.slice(0, w.count), masks: w.masks.slice(0, w.count), any: w.any };
}
