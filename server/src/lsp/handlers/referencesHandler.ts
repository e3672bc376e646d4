// Find references on a mention: every mention of the same entity in every article, whatever its spelling.
import { mentionAtOffset } from '../../analysis/outline';
import { ServerContext } from '../serverContext';
import { workspaceMentions } from './workspaceMentions';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(async ({ textDocument, position, context }, token) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return null;
    const m = mentionAtOffset(record.analysis.mentions, record.lines.offsetAt(position));
    if (!m) return null;
    // The first mention plays the declaration.
    const all = await workspaceMentions(ctx, m.kind, m.id, token);
    return context?.includeDeclaration === false ? all.slice(1) : all;
  });
}
