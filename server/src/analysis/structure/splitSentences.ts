import { ArticleStructure, Sentence, SectionKind } from '../types';

// Words whose trailing period does not end a sentence in wire copy.
const ABBREVIATIONS = new Set(
  [
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'brig', 'cmdr', 'gov', 'sen', 'rep',
    'pres', 'prof', 'st', 'mt', 'ft', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'approx', 'est',
    'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'i.e', 'e.g', 'al',
  ],
);

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
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && /["”’')\]]/.test(text[j])) j++;
    if (j < end && !/\s/.test(text[j])) continue;
    if (c === '.' && isAbbreviation(text, s, i) && !nextStartsSentenceStrongly(text, j, end)) continue;
    if (c === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[j] ?? '')) continue;
    push(text, s, j, section, paragraph, out);
    s = j;
    i = j - 1;
  }
  push(text, s, end, section, paragraph, out);
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let k = dot;
  const limit = Math.max(sentenceStart, dot - 8); // bounded look-back keeps "a.a.a.…" linear
  while (k > limit && /[A-Za-z.]/.test(text[k - 1])) k--;
  const word = text.slice(k, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Initials: "J." in "George W. Bush", "U.S." handled above.
  return word.length === 1 && /[A-Z]/.test(text[k]);
}

/** After "U.S." a capital letter may still start a new sentence; only a few words make it sure. */
function nextStartsSentenceStrongly(text: string, from: number, end: number): boolean {
  let k = from;
  while (k < end && /\s/.test(text[k])) k++;
  return /^(?:The|He|She|It|They|We|In|On|But|Meanwhile|However)\b/.test(text.slice(k, k + 12));
}

function push(text: string, start: number, end: number, section: SectionKind, paragraph: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, section, paragraph });
}
