// Find references on a mention: every mention of the same entity in every article, whatever its spelling.
import { entityMentions, mentionAtOffset } from '../../analysis/outline';
import { ServerContext } from '../serverContext';
import { articlesMentioning, byUri, locationOf, workspaceArticles } from './outlineArticles';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(async ({ textDocument, position, context }, token) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return null;
    const m = mentionAtOffset(record.analysis.mentions, record.lines.offsetAt(position));
    if (!m) return null;
    const records = articlesMentioning(await workspaceArticles(ctx, token), m.kind, m.id);
    const index = byUri(records);
    // The first mention plays the declaration.
    const all = entityMentions(records, m.kind, m.id);
    const wanted = context?.includeDeclaration === false ? all.slice(1) : all;
    return wanted.map((at) => locationOf(ctx, at, index)).filter((l) => l !== null);
  });
}
