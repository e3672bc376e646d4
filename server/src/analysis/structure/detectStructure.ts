import { ArticleStructure, Section, SectionKind } from '../types';
import { isBlank, isSpaceCode, Line, releaseLines, splitLines, trimmedSpan } from './lines';
import {
  BOILERPLATE_LINE,
  CAPTION_CREDIT,
  CAPTION_SLUG,
  DATELINE,
  FRONT_MATTER_FENCE,
  HEADER_DATE,
  LEADING_NUMERIC_ID,
  NUMERIC_ID_LINE,
  SOURCE_LINE,
  TRAILER_START,
} from './patterns';

/** How far from the top a source line or dateline may stand and still mark an article. */
const HEAD_LINES = 15;
const MAX_HEADLINE = 300;

/** Finds headline, source line, dateline, captions, body and boilerplate. Never throws. */
export function detectStructure(text: string): ArticleStructure {
  const lines = splitLines(text);
  // Each line's kind, null until decided. Pushed rather than lines.map(() => null): V8's optimised map() makes
  // a list of another elements kind (holey) than the built-in one does (packed), so once detectStructure was
  // optimised, its own lists threw away its code and toSections' (each compiled twice in every index worker).
  const kinds: (SectionKind | null)[] = [];
  for (let i = 0; i < lines.length; i++) kinds.push(null);
  const result: ArticleStructure = { headline: null, sourceLine: null, dateline: null, agency: null, datelineCity: null, sections: [] };

  let first = 0;
  first = markFrontMatter(lines, kinds);
  markBoilerplate(lines, kinds);

  let headlineDone = false;
  let nonBlankSeen = 0;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line) || kinds[i] !== null) continue;
    nonBlankSeen++;
    const head = nonBlankSeen <= HEAD_LINES;
    const source = head && !result.sourceLine ? SOURCE_LINE.exec(line.text) : null;
    if (source) {
      kinds[i] = 'sourceLine';
      result.sourceLine = trimmedSpan(line);
      result.agency = source[1].trim();
      continue;
    }
    if (head && HEADER_DATE.test(line.text)) {
      kinds[i] = 'header';
      continue;
    }
    if (mayBeSlug(line.text) && CAPTION_SLUG.test(line.text) && line.text.trim().length < 80 && !DATELINE.test(line.text)) {
      kinds[i] = 'boilerplate'; // a photo slug is filing metadata, not prose
      continue;
    }
    if (mayBeCredit(line.text) && CAPTION_CREDIT.test(line.text)) {
      kinds[i] = 'caption';
      continue;
    }
    const dateline = head && !result.dateline ? DATELINE.exec(line.text) : null;
    if (dateline) {
      const lead = line.start + dateline.index + dateline[0].trimEnd().length;
      result.dateline = { start: line.start + (dateline[0].length - dateline[0].trimStart().length), end: lead };
      result.datelineCity = dateline[1].trim();
      if (!result.agency) result.agency = dateline[4].trim();
      kinds[i] = 'body';
      headlineDone = true;
      continue;
    }
    if (!headlineDone && isHeadlineCandidate(lines, i)) {
      kinds[i] = 'headline';
      const span = trimmedSpan(line);
      const id = LEADING_NUMERIC_ID.exec(line.text.slice(span.start - line.start));
      result.headline = id ? { start: span.start + id[0].length, end: span.end } : span;
      headlineDone = true;
      continue;
    }
    headlineDone = true;
    kinds[i] = 'body';
  }

  result.sections = toSections(lines, kinds, result);
  releaseLines();
  return result;
}

function markFrontMatter(lines: Line[], kinds: (SectionKind | null)[]): number {
  if (lines.length < 2 || !FRONT_MATTER_FENCE.test(lines[0].text)) return 0;
  for (let i = 1; i < Math.min(lines.length, 60); i++) {
    if (FRONT_MATTER_FENCE.test(lines[i].text)) {
      for (let j = 0; j <= i; j++) kinds[j] = 'header';
      return i + 1;
    }
  }
  return 0;
}

function markBoilerplate(lines: Line[], kinds: (SectionKind | null)[]): void {
  let trailer = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    // No pattern matches an empty line (every other line of most stories): three regex calls saved.
    if (t.length === 0 || t.length > 200) continue;
    if (BOILERPLATE_LINE.test(t)) {
      kinds[i] = 'boilerplate';
      // The trailer's openers are all boilerplate lines too (patterns.ts), so only such a line can be one.
      if (trailer < 0 && i > 2 && TRAILER_START.test(t)) trailer = i;
    } else if (isDigitCode(t.charCodeAt(firstNonSpace(t))) && NUMERIC_ID_LINE.test(t)) kinds[i] = 'boilerplate';
  }
  if (trailer >= 0) for (let i = trailer; i < lines.length; i++) kinds[i] = 'boilerplate';
}

