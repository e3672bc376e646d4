// A table-driven automaton over a text's characters that reports, at the end of each letter run, whether the
// whole run is one of some words (only for runs with a \b before them: not glued to a digit, underscore or
// capital) and which of some other words it ends with. One table step a character and a branch taken only
// when something is to report: the branch of a letter-or-not loop is mispredicted at every word edge, and
// costs more than the step (4.5 against 2.7 ns a character on this machine, FA-KES sentences).

/** Character classes: OTHER is any character \b counts as no word character, 1-26 the letters a-z. */
export const OTHER = 0;
/** Underscore and capitals: word characters, so a letter run right after one has no \b before it. */
const GLUE = 27;
/** Digits: GLUE for the letters after them; a digit after no digit leads to the digit state. */
const DIGIT = 28;
/** Row length of the step table (a shift, not a multiply). */
export const SHIFT = 5;
/**
 * The run start without a \b (state 1, see buildWordAutomaton): where two GLUE characters in a row leave the
 * automaton from any state, reporting nothing on the way.
 */
export const GLUED = 1;

/** What a letter run that just ended says. */
export interface Ending {
  /** Index in `whole` of the run, -1 for none (or no \b before the run). */
  whole: number;
  /** Index in `suffixes` of the word the run ends with, -1 for none. */
  suffix: number;
  /** Length of the run, for whole words. */
  length: number;
}

export interface WordAutomaton {
  /** step[state << SHIFT | cls[char code]]: the next state. */
  step: Int16Array;
  cls: Uint8Array;
  /** States from here on call for the branch: a run worth reporting ended (report[the run state left] >= 0) or a digit run began. */
  firstEnding: number;
  /** The state entered by a digit after a character that is no digit. */
  digitState: number;
  /** Per run state, the index in `endings` of what the run says when it ends (-1: nothing). */
  report: Int16Array;
  endings: Ending[];
}

/**
 * The automaton for `whole` words (lower-case letters, reported when a run with a \b before it is one of them)
 * and `suffixes` (reported when a run ends with one; none may end another). State 0 starts a text.
 */
export function buildWordAutomaton(whole: readonly string[], suffixes: readonly string[]): WordAutomaton {
  const trie = wholeTrie(whole);
  const ac = suffixAutomaton(suffixes);
  // A run state is a pair: the trie node the whole run spells (-1: none, or no \b before the run) and the
  // suffix automaton's node. State 0 is a run start with a \b, state 1 one without.
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
  const after = (r: { trie: number; ac: number; length: number }, c: number) =>
    runState(r.trie >= 0 ? trie.next[r.trie].get(c) ?? -1 : -1, ac.next[r.ac][c - 1], r.length + 1);
  runState(0, 0, 0);
  runState(-1, 0, 0);
  for (let q = 0; q < runs.length; q++) for (let c = 1; c <= 26; c++) after(runs[q], c);

  const endings: Ending[] = [];
  const report = runs.map((r) => {
    const w = r.trie >= 0 && r.length > 0 ? trie.word[r.trie] : -1;
    const s = r.length > 0 ? ac.word[r.ac] : -1;
    if (w < 0 && s < 0) return -1;
    endings.push({ whole: w, suffix: s, length: r.length });
    return endings.length - 1;
  });
  // After the run states: a digit run's further digits (no branch); then the states that call for the branch:
  // a run worth reporting ended by OTHER, by GLUE, and a digit run begun (ending a run worth reporting or not).
  const digits = runs.length;
  const endedOther = digits + 1;
  const endedGlue = digits + 2;
  const digitState = digits + 3;
  const total = digits + 4;
  if (total >= 32768) throw new Error('word automaton too large');
  const step = new Int16Array(total << SHIFT);
  const row = (id: number, letters: number, other: number, glue: number, digit: number) => {
    for (let c = 1; c <= 26; c++) step[(id << SHIFT) | c] = step[(letters << SHIFT) | c];
    step[(id << SHIFT) | OTHER] = other;
    step[(id << SHIFT) | GLUE] = glue;
    step[(id << SHIFT) | DIGIT] = digit;
  };
  runs.forEach((r, id) => {
    for (let c = 1; c <= 26; c++) step[(id << SHIFT) | c] = after(r, c);
    const ends = report[id] >= 0;
    step[(id << SHIFT) | OTHER] = ends ? endedOther : 0;
    step[(id << SHIFT) | GLUE] = ends ? endedGlue : 1;
    step[(id << SHIFT) | DIGIT] = digitState;
  });
  // Each goes on as the run start its character makes: state 0 after OTHER, state 1 after GLUE or a digit.
  row(digits, 1, 0, 1, digits);
  row(endedOther, 0, 0, 1, digitState);
  row(endedGlue, 1, 0, 1, digitState);
  row(digitState, 1, 0, 1, digits);
  return { step, cls: classes(), firstEnding: endedOther, digitState, report: Int16Array.from(report), endings };
}

function classes(): Uint8Array {
  const cls = new Uint8Array(65536);
  for (let c = 97; c <= 122; c++) cls[c] = c - 96;
  for (let c = 48; c <= 57; c++) cls[c] = DIGIT;
  for (let c = 65; c <= 90; c++) cls[c] = GLUE;
  cls[95] = GLUE;
  return cls;
}

/** The trie of whole words: children by letter class, and the index of the word each node spells (-1: none). */
function wholeTrie(words: readonly string[]): { next: Map<number, number>[]; word: number[] } {
  const next: Map<number, number>[] = [new Map()];
  const word = [-1];
  words.forEach((w, k) => {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = letterOf(w, i);
      let t = next[s].get(c);
      if (t === undefined) {
        next[s].set(c, (t = next.length));
        next.push(new Map());
        word.push(-1);
      }
      s = t;
    }
    word[s] = k;
  });
  return { next, word };
}

/**
 * The suffix automaton of some words (Aho-Corasick): next[node][letter class - 1] for every letter, and the
 * word (index) that the letters read so far end with, -1 for none.
 */
function suffixAutomaton(words: readonly string[]): { next: number[][]; word: number[] } {
  const next: number[][] = [new Array<number>(26).fill(-1)];
  const word = [-1];
  words.forEach((w, k) => {
    // One word per node: none may end another, or the longer one would hide the shorter.
    if (words.some((u, j) => j !== k && u.endsWith(w))) throw new Error(`suffix word ${w} ends another`);
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = letterOf(w, i) - 1;
      if (next[s][c] < 0) {
        next[s][c] = next.length;
        next.push(new Array<number>(26).fill(-1));
        word.push(-1);
      }
      s = next[s][c];
    }
    word[s] = k;
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
    if (word[s] < 0) word[s] = word[link[s]];
    for (let c = 0; c < 26; c++) {
      const t = next[s][c];
      if (t < 0) next[s][c] = next[link[s]][c];
      else {
        link[t] = next[link[s]][c];
        queue.push(t);
      }
    }
  }
  return { next, word };
}

function letterOf(word: string, i: number): number {
  const c = word.charCodeAt(i) - 96;
  if (!(c >= 1 && c <= 26)) throw new Error(`not a lower-case word: ${word}`);
  return c;
}
