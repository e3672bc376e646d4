// A fast pre-scan: where in a stretch a date expression may start, so only those neighbourhoods are
// tokenized. Most of a news text (casualty counts, names, prose) is skipped after one look at each character.
import { JOINED_LONG, MONTHS, UNITS, WEEKDAYS, SEASONS, FREQUENCY_WORDS, REF_WORDS, DAY_PARTS } from './lexicon';

/** Words that every date expression contains at least one of (besides digits). */
const CORE_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...[...WEEKDAYS.keys()].filter((k) => k.length > 5).map((k) => k + 's'),
  ...UNITS.keys(), ...JOINED_LONG.keys(), ...SEASONS.keys(), ...FREQUENCY_WORDS.keys(), ...REF_WORDS.keys(), ...DAY_PARTS.keys(),
  'today', 'yesterday', 'tomorrow', 'tonight', 'current', 'recent', 'present', 'past', 'future', 'term', 'moment',
  'being', 'run', 'mid', 'half', 'point', 'nowadays', 'nineteen', 'thousand', 'fiscal', 'christmas', 'thanksgiving', 'easter', 'year',
]);

/**
 * First three letters (lower-case) of the core words, and for each the lengths (3-10) core words with
 * them have, one bit a length: most words are rejected without slicing. The length counts: "that",
 * "for", "after", "over", "east" share their first letters with core words ("thanksgiving",
 * "fortnight", "afternoon", "overnight", "easter") but not their length. One byte a prefix keeps the
 * table small enough to stay in the processor's nearest cache.
 */
const PREFIX_LENGTHS: Uint8Array = (() => {
  const bits = new Uint8Array(32 * 32 * 32);
  for (const word of CORE_WORDS) {
    if (word.length >= 3 && word.length <= 10) bits[prefixKey(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2))] |= 1 << (word.length - 3);
  }
  return bits;
})();

function prefixKey(a: number, b: number, c: number): number {
  return ((a | 32) & 31) * 1024 + ((b | 32) & 31) * 32 + ((c | 32) & 31);
}

/** Longest word asked of an AsciiWords: the trigger scan reads words of 3-10 letters, numberContext up to 10. */
const MAX_LEN = 10;

/**
 * A set of lower-case ASCII words tested against a run of ASCII letters in the text, case-insensitively,
 * without slicing the run into a new string (the scan meets tens of thousands of words per megabyte).
 */
class AsciiWords {
  /** The words by length (up to MAX_LEN) and first letter; an array, not a Map: no hashing of the key. */
  private readonly byShape: (string[] | undefined)[] = new Array((MAX_LEN + 1) * 32).fill(undefined);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length > MAX_LEN) continue; // never asked: callers read runs of at most MAX_LEN letters
      const key = AsciiWords.key(word.length, word.charCodeAt(0));
      const list = this.byShape[key];
      if (list) list.push(word);
      else this.byShape[key] = [word];
    }
  }

  private static key(len: number, first: number): number {
    return len * 32 + (first & 31);
  }

  /** True when text[s, e), a run of ASCII letters given as code units, is one of the words in any case. */
  has(text: Uint16Array, s: number, e: number): boolean {
    if (e - s > MAX_LEN) return false;
    const list = this.byShape[AsciiWords.key(e - s, text[s] | 32)];
    if (list === undefined) return false;
    for (let w = 0; w < list.length; w++) {
      const word = list[w];
      let k = 0;
      while (k < word.length && (text[s + k] | 32) === word.charCodeAt(k)) k++;
      if (k === word.length) return true;
    }
    return false;
  }
}

const CORE = new AsciiWords(CORE_WORDS);
const MONTH_WORDS = new AsciiWords(MONTHS.keys());

/** Words right after a short number that make it part of a date, time or duration: "18 Aug", "6 p.m.", "3 years". */
const AFTER_NUMBER = new AsciiWords([...MONTHS.keys(), ...UNITS.keys(), 'st', 'nd', 'rd', 'th', 's', 'am', 'pm', 'a', 'p', 'utc', 'gmt', 'hrs', 'of', 'and', 'to', 'or']);

/** a-z or A-Z: folding to lower case with |32 leaves one unsigned range test (no other code unit lands in it). */
function isLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}
function isDigit(c: number): boolean {
  return (c - 48) >>> 0 < 10;
}

/**
 * Offset of the next place in text[from, end) a date may be written, or -1 (`text` is the article's code
 * units, see codeUnits.ts). Each character is looked at a bounded number of times (numbers and words are
 * skipped whole).
 */
export function nextTrigger(text: Uint16Array, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text[i];
    // The plain space first: it is about one character in six of any text.
    if (c === 32) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      const s = i;
      while (i < end && isDigit(text[i])) i++;
      const len = i - s;
      if (len === 4) {
        const y = (c - 48) * 1000 + (text[s + 1] - 48) * 100 + (text[s + 2] - 48) * 10 + (text[s + 3] - 48);
        if (y >= 1000 && y <= 2099) return s;
      }
      // A separator followed by a digit: dates and times ("2017-09-02", "7/8/07", "20:12", "6.40").
      const sep = i < end ? text[i] : 0;
      if ((sep === 45 || sep === 47 || sep === 58 || sep === 46) && i + 1 < end && isDigit(text[i + 1])) return s;
      if (len <= 4 && numberContext(text, s, i, end)) return s;
      // "since '82", "the '90s"
      if (len === 2 && s > 0 && (text[s - 1] === 39 || text[s - 1] === 0x2019)) return s;
      continue;
    }
    if (isLetter(c)) {
      const s = i++;
      while (i < end && isLetter(text[i])) i++;
      const len = i - s;
      if (len >= 3 && len <= 10 && ((PREFIX_LENGTHS[prefixKey(text[s], text[s + 1], text[s + 2])] >> (len - 3)) & 1) === 1 && CORE.has(text, s, i)) return s;
      continue;
    }
    i++;
  }
  return -1;
}

/** A short number matters when a month, unit or suffix follows it, or a month precedes it ("Aug. 18"). */
function numberContext(text: Uint16Array, s: number, e: number, end: number): boolean {
  // word after (skipping one space, hyphen or apostrophe)
  let j = e;
  if (j < end && (text[j] === 32 || text[j] === 45 || text[j] === 39)) j++;
  let k = j;
  while (k < end && k - j < 10 && isLetter(text[k])) k++;
  if (k > j && AFTER_NUMBER.has(text, j, k)) return true;
  // month before: "Aug. 18", "March 5", "Sept 2"
  let b = s - 1;
  while (b >= 0 && s - b < 4 && (text[b] === 32 || text[b] === 46 || text[b] === 44)) b--;
  const we = b + 1;
  while (b >= 0 && we - b <= 9 && isLetter(text[b])) b--;
  return we > b + 1 && MONTH_WORDS.has(text, b + 1, we);
}
