// Small text helpers shared by the outline views: reading order, sentences, lines, file names.
import { ArticleAnalysis } from '../types';
import { At, OutlineArticle } from './types';

const LINE_STARTS = new WeakMap<ArticleAnalysis, number[]>();

/** Articles in reading order: earliest publication first (undated last), then by URI. */
export function readingOrder<A extends { uri: string; analysis: { publication: { date: string | null } } }>(articles: readonly A[]): A[] {
  return [...articles].sort((a, b) => {
    const da = a.analysis.publication.date ?? '9999';
    const db = b.analysis.publication.date ?? '9999';
    if (da !== db) return da < db ? -1 : 1;
    return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
  });
}

// Many mentions share a sentence and every mention row names its article: both are computed once per analysis.
const SENTENCES = new WeakMap<ArticleAnalysis, Map<number, string>>();
const ARTICLE_LINES = new WeakMap<ArticleAnalysis, string>();

/** The sentence with this index as one line of text (whitespace collapsed), or '' when there is none. */
export function sentenceText(article: OutlineArticle, index: number): string {
  const s = article.analysis.sentences[index];
  if (!s) return '';
  let cache = SENTENCES.get(article.analysis);
  if (!cache) {
    cache = new Map();
    SENTENCES.set(article.analysis, cache);
  }
  let text = cache.get(index);
  if (text === undefined) {
    text = collapse(article.text.slice(s.start, s.end));
    cache.set(index, text);
  }
  return text;
}

/** The sentence around an offset: the analysed sentence containing it, else its line. */
export function sentenceAround(article: OutlineArticle, offset: number): { index: number; text: string } {
  const sentences = article.analysis.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return { index: mid, text: collapse(article.text.slice(s.start, s.end)) };
  }
  const line = lineOf(article, offset);
  const starts = lineStarts(article);
  const end = line + 1 < starts.length ? starts[line + 1] : article.text.length;
  return { index: -1, text: collapse(article.text.slice(starts[line], end)) };
}

/** A span of an article, ordered and clamped to its text, whatever the analysis said. */
export function spanIn(article: OutlineArticle, span: { start: number; end: number }): At {
  const n = article.text.length;
  const clamp = (x: number) => (Number.isFinite(x) ? Math.max(0, Math.min(n, Math.trunc(x))) : 0);
  const a = clamp(span.start);
  const b = clamp(span.end);
  return { uri: article.uri, start: Math.min(a, b), end: Math.max(a, b) };
}

/** Whitespace runs (line breaks included) become one space. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Cuts long text at a word boundary with an ellipsis, for one-line descriptions. */
export function shorten(s: string, max = 140): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function lineStarts(article: OutlineArticle): number[] {
  let starts = LINE_STARTS.get(article.analysis);
  if (!starts || (starts.length > 0 && starts[starts.length - 1] > article.text.length)) {
    starts = [0];
    const t = article.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 13 && t.charCodeAt(i + 1) === 10) {
        starts.push(i + 2);
        i++;
      } else if (c === 10 || c === 13) starts.push(i + 1);
    }
    LINE_STARTS.set(article.analysis, starts);
  }
  return starts;
}

/** Zero-based line of an offset. */
export function lineOf(article: OutlineArticle, offset: number): number {
  const starts = lineStarts(article);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The last path segment of a URI, decoded: "2017-09-02-army-advances-in-hama.txt". */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = last.slice(last.lastIndexOf('/') + 1) || uri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2017-09-02" → "2 Sep 2017"; anything else is returned unchanged. */
export function dayLabel(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** "file.txt, line 12 · 2 Sep 2017 · Headline" for tooltips. */
export function whereLine(article: OutlineArticle, offset: number): string {
  let about = ARTICLE_LINES.get(article.analysis);
  if (about === undefined) {
    const parts: string[] = [];
    if (article.analysis.publication.date) parts.push(dayLabel(article.analysis.publication.date));
    if (article.analysis.headline) parts.push(collapse(article.analysis.headline));
    about = parts.map((p) => ` · ${p}`).join('');
    ARTICLE_LINES.set(article.analysis, about);
  }
  return `${fileName(article.uri)}, line ${lineOf(article, offset) + 1}${about}`;
}

// One collator for every comparison (String#localeCompare with options builds one per call), made at the first
// comparison: made when the module loads, it cost the server ~10 ms of ICU loading before its first diagnostics.
let collator: Intl.Collator | null = null;

/** Case- and accent-insensitive comparison for labels. */
export function byLabel(a: { label: string }, b: { label: string }): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'base' });
  return collator.compare(a.label, b.label) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
