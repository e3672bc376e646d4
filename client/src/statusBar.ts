// The status bar item: articles indexed and open conflicts; a click opens the Conflicts view.
// Refreshed by `dateline/indexChanged` (and once when the server starts), never by polling.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { IndexChangedParams, StatusRequest, StatusResult } from '../../server/src/protocol';
import { onIndexChanged } from './views/indexEvents';

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): { refresh(): Promise<void> } {
  const item = vscode.window.createStatusBarItem('dateline.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Dateline';
  item.command = { command: 'dateline.conflicts.focus', title: 'Open the Conflicts view' };
  context.subscriptions.push(item);

  const show = (s: Pick<IndexChangedParams, 'articles' | 'conflicts' | 'reviewed' | 'checking'>) => {
    item.text = `$(location) ${plural(s.articles, 'article')}${s.conflicts ? ` $(warning) ${plural(s.conflicts, 'conflict')}` : ''}${s.checking ? ' $(sync~spin)' : ''}`;
    const checking = s.checking ? '\nStill checking the newly indexed articles for conflicts: the count may rise.' : '';
    item.tooltip = `Dateline: ${plural(s.articles, 'article')} indexed, ${plural(s.conflicts, 'open conflict')}${s.reviewed ? ` (${s.reviewed} reviewed)` : ''}.${checking}\nClick to open the Conflicts view.`;
    item.backgroundColor = s.conflicts ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const refresh = async () => {
    if (client.state !== State.Running) return;
    try {
      show(await client.sendRequest<StatusResult>(StatusRequest));
    } catch {
      // The server restarts or stops: the next notification brings the figures back.
    }
  };
  context.subscriptions.push(
    onIndexChanged(context, client)(show),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void refresh();
      else item.hide();
    }),
  );
  return { refresh };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
