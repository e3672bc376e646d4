import { ArticleStructure, Sentence, SectionKind } from '../types';
import { isSpaceCode } from './lines';

// Words whose trailing period does not end a sentence in wire copy.
const ABBREVIATIONS = new Set(
  [
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'brig', 'cmdr', 'gov', 'sen', 'rep',
    'pres', 'prof', 'st', 'mt', 'ft', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'approx', 'est',
    'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'i.e', 'e.g', 'al',
  ],
);

const LONGEST = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

// The abbreviations as numbers, five bits a character (a-z 1-26, "." 27; LONGEST is 6, so 30 bits): a word
// before a period is looked up without being copied and lower-cased.
const ABBREVIATION_KEYS = new Set([...ABBREVIATIONS].map((a) => wordKey(a, 0, a.length)));

/** The number of text[start, end), case-folded; -1 at a character other than an ASCII letter or a period (some control characters read as periods: the callers' words hold none). */
function wordKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let k = end - 1; k >= start; k--) {
    const c = text.charCodeAt(k) | 0x20;
    const v = c === 0x2e ? 27 : c >= 97 && c <= 122 ? c - 96 : -1;
    if (v < 0) return -1;
    key = key * 32 + v;
  }
  return key;
}

const ANALYSED: ReadonlySet<SectionKind> = new Set<SectionKind>(['headline', 'body', 'caption']);

/** Splits the analysed sections (headline, body, captions) into sentences. Linear; never throws. */
export function splitSentences(text: string, structure: ArticleStructure): Sentence[] {
  const out: Sentence[] = [];
  stops.reset(text);
  let paragraph = 0;
  for (const section of structure.sections) {
    if (!ANALYSED.has(section.kind)) continue;
    splitSection(text, section.start, section.end, section.kind, paragraph++, out);
  }
  stops.reset(''); // the article's text is not kept alive by the search
  return out;
}

function splitSection(text: string, start: number, end: number, section: SectionKind, paragraph: number, out: Sentence[]): void {
  let s = start;
  let i = stops.next(start, end);
  while (i < end) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isStop(text.charCodeAt(j))) j++;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    // Not followed by white space ("3.5", "U.S.-led", "example.com"); "Sept. 2" and "3.5" are not ends either.
    if ((j < end && !isSpaceCode(text.charCodeAt(j))) || (c === 46 && isAbbreviation(text, s, i) && !nextStartsSentenceStrongly(text, j, end)) || (c === 46 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(j)))) {
      i = stops.next(i + 1, end);
      continue;
    }
    push(text, s, j, section, paragraph, out);
    s = j;
    i = stops.next(j, end);
  }
  push(text, s, end, section, paragraph, out);
}

/**
 * The next ".", "!" or "?" from a position, found with the engine's string search (a loop over every
 * character was most of the structure stage). Each kind's next position in the whole text is kept with
 * where its search began, and searched again only once passed: sections come in text order, so a kind
 * missing from the rest of the text costs one search per article, not one per section. One object serves
 * every article (a copy of each section and an object per section were a tenth of the stage's garbage).
 */
class Stops {
  private text = '';
  // Next position of each kind at or after its search's origin (text.length: none), and that origin.
  private dot = 0;
  private dotFrom = 0;
  private bang = 0;
  private bangFrom = 0;
  private question = 0;
  private questionFrom = 0;

  reset(text: string): void {
    this.text = text;
    // Origins past any position: the first question searches.
    this.dotFrom = this.bangFrom = this.questionFrom = Infinity;
  }

  /** Position of the first stop at or after `from`, or `end` when there is none before it. */
  next(from: number, end: number): number {
    if (this.dot < from || this.dotFrom > from) {
      this.dot = this.find(46, from);
      this.dotFrom = from;
    }
    if (this.bang < from || this.bangFrom > from) {
      this.bang = this.find(33, from);
      this.bangFrom = from;
    }
    if (this.question < from || this.questionFrom > from) {
      this.question = this.find(63, from);
      this.questionFrom = from;
    }
    return Math.min(this.dot, this.bang, this.question, end);
  }

  private find(c: number, from: number): number {
    const at = this.text.indexOf(c === 46 ? '.' : c === 33 ? '!' : '?', from);
    return at < 0 ? this.text.length : at;
  }
}

const stops = new Stops();

function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** Closing quotes and brackets that stay with the sentence they end: " ” ’ ' ) ]. */
function isCloser(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  // The word before the dot, read backwards and keyed as it is read (wordKey's number, built from its last
  // character): no abbreviation is longer than LONGEST, so the look-back stops one character past that
  // (which also keeps "a.a.a.…" linear) and a longer word is never read again.
  let k = dot;
  let key = 0;
  const limit = Math.max(sentenceStart, dot - LONGEST - 1);
  while (k > limit) {
    const c = text.charCodeAt(k - 1);
    const v = c === 46 ? 27 : isAsciiLetter(c) ? (c | 0x20) - 96 : -1;
    if (v < 0) break;
    key = key * 32 + v;
    k--;
  }
  if (k === dot) return false;
  if (dot - k > LONGEST) return false;
  if (ABBREVIATION_KEYS.has(key)) return true;
  // Initials: "J." in "George W. Bush", "U.S." handled above.
  const first = text.charCodeAt(k);
  return dot - k === 1 && first >= 65 && first <= 90;
}

/** After "U.S." a capital letter may still start a new sentence; only a few words make it sure. */
function nextStartsSentenceStrongly(text: string, from: number, end: number): boolean {
  let k = from;
  while (k < end && isSpaceCode(text.charCodeAt(k))) k++;
  // Tested in place: the words are shorter than the 12 characters the test once copied out, so the word
  // boundary after them is the same in the text as in such a copy.
  STRONG_START.lastIndex = k;
  return STRONG_START.test(text);
}

const STRONG_START = /(?:The|He|She|It|They|We|In|On|But|Meanwhile|However)\b/y;

function push(text: string, start: number, end: number, section: SectionKind, paragraph: number, out: Sentence[]): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, section, paragraph });
}
