// The HTML shell of our bundled webviews (timeline, map): a fresh nonce per load, the bundle's script and
// stylesheet from dist/media, and the strict CSP of timelineHtml.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { timelineHtml } from './timeline/timelineHtml';

export function webviewShell(extensionUri: vscode.Uri, webview: vscode.Webview, bundle: 'timeline' | 'map', title: string): string {
  const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
  return timelineHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, `${bundle}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, `${bundle}.css`)).toString(),
    title,
  });
}
