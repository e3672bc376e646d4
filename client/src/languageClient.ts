// Starts the Dateline language server (dist/server.js) over IPC.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DatelineInitializationOptions, WorkspaceTrustNotification, WorkspaceTrustParams } from '../../server/src/protocol';
import { withShowOnMap } from './map/placeHoverLink';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plain text and Markdown are sent too: the server decides whether each looks like an article.
    documentSelector: [
      { scheme: 'file', language: 'news' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'news' },
    ],
    synchronize: { configurationSection: 'dateline' },
    outputChannelName: 'Dateline',
    // In restricted mode the server analyses but never writes .dateline/ (package.json: untrustedWorkspaces limited).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted } satisfies DatelineInitializationOptions,
    middleware: {
      // A place's hover gets a "Show on map" link (issue 11); every other hover passes through untouched.
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        return hover ? withShowOnMap(client, hover, document, position, token) : hover;
      },
    },
  };
  const client = new LanguageClient('dateline', 'Dateline', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(WorkspaceTrustNotification, { trusted: true } satisfies WorkspaceTrustParams);
    }),
  );
  return client;
}
