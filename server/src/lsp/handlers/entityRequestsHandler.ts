// Custom requests behind the side panel: grouped entities, all mentions of one entity, citations.
import { CancellationToken } from 'vscode-languageserver';
import { citationAt, entityMentions, PagedNode } from '../../analysis/outline';
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
import { byUri, locationOf, scopeArticles, workspaceArticles } from './outlineArticles';
import { PanelTrees } from './panelTrees';

const KINDS = new Set(['place', 'faction', 'date', 'claim']);
const MENTION_KINDS = new Set(['place', 'date', 'faction', 'source']);

export function registerEntityRequests(ctx: ServerContext): void {
  const trees = new PanelTrees();

  ctx.connection.onRequest(EntitiesRequest, async (params: EntitiesParams, token?: CancellationToken): Promise<EntitiesResult> => {
    if (!params || !KINDS.has(params.kind)) return { nodes: [], articles: 0, total: 0 };
    const scope = params.scope === 'article' ? 'article' : 'workspace';
    const records = await scopeArticles(ctx, scope, params.uri, token);
    const page = await trees.page(records, scope, params.kind, params.uri, ctx.store.version, params.parent);
    return { nodes: page.nodes.map((n) => toEntityNode(ctx, n, page.index)), articles: records.length, total: page.total };
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
