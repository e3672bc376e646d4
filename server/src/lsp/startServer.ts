// Wires the connection: capabilities, document sync, and every feature's handlers.
import { Connection } from 'vscode-languageserver';
import { Knowledge } from '../analysis';
import { loadKnowledge } from '../knowledge/loadKnowledge';
import { DatelineInitializationOptions, IndexChangedNotification, ReanalyzeRequest } from '../protocol';
import { capabilities } from './capabilities';
import { ServerContext } from './serverContext';
import { DiagnosticsPublisher } from './handlers/diagnosticsPublisher';
import { registerHover } from './handlers/hoverHandler';
import { refreshInlayHints, registerInlayHints } from './handlers/inlayHintsHandler';
import { registerSemanticTokens } from './handlers/semanticTokensHandler';
import { registerArticleRequests, statusOf } from './handlers/articleRequests';
import { registerNavigation } from './handlers/navigationHandlers';
import { registerTimeline } from './handlers/timelineHandler';
import { registerMap } from './handlers/mapHandler';
import { registerConflicts } from './conflicts';
import { guardConnection } from './safeHandler';
import { WorkerOptions, WorkspaceIndex } from './workspaceIndex';
import { OpenAnalysisWorker } from './openAnalysis/openAnalysisPool';
import { bundleEntry } from './bundleWorker';
import { KnowledgeOverlays } from './index/indexFile';
import { WatchedFiles } from './index/watchFiles';
import { debugEnabled, registerDebugRequests } from './debugRequests';
import { registerWorkspaceTrust, trustFromOptions } from './workspaceTrust';
import { UserPlacesState } from './userData/placesFile';
import { registerUserPlaces } from './userData/placesFeature';
import { UserFactionsState } from './userData/factionsFile';
import { registerUserFactions } from './userData/factionsFeature';

/** The user's places and factions in force, as plain data: workers lay them over their own knowledge. */
function overlaysOf(places: UserPlacesState, factions: UserFactionsState): () => KnowledgeOverlays {
  return () => ({ places: places.entriesInUse(), factions: factions.dictionaryInUse() });
}

/** Index workers run this very bundle (see main.ts); from sources (tsx) the index stays in the main thread. */
function indexWorkerOptions(overlays: () => KnowledgeOverlays): WorkerOptions | null {
  const entry = bundleEntry();
  // DATELINE_INDEX_WORKERS=n sets how many (0: none), for benchmarks and machines where threads misbehave.
  const count = process.env.DATELINE_INDEX_WORKERS ? Number(process.env.DATELINE_INDEX_WORKERS) : undefined;
  if (!entry || count === 0) return null;
  return { entry, count: count && count > 0 ? Math.floor(count) : undefined, overlays };
}

/** Large open documents are analysed in a worker running this bundle; from sources (tsx), in the main thread. */
function openAnalysisWorker(ctx: ServerContext, overlays: () => KnowledgeOverlays): OpenAnalysisWorker | null {
  const entry = bundleEntry();
  // DATELINE_OPEN_WORKER=0 keeps them in the main thread (benchmarks, machines where threads misbehave).
  if (!entry || process.env.DATELINE_OPEN_WORKER === '0') return null;
  return new OpenAnalysisWorker({
    entry,
    knowledge: ctx.knowledge,
    overlays,
    log: (m) => ctx.connection.console.warn(m),
    info: (m) => ctx.connection.console.log(m),
  });
}

