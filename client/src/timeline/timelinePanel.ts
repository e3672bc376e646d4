// The timeline panel on the extension side: one webview, fed by the `dateline/timeline` request, refreshed when the
// index changes, restored after a reload (see registerTimelinePanel), saving exports where the user chooses.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import {
  IndexChangedParams,
  Location,
  Scope,
  TimelineExportParams,
  TimelineExportRequest,
  TimelineExportResult,
  TimelineFormat,
  TimelineParams,
  TimelineRequest,
  TimelineResult,
} from '../../../server/src/protocol';
import { onIndexChanged } from '../views/indexEvents';
import { DEFAULT_VIEW_STATE, EXPORTS, FromWebview, normalizeState, parseFromWebview, TimelineViewState, ToWebview } from './messages';
import { webviewShell } from '../webviewShell';
import { openSentenceBeside, panelTitle, webviewPanelOptions } from '../webviewPanels';

export const TIMELINE_VIEW_TYPE = 'dateline.timeline';

export class TimelinePanel {
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private state: TimelineViewState;
  private result: TimelineResult | null = null;
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  /** Opens (or reveals) the panel for a scope. */
  static show(context: vscode.ExtensionContext, client: LanguageClient, scope: Scope, uri: string | undefined): TimelinePanel {
    const existing = TimelinePanel.current;
    if (existing) {
      existing.panel.reveal();
      existing.setScope(scope, uri);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', column, webviewPanelOptions(context, true));
    return new TimelinePanel(panel, context, client, { ...DEFAULT_VIEW_STATE, scope, uri: scope === 'article' ? uri : undefined });
  }

  /** Brings back a panel VS Code restored after a reload, with the state its webview saved. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, saved: unknown): TimelinePanel {
    panel.webview.options = webviewPanelOptions(context, true);
    TimelinePanel.current?.panel.dispose();
    return new TimelinePanel(panel, context, client, normalizeState((saved as { view?: unknown } | undefined)?.view));
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    state: TimelineViewState,
  ) {
    TimelinePanel.current = this;
    this.state = state;
    panel.title = this.title();
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(parseFromWebview(m))),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.scheduleRefresh(0);
      }),
      onIndexChanged(context, client)((p) => this.indexChanged(p)),
    );
  }

  private setScope(scope: Scope, uri: string | undefined): void {
    this.state = { ...this.state, scope, uri: scope === 'article' ? uri : undefined, selectedId: null, scrollLeft: 0 };
    this.panel.title = this.title();
    this.post({ type: 'state', state: this.state });
    this.scheduleRefresh(0);
  }

  private title(): string {
    return panelTitle('Timeline', this.state);
  }

  private html(): string {
    return webviewShell(this.context.extensionUri, this.panel.webview, 'timeline', this.title());
  }


  private post(m: ToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private async receive(m: FromWebview | null): Promise<void> {
    if (!m) return;
    switch (m.type) {
      case 'ready':
        this.post({ type: 'state', state: this.state });
        if (this.result) this.post({ type: 'events', events: this.result.events, articles: this.result.articles, title: this.title() });
        this.scheduleRefresh(0);
        return;
      case 'refresh':
        this.scheduleRefresh(0);
        return;
      case 'setOptions':
        this.state = { ...this.state, allDatedSentences: m.allDatedSentences };
        this.scheduleRefresh(0);
        return;
      case 'stateChanged':
        // The webview owns filters, zoom and selection; scope stays the extension's.
        this.state = { ...m.state, scope: this.state.scope, uri: this.state.uri };
        return;
      case 'open':
        return this.open(m.location);
      case 'export':
        return this.exportAs(m.format, m.eventIds);
      case 'showOnMap':
        await vscode.commands.executeCommand('dateline.showMap', { scope: this.state.scope, uri: this.state.uri, placeId: m.placeId });
        return;
    }
  }

  private indexChanged(p: IndexChangedParams): void {
    if (this.state.scope === 'article' && this.state.uri && !p.changed.includes(this.state.uri)) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.scheduleRefresh(300);
  }

  /** Debounced: bursts of edits and indexing give one request. */
  private scheduleRefresh(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private params(): TimelineParams {
    return { scope: this.state.scope, uri: this.state.uri, allDatedSentences: this.state.allDatedSentences };
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.stale = false;
    if (!this.result) this.post({ type: 'loading' });
    try {
      const result = await this.client.sendRequest<TimelineResult>(TimelineRequest, this.params());
      if (generation !== this.generation) return; // a newer request is on its way
      this.result = result;
      this.post({ type: 'events', events: result.events, articles: result.articles, title: this.title() });
    } catch (err) {
      if (generation === this.generation) this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Opens an article at the event's sentence; only locations of events on this timeline are honoured. */
  private async open(location: Location): Promise<void> {
    const known = this.result?.events.some((e) => e.location.uri === location.uri || e.reports.some((r) => r.location.uri === location.uri));
    if (!known) return;
    await openSentenceBeside(this.panel, location);
  }

  private async exportAs(format: TimelineFormat, eventIds: string[]): Promise<void> {
    const what = EXPORTS.find((e) => e.format === format);
    if (!what) return;
    try {
      const params: TimelineExportParams = { ...this.params(), format, eventIds };
      const result = await this.client.sendRequest<TimelineExportResult>(TimelineExportRequest, params);
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `timeline${format === 'timelinejs' ? '.timelinejs' : ''}.${result.extension}`;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { [what.title]: [result.extension] },
        saveLabel: `Export ${what.label}`,
        title: `Export the timeline (${result.events} events) as ${what.label}`,
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
      this.post({ type: 'exported', format, target: target.fsPath });
      void vscode.window.showInformationMessage(`Dateline: exported ${result.events} events to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (err) {
      void vscode.window.showErrorMessage(`Dateline: the ${what.label} export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    clearTimeout(this.timer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** Restores the timeline after a window reload (activation event onWebviewPanel:dateline.timeline). */
export function registerTimelinePanel(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        TimelinePanel.revive(panel, context, client, state);
      },
    }),
  );
}
