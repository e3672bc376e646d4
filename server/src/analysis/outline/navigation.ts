// Go to definition and find references across articles: mentions of one entity are matched by id, never by spelling.
import { Mention, MentionKind } from '../types';
import { readingOrder, spanIn } from './articleText';
import { At, OutlineArticle } from './types';

/** The mention under an offset (the innermost when mentions nest); an offset at a mention's end still counts. */
export function mentionAtOffset(mentions: readonly Mention[], offset: number): Mention | null {
  let best: Mention | null = null;
  for (const m of mentions) {
    if (m.start > offset) break;
    if (offset <= m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  }
  return best;
}

/** Every mention of an entity across the articles, in reading order (earliest article first, then by position). */
export function entityMentions(articles: readonly OutlineArticle[], kind: MentionKind, id: string): At[] {
  const out: At[] = [];
  for (const a of readingOrder(articles)) {
    for (const m of a.analysis.mentions) if (m.kind === kind && m.id === id) out.push(spanIn(a, m));
  }
  return out;
}

/** The first mention of an entity in the workspace: in the earliest-published article, its first occurrence. */
export function firstMention(articles: readonly OutlineArticle[], kind: MentionKind, id: string): At | null {
  for (const a of readingOrder(articles)) {
    for (const m of a.analysis.mentions) if (m.kind === kind && m.id === id) return spanIn(a, m);
  }
  return null;
}
