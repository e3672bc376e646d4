// Conflict diagnostics, code actions, commands and requests, wired onto the connection.
import { ExecuteCommandParams } from 'vscode-languageserver';
import { Conflict } from '../../analysis/conflicts';
import { ConflictsParams, ConflictsRequest, DatelineSettings, IndexChangedNotification, MarkReviewedCommand, MarkReviewedParams, MarkReviewedRequest, PlaceEditCommand, FactionEditCommand } from '../../protocol';
import { cannotWrite } from '../workspaceTrust';
import { DiagnosticsPublisher } from '../handlers/diagnosticsPublisher';
import { StatusProvider, statusOf } from '../handlers/articleRequests';
import { ServerContext } from '../serverContext';
import { ConflictState } from './conflictState';
import { conflictDiagnostics } from './conflictDiagnostics';
import { conflictCodeActions } from './conflictActions';
import { conflictsResult, markReviewed } from './conflictRequests';
import { placeCodeActions } from '../userData/placesActions';
import { runPlaceEdit } from '../userData/placesFeature';
import { factionCodeActions } from '../userData/factionsActions';
import { runFactionEdit } from '../userData/factionsFeature';

export interface ConflictFeature {
  state: ConflictState;
  /** Status bar figures: open and reviewed conflicts. */
  status: StatusProvider;
  /** Every conflict with its reviewed flag (for the timeline), made between other requests when not made yet. */
  conflicts: () => Promise<(Conflict & { reviewed: boolean })[]>;
}

type Severities = DatelineSettings['conflictSeverity'];

export function registerConflicts(ctx: ServerContext, diagnostics: DiagnosticsPublisher): ConflictFeature {
  const log = (m: string) => ctx.connection.console.log(m);
  const state = new ConflictState(ctx, log);
  // Diagnostic sources are synchronous: severities are cached per article and refreshed after each use,
  // re-publishing when the user's setting changed.
  const severities = new Map<string, { value: Severities; json: string }>();
  const refresh = (uri: string) => {
    void ctx.settings.forResource(uri).then((s) => {
      const json = JSON.stringify(s.conflictSeverity ?? {});
      if (severities.get(uri)?.json === json) return;
      const first = !severities.has(uri);
      severities.set(uri, { value: s.conflictSeverity ?? {}, json });
      if (!first || json !== '{}') diagnostics.schedule(uri, 0);
    });
  };
  diagnostics.addSource((record, c) => {
    refresh(record.uri);
    return conflictDiagnostics(record, c, state, severities.get(record.uri)?.value);
  });

  diagnostics.holdWhile((uri) => state.checkingDocument(uri));
  const status: StatusProvider = () => ({ ...state.counts(), checking: state.checking });
  state.onChanged((uris) => {
    for (const uri of uris) if (ctx.documents.get(uri)) diagnostics.schedule(uri);
  });
  // The store's own notifications end with the index pass, before its last conflict checks: the status bar
  // and the views hear the final counts here.
  state.onSettled(() => notify());

  // One handler per connection: the place actions (.dateline/places.json) share these two.
  ctx.connection.onCodeAction(async (params) => [...conflictCodeActions(params, ctx, state), ...(await placeCodeActions(params, ctx)), ...(await factionCodeActions(params, ctx))]);
  ctx.connection.onExecuteCommand((params: ExecuteCommandParams) => {
    if (params.command === PlaceEditCommand) return runPlaceEdit(params, ctx);
    if (params.command === FactionEditCommand) return runFactionEdit(params, ctx);
    if (params.command !== MarkReviewedCommand) return null;
    // Untrusted workspace: nothing is written to .dateline/ (workspaceTrust.ts).
    const refused = cannotWrite(ctx);
    const result = refused ? { ok: false, reviewed: state.counts().reviewed, error: refused } : markReviewed({ conflictId: String(params.arguments?.[0] ?? '') }, state);
    if (!result.ok && result.error) void ctx.connection.window.showWarningMessage(`Dateline: could not mark the conflict as reviewed: ${result.error}`);
    notify();
    return result;
  });
  ctx.connection.onRequest(ConflictsRequest, async (params: ConflictsParams) => {
    const settings = await ctx.settings.forResource(params?.uri ?? ctx.workspaceFolders[0] ?? '');
    return conflictsResult(params, ctx, state, settings.conflictSeverity ?? {});
  });
  ctx.connection.onRequest(MarkReviewedRequest, (params: MarkReviewedParams) => {
    const refused = cannotWrite(ctx);
    const result = refused ? { ok: false, reviewed: state.counts().reviewed, error: refused } : markReviewed(params, state);
    notify();
    return result;
  });

  function notify(): void {
    void ctx.connection.sendNotification(IndexChangedNotification, { ...statusOf(ctx, status), changed: [] });
  }

  return {
    state,
    status,
    conflicts: async () => (await state.allInSlices()).map((c) => ({ ...c, reviewed: state.isReviewed(c.id) })),
  };
}
