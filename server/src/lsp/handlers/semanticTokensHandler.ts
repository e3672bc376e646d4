import { ServerContext } from '../serverContext';
import { encodeSemanticTokens } from '../semanticTokens';

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(async ({ textDocument }) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return { data: [] };
    return { data: encodeSemanticTokens(record.analysis.mentions, record.lines) };
  });
}
