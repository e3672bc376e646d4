// Ctrl+T: any place or faction in any article, by any spelling (analysis/outline/symbolSearch).
import { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { nameKnowledge, searchSymbols, SymbolIndex, symbolIndex } from '../../analysis/outline';
import { ArticleRecord } from '../articleStore';
import { ServerContext } from '../serverContext';
import { byUri, locationOf, workspaceArticles } from './outlineArticles';
import { locateInRecords, symbolArticles } from './symbolArticles';

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  // The editor asks again at every keystroke: the spellings index is rebuilt only when the articles changed.
  let cached: { version: number; index: SymbolIndex; records: Map<string, ArticleRecord> } | null = null;
  ctx.connection.onWorkspaceSymbol(async ({ query }, token) => {
    const records = await workspaceArticles(ctx, token);
    if (!cached || cached.version !== ctx.store.version) {
      const index = byUri(records);
      cached = { version: ctx.store.version, index: symbolIndex(symbolArticles(records), nameKnowledge(ctx.knowledge()), locateInRecords(index)), records: index };
    }
    const out: SymbolInformation[] = [];
    for (const s of searchSymbols(cached.index, typeof query === 'string' ? query : '')) {
      const location = locationOf(ctx, s.at, cached.records);
      if (location) out.push({ name: s.name, kind: s.kind === 'place' ? SymbolKind.Namespace : SymbolKind.Class, location, containerName: s.container });
    }
    return out;
  });
}
