// Every mention of one entity across the workspace ("Find All Mentions", find references): only the articles
// whose mention keys name the entity are read, each once, while its text is still at hand, and an indexed
// article only for the spans of that entity.
import { CancellationToken } from 'vscode-languageserver';
import { entityMentions, readingOrder, spanIn } from '../../analysis/outline';
import { MentionKind } from '../../analysis';
import { Location, MentionsParams, MentionsResult } from '../../protocol';
import { ArticleStore } from '../articleStore';
import { mentionKey } from '../index/entityDigests';
import { ServerContext } from '../serverContext';
import { articlesMentioning, workspaceArticles } from './outlineArticles';

const MENTION_KINDS = new Set<string>(['place', 'date', 'faction', 'source']);

/** Each store's last answer, kept until the store changes: asking again for the same entity is then free. */
const lastAnswer = new WeakMap<ArticleStore, { version: number; key: string; locations: Location[] }>();

/** `dateline/mentions`: unknown kinds or ids give no locations. */
export async function mentionsResult(ctx: ServerContext, params: MentionsParams | undefined, token?: CancellationToken): Promise<MentionsResult> {
  if (!params || !MENTION_KINDS.has(params.kind) || typeof params.id !== 'string') return { locations: [] };
  return { locations: await workspaceMentions(ctx, params.kind, params.id, token) };
}

/**
 * Every mention of the entity, in reading order (articles by publication, then position). At 10,000 indexed
 * articles reading every article's mentions took 5-6 s even for an id no article names; an article's
 * positions are worked out right after its mentions, as converting them all at the end unpacked the texts of
 * all but the last 64 articles a second time.
 */
export async function workspaceMentions(ctx: ServerContext, kind: MentionKind, id: string, token?: CancellationToken): Promise<Location[]> {
  const records = await workspaceArticles(ctx, token);
  const key = mentionKey(kind, id);
  const last = lastAnswer.get(ctx.store);
  if (last && last.version === ctx.store.version && last.key === key) return last.locations;
  const mentioning = articlesMentioning(records, kind, id);
  const locations: Location[] = [];
  for (const record of readingOrder(mentioning)) {
    // An indexed article's spans come straight from its packed bytes: for a place named in 7,672 of 10,000
    // articles, 0.36 s of CPU against 1.8 s unpacking each article's mentions.
    const spans = record.mentionSpans ? record.mentionSpans(kind, id).map((span) => spanIn(record, span)) : entityMentions([record], kind, id);
    for (const at of spans) locations.push({ uri: at.uri, range: record.lines.rangeOf(at) });
  }
  lastAnswer.set(ctx.store, { version: ctx.store.version, key, locations });
  return locations;
}
