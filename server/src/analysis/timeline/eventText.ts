// Small helpers shared by the timeline builder and its exports: words for actions, the event order, sentence text.
import type { TimelineEvent } from '../../protocol';

const ACTION_LABELS: Record<string, string> = {
  'took-control': 'took control of',
  'lost-control': 'lost control of',
  besieged: 'besieged',
  controls: 'controls',
  advanced: 'advanced on',
  attacked: 'attacked',
  casualties: 'casualties in',
  dated: 'dated sentence',
};

/** The action in words: "took control of". Unknown actions come back as written, with dashes as spaces. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/-/g, ' ');
}

/** Chronological order: start day, then the narrower interval, then the older article, then the article's URI. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    cmpNullLast(a.sortDate, b.sortDate) ||
    cmpNullLast(a.endDate, b.endDate) ||
    cmpNullLast(a.article.published, b.article.published) ||
    cmp(a.article.uri, b.article.uri) ||
    a.location.range.start.line - b.location.range.start.line ||
    a.location.range.start.character - b.location.range.start.character ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}

/** Longest sentence kept on an event: a 1 MB "sentence" must not travel to the webview whole. */
export const MAX_SENTENCE = 1000;

/** The sentence as one line of text (whitespace collapsed), cut at MAX_SENTENCE. */
export function sentenceText(text: string, span: { start: number; end: number }): string {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length, start + MAX_SENTENCE * 2));
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > MAX_SENTENCE ? `${s.slice(0, MAX_SENTENCE - 1)}…` : s;
}

/** FNV-1a, base 36: short ids from text, stable across runs and machines. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
