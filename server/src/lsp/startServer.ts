// Wires the connection: capabilities, document sync, and every feature's handlers.
import { Connection } from 'vscode-languageserver';
import { Knowledge } from '../analysis';
import { loadKnowledge } from '../knowledge/loadKnowledge';
import { IndexChangedNotification } from '../protocol';
import { capabilities } from './capabilities';
import { ServerContext } from './serverContext';
import { DiagnosticsPublisher } from './handlers/diagnosticsPublisher';
import { registerHover } from './handlers/hoverHandler';
import { registerSemanticTokens } from './handlers/semanticTokensHandler';
import { registerArticleRequests, statusOf } from './handlers/articleRequests';

export function startServer(connection: Connection): void {
  let knowledge: Knowledge | null = null;
  const ctx = new ServerContext(connection, () => (knowledge ??= loadKnowledge()));
  const diagnostics = new DiagnosticsPublisher(ctx);

  connection.onInitialize((params) => {
    ctx.settings.enable(!!params.capabilities.workspace?.configuration);
    ctx.workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (ctx.workspaceFolders.length === 0 && params.rootUri) ctx.workspaceFolders = [params.rootUri];
    return { capabilities: capabilities(), serverInfo: { name: 'dateline' } };
  });
  connection.onDidChangeConfiguration(() => {
    ctx.settings.reset();
    diagnostics.scheduleAllOpen();
  });

  ctx.documents.onDidOpen((e) => diagnostics.schedule(e.document.uri, 0));
  ctx.documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  ctx.documents.onDidClose((e) => {
    diagnostics.cancel(e.document.uri);
    ctx.store.closeOpen(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerHover(ctx);
  registerSemanticTokens(ctx);
  registerArticleRequests(ctx, () => null);

  let pending: Set<string> | null = null;
  ctx.store.onChanged((uris) => {
    // Coalesce bursts (indexing, rapid edits) into one notification per tick.
    if (pending) {
      uris.forEach((u) => pending!.add(u));
      return;
    }
    pending = new Set(uris);
    setTimeout(() => {
      const changed = [...pending!];
      pending = null;
      void connection.sendNotification(IndexChangedNotification, { ...statusOf(ctx, null), changed });
    }, 50);
  });

  ctx.documents.listen(connection);
  connection.listen();
}
