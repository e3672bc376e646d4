import { ArticleStructure, AnalyzeOptions, Publication, Span } from '../types';
import { splitLines } from './lines';
import { DATELINE, FRONT_MATTER_DATE, FRONT_MATTER_FENCE, HEADER_DATE, SOURCE_LINE } from './patterns';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function month(word: string): number | undefined {
  return MONTHS[word.toLowerCase().slice(0, 3)];
}

/** Parses the date forms headers use: ISO, "2 September 2017", "Sept. 2, 2017", "Wed 05 Apr 2017". */
export function parseHeaderDate(value: string): string | null {
  const v = value.trim();
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/.exec(v);
  if (m && month(m[2])) return isoDate(+m[3], month(m[2])!, +m[1]);
  m = /([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*(?:st|nd|rd|th)?\s*,?\s+(\d{4})/.exec(v);
  if (m && month(m[1])) return isoDate(+m[3], month(m[1])!, +m[2]);
  m = /(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(v);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  return null;
}

/**
 * The publication date that anchors relative dates: the source line first, then a date header or
 * front matter, then a dateline with a year, then the caller's fallback (setting or --published).
 */
export function findPublication(text: string, structure: ArticleStructure, options: AnalyzeOptions = {}): Publication {
  if (structure.sourceLine) {
    const span = structure.sourceLine;
    const m = SOURCE_LINE.exec(text.slice(span.start, span.end));
    const date = m ? isoDate(+m[2], +m[3], +m[4]) : null;
    if (m && date) return { date, time: m[5] ? normaliseTime(m[5]) : null, from: 'source-line', evidence: evidence(text, span) };
  }
  const fromHeader = findHeaderDate(text, structure);
  if (fromHeader) return fromHeader;
  if (structure.dateline) {
    const lead = text.slice(structure.dateline.start, structure.dateline.end);
    const m = DATELINE.exec(lead);
    const date = m && m[3] ? parseHeaderDate(m[3]) : null;
    if (date) return { date, time: null, from: 'dateline', evidence: evidence(text, structure.dateline) };
  }
  if (options.published) {
    const date = parseHeaderDate(options.published);
    if (date) return { date, time: null, from: options.publishedFrom ?? 'option', evidence: null };
  }
  return { date: null, time: null, from: 'none', evidence: null };
}

function findHeaderDate(text: string, structure: ArticleStructure): Publication | null {
  for (const section of structure.sections) {
    if (section.kind !== 'header') continue;
    const line = text.slice(section.start, section.end);
    if (FRONT_MATTER_FENCE.test(line)) continue;
    const inFrontMatter = text.startsWith('---') && section.start < frontMatterEnd(text);
    const fm = inFrontMatter ? FRONT_MATTER_DATE.exec(line) : null;
    const header = fm ? null : HEADER_DATE.exec(line);
    const value = fm?.[1] ?? header?.[1];
    const date = value ? parseHeaderDate(value) : null;
    if (date) return { date, time: null, from: fm ? 'front-matter' : 'header', evidence: evidence(text, section) };
  }
  return findLooseDateLine(text, structure);
}

/** A line near the top that is only a date ("March 01 , 2008", "Wed 05 Apr 2017 …" leads). */
function findLooseDateLine(text: string, structure: ArticleStructure): Publication | null {
  const top = splitLines(text.slice(0, 1500)).slice(0, 6);
  for (const line of top) {
    const t = line.text.trim();
    if (t.length > 40 && !/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s+\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}\b/.test(t)) continue;
    const head = t.length > 40 ? t.slice(0, 30) : t;
    if (!/^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?[\dA-Za-z]/.test(head)) continue;
    const date = /\d{4}/.test(head) ? parseHeaderDate(head) : null;
    if (date && !(structure.headline && line.start === structure.headline.start)) {
      return { date, time: null, from: 'header', evidence: evidence(text, { start: line.start, end: line.start + head.length }) };
    }
  }
  return null;
}

function frontMatterEnd(text: string): number {
  const close = text.indexOf('\n---', 3);
  return close < 0 ? 0 : close + 4;
}

function normaliseTime(t: string): string {
  return t.length === 5 ? `${t}:00` : t;
}

function evidence(text: string, span: Span): Span & { text: string } {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}