export function startServer(connection: Connection): void {
  // First: every handler registered below fails alone (a ResponseError for its request), never the server.
  guardConnection(connection, (m) => connection.console.error(m));
  let knowledge: Knowledge | null = null;
  const baseKnowledge = () => (knowledge ??= loadKnowledge());
  // The user gazetteer (.dateline/places.json) is laid over the built-in places.
  let userPlaces: UserPlacesState | null = null;
  // …and the user's factions dictionary (.dateline/factions.json) over the built-in factions.
  let userFactions: UserFactionsState | null = null;
  const withUserData = (): Knowledge => {
    const k = userPlaces ? userPlaces.apply(baseKnowledge()) : baseKnowledge();
    return userFactions ? userFactions.apply(k) : k;
  };
  const ctx = new ServerContext(connection, withUserData);
  userPlaces = new UserPlacesState(connection, () => ctx.workspaceFolders);
  userFactions = new UserFactionsState(connection, () => ctx.workspaceFolders);
  const overlays = overlaysOf(userPlaces, userFactions);
  ctx.openAnalysis = openAnalysisWorker(ctx, overlays);
  const diagnostics = new DiagnosticsPublisher(ctx);
  const index = new WorkspaceIndex(ctx, undefined, indexWorkerOptions(overlays));
  // Listen for file changes here (index, user data): connection.onDidChangeWatchedFiles keeps one handler only.
  const watchedFiles = new WatchedFiles(connection);
  watchedFiles.on((changes) => index.filesChanged(changes));
  registerUserPlaces(ctx, userPlaces, baseKnowledge, diagnostics, index, watchedFiles);
  registerUserFactions(ctx, userFactions, diagnostics, index, watchedFiles);

  let inlayHintRefresh = false;
  connection.onInitialize((params) => {
    ctx.settings.enable(!!params.capabilities.workspace?.configuration);
    ctx.workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (ctx.workspaceFolders.length === 0 && params.rootUri) ctx.workspaceFolders = [params.rootUri];
    const options = params.initializationOptions as DatelineInitializationOptions | undefined;
    ctx.workspaceTrusted = trustFromOptions(options);
    if (debugEnabled(options)) registerDebugRequests(ctx);
    watchedFiles.initialize(params.capabilities);
    inlayHintRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    return { capabilities: capabilities(), serverInfo: { name: 'dateline' } };
  });
  connection.onInitialized(() => {
    void watchedFiles.register();
    index.startAfterOpenDocuments();
    // The built-in knowledge is loaded now, while the editor is still opening documents, rather than when the
    // first one arrives (its first analysis then waits only for itself).
    setImmediate(() => {
      try {
        baseKnowledge();
      } catch (err) {
        connection.console.error(`Dateline: loading built-in knowledge failed: ${(err as Error).message}`);
      }
    });
  });
  connection.onDidChangeConfiguration(() => {
    ctx.settings.reset();
    ctx.store.settingsChanged();
    diagnostics.scheduleAllOpen();
    refreshInlayHints(ctx, inlayHintRefresh);
    void index.settingsChanged();
  });
  connection.onRequest(ReanalyzeRequest, () => index.reanalyze());
  registerWorkspaceTrust(ctx);

  ctx.documents.onDidOpen((e) => diagnostics.schedule(e.document.uri, 0));
  ctx.documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  ctx.documents.onDidClose((e) => {
    diagnostics.cancel(e.document.uri);
    ctx.store.closeOpen(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerHover(ctx);
  registerInlayHints(ctx);
  registerSemanticTokens(ctx);
  const conflicts = registerConflicts(ctx, diagnostics);
  // Reviewed marks edited by hand (or by another window) take effect without a restart.
  watchedFiles.on((changes) => {
    if (changes.some((c) => /\/\.dateline\/reviewed\.json$/.test(c.uri))) conflicts.state.reloadReviewed();
  });
  registerArticleRequests(ctx, () => conflicts.status);
  registerNavigation(ctx);
  registerTimeline(ctx, () => conflicts.conflicts(), (settled) => conflicts.state.onSettled(settled));
  // The map marks contested periods and reads no reviewed flag: the conflicts as kept, not a copy of each (50,000 at 10,000 articles).
  registerMap(ctx, () => conflicts.state.allInSlices(), (settled) => conflicts.state.onSettled(settled));

  let pending: Set<string> | null = null;
  let lastSent = 0;
  ctx.store.onChanged((uris) => {
    // Coalesce bursts (indexing, rapid edits) into one notification per 50 ms, and at most two a second while
    // they last (each one counts every conflict in the workspace).
    if (pending) {
      uris.forEach((u) => pending!.add(u));
      return;
    }
    pending = new Set(uris);
    setTimeout(
      () => {
        const changed = [...pending!];
        pending = null;
        lastSent = Date.now();
        void connection.sendNotification(IndexChangedNotification, { ...statusOf(ctx, conflicts.status), changed });
      },
      Math.max(50, lastSent + 500 - Date.now()),
    );
  });

  ctx.documents.listen(connection);
  connection.listen();
}