// Module constants: a regex literal in a function body is a new object each time the function runs.
const FINAL_PUNCTUATION = /[.,;:]$/;
const FINAL_INITIAL = /[A-Z]\.$/;

/** A short line without final punctuation, followed by a blank line, a source line or a dateline. */
function isHeadlineCandidate(lines: Line[], i: number): boolean {
  const t = lines[i].text.trim();
  if (t.length === 0 || t.length > MAX_HEADLINE) return false;
  if (FINAL_PUNCTUATION.test(t) && !FINAL_INITIAL.test(t)) return false;
  const next = lines[i + 1];
  if (!next) return false;
  return isBlank(next) || SOURCE_LINE.test(next.text) || DATELINE.test(next.text) || HEADER_DATE.test(next.text);
}

function toSections(lines: Line[], kinds: (SectionKind | null)[], s: ArticleStructure): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    const line = lines[i];
    if (!kind || isBlank(line)) continue;
    // The section's bounds as two numbers, not a span object per line (trimmedSpan's, written out).
    let start = line.start;
    let end = line.end;
    while (start < end && isSpaceCode(line.text.charCodeAt(start - line.start))) start++;
    while (end > start && isSpaceCode(line.text.charCodeAt(end - 1 - line.start))) end--;
    if (kind === 'headline' && s.headline) {
      start = s.headline.start;
      end = s.headline.end;
    }
    if (s.dateline && start <= s.dateline.start && s.dateline.end <= end) {
      out.push({ kind: 'dateline', start: s.dateline.start, end: s.dateline.end });
      start = s.dateline.end;
      while (start < end && isSpaceCode(lineCode(line, start))) start++;
      if (start >= end) continue;
    }
    if (kind === 'caption') end = endWithoutCredit(line, start, end);
    out.push({ kind, start, end });
  }
  return out;
}

/** The end of a caption without its photo credit "(Xinhua/Name)", which is not prose. */
function endWithoutCredit(line: Line, start: number, end: number): number {
  const m = CAPTION_CREDIT.exec(line.text);
  if (!m || m.index === 0) return end;
  let e = line.start + m.index;
  while (e > start && isSpaceCode(lineCode(line, e - 1))) e--;
  return e;
}

/**
 * False when CAPTION_CREDIT cannot match: it needs a line ending in ")" or starting with "Photo taken on".
 * The pattern is unanchored, so asking it outright costs a scan of every body line.
 */
function mayBeCredit(t: string): boolean {
  let e = t.length;
  while (e > 0 && isSpaceCode(t.charCodeAt(e - 1))) e--;
  if (e > 0 && t.charCodeAt(e - 1) === 41) return true;
  // "Photo taken on": asked of the pattern only when the line starts with a "p".
  return (t.charCodeAt(firstNonSpace(t)) | 0x20) === 112 && PHOTO_TAKEN.test(t);
}

/**
 * False when CAPTION_SLUG cannot match: it needs a capital letter, then a capital, digit, space or
 * apostrophe. A sentence ("The army ...") fails at its second letter without a regex call.
 */
function mayBeSlug(t: string): boolean {
  const k = firstNonSpace(t);
  const c0 = t.charCodeAt(k);
  const c1 = t.charCodeAt(k + 1);
  return c0 >= 65 && c0 <= 90 && ((c1 >= 65 && c1 <= 90) || isDigitCode(c1) || c1 === 32 || c1 === 39 || c1 === 0x2019);
}

/** Index of the first character that is not white space (\s), or the length when there is none. */
function firstNonSpace(t: string): number {
  let k = 0;
  while (k < t.length && isSpaceCode(t.charCodeAt(k))) k++;
  return k;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const PHOTO_TAKEN = /^\s*Photo taken on\b/i;

/** The code unit at a text offset inside the line (NaN outside it, which is no space: /\s/ tested '' there). */
function lineCode(line: Line, offset: number): number {
  return line.text.charCodeAt(offset - line.start);
}

/** True when the text looks like a news article: a source line, a dateline or a date header near the top. */
export function looksLikeArticle(text: string): boolean {
  const head = text.slice(0, 4000);
  const lines = splitLines(head).filter((l) => !isBlank(l)).slice(0, HEAD_LINES);
  const found = lines.some((l) => SOURCE_LINE.test(l.text) || DATELINE.test(l.text) || HEADER_DATE.test(l.text));
  releaseLines();
  return found;
}
