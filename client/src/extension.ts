// Activates Dateline: starts the language server and registers commands and views.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerBuildTimeline } from './commands/buildTimeline';
import { registerShowMap } from './map/mapPanel';
import { registerReanalyze } from './commands/reanalyze';
import { registerViews } from './views/registerViews';
import { registerStatusBar } from './statusBar';
import { registerPanelCommands } from './commands/panelCommands';
import { registerOpenLocation } from './commands/openLocation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  context.subscriptions.push(client);
  registerBuildTimeline(context, client);
  registerShowMap(context, client);
  registerReanalyze(context, client);
  registerOpenLocation(context);
  const views = registerViews(context, client);
  const status = registerStatusBar(context, client);
  registerPanelCommands(context, client, views, status.refresh);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
