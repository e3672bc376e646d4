// Ctrl+T: any place or faction in any article, by any spelling (analysis/outline/symbolSearch).
import { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { nameKnowledge, searchSymbols, SymbolArticle, SymbolIndex, symbolIndexSteps } from '../../analysis/outline';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';
import { byUri, locationOf, workspaceArticles } from './outlineArticles';
import { locateInRecords, symbolArticleReader } from './symbolArticles';
import { throwIfCancelled } from '../cancellation';
import { LatestBuilds } from '../latestBuilds';
import { runInSlices } from '../nextTurn';
import { readArticlesInSlices, withSlowWorkProgress } from '../slowWorkProgress';

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  // The editor asks again at every keystroke: the spellings index is made again only when the articles changed,
  // in slices between other requests (10,000 articles: 0.6-0.9 s in one piece), one make at a time.
  const builds = new LatestBuilds<{ index: SymbolIndex; records: Map<string, ArticleRecord> }>();
  ctx.connection.onWorkspaceSymbol(async ({ query }, token) => {
    await workspaceArticles(ctx, token);
    const made = await builds.get('workspace', ctx.store.version, async (started) => {
      const records = await workspaceArticles(ctx);
      started(ctx.store.version);
      return withSlowWorkProgress(ctx.connection.window, 'Dateline: indexing names for symbol search', async (progress) => {
        const index = byUri(records);
        const articles: SymbolArticle[] = [];
        const read = symbolArticleReader();
        await readArticlesInSlices(progress, records, (r) => articles.push(read(r)));
        progress.phase('indexing the names');
        return { index: await runInSlices(symbolIndexSteps(articles, nameKnowledge(ctx.knowledge()), locateInRecords(index))), records: index };
      });
    });
    throwIfCancelled(token);
    const out: SymbolInformation[] = [];
    for (const s of searchSymbols(made.index, typeof query === 'string' ? query : '')) {
      const location = locationOf(ctx, s.at, made.records);
      if (location) out.push({ name: s.name, kind: s.kind === 'place' ? SymbolKind.Namespace : SymbolKind.Class, location, containerName: s.container });
    }
    return out;
  });
}
