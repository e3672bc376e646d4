// Wires the user factions dictionary: re-read `.dateline/factions.json` when it changes, re-analyse,
// and run the "Add as faction…" command.
import { ExecuteCommandParams } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../handlers/diagnosticsPublisher';
import { WatchedFiles } from '../index/watchFiles';
import { ServerContext } from '../serverContext';
import { WorkspaceIndex } from '../workspaceIndex';
import { executeFactionEdit } from './factionsActions';
import { UserFactionsState } from './factionsFile';

const reloaders = new WeakMap<ServerContext, () => void>();

/** Watches the user factions file of every folder. */
export function registerUserFactions(ctx: ServerContext, state: UserFactionsState, diagnostics: DiagnosticsPublisher, index: WorkspaceIndex, watched: WatchedFiles): void {
  const reload = () => {
    if (!state.reload(ctx.workspaceFolders)) return;
    // Cached analyses were made with the old dictionary: drop them, then refresh.
    for (const doc of ctx.documents.all()) ctx.store.closeOpen(doc.uri);
    diagnostics.scheduleAllOpen();
    void index.reanalyze();
  };
  reloaders.set(ctx, reload);
  watched.on((changes) => {
    if (changes.some((c) => /\/\.dateline\/factions\.json$/.test(c.uri))) reload();
  });
  // Closing the file clears diagnostics of every document (startServer); the file's problems still stand.
  ctx.documents.onDidClose((e) => {
    const mine = state.diagnosticsFor(e.document.uri);
    if (mine) void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: mine });
  });
}

/** FactionEditCommand: asks, writes, re-reads, and reports a failure to the user. */
export async function runFactionEdit(params: ExecuteCommandParams, ctx: ServerContext): Promise<{ ok: boolean; error: string | null }> {
  const error = await executeFactionEdit(params, ctx, () => reloaders.get(ctx)?.());
  if (error) void ctx.connection.window.showWarningMessage(`Dateline: could not update .dateline/factions.json: ${error}`);
  return { ok: !error, error };
}
