// Go to definition on a mention: its first mention in the workspace (earliest article), or, from there, its
// entry in the user's own dictionary when it has one.
import { Location } from 'vscode-languageserver';
import { firstMention, mentionAtOffset } from '../../analysis/outline';
import { ServerContext } from '../serverContext';
import { locationOf, workspaceArticles } from './outlineArticles';

/** Where a user-dictionary entry for an entity is defined, when the feature that owns the dictionary knows. */
export type UserEntryLocator = (kind: string, id: string) => Location | null;

export function registerDefinition(ctx: ServerContext, userEntry: UserEntryLocator = () => null): void {
  ctx.connection.onDefinition(async ({ textDocument, position }) => {
    const record = await ctx.recordFor(textDocument.uri);
    if (!record?.isArticle) return null;
    const offset = record.lines.offsetAt(position);
    const m = mentionAtOffset(record.analysis.mentions, offset);
    if (!m) return null;
    const first = firstMention(await workspaceArticles(ctx), m.kind, m.id);
    const atFirst = !first || (first.uri === record.uri && first.start === m.start);
    const entry = userEntry(m.kind, m.id);
    // On the first mention itself, the only further place to go is the user's dictionary entry.
    if (atFirst) return entry ?? (first ? locationOf(ctx, first) : null);
    return first ? locationOf(ctx, first) : entry;
  });
}
