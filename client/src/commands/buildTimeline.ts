// "Dateline: Build timeline": asks for the scope (the whole workspace or the current article) and opens the
// timeline panel. Tests and other commands may pass the scope: executeCommand('dateline.buildTimeline', 'workspace').
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Scope } from '../../../server/src/protocol';
import { registerTimelinePanel, TimelinePanel } from '../timeline/timelinePanel';

export function registerBuildTimeline(context: vscode.ExtensionContext, client: LanguageClient): void {
  registerTimelinePanel(context, client);
  context.subscriptions.push(
    vscode.commands.registerCommand('dateline.buildTimeline', async (arg?: Scope | { scope: Scope; uri?: string }) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      const given = typeof arg === 'string' ? { scope: arg, uri: active } : arg && typeof arg === 'object' ? { scope: arg.scope, uri: arg.uri ?? active } : null;
      if (given && (given.scope === 'workspace' || (given.scope === 'article' && given.uri))) {
        TimelinePanel.show(context, client, given.scope, given.uri);
        return;
      }
      const name = active ? decodeURIComponent(active.split('/').pop() ?? '') : '';
      const pick = await vscode.window.showQuickPick(
        [
          { label: '$(folder) All articles in the workspace', description: 'every article Dateline has indexed', scope: 'workspace' as Scope },
          ...(active ? [{ label: '$(file) Current article', description: name, scope: 'article' as Scope }] : []),
        ],
        // Kept open when focus moves (a webview of the timeline or map taking it as it loads): Escape cancels.
        { placeHolder: 'Build the timeline from…', title: 'Dateline: Build timeline', ignoreFocusOut: true },
      );
      if (!pick) return;
      TimelinePanel.show(context, client, pick.scope, pick.scope === 'article' ? active : undefined);
    }),
  );
}
