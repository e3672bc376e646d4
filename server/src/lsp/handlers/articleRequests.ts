// Custom requests about articles: info, status, reanalyze.
import { ArticleInfo, ArticleInfoParams, ArticleInfoRequest, StatusRequest, StatusResult } from '../../protocol';
import { ServerContext } from '../serverContext';

/** Status figures: articles indexed and conflicts; features that know conflicts fill those in. */
export type StatusProvider = (ctx: ServerContext) => Pick<StatusResult, 'conflicts' | 'reviewed' | 'checking'>;

export function statusOf(ctx: ServerContext, conflicts: StatusProvider | null): StatusResult {
  const c = conflicts ? conflicts(ctx) : { conflicts: 0, reviewed: 0 };
  return { articles: ctx.store.articles().length, conflicts: c.conflicts, reviewed: c.reviewed, checking: c.checking ?? false, changed: [] };
}

export function registerArticleRequests(ctx: ServerContext, conflicts: () => StatusProvider | null): void {
  ctx.connection.onRequest(ArticleInfoRequest, async (params: ArticleInfoParams): Promise<ArticleInfo> => {
    const record = await ctx.recordFor(params.uri);
    const a = record?.analysis;
    const count = (kind: string) => a?.mentions.filter((m) => m.kind === kind).length ?? 0;
    return {
      uri: params.uri,
      isArticle: !!record?.isArticle,
      reason: record ? (record.isArticle ? null : a?.skipped ?? null) : 'not open or indexed',
      headline: a?.headline ?? null,
      published: a?.publication.date ?? null,
      publishedFrom: a?.publication.from ?? 'none',
      counts: { place: count('place'), date: count('date'), faction: count('faction'), source: count('source'), claim: a?.claims.length ?? 0 },
    };
  });
  ctx.connection.onRequest(StatusRequest, (): StatusResult => statusOf(ctx, conflicts()));
}
