// Shared by the navigation and panel handlers: up-to-date articles for a scope, and core spans → LSP locations.
import { CancellationToken } from 'vscode-languageserver';
import { At, entityTree, OutlineKind, OutlineTree } from '../../analysis/outline';
import { Location } from '../../protocol';
import { MentionKind } from '../../analysis';
import { ArticleRecord, recordMentionKeys } from '../articleStore';
import { mentionKey } from '../index/entityDigests';
import { throwIfCancelled } from '../cancellation';
import { ServerContext } from '../serverContext';

/**
 * Every article, with open documents analysed at their latest version first (so the panel never lags an edit).
 * A cancelled `token` stops it between articles (RequestCancelled).
 */
export async function workspaceArticles(ctx: ServerContext, token?: CancellationToken): Promise<ArticleRecord[]> {
  for (const doc of ctx.documents.all()) {
    throwIfCancelled(token);
    await ctx.recordFor(doc.uri);
  }
  throwIfCancelled(token);
  return ctx.store.articles();
}

/**
 * The articles that may mention an entity: for places, factions and sources those whose mention keys name it
 * (an indexed article knows its keys without being unpacked), for dates all of them. Finding an entity's
 * mentions in the others unpacked all 10,000 articles of a workspace (2.4-3.4 s for find references).
 */
export function articlesMentioning(records: readonly ArticleRecord[], kind: MentionKind, id: string): ArticleRecord[] {
  if (kind === 'date') return [...records];
  const key = mentionKey(kind, id);
  return records.filter((r) => recordMentionKeys(r).includes(key));
}

/** The articles of a scope: one article (if it is one), or all. */
export async function scopeArticles(ctx: ServerContext, scope: 'article' | 'workspace', uri: string | undefined, token?: CancellationToken): Promise<ArticleRecord[]> {
  if (scope === 'workspace') return workspaceArticles(ctx, token);
  if (!uri) return [];
  const record = await ctx.recordFor(uri);
  return record?.isArticle ? [record] : [];
}

/** A core span as an LSP location, using the line index of the article it is in. */
export function locationOf(ctx: ServerContext, at: At, records?: Map<string, ArticleRecord>): Location | null {
  const record = records?.get(at.uri) ?? ctx.store.get(at.uri);
  if (!record) return null;
  return { uri: at.uri, range: record.lines.rangeOf(at) };
}

/** Records by URI, for converting many spans at once. */
export function byUri(records: ArticleRecord[]): Map<string, ArticleRecord> {
  return new Map(records.map((r) => [r.uri, r]));
}

/**
 * The trees of the article last asked for, by kind: the Outline and the panel's article scope read the same
 * ones (a 1.9 MB document's four trees took ~300 ms to make, for each of them). One article only: the trees
 * hold its mentions, and an article browsed past must not stay in memory through them.
 */
let lastTrees: { record: ArticleRecord; trees: Map<OutlineKind, OutlineTree> } | null = null;

/** The grouped tree of one kind for one article (a version: records are made anew when the text changes). */
export function articleTree(record: ArticleRecord, kind: OutlineKind): OutlineTree {
  if (lastTrees?.record !== record) lastTrees = { record, trees: new Map() };
  let tree = lastTrees.trees.get(kind);
  if (!tree) lastTrees.trees.set(kind, (tree = entityTree([record], kind)));
  return tree;
}
