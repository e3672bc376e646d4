import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ReanalyzeRequest } from '../../../server/src/protocol';

export function registerReanalyze(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dateline.reanalyzeWorkspace', async () => {
      const n = await client.sendRequest<number>(ReanalyzeRequest);
      void vscode.window.showInformationMessage(`Dateline: ${n} article(s) analysed.`);
    }),
  );
}
