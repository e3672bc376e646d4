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

const ANALYSED: ReadonlySet<SectionKind> = new Set<SectionKind>(['headline', 'body', 'caption']);

/** Splits the analysed sections (headline, body, captions) into sentences. Linear; never throws. */
export function splitSentences(text: string, structure: ArticleStructure): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  for (const section of structure.sections) {
    if (!ANALYSED.has(section.kind)) continue;
    splitSection(text, section.start, section.end, section.kind, paragraph++, out);
  }
  return out;
}

function splitSection(text: string, start: number, end: number, section: SectionKind, paragraph: number, out: Sentence[]): void {
  const stops = new Stops(text, start, end);
  let s = start;
  let i = stops.next(start);
  while (i < end) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isStop(text.charCodeAt(j))) j++;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    // Not followed by white space ("3.5", "U.S.-led", "example.com"); "Sept. 2" and "3.5" are not ends either.
    if ((j < end && !isSpaceCode(text.charCodeAt(j))) || (c === 46 && isAbbreviation(text, s, i) && !nextStartsSentenceStrongly(text, j, end)) || (c === 46 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(j)))) {
      i = stops.next(i + 1);
      continue;
    }
    push(text, s, j, section, paragraph, out);
    s = j;
    i = stops.next(j);
  }
  push(text, s, end, section, paragraph, out);
}

/**
 * The next ".", "!" or "?" from a position, found with the engine's string search (a loop over every
 * character was most of the structure stage): each kind's next position is kept until passed. The search
 * runs in the section alone, so a kind missing from it never costs a scan of the rest of the text.
 */
class Stops {
  private readonly part: string;
  private dot = -1;
  private bang = -1;
  private question = -1;

  constructor(
    text: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.part = start < end ? text.slice(start, end) : '';
  }

  /** Position of the first stop at or after `from`, or `end` when there is none before it. */
  next(from: number): number {
    if (this.dot < from && this.dot !== this.end) this.dot = this.find('.', from);
    if (this.bang < from && this.bang !== this.end) this.bang = this.find('!', from);
    if (this.question < from && this.question !== this.end) this.question = this.find('?', from);
    return Math.min(this.dot, this.bang, this.question);
  }

  private find(c: string, from: number): number {
    const at = this.part.indexOf(c, from - this.start);
    return at < 0 ? this.end : at + this.start;
  }
}

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
  let k = dot;
  const limit = Math.max(sentenceStart, dot - 8); // bounded look-back keeps "a.a.a.…" linear
  while (k > limit && (isAsciiLetter(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 46)) k--;
  if (k === dot) return false;
  // No abbreviation is longer than LONGEST: most words end here without being copied.
  if (dot - k > LONGEST) return false;
  const word = text.slice(k, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials: "J." in "George W. Bush", "U.S." handled above.
  const first = text.charCodeAt(k);
  return word.length === 1 && first >= 65 && first <= 90;
}

/** After "U.S." a capital letter may still start a new sentence; only a few words make it sure. */
function nextStartsSentenceStrongly(text: string, from: number, end: number): boolean {
  let k = from;
  while (k < end && isSpaceCode(text.charCodeAt(k))) k++;
  return /^(?:The|He|She|It|They|We|In|On|But|Meanwhile|However)\b/.test(text.slice(k, k + 12));
}

function push(text: string, start: number, end: number, section: SectionKind, paragraph: number, out: Sentence[]): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, section, paragraph });
}
