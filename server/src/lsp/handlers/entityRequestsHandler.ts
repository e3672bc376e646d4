// Custom requests behind the side panel: grouped entities, all mentions of one entity, citations.
import { CancellationToken } from 'vscode-languageserver';
import { childrenOf, citationAt, complete, completeRows, entityMentions, entityTree, entityTrees, findNode, OutlineKind, OutlineTree, PagedNode, withoutMentions } from '../../analysis/outline';
import {
  CitationParams,
  CitationRequest,
  CitationResult,
  EntitiesParams,
  EntitiesRequest,
  EntitiesResult,
  EntityNode,
  MentionsParams,
  MentionsRequest,
  MentionsResult,
} from '../../protocol';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';
import { articleTree, byUri, locationOf, scopeArticles, workspaceArticles } from './outlineArticles';

const KINDS = new Set(['place', 'faction', 'date', 'claim']);
const MENTION_KINDS = new Set(['place', 'date', 'faction', 'source']);
const WORKSPACE_MENTION_TREES: readonly OutlineKind[] = ['place', 'faction', 'date'];

/**
 * An article's tree is sent whole up to this many mention (or claim) rows; past it, it comes paged like the
 * workspace's (each entity's rows when it is expanded). A 1.9 MB document made 13-21 MB of JSON per kind,
 * 0.3-0.9 s of the server's time each, and the panel asks for all four kinds at once.
 */
export const ARTICLE_ROWS_AT_ONCE = 2000;

/**
 * Levels of a workspace tree sent at once (the nodes asked for and their children); deeper nodes come when their
 * parent is expanded. Whole, the dates of 10,000 articles (years, months, thousands of days) made 6.9 MB of JSON
 * and read the text of every day's first article for its location.
 */
const WORKSPACE_LEVELS_AT_ONCE = 2;

/** Expanded nodes whose filled-in children are kept. */
const EXPANDED_KEPT = 16;

export function registerEntityRequests(ctx: ServerContext): void {
  // Trees are rebuilt only when the store changed since the last request for that scope and kind; expanding a
  // node then reads the same tree.
  const cache = new Map<string, { version: number; tree: OutlineTree; records: ArticleRecord[] }>();
  // Rows filled in for the nodes last expanded (each filled from its articles, unpacked from the index): the
  // view asks again for a node collapsed and opened, or refreshed.
  const expanded = new Map<string, { version: number; nodes: PagedNode[] }>();

  ctx.connection.onRequest(EntitiesRequest, async (params: EntitiesParams, token?: CancellationToken): Promise<EntitiesResult> => {
    if (!params || !KINDS.has(params.kind)) return { nodes: [], articles: 0, total: 0 };
    const scope = params.scope === 'article' ? 'article' : 'workspace';
    const records = await scopeArticles(ctx, scope, params.uri, token);
    const key = `${scope}:${params.kind}:${scope === 'article' ? params.uri : ''}`;
    let hit = cache.get(key);
    if (!hit || hit.version !== ctx.store.version) {
      // Trees of older versions are of no use any more (keeps one tree per article viewed from piling up).
      for (const [k, v] of cache) if (v.version !== ctx.store.version) cache.delete(k);
      if (scope === 'workspace') {
        // The panel shows every kind: the mention kinds' trees are made together, with one pass over the
        // articles (each indexed one unpacked once), and their rows filled in only when an entity is expanded.
        const kinds = params.kind === 'claim' ? (['claim'] as const) : WORKSPACE_MENTION_TREES;
        for (const [kind, tree] of entityTrees(records, kinds, 'deferred')) cache.set(`workspace:${kind}:`, { version: ctx.store.version, tree, records });
        hit = cache.get(key)!;
      } else {
        const tree = records.length === 1 ? articleTree(records[0], params.kind) : entityTree(records, params.kind);
        hit = { version: ctx.store.version, tree, records };
        cache.set(key, hit);
      }
    }
    const { tree } = hit;
    const paged = scope === 'workspace' || tree.total > ARTICLE_ROWS_AT_ONCE;
    const levels = scope === 'workspace' ? WORKSPACE_LEVELS_AT_ONCE : Infinity;
    const index = byUri(hit.records);
    let nodes: PagedNode[];
    if (typeof params.parent === 'string') {
      const parent = findNode(tree.nodes, params.parent);
      const seen = expanded.get(`${key}\u0000${params.parent}`);
      if (seen && seen.version === hit.version) nodes = seen.nodes;
      else {
        nodes = parent ? (paged ? completeRows(childrenOf(parent, levels), (uri) => index.get(uri)) : complete(parent.children)) : [];
        if (expanded.size >= EXPANDED_KEPT) expanded.delete(expanded.keys().next().value!);
        expanded.set(`${key}\u0000${params.parent}`, { version: hit.version, nodes });
      }
    } else nodes = paged ? withoutMentions(tree.nodes, levels) : complete(tree.nodes);
    return { nodes: nodes.map((n) => toEntityNode(ctx, n, index)), articles: records.length, total: tree.total };
  });

  ctx.connection.onRequest(MentionsRequest, async (params: MentionsParams, token?: CancellationToken): Promise<MentionsResult> => {
    if (!params || !MENTION_KINDS.has(params.kind) || typeof params.id !== 'string') return { locations: [] };
    const records = await workspaceArticles(ctx, token);
    const index = byUri(records);
    const locations = entityMentions(records, params.kind, params.id).map((at) => locationOf(ctx, at, index));
    return { locations: locations.filter((l): l is NonNullable<typeof l> => l !== null) };
  });

  ctx.connection.onRequest(CitationRequest, async (params: CitationParams): Promise<CitationResult | null> => {
    const uri = params?.location?.uri;
    if (!uri) return null;
    const record: ArticleRecord | undefined = await ctx.recordFor(uri);
    if (!record?.isArticle) return null;
    return citationAt(record, record.lines.offsetAt(params.location.range.start));
  });
}

function toEntityNode(ctx: ServerContext, n: PagedNode, index: Map<string, ArticleRecord>): EntityNode {
  return {
    id: n.id,
    label: n.label,
    count: n.count,
    description: n.description,
    tooltip: n.tooltip,
    icon: n.icon,
    role: n.role,
    entity: n.entity,
    location: n.at ? locationOf(ctx, n.at, index) : null,
    childCount: n.childCount,
    children: n.children.map((c) => toEntityNode(ctx, c, index)),
  };
}
