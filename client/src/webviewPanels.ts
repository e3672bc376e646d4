// What the timeline and map panels share on the extension side: options that load only bundled assets, titles by
// scope, opening a sentence beside the panel, and checking a location a webview sends back (it is not trusted).
import * as vscode from 'vscode';
import { Location, Scope } from '../../server/src/protocol';

/** Scripts on, nothing but dist/media loadable: nothing from the workspace, nothing remote. */
export function webviewPanelOptions(context: vscode.ExtensionContext, findWidget: boolean): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'media')], retainContextWhenHidden: false, enableFindWidget: findWidget };
}

/** "Timeline: article.txt" or "Timeline: workspace". */
export function panelTitle(what: string, state: { scope: Scope; uri?: string }): string {
  return state.scope === 'article' && state.uri ? `${what}: ${decodeURIComponent(state.uri.split('/').pop() ?? 'article')}` : `${what}: workspace`;
}

/** Opens the sentence in the other editor column, in the middle of the screen. */
export async function openSentenceBeside(panel: vscode.WebviewPanel, location: Location): Promise<void> {
  const r = location.range;
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const column = panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range, viewColumn: column, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
