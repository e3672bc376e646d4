// Custom requests behind the side panel: grouped entities (panelTrees.ts), all mentions of one entity
// (workspaceMentions.ts), citations.
import { CancellationToken } from 'vscode-languageserver';
import { citationAt, PagedNode } from '../../analysis/outline';
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
} from '../../protocol';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';
import { locationOf, scopeArticles } from './outlineArticles';
import { PanelTrees } from './panelTrees';
import { mentionsResult } from './workspaceMentions';

const KINDS = new Set(['place', 'faction', 'date', 'claim']);

export function registerEntityRequests(ctx: ServerContext): void {
  const trees = new PanelTrees(async () => {
    const records = await scopeArticles(ctx, 'workspace', undefined);
    return { records, version: ctx.store.version };
  }, ctx.connection.window);

  ctx.connection.onRequest(EntitiesRequest, async (params: EntitiesParams, token?: CancellationToken): Promise<EntitiesResult> => {
    if (!params || !KINDS.has(params.kind)) return { nodes: [], articles: 0, total: 0 };
    const scope = params.scope === 'article' ? 'article' : 'workspace';
    const records = await scopeArticles(ctx, scope, params.uri, token);
    const page = await trees.page(records, scope, params.kind, params.uri, ctx.store.version, params.parent);
    return { nodes: page.nodes.map((n) => toEntityNode(ctx, n, page.index)), articles: records.length, total: page.total };
  });

  ctx.connection.onRequest(MentionsRequest, (params: MentionsParams, token?: CancellationToken) => mentionsResult(ctx, params, token));

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
