// "Dateline: Build timeline": asks the server for dated events and shows them in order.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Scope, TimelineParams, TimelineRequest, TimelineResult } from '../../../server/src/protocol';

export function registerBuildTimeline(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dateline.buildTimeline', async () => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'All articles in the workspace', scope: 'workspace' as Scope },
          ...(active ? [{ label: 'Current article', scope: 'article' as Scope }] : []),
        ],
        { placeHolder: 'Build the timeline from…' },
      );
      if (!pick) return;
      const params: TimelineParams = { scope: pick.scope, uri: active };
      const result = await client.sendRequest<TimelineResult>(TimelineRequest, params);
      const lines = result.events.map((e) => `- ${e.dateLabel} — ${e.summary} (${e.source})`);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Timeline\n\n${lines.join('\n') || 'No dated events found.'}\n` });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
