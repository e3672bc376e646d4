import { MarkupKind } from 'vscode-languageserver';
import { PlaceAtParams, PlaceAtRequest, PlaceAtResult } from '../../protocol';
import { ServerContext } from '../serverContext';
import { hoverMarkdown, mentionAt } from '../hover/hover';
import { SummaryWarmer } from '../hover/warmSummaries';

export function registerHover(ctx: ServerContext): void {
  // The open articles' workspace summaries are made before they are hovered (warmSummaries.ts).
  new SummaryWarmer(ctx.store, (uri) => ctx.documents.get(uri) !== undefined);
  ctx.connection.onHover(async ({ textDocument, position }) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return null;
    const m = mentionAt(record.analysis.mentions, record.lines.offsetAt(position));
    if (!m) return null;
    const value = hoverMarkdown(m, { record, store: ctx.store, knowledge: ctx.knowledge() });
    return { contents: { kind: MarkupKind.Markdown, value }, range: record.lines.rangeOf(m) };
  });
  // The same mention the hover picks, so "Show on map" appears exactly on place hovers.
  ctx.connection.onRequest(PlaceAtRequest, async ({ textDocument, position }: PlaceAtParams): Promise<PlaceAtResult> => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return null;
    const m = mentionAt(record.analysis.mentions, record.lines.offsetAt(position));
    return m?.kind === 'place' ? { placeId: m.id, name: m.name } : null;
  });
}
