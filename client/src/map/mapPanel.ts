// "Dateline: Show map": a webview with an offline basemap, the places of the workspace or the current article as
// markers sized by mentions, and a time slider colouring each place by who held it (from the claims).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Location, MapParams, MapRequest, MapResult, MapPlaceParams, MapPlaceRequest, MapPlaceResult, Scope } from '../../../server/src/protocol';
import { onIndexChanged } from '../views/indexEvents';
import { DEFAULT_MAP_STATE, FromMapWebview, MapViewState, normalizeMapState, parseFromMapWebview, ToMapWebview } from './messages';
import { webviewShell } from '../webviewShell';
import { openSentenceBeside, panelTitle, webviewPanelOptions } from '../webviewPanels';
import { mapTarget } from './mapTarget';

export const MAP_VIEW_TYPE = 'dateline.map';

class MapPanel {
  static current: MapPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private result: MapResult | null = null;
  /** Articles of the sentences the webview was given: the only ones it may open. */
  private readonly offered = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private state: MapViewState,
  ) {
    MapPanel.current = this;
    panel.title = this.title();
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(parseFromMapWebview(m))),
      onIndexChanged(context, client)((p) => {
        if (this.state.scope === 'article' && this.state.uri && !p.changed.includes(this.state.uri)) return;
        this.schedule(400);
      }),
    );
  }

  setScope(scope: Scope, uri: string | undefined, placeId: string | null): void {
    this.state = { ...this.state, scope, uri: scope === 'article' ? uri : undefined, selectedId: placeId ?? this.state.selectedId };
    this.panel.title = this.title();
    this.post({ type: 'state', state: this.state });
    this.schedule(0);
  }

  private title(): string {
    return panelTitle('Map', this.state);
  }

  private html(): string {
    return webviewShell(this.context.extensionUri, this.panel.webview, 'map', this.title());
  }


  private post(m: ToMapWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private async receive(m: FromMapWebview | null): Promise<void> {
    if (!m) return;
    switch (m.type) {
      case 'ready':
        this.post({ type: 'state', state: this.state });
        this.post({ type: 'basemap', topology: readBasemap(this.context) });
        this.schedule(0);
        return;
      case 'refresh':
        this.schedule(0);
        return;
      case 'stateChanged':
        this.state = { ...m.state, scope: this.state.scope, uri: this.state.uri };
        return;
      case 'open':
        return this.open(m.location);
      case 'placeDetails':
        return this.placeDetails(m.placeId, m.offset);
      case 'export':
        return this.save(m.format, m.data);
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    if (!this.result) this.post({ type: 'loading' });
    try {
      const params: MapParams = { scope: this.state.scope, uri: this.state.uri };
      const result = await this.client.sendRequest<MapResult>(MapRequest, params);
      if (generation !== this.generation) return;
      this.result = result;
      this.post({ type: 'places', result, title: this.title() });
    } catch (err) {
      if (generation === this.generation) this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** A place's details and a page of its sentences, asked for when the place is selected or "More" is pressed. */
  private async placeDetails(placeId: string, offset: number): Promise<void> {
    const params: MapPlaceParams = { scope: this.state.scope, uri: this.state.uri, placeId, offset };
    try {
      const result = await this.client.sendRequest<MapPlaceResult>(MapPlaceRequest, params);
      for (const s of result.sentences) this.offered.add(s.location.uri);
      this.post({ type: 'placeDetails', placeId, offset, result });
    } catch (err) {
      this.post({ type: 'placeDetails', placeId, offset, result: { control: null, sentences: [], next: null }, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Opens a sentence; only locations the map was given are honoured. */
  private async open(location: Location): Promise<void> {
    if (!this.offered.has(location.uri)) return;
    await openSentenceBeside(this.panel, location);
  }

  private async save(format: 'svg' | 'png', data: string): Promise<void> {
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : pngBytes(data);
    if (!bytes) return void vscode.window.showErrorMessage('Dateline: the map image could not be made.');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `map.${format}`) : undefined,
      filters: { [format === 'svg' ? 'SVG image' : 'PNG image']: [format] },
      saveLabel: `Export ${format.toUpperCase()}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    this.post({ type: 'saved', target: target.fsPath });
  }

  private dispose(): void {
    if (MapPanel.current === this) MapPanel.current = undefined;
    clearTimeout(this.timer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function pngBytes(dataUrl: string): Uint8Array | null {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  return m ? Uint8Array.from(Buffer.from(m[1], 'base64')) : null;
}

function readBasemap(context: vscode.ExtensionContext): unknown {
  try {
    return JSON.parse(fs.readFileSync(vscode.Uri.joinPath(context.extensionUri, 'dist', 'data', 'basemap.json').fsPath, 'utf8'));
  } catch {
    return null;
  }
}

/** Opens (or reveals) the map; `placeId` selects a place ("Show on map"). */
export function showMap(context: vscode.ExtensionContext, client: LanguageClient, scope: Scope, uri: string | undefined, placeId: string | null = null): void {
  const existing = MapPanel.current;
  if (existing) {
    existing.panel.reveal();
    existing.setScope(scope, uri, placeId);
    return;
  }
  const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, 'Map', column, webviewPanelOptions(context, false));
  new MapPanel(panel, context, client, { ...DEFAULT_MAP_STATE, scope, uri: scope === 'article' ? uri : undefined, selectedId: placeId });
}

/** The command and the serializer that brings the map back after a reload. */
export function registerShowMap(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(MAP_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown) {
        panel.webview.options = webviewPanelOptions(context, false);
        MapPanel.current?.panel.dispose();
        new MapPanel(panel, context, client, normalizeMapState((saved as { view?: unknown } | undefined)?.view));
      },
    }),
    vscode.commands.registerCommand('dateline.showMap', async (arg?: unknown) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      const target = mapTarget(arg, active);
      if (target) return showMap(context, client, target.scope, target.uri, target.placeId);
      const pick = await vscode.window.showQuickPick(
        [
          { label: '$(folder) All articles in the workspace', scope: 'workspace' as Scope },
          ...(active ? [{ label: '$(file) Current article', description: decodeURIComponent(active.split('/').pop() ?? ''), scope: 'article' as Scope }] : []),
        ],
        // Kept open when focus moves (a webview of the timeline or map taking it as it loads): Escape cancels.
        { placeHolder: 'Show the places of…', title: 'Dateline: Show map', ignoreFocusOut: true },
      );
      if (pick) showMap(context, client, pick.scope, active);
    }),
  );
}
