// The timeline panel on the extension side: one webview, which asks for the window of days it shows
// (`dateline/timelineWindow`) and for an event in full when it is selected (`dateline/timelineEvent`); told when
// the index changes, restored after a reload (see registerTimelinePanel), saving exports where the user chooses.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import {
  IndexChangedParams,
  Location,
  Scope,
  TimelineEventParams,
  TimelineEventRequest,
  TimelineEventResult,
  TimelineExportParams,
  TimelineExportRequest,
  TimelineExportResult,
  TimelineFormat,
  TimelineParams,
  TimelineWindowParams,
  TimelineWindowRequest,
  TimelineWindowResult,
} from '../../../server/src/protocol';
import { onIndexChanged } from '../views/indexEvents';
import { DEFAULT_VIEW_STATE, EXPORTS, filterOf, FromWebview, normalizeState, parseFromWebview, TimelineViewState, ToWebview, WindowQuery } from './messages';
import { webviewShell } from '../webviewShell';
import { openSentenceBeside, panelTitle, webviewPanelOptions } from '../webviewPanels';

export const TIMELINE_VIEW_TYPE = 'dateline.timeline';

export class TimelinePanel {
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private state: TimelineViewState;
  /** Articles the events sent to the webview come from: the only ones it may open. */
  private readonly known = new Set<string>();
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

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
    this.known.clear();
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
      case 'window':
        return this.sendWindow(m.seq, m.query);
      case 'detail':
        return this.sendDetail(m.id);
      case 'open':
        return this.open(m.location);
      case 'export':
        return this.exportAs(m.format);
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
    this.timer = setTimeout(() => this.refresh(), delay);
  }

  private params(): TimelineParams {
    return { scope: this.state.scope, uri: this.state.uri, allDatedSentences: this.state.allDatedSentences };
  }

  /** Tells the webview to ask again for what it shows (the server builds the timeline once per change). */
  private refresh(): void {
    this.stale = false;
    this.post({ type: 'changed', title: this.title() });
  }

  private async sendWindow(seq: number, query: WindowQuery): Promise<void> {
    const params: TimelineWindowParams = { ...this.params(), ...query, filter: filterOf(this.state) };
    try {
      const window = await this.client.sendRequest<TimelineWindowResult>(TimelineWindowRequest, params);
      for (const e of [...window.events, ...window.undated]) this.known.add(e.location.uri);
      this.post({ type: 'window', seq, window, title: this.title() });
    } catch (err) {
      this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async sendDetail(id: string): Promise<void> {
    const params: TimelineEventParams = { ...this.params(), id };
    try {
      const event = await this.client.sendRequest<TimelineEventResult>(TimelineEventRequest, params);
      for (const r of event?.reports ?? []) this.known.add(r.location.uri);
      if (event) this.known.add(event.location.uri);
      this.post({ type: 'detail', id, event });
    } catch (err) {
      this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Opens an article at the event's sentence; only articles of events sent to the webview are honoured. */
  private async open(location: Location): Promise<void> {
    if (!this.known.has(location.uri)) return;
    await openSentenceBeside(this.panel, location);
  }

  /** Exports what the filters show, asked for part by part: a workspace's export can pass what one reply holds. */
  private async exportAs(format: TimelineFormat): Promise<void> {
    const what = EXPORTS.find((e) => e.format === format);
    if (!what) return;
    try {
      const params: TimelineExportParams = { ...this.params(), format, filter: filterOf(this.state), part: 0 };
      const first = await this.client.sendRequest<TimelineExportResult>(TimelineExportRequest, params);
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `timeline${format === 'timelinejs' ? '.timelinejs' : ''}.${first.extension}`;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { [what.title]: [first.extension] },
        saveLabel: `Export ${what.label}`,
        title: `Export the timeline (${first.events} events) as ${what.label}`,
      });
      if (!target) return;
      const encoder = new TextEncoder();
      const parts = [encoder.encode(first.content)];
      for (let part = 1, more = first.more; more; part++) {
        const next = await this.client.sendRequest<TimelineExportResult>(TimelineExportRequest, { ...params, part });
        parts.push(encoder.encode(next.content));
        more = next.more;
      }
      await vscode.workspace.fs.writeFile(target, concat(parts));
      this.post({ type: 'exported', format, target: target.fsPath });
      void vscode.window.showInformationMessage(`Dateline: exported ${first.events} events to ${vscode.workspace.asRelativePath(target)}.`);
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

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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
