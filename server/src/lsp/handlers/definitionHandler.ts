// Go to definition on a mention: its first mention in the workspace (the earliest article), and its entry in the
// user's own dictionary when there is one. On the first mention itself, the entry alone (or the mention).
import { Location } from 'vscode-languageserver';
import { firstMention, mentionAtOffset } from '../../analysis/outline';
import { ServerContext } from '../serverContext';
import { articlesMentioning, locationOf, workspaceArticles } from './outlineArticles';

/** Where a user-dictionary entry for an entity is, when there is one. */
export type UserEntryLocator = (kind: string, id: string) => Location | null;

export function registerDefinition(ctx: ServerContext, userEntry: UserEntryLocator = () => null): void {
  ctx.connection.onDefinition(async ({ textDocument, position }, token) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return null;
    const m = mentionAtOffset(record.analysis.mentions, record.lines.offsetAt(position));
    if (!m) return null;
    const first = firstMention(articlesMentioning(await workspaceArticles(ctx, token), m.kind, m.id), m.kind, m.id);
    const firstLocation = first ? locationOf(ctx, first) : null;
    const onFirst = !first || (first.uri === record.uri && first.start === m.start);
    const entry = userEntry(m.kind, m.id);
    const out = [...(onFirst ? [] : [firstLocation]), entry].filter((l): l is Location => l !== null);
    if (out.length === 0) return firstLocation;
    return out.length === 1 ? out[0] : out;
  });
}
