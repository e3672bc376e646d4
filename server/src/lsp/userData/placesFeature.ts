// Wires the user gazetteer: re-read `.dateline/places.json` when it changes, re-analyse what it affects,
// and run the place code actions' command.
import { ExecuteCommandParams } from 'vscode-languageserver';
import { Knowledge } from '../../analysis';
import { DiagnosticsPublisher } from '../handlers/diagnosticsPublisher';
import { WatchedFiles } from '../index/watchFiles';
import { ServerContext } from '../serverContext';
import { WorkspaceIndex } from '../workspaceIndex';
import { executePlaceEdit } from './placesActions';
import { UserPlacesState } from './placesFile';

const reloaders = new WeakMap<ServerContext, () => void>();

/** Watches the user gazetteer of every folder; `base` is the built-in knowledge. */
export function registerUserPlaces(ctx: ServerContext, state: UserPlacesState, base: () => Knowledge, diagnostics: DiagnosticsPublisher, index: WorkspaceIndex, watched: WatchedFiles): void {
  const reload = () => {
    if (!state.reload(ctx.workspaceFolders, base())) return;
    // Cached analyses of open documents were made with the old gazetteer: drop them, then refresh.
    for (const doc of ctx.documents.all()) ctx.store.closeOpen(doc.uri);
    diagnostics.scheduleAllOpen();
    void index.reanalyze();
  };
  reloaders.set(ctx, reload);
  watched.on((changes) => {
    if (changes.some((c) => /\/\.dateline\/places\.json$/.test(c.uri))) reload();
  });
  // Edits typed in the editor count once saved (the watcher reports them); nothing to do on each keystroke.
}

/** PlaceEditCommand: writes the file, re-reads it, and reports a failure to the user. */
export function runPlaceEdit(params: ExecuteCommandParams, ctx: ServerContext): { ok: boolean; error: string | null } {
  const error = executePlaceEdit(params, ctx, () => reloaders.get(ctx)?.());
  if (error) void ctx.connection.window.showWarningMessage(`Dateline: could not update .dateline/places.json: ${error}`);
  return { ok: !error, error };
}
