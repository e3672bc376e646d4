// Ctrl+T: any place or faction in any article, by any spelling (analysis/outline/symbolSearch).
import { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { nameKnowledge, searchSymbols } from '../../analysis/outline';
import { ServerContext } from '../serverContext';
import { byUri, locationOf, workspaceArticles } from './outlineArticles';

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  ctx.connection.onWorkspaceSymbol(async ({ query }) => {
    const records = await workspaceArticles(ctx);
    const index = byUri(records);
    const out: SymbolInformation[] = [];
    const names = nameKnowledge(ctx.knowledge());
    for (const s of searchSymbols(records, typeof query === 'string' ? query : '', { names })) {
      const location = locationOf(ctx, s.at, index);
      if (location) out.push({ name: s.name, kind: s.kind === 'place' ? SymbolKind.Namespace : SymbolKind.Class, location, containerName: s.container });
    }
    return out;
  });
}
